import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import type { Mailbox } from './mailbox.entity.js';

/** MB1: the assisting member is someone besides the lead member. */
export function validateMailbox({ entity }: WriteContext<Mailbox>): void {
  if (entity.assistMember && entity.assistMember.id === entity.leadMember.id) {
    throw badInput('assistMemberId', '协助委员不能是负责委员本人（MB1）');
  }
}
