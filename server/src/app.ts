import 'reflect-metadata';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
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
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { introspectionGatePlugin, mutationAuditPlugin } from './access/access.plugins.js';
import { scopeOf } from './access/access.scope.js';
import { ANONYMOUS } from './common/context.js';
import { authenticate } from './platform/session/session.service.js';
import { mailboxRegisterExport } from './casework/mailbox/mailbox.export.js';
import { listExport } from './platform/export/export.route.js';
import { consoleStatic } from './common/console-static.js';
import { asServiceUnavailable, serviceUnavailablePlugin } from './common/unavailable.js';

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
  // depth, alias, directive and cost limits calibrated on the console's own queries; not armor's
  // maxTokens (it turns syntax errors into 500s): Apollo's parseOptions.maxTokens instead
  const armor = new ApolloArmor({
    // records link by ids (the console's queries are 2 deep); 12 leaves room for tools' introspection
    maxDepth: { n: 12, ignoreIntrospection: false },
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    costLimit: { maxCost: 20_000, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: true },
    maxTokens: { enabled: false },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: 20_000 },
    // CSRF prevention: a GraphQL request must be JSON or carry a preflight header (Apollo's default, kept explicit)
    csrfPrevention: true,
    introspection: true,
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // armor's types come from Apollo's CommonJS build; the plugins are the same at run time
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      introspectionGatePlugin(),
      mutationAuditPlugin(),
      serviceUnavailablePlugin(), // database down: HTTP 503 + Retry-After (issue 12)
    ],
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
      context: async ({ req, res }) => {
        const em = orm.em.fork({ useContext: false }) as Context['em'];
        try {
          // the session (Bearer token or cookie) and the reach of its account, once per request (PR3)
          const session = await authenticate(em, req);
          const actor = session ? await scopeOf(em, session) : ANONYMOUS;
          return { em, actor, req, res };
        } catch (e) {
          throw asServiceUnavailable(e); // database down: a retryable 503, not a 500
        }
      },
    }),
  );

  app.get('/export/mailbox-register.xlsx', mailboxRegisterExport(orm)); // MB7
  // any list as a workbook, through the same allXs query, gate and scope as /graphql (issue 11)
  app.get('/export/:resource.xlsx', listExport(orm, schema));

  if (adminDir && fs.existsSync(path.join(adminDir, 'index.html'))) {
    // hashed assets cached for a year, index.html revalidated, brotli/gzip (common/console-static.ts)
    app.use(consoleStatic(adminDir));
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
