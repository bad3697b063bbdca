import { FlushMode } from '@mikro-orm/core';
import type { WriteContext } from '../../common/crud.js';
import { badInput, conflict } from '../../common/errors.js';
import { Leader } from '../leader/leader.entity.js';
import { Committee } from '../committee/committee.entity.js';
import { Member } from '../member/member.entity.js';
import { ContactPairing } from './contact-pairing.entity.js';
import { ContactPairingKind, LINKS_BY_KIND, pairingLinkProblem } from './pairing-kind.js';

interface Linked {
  kind: ContactPairingKind;
  leader?: { id: number } | null;
  committee?: { id: number } | null;
  member?: { id: number } | null;
  constituent?: { id: number } | null;
}

/** Each kind carries exactly its two links (the database checks the same). */
export function assertLinkShape(entity: Linked): void {
  const problem = pairingLinkProblem(entity.kind, {
    leaderId: !!entity.leader,
    committeeId: !!entity.committee,
    memberId: !!entity.member,
    constituentId: !!entity.constituent,
  });
  if (problem) throw badInput(problem.field, problem.message);
}

export async function validateContactPairing({ em, entity }: WriteContext<ContactPairing>): Promise<void> {
  assertLinkShape(entity);
  if (entity.endDate && entity.endDate < entity.startDate) throw badInput('endDate', '结束日期不能早于开始日期');
  const member = await em.findOneOrFail(Member, entity.member!.id);
  if (entity.kind === ContactPairingKind.LEADER_STANDING) {
    const leader = await em.findOneOrFail(Leader, entity.leader!.id);
    if (leader.body.id !== member.body.id) throw badInput('memberId', `${member.name}与${leader.name}不属于同一政协/人大`);
    // CT1: leaders keep in touch with standing members only
    if (!member.isStandingMember) {
      throw badInput('memberId', `CT1：${member.name}不是常委，领导联系的对象须为常委`, { rule: 'CT1' });
    }
  }
  if (entity.kind === ContactPairingKind.COMMITTEE_MEMBER) {
    const committee = await em.findOneOrFail(Committee, entity.committee!.id, { populate: ['sectors'] });
    if (committee.body.id !== member.body.id) throw badInput('memberId', `${member.name}与${committee.name}不属于同一政协/人大`);
    // CT2: a committee keeps in touch with the members of the sectors it follows
    const followed = committee.sectors.getIdentifiers() as number[];
    if (!member.sector || !followed.includes(member.sector.id)) {
      throw badInput('memberId', `CT2：${member.name}的界别不在${committee.name}联系的界别之内`, { rule: 'CT2' });
    }
  }
  await assertNoOverlap(em, entity);
}

const PROP = { leaderId: 'leader', committeeId: 'committee', memberId: 'member', constituentId: 'constituent' } as const;

/** The same two parties are not paired twice over overlapping periods. */
async function assertNoOverlap(em: WriteContext<ContactPairing>['em'], entity: ContactPairing): Promise<void> {
  const [a, b] = LINKS_BY_KIND[entity.kind];
  const where: Record<string, unknown> = {
    kind: entity.kind,
    [PROP[a]]: (entity as any)[PROP[a]].id,
    [PROP[b]]: (entity as any)[PROP[b]].id,
    id: { $ne: entity.id ?? 0 },
    $or: [{ endDate: null }, { endDate: { $gte: entity.startDate } }],
  };
  if (entity.endDate) where.startDate = { $lte: entity.endDate };
  const overlap = await em.findOne(ContactPairing, where, { flushMode: FlushMode.COMMIT });
  if (overlap) {
    throw conflict(`${b}：这两方在该期间已有联系（编号 ${overlap.id}，自 ${overlap.startDate} 起）`, {
      field: b,
      existingId: String(overlap.id),
    });
  }
}
