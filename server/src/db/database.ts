import { MikroORM } from '@mikro-orm/postgresql';
import { ensureOfficialCalendar } from '../calendar-day/calendar-day.official.js';
import { ormConfig } from './orm.config.js';

/**
 * Connects, runs pending migrations (schema changes only through committed migrations) and enters the
 * official holiday calendar for years not yet in the table.
 */
export async function openDatabase(url: string): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(url));
  await orm.getMigrator().up();
  await ensureOfficialCalendar(orm.em.fork());
  return orm;
}
