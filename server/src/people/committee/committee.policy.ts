import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Sector } from '../sector/sector.entity.js';
import { Committee } from './committee.entity.js';

/** A committee follows sectors of its own body only (CT2). */
export async function validateCommittee({ em, entity }: WriteContext<Committee>): Promise<void> {
  // an update without the list leaves it as stored
  const ids = (await entity.sectors.load()).map((x) => x.id);
  if (!ids.length) return;
  const foreign = await em.findOne(Sector, { id: { $in: ids }, body: { $ne: entity.body.id } });
  if (foreign) throw badInput('sectorIds', `界别“${foreign.name}”不属于本专委会所在的政协/人大`);
}
