import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { bool, buildCreateArgs, date, enumOf, int, longText, ref, refs, text, type FieldSpecs } from '../../common/fields.js';
import { Department } from '../department/department.entity.js';
import { Leader } from '../../people/leader/leader.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Letter } from './letter.entity.js';
import { EscalationLevel, LetterCategory, LetterConversion, LetterOutcome, ReplyMethod } from './letter.enums.js';
import { allowedActions, flowOf, LetterFlow } from './letter.workflow.js';
import { LetterActionOption, myActions } from './letter.actions.js';
import { letterAllows } from './letter.rules.js';
import { Account } from '../../platform/account/account.entity.js';

import * as wf from './letter.workflow.service.js';

registerEnumType(LetterFlow, {
  name: 'LetterFlow',
  description: '办理流程（按渠道）',
  valuesConfig: {
    OFFICE: { description: '机关信访（PV2）' },
    MAILBOX: { description: '委员信箱（MB4）' },
    RECEPTION: { description: '代表接待（ST4、ST5）' },
  },
});

/** Arguments every verb on one letter takes: the letter, its version as read, a free note. */
const target: FieldSpecs = {
  id: ref(() => Letter, '来信编号', { required: true }),
  version: int('读取时的版本号；与当前版本不符则拒绝（CONFLICT）'),
};
const note = { note: text('备注', { max: 500 }) };
const verbArgs = (name: string, fields: FieldSpecs) => buildCreateArgs(`${name}Verb`, { ...target, ...fields, ...note });

