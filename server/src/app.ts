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
import { inputHygienePlugin } from './common/input-hygiene.js';
import { introspectionDepthRule, MAX_INTROSPECTION_DEPTH } from './common/introspection-depth.js';
import { parseTrustProxy, requestTimeoutMs } from './config.js';
import { isUtf8 } from 'node:buffer';
import { asServiceUnavailable, serviceUnavailablePlugin } from './common/unavailable.js';

export interface AppOptions {
  orm: MikroORM;
  /** Built console to serve at `/` (optional: tests run without it). */
  adminDir?: string;
  /** Express's `trust proxy`; default TRUST_PROXY (off when unset: X-Forwarded-For is ignored). */
  trustProxy?: boolean | number | string;
  /** Default REQUEST_TIMEOUT_MS or 15 s. */
  requestTimeoutMs?: number;
}

export interface App {
  app: express.Express;
  server: http.Server;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

/** Builds the HTTP app without listening; main.ts listens, tests use it on an ephemeral port. */
export async function createApp({ orm, adminDir, ...options }: AppOptions): Promise<App> {
  const schema = await createSchema();
  const app = express();
  app.disable('x-powered-by');
  // client addresses (login limits, sessions, audit) come from X-Forwarded-For only behind a named proxy (issue 12)
  app.set('trust proxy', options.trustProxy ?? parseTrustProxy(process.env.TRUST_PROXY));
  const timeoutMs = options.requestTimeoutMs ?? requestTimeoutMs();
  const server = http.createServer(app);
  // depth, alias, directive and cost limits calibrated on the console's own queries; not armor's
  // maxTokens (it turns syntax errors into 500s): Apollo's parseOptions.maxTokens instead
  const armor = new ApolloArmor({
    // records link by ids (the console's queries are 2 deep); introspection has its own bound
    // (introspectionDepthRule: the standard query of GraphiQL, codegen and ra-data-graphql is 21 deep)
    maxDepth: { n: 12, ignoreIntrospection: true },
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
    validationRules: [...protection.validationRules, introspectionDepthRule(MAX_INTROSPECTION_DEPTH)],
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // armor's types come from Apollo's CommonJS build; the plugins are the same at run time
      ...(protection.plugins as unknown as ApolloServerPlugin<Context>[]),
      // NUL bytes, invalid Unicode and over-long text refused before anything runs (issue 12)
      inputHygienePlugin<Context>(),
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
    requestTimeout(timeoutMs),
    // a body that is not valid UTF-8 would be decoded with U+FFFD in place of the bad bytes
    express.json({
      limit: '1mb',
      verify: (_req, _res, buf) => {
        if (!isUtf8(buf)) throw Object.assign(new Error('invalid UTF-8'), { status: 400, code: 'INVALID_UTF8' });
      },
    }),
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
    // the request timed out and was answered already (requestTimeout below)
    if (res.headersSent) return;
    if (err?.code === 'INVALID_UTF8') {
      res.status(400).json({ errors: [{ message: '请求正文不是有效的 UTF-8 编码 / the body is not valid UTF-8', extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_UTF8' } }] });
      return;
    }
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

/**
 * Answers 503 REQUEST_TIMEOUT when a request runs longer than `ms` (issue 12, item 5); its SQL is
 * bounded by the same statement_timeout (db/database.ts), so the database work ends too. Work that
 * already committed stays committed: a client retries with the idempotency key.
 */
function requestTimeout(ms: number): express.RequestHandler {
  return (_req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res
        .status(503)
        .set('Retry-After', '5')
        .json({ errors: [{ message: `请求处理超时（${Math.round(ms / 1000)} 秒），请稍后重试 / request timed out`, extensions: { code: 'REQUEST_TIMEOUT', timeoutMs: ms } }] });
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.on('finish', clear);
    res.on('close', clear);
    next();
  };
}
