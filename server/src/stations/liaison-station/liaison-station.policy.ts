import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Member, MemberKind } from '../../people/member/member.entity.js';
import { LiaisonStation } from './liaison-station.entity.js';

/**
 * Stations are staffed by deputies; the deputy in charge is one of them. ST1's minimum of two is
 * flagged by `meetsStaffingRule`, not refused.
 */
export async function validateLiaisonStation({ em, entity }: WriteContext<LiaisonStation>): Promise<void> {
  // an update without the list leaves it as stored
  const ids = (await entity.deputies.load()).map((x) => x.id);
  const deputies = ids.length ? await em.find(Member, { id: { $in: ids } }) : [];
  const notDeputy = deputies.find((m) => m.kind !== MemberKind.DEPUTY);
  if (notDeputy) throw badInput('deputyIds', `${notDeputy.name}不是人大代表`);
  if (entity.deputyInCharge) {
    const inCharge = await em.findOneOrFail(Member, entity.deputyInCharge.id);
    if (inCharge.kind !== MemberKind.DEPUTY) throw badInput('deputyInChargeId', `${inCharge.name}不是人大代表`);
    if (!ids.includes(inCharge.id)) throw badInput('deputyInChargeId', `负责代表${inCharge.name}须是本站的进站代表`);
  }
}
