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
  };
}
