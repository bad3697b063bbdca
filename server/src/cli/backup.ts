import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../config.js';
import { createBackup } from '../db/backup.js';
import { embeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';

/**
 * `npm run backup [-- --out file.tar.gz]`: an online backup of the embedded database of DATA_DIR while
 * the app runs (or, when it is stopped, started for the backup). With DATABASE_URL the database is
 * yours: use pg_dump (README: Backup).
 */
const USAGE = 'usage: npm run backup [-- --out backups/lianluo.tar.gz]';
const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, strict: true });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const config = loadConfig();
if (config.databaseUrl) {
  console.error('[backup] DATABASE_URL 已设置：请用 pg_dump 备份该数据库（README“备份与恢复”）/ DATABASE_URL is set: back it up with pg_dump (README: Backup)');
  process.exit(2);
}
const pgDir = path.join(config.dataDir, 'pg');
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const out = path.resolve(values.out ?? path.join('backups', `lianluo-${stamp}.tar.gz`));

if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
  console.error(`[backup] ${pgDir} 中没有数据库 / no database in ${pgDir}: set DATA_DIR to the installation's`);
  process.exit(2);
}

let embedded: EmbeddedDatabase | undefined;
const probe = new pg.Client({ connectionString: embeddedUrl(pgDir, config.embeddedPort) });
try {
  await probe.connect();
} catch {
  console.log(`[backup] the database in ${pgDir} is not running: starting it for the backup`);
  embedded = await startEmbeddedPostgres(pgDir, config.embeddedPort);
} finally {
  await probe.end().catch(() => {});
}
try {
  const r = await createBackup({ pgDir, url: embeddedUrl(pgDir, config.embeddedPort), out });
  console.log(`[backup] ${r.file}: ${(r.bytes / 1048576).toFixed(1)} MB, ${r.files} files, WAL ${r.startLsn}…${r.stopLsn}, ${r.ms} ms`);
  console.log(`[backup] sha256 ${r.sha256} (also in ${path.basename(r.file)}.sha256; every file's sum is in the archive's manifest.json)`);
} finally {
  await embedded?.stop();
}
