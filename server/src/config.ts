import path from 'node:path';

export interface Config {
  port: number;
  dataDir: string;
  /** When absent, the embedded PostgreSQL in `dataDir` is used. */
  databaseUrl?: string;
  embeddedPort: number;
  production: boolean;
  /** Secret for encrypting personal data at rest and for keyed hashes (PR1). */
  dataKey: string;
  adminDir: string;
  seedDemo: boolean;
  /** Express's `trust proxy` (TRUST_PROXY): off by default, so X-Forwarded-For is ignored unless a proxy is named. */
  trustProxy: boolean | number | string;
  /** A request (and each of its SQL statements) ends with REQUEST_TIMEOUT after this long (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/**
 * TRUST_PROXY as Express reads it: unset/`false`/`0` → off (the socket's address is the client's);
 * `true` → trust every hop; a number → that many hops; otherwise addresses or subnets
 * (`loopback`, `10.0.0.0/8, 172.16.0.0/12`). Only set it when a proxy you run sits in front.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const v = value?.trim();
  if (!v || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

export function requestTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.REQUEST_TIMEOUT_MS);
  return env.REQUEST_TIMEOUT_MS && Number.isFinite(n) && n > 0 ? n : DEFAULT_REQUEST_TIMEOUT_MS;
}

/** The published development key: never a source of secrets (issue 12 item 8). */
export const DEV_DATA_KEY = 'lianluo-development-key-not-for-production';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataKey = env.DATA_KEY ?? (production ? '' : DEV_DATA_KEY);
  if (!dataKey) throw new Error('DATA_KEY must be set in production (used to encrypt personal data)');
  return {
    port: Number(env.PORT ?? 4000),
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPort: Number(env.EMBEDDED_PG_PORT ?? 54329),
    production,
    dataKey,
    adminDir: path.resolve(env.ADMIN_DIR ?? 'admin/dist'),
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO !== 'false' : !production,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    requestTimeoutMs: requestTimeoutMs(env),
  };
}