const AcceptArgs = verbArgs('AcceptLetter', {
  writerNotifiedOn: date('告知来信人受理的日期（LAW 第23条：15 日内；匿名来信可空）'),
  repeatOfLetterId: ref(() => Letter, '同一事项的在先来信（已复核终结的不再受理）'),
});
const DeclineArgs = verbArgs('DeclineLetter', {
  reason: text('不予受理的理由', { required: true, max: 500 }),
  writerNotifiedOn: date('告知来信人不予受理的日期（LAW 第23条；匿名来信可空）'),
});
const ProposeArgs = verbArgs('ProposeHandling', { opinion: longText('拟办意见', { required: true, max: 2000 }) });
const DecideArgs = verbArgs('DecideLetter', {
  decision: longText('批示意见', { required: true, max: 2000 }),
  leaderId: ref(() => Leader, '批示领导（默认为本人；重要来信须主要领导）'),
  decidedOn: date('批示日期（默认今天）'),
});
const ForwardArgs = verbArgs('ForwardLetter', {
  leadDepartmentId: ref(() => Department, '主办单位（PV7）', { required: true }),
  coHandlerDepartmentIds: refs(() => Department, '协办单位（PV7）'),
  coordinatorLeaderId: ref(() => Leader, '协调主办、协办单位的分管副秘书长（有协办单位时必填，PV7）'),
  forwardedOn: date('转办日期（默认今天）'),
  confirmNamedDepartment: longText('确认转办理由（来信内容提到所选单位而未列为涉及单位时须填写；记入办理记录，PV5）', { max: 500 }),
});
const resultFields = (label: string): FieldSpecs => ({
  result: longText(label, { required: true, max: 5000 }),
  handledOn: date('办理日期（默认今天）'),
});
const RecordResultArgs = verbArgs('RecordHandlingResult', resultFields('办理结果'));
const HandleArgs = verbArgs('HandleLetter', resultFields('办理情况'));
const ReportResultArgs = verbArgs('ReportResultToStation', resultFields('办理结果'));
const InvestigationArgs = verbArgs('RecordInvestigation', {
  findings: longText('调查核实情况和处理结果', { required: true, max: 5000 }),
  handlerName: text('承办人姓名（未在系统中签字时填写）', { max: 50 }),
  handlerSignedOn: date('承办人签字日期'),
  leaderName: text('分管领导姓名（未在系统中签字时填写）', { max: 50 }),
  leaderSignedOn: date('分管领导签字日期'),
});
const ConfirmArgs = verbArgs('ConfirmInvestigation', {});
const ConcludeArgs = verbArgs('ConcludeLetter', {
  outcome: enumOf(LetterOutcome, '办结结果', { required: true }),
  conclusion: longText('办结意见', { max: 2000 }),
  concludedOn: date('办结日期（默认今天）'),
});
const ReplyArgs = verbArgs('ReplyToLetter', {
  method: enumOf(ReplyMethod, '答复方式', { required: true }),
  repliedOn: date('答复日期', { required: true }),
  content: longText('答复内容', { required: true, max: 5000 }),
});
const ReportToHigherOfficeArgs = verbArgs('ReportToHigherOffice', {
  reportedOn: date('向上级机关报告的日期', { required: true }),
  summary: longText('报告的办理结果', { required: true, max: 5000 }),
});
const ApproveReportArgs = verbArgs('ApproveHigherOfficeReport', {
  opinion: longText('领导审核意见', { required: true, max: 2000 }),
  approvedOn: date('审核同意日期（默认今天）'),
});
const HandOverArgs = verbArgs('HandOverLetter', {
  toAccountId: ref(() => Account, '接手的首问责任人（账号）', { required: true }),
  reason: text('移交原因', { required: true, max: 500 }),
});
const reviewFields = (what: string): FieldSpecs => ({
  requestedOn: date(`申请${what}日期`, { required: true }),
  reason: text(`${what}理由`, { required: true, max: 500 }),
});
const ReviewArgs = verbArgs('RequestReview', reviewFields('复查'));
const ReReviewArgs = verbArgs('RequestReReview', reviewFields('复核'));
const CloseArgs = verbArgs('CloseLetter', { closedOn: date('归档日期（默认今天）') });
const EscalateArgs = verbArgs('EscalateLetter', {
  reason: text('上报理由', { required: true, max: 500 }),
  level: enumOf(EscalationLevel, '上报到的层级（默认上一级，MB4）'),
});
const AnswerArgs = verbArgs('AnswerOnTheSpot', {
  answer: longText('当场答复的内容', { required: true, max: 5000 }),
  answeredBy: text('答复人（代表或工作咨询员）', { max: 50 }),
});
const ClassifyArgs = verbArgs('ClassifyLetter', {
  category: enumOf(LetterCategory, '类别', { required: true }),
  summary: text('梳理汇总意见', { max: 500 }),
});
const AssignArgs = verbArgs('AssignLetter', {
  signedBy: text('签字交办的街道办事处主要负责人', { required: true, max: 50 }),
  assignedTo: text('落实单位（如街道党政办）', { required: true, max: 100 }),
  signedOn: date('签字日期（默认今天）'),
});
const FollowUpArgs = buildCreateArgs('FollowUpLetterVerb', { ...target, note: text('督办情况', { required: true, max: 500 }) });
const ExtendArgs = verbArgs('ExtendDeadline', {
  days: int('延长天数（1–30，PV3）', { required: true, min: 1, max: 30 }),
  reason: text('延期理由', { required: true, max: 500 }),
  writerNotifiedOn: date('告知来信人延期的日期（匿名来信可空）'),
});
const ReopenArgs = buildCreateArgs('ReopenLetterVerb', { ...target, reason: text('重新办理的原因（SV2）', { required: true, max: 500 }) });
const MergeArgs = buildCreateArgs('MergeLettersVerb', {
  mainLetterId: ref(() => Letter, '主件', { required: true }),
  letterIds: refs(() => Letter, '并入主件的重复来信', { required: true }),
  version: int('主件读取时的版本号'),
  ...note,
});
const ConvertArgs = verbArgs('ConvertLetter', {
  into: enumOf(LetterConversion, '转为（MB6）', { required: true }),
  title: text('标题（默认为来信标题）', { max: 100 }),
  memberId: ref(() => Member, '以其名义提出的委员/代表（默认为经办委员）'),
  liaisonGroupId: ref(() => LiaisonGroup, '以其名义提出的委员活动小组（联络组）'),
  researchTopic: text('调研课题（转为调研课题时，默认为标题）', { max: 200 }),
});
const VoidArgs = verbArgs('VoidLetter', { reason: text('作废理由', { required: true, max: 500 }) });
const UrgentArgs = buildCreateArgs('UrgentLettersQuery', {
  organizationId: ref(() => Organization, '登记机构'),
  includeNonUrgent: bool('其后列出其他未办结来信'),
  page: int('页码（从 0 开始）'),
  perPage: int('每页条数'),
});

