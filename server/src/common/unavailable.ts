import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The database is down, restarting or refusing connections (issue 12, item 7): the request may be
 * retried as it is, so the answer is HTTP 503 with a retryable code and a Retry-After, never a 500.
 * The server recovers by itself: the pool opens new connections once the database is back.
 */
export const RETRY_AFTER_SECONDS = 5;

// SQLSTATE class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now),
// 53300 (too many connections)
const SQLSTATES = /^(08...|57P0[123]|53300)$/;
const NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const MESSAGES =
  /Connection terminated|Timeout acquiring a connection|not currently accepting connections|connection error|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to/i;

/** True when `error` (or what it wraps) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: any = error; e && typeof e === 'object' && !seen.has(e); e = e.originalError ?? e.cause ?? e.previous) {
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : typeof e.sqlState === 'string' ? e.sqlState : '';
    if (SQLSTATES.test(code) || NODE_CODES.has(code)) return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    if (e.name === 'ConnectionException') return true;
  }
  return false;
}

const MESSAGE = '服务暂时不可用（数据库无法连接），请稍后重试 / Service temporarily unavailable, please retry';

function extensions() {
  return {
    code: 'SERVICE_UNAVAILABLE',
    retryable: true,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  };
}

/** For `formatError`: the coded, retryable form of a database outage (no driver text leaks), else null. */
export function serviceUnavailableError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | null {
  if (!isDatabaseUnavailable(error)) return null;
  return { message: MESSAGE, path: formatted.path, extensions: extensions() };
}

/** For the context function: a failure there (the session look-up) becomes a 503 when the database is down. */
export function asServiceUnavailable(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  return new GraphQLError(MESSAGE, {
    originalError: error instanceof Error ? error : undefined,
    extensions: {
      ...extensions(),
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/**
 * An Apollo plugin: a response whose errors include SERVICE_UNAVAILABLE leaves as HTTP 503 with
 * Retry-After (resolver errors would otherwise leave with 200, and context failures with 500).
 */
export function serviceUnavailablePlugin() {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }: { response: { http: { status?: number; headers: Map<string, string> }; body: any } }) {
          const body = response.body?.kind === 'single' ? response.body.singleResult : undefined;
          const errors: GraphQLFormattedError[] = body?.errors ?? [];
          if (!errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
