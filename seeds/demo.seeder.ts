import type { EntityManager } from '@mikro-orm/postgresql';
import { Body, BodyKind, BodyLevel } from '../server/src/body/body.entity.js';

/** Demo data modelled on the five source documents (filled in by the seeds work). */
export class DemoSeeder {
  async run(em: EntityManager): Promise<void> {
    const city = em.create(Body, { name: '嘉兴市政协', region: '嘉兴市', kind: BodyKind.CPPCC, level: BodyLevel.CITY });
    em.persist(city);
    await em.flush();
  }
}