type A = Record<string, any>;

@ObjectType({ description: '可接收移交的账号（PV4）' })
class HandOverCandidate {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: '姓名' })
  displayName!: string;

  @Field(() => String, { description: '所在工作机构' })
  organizationName!: string;
}

/** The workflow verbs of issue 5 (letter.workflow.ts): each returns the letter after its step. */
@Resolver(() => Letter)
export class LetterWorkflowResolver {
  @FieldResolver(() => LetterFlow, { description: '办理流程（按渠道）' })
  flow(@Root() letter: Letter): LetterFlow {
    return flowOf(letter.channel);
  }

  @FieldResolver(() => [String], { description: '当前状态下可执行的办理步骤（mutation 名，不论由谁执行；本人可执行的见 myActions）' })
  allowedActions(@Root() letter: Letter): string[] {
    // the table's steps whose rules about the letter hold (PV2: a report only for a letter a higher office referred …)
    return allowedActions(flowOf(letter.channel), letter.status).filter((a) => letterAllows(letter, a));
  }

  @FieldResolver(() => [LetterActionOption], {
    description: '我现在可以执行的办理步骤：按流程、状态、角色、管辖范围和各步骤的规则（与执行时的检查相同）',
  })
  async myActions(@Root() letter: Letter, @Ctx() ctx: Context): Promise<LetterActionOption[]> {
    return myActions(ctx, letter);
  }

  @Query(() => [Letter], { description: '领导待阅：未办结的紧急来信在前（重要的在前，其次按收到日期，PV6）' })
  async urgentLetters(@Args(() => UrgentArgs) a: A, @Ctx() ctx: Context) {
    return wf.urgentLetters(ctx, a);
  }

  // ── the office flow (PV2) ──
  @Mutation(() => Letter, { description: '受理来信，记录告知来信人的日期（PV2，LAW 第23条）' })
  async acceptLetter(@Args(() => AcceptArgs) a: A, @Ctx() ctx: Context) {
    return wf.acceptLetter(ctx, a.id, a);
  }

  @Mutation(() => Letter, { description: '不予受理，须说明理由并告知来信人（PV2）' })
  async declineLetter(@Args(() => DeclineArgs) a: A, @Ctx() ctx: Context) {
    return wf.declineLetter(ctx, a.id, a as wf.DeclineLetterInput);
  }

  @Mutation(() => Letter, { description: '拟办：工作人员提出拟办意见（PV2）' })
  async proposeHandling(@Args(() => ProposeArgs) a: A, @Ctx() ctx: Context) {
    return wf.proposeHandling(ctx, a.id, a as wf.ProposeHandlingInput);
  }

  @Mutation(() => Letter, { description: '领导批示；重要来信须主要领导批示（PV2）' })
  async decideLetter(@Args(() => DecideArgs) a: A, @Ctx() ctx: Context) {
    return wf.decideLetter(ctx, a.id, a as wf.DecideLetterInput);
  }

  @Mutation(() => Letter, { description: '转办：一个主办单位和协办单位（PV7）；不得转给被反映的单位（PV5）' })
  async forwardLetter(@Args(() => ForwardArgs) a: A, @Ctx() ctx: Context) {
    return wf.forwardLetter(ctx, a.id, a as wf.ForwardLetterInput);
  }

