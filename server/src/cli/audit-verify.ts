import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config.js';
import { ormConfig } from '../db/orm.config.js';
import { cliDatabase } from '../db/cli-database.js';
import { sealAuditChain, verifyAuditChain } from '../platform/audit-event/audit-event.chain.js';

/**
 * `npm run audit:verify`, as the owner role (it reads the chain's key): seals what is settled, then
 * recomputes every sealed block of the audit log and reports the first broken link (exit code 1), or
 * the number of blocks and rows and the last hash (exit code 0; keep that hash elsewhere to detect a
 * chain cut short). `--no-seal` checks without sealing first. Without DATABASE_URL it uses the
 * embedded database of DATA_DIR.
 */
const config = loadConfig();
const db = await cliDatabase(config);
const orm = await MikroORM.init(ormConfig(db.url));
let code = 0;
try {
  const em = orm.em.fork();
  if (!process.argv.includes('--no-seal')) await sealAuditChain(em);
  const report = await verifyAuditChain(em);
  if (report.broken) {
    code = 1;
    const b = report.broken;
    console.error(`[audit-verify] BROKEN at block ${b.blockNo}: ${b.problem}${b.month ? ` (${b.month}: sealed ${b.sealedRows}, found ${b.foundRows})` : ''} — ${b.message}`);
    console.error(`[audit-verify] ${report.blocks} block(s) before it verified`);
  } else {
    console.log(
      `[audit-verify] OK: ${report.blocks} block(s), ${report.sealedRows} sealed row(s), ${report.unsealedRows} not yet sealed; last hash ${report.lastHash ?? '(none)'}`,
    );
  }
} finally {
  await orm.close(true);
  await db.stop();
}
process.exit(code);
