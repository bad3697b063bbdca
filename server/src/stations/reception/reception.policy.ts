import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Member, MemberKind } from '../../people/member/member.entity.js';
import type { Reception } from './reception.entity.js';

/** Deputies receive voters at stations (ST2): everyone listed as receiving must be a deputy. */
export async function validateReception({ em, entity }: WriteContext<Reception>): Promise<void> {
  // an update without deputyIds checks the stored list
  const ids = (await entity.deputies.load()).map((m) => m.id);
  if (!ids.length) return;
  const notDeputies = await em.count(Member, { id: { $in: ids }, kind: { $ne: MemberKind.DEPUTY } });
  if (notDeputies) throw badInput('deputyIds', '接待代表须为人大代表（ST2）');
}
