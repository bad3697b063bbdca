import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Body, BodyKind } from '../../platform/body/body.entity.js';
import { Member } from '../member/member.entity.js';
import { Leader, LeaderPosition } from './leader.entity.js';

/** Positions each kind of body has (glossary: Leader). */
export const POSITIONS_BY_BODY_KIND: Record<BodyKind, readonly LeaderPosition[]> = {
  CPPCC: [LeaderPosition.CHAIR, LeaderPosition.VICE_CHAIR, LeaderPosition.SECRETARY_GENERAL, LeaderPosition.DEPUTY_SECRETARY_GENERAL],
  CONGRESS: [LeaderPosition.DIRECTOR, LeaderPosition.DEPUTY_DIRECTOR, LeaderPosition.SECRETARY_GENERAL],
};

export async function validateLeader({ em, entity }: WriteContext<Leader>): Promise<void> {
  const body = await em.findOneOrFail(Body, entity.body.id);
  if (!POSITIONS_BY_BODY_KIND[body.kind].includes(entity.position)) {
    throw badInput('position', `${body.name}（${body.kind === BodyKind.CPPCC ? '政协' : '人大'}）没有这一职务`);
  }
  if (entity.termStart && entity.termEnd && entity.termEnd < entity.termStart) {
    throw badInput('termEnd', '任职结束日期不能早于开始日期');
  }
  if (entity.member) {
    const member = await em.findOneOrFail(Member, entity.member.id);
    if (member.body.id !== body.id) throw badInput('memberId', `${member.name}不是${body.name}的委员/代表`);
  }
}