  @Mutation(() => Letter, { description: '登记办理结果（主办单位或办公室）' })
  async recordHandlingResult(@Args(() => RecordResultArgs) a: A, @Ctx() ctx: Context) {
    return wf.recordHandlingResult(ctx, a.id, a as wf.RecordResultInput);
  }

  @Mutation(() => Letter, { description: '登记调查核实情况，由承办人和分管领导两人签字（PV2）' })
  async recordInvestigation(@Args(() => InvestigationArgs) a: A, @Ctx() ctx: Context) {
    return wf.recordInvestigation(ctx, a.id, a as wf.RecordInvestigationInput);
  }

  @Mutation(() => Letter, { description: '分管领导以本人账号签字确认调查记录（PV2）' })
  async confirmInvestigation(@Args(() => ConfirmArgs) a: A, @Ctx() ctx: Context) {
    return wf.confirmInvestigation(ctx, a.id, a);
  }

  @Mutation(() => Letter, { description: '办结，记录结果（已解决/已解释说明/暂不能解决）' })
  async concludeLetter(@Args(() => ConcludeArgs) a: A, @Ctx() ctx: Context) {
    return wf.concludeLetter(ctx, a.id, a as wf.ConcludeLetterInput);
  }

  @Mutation(() => Letter, { description: '答复来信人：方式和日期；复查、复核中为复查/复核意见' })
  async replyToLetter(@Args(() => ReplyArgs) a: A, @Ctx() ctx: Context) {
    return wf.replyToLetter(ctx, a.id, a as wf.ReplyToLetterInput);
  }

  @Mutation(() => Letter, { description: '向交办的上级机关报告办理结果（办结或答复后，在上级机关时限内，PV2）；状态不变' })
  async reportToHigherOffice(@Args(() => ReportToHigherOfficeArgs) a: A, @Ctx() ctx: Context) {
    return wf.reportToHigherOffice(ctx, a.id, a as wf.ReportToHigherOfficeInput);
  }

  @Mutation(() => Letter, { description: '领导审核同意向交办的上级机关报告办理结果（PV2：经领导审查同意后上报）；状态不变' })
  async approveHigherOfficeReport(@Args(() => ApproveReportArgs) a: A, @Ctx() ctx: Context) {
    return wf.approveHigherOfficeReport(ctx, a.id, a as wf.ApproveHigherOfficeReportInput);
  }

  @Mutation(() => Letter, { description: '来信人申请复查（答复后 30 日内，PV3）' })
  async requestReview(@Args(() => ReviewArgs) a: A, @Ctx() ctx: Context) {
    return wf.requestReview(ctx, a.id, a as wf.RequestReviewInput);
  }

  @Mutation(() => Letter, { description: '来信人申请复核（复查答复后 30 日内；复核后不再受理，PV3）' })
  async requestReReview(@Args(() => ReReviewArgs) a: A, @Ctx() ctx: Context) {
    return wf.requestReReview(ctx, a.id, a as wf.RequestReviewInput);
  }

  @Mutation(() => Letter, { description: '归档（机关来信须过复查、复核申请期）' })
  async closeLetter(@Args(() => CloseArgs) a: A, @Ctx() ctx: Context) {
    return wf.closeLetter(ctx, a.id, a);
  }

  // ── member mailboxes (MB4) ──
  @Mutation(() => Letter, { description: '委员（或来信上报到的层级）办理信箱来信（MB4）' })
  async handleLetter(@Args(() => HandleArgs) a: A, @Ctx() ctx: Context) {
    return wf.handleLetter(ctx, a.id, a as wf.RecordResultInput);
  }

  @Mutation(() => Letter, { description: '逐级上报：委员 → 小组 → 县（市、区）政协 → 市政协，须说明理由（MB4）' })
  async escalateLetter(@Args(() => EscalateArgs) a: A, @Ctx() ctx: Context) {
    return wf.escalateLetter(ctx, a.id, a as wf.EscalateLetterInput);
  }

