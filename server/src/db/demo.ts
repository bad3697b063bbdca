import type { MikroORM } from '@mikro-orm/postgresql';
import { Body } from '../body/body.entity.js';
import { DemoSeeder } from '../../../seeds/demo.seeder.js';

/** Seeds the demo data on first start (empty database); returns the time taken, or 0. */
export async function seedDemoIfEmpty(orm: MikroORM): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(Body)) > 0) return 0;
  const t = Date.now();
  await new DemoSeeder().run(em);
  return Date.now() - t;
}
