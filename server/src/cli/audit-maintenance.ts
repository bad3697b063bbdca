import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from '../config.js';
import { ormConfig } from '../db/orm.config.js';
import { cliDatabase } from '../db/cli-database.js';
import { runAuditMaintenance, auditRetentionMonths } from '../platform/audit-event/audit-event.maintenance.js';

/**
 * `node server/dist/server/src/cli/audit-maintenance.js` (monthly, e.g. from cron), as the owner role:
 * creates the coming audit partitions and drops whole months older than AUDIT_RETENTION_MONTHS
 * (never below 6). Without DATABASE_URL it uses the embedded database of DATA_DIR (the running app's,
 * or starts it).
 */
const config = loadConfig();
const db = await cliDatabase(config);
const orm = await MikroORM.init(ormConfig(db.url));
try {
  const result = await runAuditMaintenance(orm.em.fork(), { retentionMonths: auditRetentionMonths() });
  console.log(
    `[audit-maintenance] retention ${result.retentionMonths} months; created ${result.partitionsCreated} partitions; dropped ${result.dropped.join(', ') || 'none'}`,
  );
} finally {
  await orm.close(true);
  await db.stop();
}