  // ── deputy liaison stations (ST4, ST5) ──
  @Mutation(() => Letter, { description: '当场答复并即时办结（ST5）' })
  async answerOnTheSpot(@Args(() => AnswerArgs) a: A, @Ctx() ctx: Context) {
    return wf.answerOnTheSpot(ctx, a.id, a as wf.AnswerOnTheSpotInput);
  }

  @Mutation(() => Letter, { description: '梳理分类（ST4）' })
  async classifyLetter(@Args(() => ClassifyArgs) a: A, @Ctx() ctx: Context) {
    return wf.classifyLetter(ctx, a.id, a as wf.ClassifyLetterInput);
  }

  @Mutation(() => Letter, { description: '街道办事处主要负责人签字交办（ST4）' })
  async assignLetter(@Args(() => AssignArgs) a: A, @Ctx() ctx: Context) {
    return wf.assignLetter(ctx, a.id, a as wf.AssignLetterInput);
  }

  @Mutation(() => Letter, { description: '协调督办（ST4）' })
  async followUpLetter(@Args(() => FollowUpArgs) a: A, @Ctx() ctx: Context) {
    return wf.followUpLetter(ctx, a.id, a as VerbNote);
  }

  @Mutation(() => Letter, { description: '办理结果反馈联络站（ST4、ST5）' })
  async reportResultToStation(@Args(() => ReportResultArgs) a: A, @Ctx() ctx: Context) {
    return wf.reportResultToStation(ctx, a.id, a as wf.RecordResultInput);
  }

  // ── across the flows ──
  @Mutation(() => Letter, { description: '延长办理期限：领导批准，只能一次，最多 30 日，告知来信人（PV3）' })
  async extendDeadline(@Args(() => ExtendArgs) a: A, @Ctx() ctx: Context) {
    return wf.extendDeadline(ctx, a.id, a as wf.ExtendDeadlineInput);
  }

  @Query(() => [HandOverCandidate], { description: '可接收此来信移交的账号：本单位（含下级）可负责此类来信的在用账号，现首问责任人除外（PV4）' })
  async handOverCandidates(@Arg('id', () => ID, { description: '来信编号' }) id: string, @Ctx() ctx: Context) {
    return wf.handOverCandidates(ctx, id);
  }

  @Mutation(() => Letter, { description: '移交：首问责任人将来信交给接手的人负责，记录在案（PV4）' })
  async handOverLetter(@Args(() => HandOverArgs) a: A, @Ctx() ctx: Context) {
    return wf.handOverLetter(ctx, a.id, a as wf.HandOverLetterInput);
  }

  @Mutation(() => Letter, { description: '重新办理（SV2：一次）' })
  async reopenLetter(@Args(() => ReopenArgs) a: A, @Ctx() ctx: Context) {
    return wf.reopenLetterByStaff(ctx, a.id, a as wf.VerbOptions & { reason: string });
  }

  @Mutation(() => Letter, { description: '合并重复来信：重复件并入主件（状态为已合并，保留关联），返回主件' })
  async mergeLetters(@Args(() => MergeArgs) a: A, @Ctx() ctx: Context) {
    return wf.mergeLetters(ctx, a as wf.MergeLettersInput);
  }

  @Mutation(() => Letter, { description: '转为提案、社情民意信息、代表建议或调研课题，保留来源关联（MB6）' })
  async convertLetter(@Args(() => ConvertArgs) a: A, @Ctx() ctx: Context) {
    return wf.convertLetter(ctx, a.id, a as wf.ConvertLetterInput);
  }

  @Mutation(() => Letter, { description: '作废来信，须说明理由（来信不删除）' })
  async voidLetter(@Args(() => VoidArgs) a: A, @Ctx() ctx: Context) {
    return wf.voidLetter(ctx, a.id, a as wf.VerbOptions & { reason: string });
  }
}

type VerbNote = wf.VerbOptions & { note: string };
