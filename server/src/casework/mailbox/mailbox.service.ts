import { todayInChina } from '../../people/member/dates.js';
import { ref } from '@mikro-orm/core';
import type { Context } from '../../common/context.js';
import { scopeCondition } from '../../access/access.scope.js';
import { parseId } from '../../common/crud.js';
import { badInput, inListItem, notFound } from '../../common/errors.js';
import { Letter } from '../letter/letter.entity.js';
import { LetterChannel } from '../letter/letter.enums.js';
import { letterResource } from '../letter/letter.resolver.js';
import { registerLetter } from '../letter/letter.service.js';

import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { MailboxOpening } from '../mailbox-opening/mailbox-opening.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { Mailbox } from './mailbox.entity.js';

export interface OpenMailboxInput {
  mailboxId: string;
  openedOn: string;
  openedByMemberId: string;
  approvedByMemberId?: string | null;
  letterCount: number;
  notes?: string | null;
  /** The letters found, registered with the opening (MB3); their number is the letter count. */
  letters?: MailboxLetterInput[] | null;
}

export interface MailboxLetterInput {
  title: string;
  content: string;
  category?: string | null;
  isAnonymous?: boolean | null;
  writerName?: string | null;
  writerPhone?: string | null;
  writerAddress?: string | null;
  writerCount?: number | null;
}

export interface MailboxOpeningResult {
  opening: MailboxOpening;
  letters: Letter[];
}

/**
 * openMailbox (MB3): records who opened the box and the letters found, each registered as a mailbox
 * letter handled by the opener (MB4), in one transaction — a refused letter writes nothing and its
 * error names it (`letters.1.writerName`). Anyone but the lead or a rotation member is a substitute
 * and needs the approval of the mailbox group's leader (MB2).
 */
export async function openMailbox(ctx: Context, input: OpenMailboxInput): Promise<MailboxOpeningResult> {
  if (input.letters && input.letters.length !== input.letterCount) {
    throw badInput('letterCount', `收到信件 ${input.letterCount} 封，登记了 ${input.letters.length} 封：每封来信都须登记（MB3）`);
  }
  return ctx.em.transactional(async (em) => {
    const mailboxId = parseId(input.mailboxId, 'mailboxId');
    // PR3 (fix): the mailbox and the opener must lie in the caller's reach (as for the links of any
    // write, crud.ts); any mailbox of the installation could be opened before
    const mailboxScope = scopeCondition(ctx, 'Mailbox', 'read');
    const mailbox = await em.findOne(Mailbox, mailboxScope ? { $and: [{ id: mailboxId }, mailboxScope] } : { id: mailboxId }, { populate: ['rotationMembers'] });
    if (!mailbox) throw notFound('委员信箱', mailboxId, 'mailboxId');
    if (!mailbox.isActive) throw badInput('mailboxId', `信箱“${mailbox.name}”已停用`);
    if (input.openedOn > todayInChina()) throw badInput('openedOn', '开启日期不能晚于今天');
    if (mailbox.installedOn && input.openedOn < mailbox.installedOn) {
      throw badInput('openedOn', `开启日期不能早于信箱设立日期 ${mailbox.installedOn}`);
    }

    const openerId = parseId(input.openedByMemberId, 'openedByMemberId');
    const memberScope = scopeCondition(ctx, 'Member', 'read');
    if (!(await em.count(Member, memberScope ? { $and: [{ id: openerId }, memberScope] } : { id: openerId }))) throw notFound('委员', openerId, 'openedByMemberId');
    const isSubstitute =
      openerId !== mailbox.leadMember.id && !mailbox.rotationMembers.getItems().some((m) => m.id === openerId);

    let approverId: number | null = null;
    if (input.approvedByMemberId != null) approverId = parseId(input.approvedByMemberId, 'approvedByMemberId');
    if (isSubstitute) {
      const group = mailbox.liaisonGroup ? await em.findOne(LiaisonGroup, mailbox.liaisonGroup.id) : null;
      const leaderId = group?.leaderMember?.id ?? null;
      if (!leaderId) throw badInput('approvedByMemberId', '信箱未设小组组长，不能安排代开（MB2）');
      if (approverId !== leaderId) {
        throw badInput('approvedByMemberId', '非负责或轮值委员开启信箱，须由信箱所在小组组长批准（MB2）');
      }
    } else if (approverId !== null) {
      throw badInput('approvedByMemberId', '负责或轮值委员开启信箱无需批准（MB2）');
    }

    const opening = new MailboxOpening();
    opening.mailbox = ref(mailbox);
    opening.openedOn = input.openedOn;
    opening.openedByMember = em.getReference(Member, openerId, { wrapped: true });
    opening.isSubstitute = isSubstitute;
    opening.approvedByMember = approverId ? em.getReference(Member, approverId, { wrapped: true }) : null;
    opening.letterCount = input.letterCount;
    opening.notes = input.notes?.trim() || null;
    em.persist(opening);
    // an opening recorded late never moves the date back
    if (!mailbox.lastOpenedOn || input.openedOn > mailbox.lastOpenedOn) mailbox.lastOpenedOn = input.openedOn;
    await em.flush();

    const letters: Letter[] = [];
    for (const [i, found] of (input.letters ?? []).entries()) {
      const args = {
        ...found,
        organizationId: String(mailbox.organization.id),
        channel: LetterChannel.MAILBOX,
        mailboxId: String(mailbox.id),
        mailboxOpeningId: String(opening.id),
        memberId: String(openerId),
        receivedOn: input.openedOn,
        community: mailbox.community ?? null,
        isAnonymous: found.isAnonymous ?? !found.writerName?.trim(),
      };
      try {
        letters.push(await registerLetter({ ...ctx, em }, args, letterResource.service));
      } catch (e) {
        throw inListItem(e, 'letters', i, '封来信');
      }
    }
    return { opening, letters };
  });
}
