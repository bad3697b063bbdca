import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Body, BodyLevel } from './body.entity.js';

const RANK: Record<BodyLevel, number> = { CITY: 0, COUNTY: 1, TOWNSHIP: 2 };

/** A body's parent sits one level up (a county body's parent is the city body) and never below itself. */
export async function validateBody({ em, entity }: WriteContext<Body>): Promise<void> {
  if (!entity.parent) return;
  if (entity.id && entity.parent.id === entity.id) throw badInput('parentId', '上级机构不能是自身');
  const parent = await em.findOneOrFail(Body, entity.parent.id);
  if (RANK[parent.level] >= RANK[entity.level]) {
    throw badInput('parentId', `上级机构（${parent.name}）的层级须高于本机构`);
  }
}
