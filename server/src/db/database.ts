import { MikroORM } from '@mikro-orm/postgresql';
import { ensureAuditPartitions } from '../platform/audit-event/audit-event.maintenance.js';
import { ensureOfficialCalendar } from '../casework/calendar-day/calendar-day.official.js';
import { appRolePassword, appRoleUrl, ensureAppRole } from './app-role.js';
import { ormConfig } from './orm.config.js';
import { requestTimeoutMs } from '../config.js';

/**
 * As the owner (`url`): runs pending migrations (schema changes only through committed migrations),
 * creates the coming audit partitions, enters the official holiday calendar for years not yet in the
 * table, and prepares the app role. Returns the app's connection, made as that role, which owns
 * nothing and may only append to the audit log.
 */
export async function openDatabase(url: string, dataKey: string): Promise<MikroORM> {
  const owner = await MikroORM.init(ormConfig(url));
  const password = appRolePassword(dataKey);
  try {
    await owner.getMigrator().up();
    await ensureAuditPartitions(owner.em.fork());
    await ensureOfficialCalendar(owner.em.fork());
    await ensureAppRole(owner.em.fork(), password);
  } finally {
    await owner.close(true);
  }
  // the app's statements end with the request timeout (issue 12); the owner's migrations have none
  return MikroORM.init(ormConfig(appRoleUrl(url, password), {}, { statementTimeoutMs: requestTimeoutMs() }));
}
