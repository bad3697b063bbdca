import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { embeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.js';
import { ensureDatabase } from './ensure-database.js';

/**
 * The owner's database URL for a maintenance command: DATABASE_URL, else the embedded database of
 * DATA_DIR — the running server's, or started here (and stopped by `stop`).
 */
export async function cliDatabase(config: Config): Promise<{ url: string; stop: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => {} };
  const running = embeddedUrl(path.join(config.dataDir, 'pg'), config.embeddedPort, 'lianluo');
  const probe = new pg.Client({ connectionString: running });
  let embedded: EmbeddedDatabase | undefined;
  try {
    await probe.connect();
  } catch {
    embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.embeddedPort);
  } finally {
    await probe.end().catch(() => {});
  }
  const url = embedded ? await ensureDatabase(embedded.url, 'lianluo') : running;
  return { url, stop: async () => embedded?.stop() };
}
