import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Body, BodyKind } from '../../platform/body/body.entity.js';
import { MemberKind } from '../../people/member/member.entity.js';
import { ScoringRule } from './scoring-rule.entity.js';

export const MEMBER_KIND_OF_BODY: Record<BodyKind, MemberKind> = {
  [BodyKind.CPPCC]: MemberKind.CPPCC_MEMBER,
  [BodyKind.CONGRESS]: MemberKind.DEPUTY,
};

/** PF1: a body scores its own kind of members (CPPCC members for a CPPCC, deputies for a congress). */
export async function validateScoringRule({ em, entity }: WriteContext<ScoringRule>): Promise<void> {
  const body = await em.findOneOrFail(Body, entity.body.id);
  if (MEMBER_KIND_OF_BODY[body.kind] !== entity.memberKind) {
    throw badInput('memberKind', `${body.name}的考核对象须为${body.kind === BodyKind.CPPCC ? '政协委员' : '人大代表'}`);
  }
  if (entity.maxPoints != null && entity.maxPoints < entity.points) {
    throw badInput('maxPoints', '本项最高得分不能低于达标得分');
  }
}
