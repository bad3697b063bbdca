import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm.config.js';

/** Connects, runs pending migrations (schema changes only through committed migrations). */
export async function openDatabase(url: string): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(url));
  await orm.getMigrator().up();
  return orm;
}
