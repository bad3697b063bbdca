import { todayInChina } from '../../people/member/dates.js';
import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { parseId } from '../../common/crud.js';
import { badInput, notFound } from '../../common/errors.js';
import { bool, buildCreateArgs, longText, ref, type FieldSpecs } from '../../common/fields.js';
import { assertReach } from '../../access/access.guard.js';
import { Letter } from '../../casework/letter/letter.entity.js';
import { LetterChannel } from '../../casework/letter/letter.enums.js';
import { letterFields } from '../../casework/letter/letter.inputs.js';

import { letterResource } from '../../casework/letter/letter.resolver.js';
import { registerLetter } from '../../casework/letter/letter.service.js';
import { answerOnTheSpot } from '../../casework/letter/letter.workflow.service.js';
import { LiaisonStation } from '../liaison-station/liaison-station.entity.js';
import { Reception } from './reception.entity.js';

/** The arguments of recordReceptionIssue: the letter's own field rules for what it shares with one. */
export const recordReceptionIssueFields: FieldSpecs = {
  receptionId: ref(() => Reception, '接待活动', { required: true }),
  title: letterFields.title,
  content: letterFields.content,
  writerName: letterFields.writerName,
  writerPhone: letterFields.writerPhone,
  answeredOnTheSpot: bool('是否当场答复（ST5：当场答复的当即办结）', { required: true }),
  answer: longText('当场答复的内容', { max: 5000 }),
};

export interface RecordReceptionIssueInput {
  receptionId: string;
  title: string;
  content: string;
  writerName?: string | null;
  writerPhone?: string | null;
  answeredOnTheSpot: boolean;
  answer?: string | null;
}

/**
 * recordReceptionIssue (ST4, ST5): an issue a voter raised at a reception becomes a letter of channel
 * RECEPTION, registered by the station's organization on the day of the reception, linked to it.
 * An issue answered on the spot is closed at once (the station flow's answerOnTheSpot step); the
 * others stay REGISTERED for the station flow (classify → assign → result back to the station → reply).
 * A voter who leaves no name is recorded anonymously.
 */
export async function recordReceptionIssue(ctx: Context, input: RecordReceptionIssueInput): Promise<Letter> {
  const receptionId = parseId(input.receptionId, 'receptionId');
  await assertReach(ctx, 'Reception', receptionId, 'write');
  const answer = input.answer?.trim() || null;
  if (input.answeredOnTheSpot && !answer) throw badInput('answer', '当场答复的问题须记录答复内容（ST5）');
  if (!input.answeredOnTheSpot && answer) {
    throw badInput('answer', '未当场答复的问题不填答复内容，办理结果反馈后再答复（ST4）');
  }
  const writerName = input.writerName?.trim() || null;
  const writerPhone = input.writerPhone?.trim() || null;
  if (writerPhone && !writerName) throw badInput('writerName', '留有电话的须登记反映人姓名（PV1）');

  return ctx.em.transactional(async (em) => {
    const reception = await em.findOne(Reception, { id: receptionId });
    if (!reception) throw notFound('接待活动', receptionId, 'receptionId');
    if (reception.heldOn > todayInChina()) throw badInput('receptionId', `接待活动定于 ${reception.heldOn}，尚未举行`);
    const station = await em.findOneOrFail(LiaisonStation, reception.liaisonStation.id);

    const letter = await registerLetter(
      { ...ctx, em },
      {
        organizationId: station.organization.id,
        channel: LetterChannel.RECEPTION,
        receptionId,
        receivedOn: reception.heldOn,
        title: input.title,
        content: input.content,
        isAnonymous: !writerName,
        writerName,
        writerPhone,
      },
      letterResource.service,
    );

    // ST5: closed at once by the station flow's own step; this verb has already checked the reception's reach
    if (input.answeredOnTheSpot) return answerOnTheSpot({ ...ctx, em }, letter.id, { answer: answer!, checkAccess: false });
    return letter;
  });
}

const RecordReceptionIssueArgs = buildCreateArgs('RecordReceptionIssue', recordReceptionIssueFields);

@Resolver(() => Letter)
export class ReceptionIssueResolver {
  @Mutation(() => Letter, {
    description: '记录接待活动中群众反映的问题（ST4）：登记为接待渠道的来信；当场答复的当即办结（ST5）',
  })
  async recordReceptionIssue(@Args(() => RecordReceptionIssueArgs) args: RecordReceptionIssueInput, @Ctx() ctx: Context) {
    return recordReceptionIssue(ctx, args);
  }
}
