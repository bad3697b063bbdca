import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../config.js';
import { restoreBackup, RestoreError } from '../db/backup.js';
import { embeddedUrl, startEmbeddedPostgres } from '../db/embedded.js';

/**
 * `npm run restore -- <backup.tar.gz>`: unpacks a backup made by `npm run backup` into DATA_DIR, which
 * must be empty, checks every file's SHA-256, and starts the database once so it replays its WAL to
 * the backup's end. Then `npm start` with the same DATA_DIR (and the same DATA_KEY) serves it.
 */
const file = process.argv[2];
if (!file || file === '-h' || file === '--help') {
  console.log('usage: DATA_DIR=<empty folder> npm run restore -- <backup.tar.gz>');
  process.exit(file ? 0 : 2);
}
const config = loadConfig();
if (config.databaseUrl) {
  console.error('[restore] DATABASE_URL 已设置：请用 pg_restore 恢复该数据库（README“备份与恢复”）/ DATABASE_URL is set: restore it with pg_restore (README: Backup)');
  process.exit(2);
}
try {
  const r = await restoreBackup({ file: path.resolve(file), dataDir: config.dataDir });
  console.log(`[restore] ${r.files} files checked and unpacked into ${config.dataDir} in ${r.ms} ms (backup of ${r.manifest.createdAt}, PostgreSQL ${r.manifest.serverVersion})`);
  const t = Date.now();
  const pgDir = path.join(config.dataDir, 'pg');
  // a port of its own: the installation backed up may be running on this machine
  const port = await new Promise<number>((resolve, reject) => {
    const srv = net.createServer().on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
  const db = await startEmbeddedPostgres(pgDir, port);
  try {
    const client = new pg.Client({ connectionString: embeddedUrl(pgDir, port) });
    await client.connect();
    const { rows } = await client.query<{ recovering: boolean }>('select pg_is_in_recovery() as recovering');
    await client.end();
    if (rows[0].recovering) throw new RestoreError('恢复后数据库仍处于恢复状态 / the database is still in recovery');
  } finally {
    await db.stop();
  }
  console.log(`[restore] WAL replayed to the backup's end in ${Date.now() - t} ms; start the app with this DATA_DIR`);
} catch (e) {
  if (!(e instanceof RestoreError)) throw e;
  console.error(`[restore] ${e.message}`);
  process.exit(1);
}
