import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Proposal } from './proposal.entity.js';

/** MB6: a proposal is made in a member's name or in a group's name — one of the two is required. */
export function validateProposal({ entity }: WriteContext<Proposal>): void {
  if (!entity.member && !entity.liaisonGroup) {
    throw badInput('memberId', '须指定提案人，或以委员活动小组（liaisonGroupId）名义提出');
  }
}
