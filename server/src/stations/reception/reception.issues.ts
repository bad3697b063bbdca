import { todayInChina } from '../../people/member/dates.js';
import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { parseId } from '../../common/crud.js';
import { badInput, inListItem, notFound } from '../../common/errors.js';
import { bool, buildCreateArgs, buildInput, listArg, longText, ref, type FieldSpecs } from '../../common/fields.js';
import { assertReach } from '../../access/access.guard.js';
import { Letter } from '../../casework/letter/letter.entity.js';
import { LetterChannel } from '../../casework/letter/letter.enums.js';
import { letterFields } from '../../casework/letter/letter.inputs.js';

import { letterResource } from '../../casework/letter/letter.resolver.js';
import { registerLetter } from '../../casework/letter/letter.service.js';
import { answerOnTheSpot } from '../../casework/letter/letter.workflow.service.js';
import { LiaisonStation } from '../liaison-station/liaison-station.entity.js';
import { Reception } from './reception.entity.js';
import { receptionFields } from './reception.inputs.js';
import { receptionResource } from './reception.resolver.js';

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

export type ReceptionIssueInput = Omit<RecordReceptionIssueInput, 'receptionId'>;

/**
 * recordReception (ST4, ST5): a reception with its deputies, liaison officer and every issue raised,
 * in one transaction; a refused issue writes nothing and its error names it (`issues.2.answer`).
 */
export async function recordReception(ctx: Context, args: Record<string, unknown> & { issues?: ReceptionIssueInput[] | null }): Promise<Reception> {
  const { issues, ...fields } = args;
  return ctx.em.transactional(async (em) => {
    const reception = await receptionResource.service.create({ ...ctx, em }, fields);
    for (const [i, issue] of (issues ?? []).entries()) {
      try {
        await recordReceptionIssue({ ...ctx, em }, { ...issue, receptionId: String(reception.id) });
      } catch (e) {
        throw inListItem(e, 'issues', i, '个问题');
      }
    }
    return reception;
  });
}

const RecordReceptionIssueArgs = buildCreateArgs('RecordReceptionIssue', recordReceptionIssueFields);
const { receptionId: _reception, ...issueFields } = recordReceptionIssueFields;
const ReceptionIssueInput = buildInput('ReceptionIssue', issueFields, '接待活动中群众反映的一个问题（ST4）');
const RecordReceptionArgs = buildCreateArgs('RecordReception', receptionFields);
listArg(RecordReceptionArgs, 'issues', ReceptionIssueInput, '群众反映的问题，逐一登记为接待渠道的来信；当场答复的当即办结（ST5）', 200);

@Resolver(() => Letter)
export class ReceptionIssueResolver {
  @Mutation(() => Letter, {
    description: '记录接待活动中群众反映的问题（ST4）：登记为接待渠道的来信；当场答复的当即办结（ST5）',
  })
  async recordReceptionIssue(@Args(() => RecordReceptionIssueArgs) args: RecordReceptionIssueInput, @Ctx() ctx: Context) {
    return recordReceptionIssue(ctx, args);
  }

  @Mutation(() => Reception, {
    description: '记录一次接待活动：接待代表、联络员和群众反映的每个问题一并登记（ST4）；当场答复的当即办结（ST5）',
  })
  async recordReception(@Args(() => RecordReceptionArgs) args: Record<string, unknown>, @Ctx() ctx: Context) {
    return recordReception(ctx, args);
  }
}
