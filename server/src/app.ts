import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Context } from './common/context.js';
import { formatError } from './common/format-error.js';
import { createSchema } from './schema.js';

export interface AppOptions {
  orm: MikroORM;
  /** Built console to serve at `/` (optional: tests run without it). */
  adminDir?: string;
}

export interface App {
  app: express.Express;
  server: http.Server;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

/** Builds the HTTP app without listening; main.ts listens, tests use it on an ephemeral port. */
export async function createApp({ orm, adminDir }: AppOptions): Promise<App> {
  const schema = await createSchema();
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: 20_000 },
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server })],
    // main.ts stops the server, the ORM and the database in order on SIGINT/SIGTERM
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        em: orm.em.fork({ useContext: false }) as Context['em'],
        actor: { displayName: '系统' },
        req,
        res,
      }),
    }),
  );

  if (adminDir && fs.existsSync(path.join(adminDir, 'index.html'))) {
    // hashed assets are cached for long; the HTML that names them never is, so a deploy shows at once
    app.use(
      express.static(adminDir, {
        index: 'index.html',
        maxAge: '7d',
        setHeaders: (res, file) => {
          if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
        },
      }),
    );
    // client-side routes of the console fall back to its index page
    app.get(/^\/(?!graphql|healthz|readyz).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(adminDir, 'index.html'));
    });
  }

  // malformed JSON bodies and oversized requests: a coded 4xx, never a 500 with a stack
  app.use((err: any, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    res.status(status).json({ errors: [{ message: status < 500 ? '请求格式不正确或过大' : '服务器内部错误', extensions: { code } }] });
  });

  return {
    app,
    server,
    apollo,
    async stop() {
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
