import { ArrayType, Check, Collection, Entity, Enum, Index, ManyToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Department } from '../department/department.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { Constituent } from '../../people/constituent/constituent.entity.js';
import { Mailbox } from '../mailbox/mailbox.entity.js';
import { MailboxOpening } from '../mailbox-opening/mailbox-opening.entity.js';
import { Reception } from '../../stations/reception/reception.entity.js';
import { Leader } from '../../people/leader/leader.entity.js';
import { Account } from '../../platform/account/account.entity.js';
import { DeadlinePolicy } from '../deadline-policy/deadline-policy.entity.js';
import { openLetterSql, type ChosenDeadlineRule, type StoredDeadline } from './letter.deadlines.js';
import { LetterDeadlineMeasure } from './letter.deadline-measure.js';
import {
  EscalationLevel,
  LetterCategory,
  LetterChannel,
  LetterConversion,
  LetterOutcome,
  LetterStatus,
  ReplyMethod,
  Urgency,
} from './letter.enums.js';

export {
  EscalationLevel,
  LetterCategory,
  LetterChannel,
  LetterConversion,
  LetterOutcome,
  LetterStatus,
  ReplyMethod,
  Urgency,
} from './letter.enums.js';

/**
 * 来信/来访: the unit of case handling. The `q` search covers title, content and community only —
 * never the writer's personal data (PR1).
 */
@ObjectType({ description: '来信来访事项' })
@Entity()
@Unique({ properties: ['organization', 'year', 'seq'] })
// PR4: an anonymous letter carries no writer identity, even written around the API
@Check({
  name: 'letter_anonymous_no_writer_check',
  expression:
    'not is_anonymous or (writer_name is null and writer_unit is null and writer_phone_encrypted is null and writer_id_number_encrypted is null and writer_address_encrypted is null and constituent_id is null)',
})
@Check({ name: 'letter_writer_count_check', expression: 'writer_count >= 1' })
// stored deadlines (DL1): overdueLetters and the nextDueOn filters and sort read these, never the whole table
// (partial: open letters only, by the same predicate the queries add, so counts are index-only scans)
@Index({ name: 'letter_next_due_on_index', expression: `create index "letter_next_due_on_index" on "letter" ("next_due_on", "organization_id") where "next_due_on" is not null and ${openLetterSql('')}` })
@Index({ name: 'letter_open_due_dates_index', expression: `create index "letter_open_due_dates_index" on "letter" using gin ("open_due_dates") where "open_due_dates" is not null and ${openLetterSql('')}` })
export class Letter extends SearchableEntity {
  @Field(() => String, { description: '编号：机构代码-年度-流水号，如 JX-2026-000123（PV1）' })
  @Property({ type: 'text' })
  @Unique()
  serialNumber!: string;

  @Field(() => Int, { description: '编号年度（收到日期所在年）' })
  @Property({ type: 'integer' })
  @Index()
  year!: number;

  /** Per organization and year, gap-free (LetterSerialCounter). */
  @Property({ type: 'integer' })
  seq!: number;

  @Link(() => Organization)
  organization!: Ref<Organization>;

  @Field(() => ID, { description: '登记机构' })
  get organizationId(): number {
    return this.organization.id;
  }

  @Field(() => String, { nullable: true, description: '登记机构名称' })
  async organizationName(): Promise<string | null> {
    return (await this.organization.load())?.name ?? null;
  }

  @Field(() => LetterChannel, { description: '渠道' })
  @Enum({ items: () => LetterChannel })
  @Index()
  channel!: LetterChannel;

  @Field(() => LetterStatus, { description: '办理状态' })
  @Enum({ items: () => LetterStatus })
  @Index()
  status: LetterStatus = LetterStatus.REGISTERED;

  @Field(() => String, { description: '标题' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { description: '内容（反映的问题和诉求）' })
  @Property({ type: 'text' })
  content!: string;

  @Field(() => LetterCategory, { description: '类别' })
  @Enum({ items: () => LetterCategory })
  category: LetterCategory = LetterCategory.OTHER;

  @Field(() => Urgency, { description: '缓急程度（PV6）' })
  @Enum({ items: () => Urgency })
  urgency: Urgency = Urgency.NORMAL;

  @Field(() => Boolean, { description: '是否重要（报主要领导）' })
  @Property({ type: 'boolean' })
  isImportant: boolean = false;

  @Field(() => Boolean, { description: '是否匿名（PR4）' })
  @Property({ type: 'boolean' })
  isAnonymous: boolean = false;

  @Field(() => String, { nullable: true, description: '来信人姓名' })
  @Property({ type: 'text', nullable: true })
  writerName?: string | null;

  @Field(() => String, { nullable: true, description: '来信人单位' })
  @Property({ type: 'text', nullable: true })
  writerUnit?: string | null;

  @Property({ type: 'text', nullable: true, hidden: true })
  writerPhoneEncrypted?: string | null;

  /** Keyed hash for finding a repeat writer by phone without decrypting. */
  @Property({ type: 'text', nullable: true, hidden: true })
  @Index()
  writerPhoneHash?: string | null;

  @Field(() => String, { nullable: true, description: '来信人电话（脱敏）' })
  @Property({ type: 'text', nullable: true })
  writerPhoneMasked?: string | null;

  @Property({ type: 'text', nullable: true, hidden: true })
  writerIdNumberEncrypted?: string | null;

  @Field(() => String, { nullable: true, description: '来信人身份证号（脱敏）' })
  @Property({ type: 'text', nullable: true })
  writerIdNumberMasked?: string | null;

  /** Keyed hash for finding a repeat writer without decrypting. */
  @Property({ type: 'text', nullable: true, hidden: true })
  @Index()
  writerIdNumberHash?: string | null;

  @Property({ type: 'text', nullable: true, hidden: true })
  writerAddressEncrypted?: string | null;

  @Field(() => String, { nullable: true, description: '来信人住址（脱敏）' })
  @Property({ type: 'text', nullable: true })
  writerAddressMasked?: string | null;

  @Field(() => Int, { description: '联名人数' })
  @Property({ type: 'integer' })
  writerCount: number = 1;

  @Field(() => String, { nullable: true, description: '所在社区' })
  @Property({ type: 'text', nullable: true })
  community?: string | null;

  @Field(() => LocalDateResolver, { description: '收到日期' })
  @Property({ type: 'date' })
  @Index()
  receivedOn!: string;

  @Link(() => Constituent, { nullable: true })
  constituent?: Ref<Constituent> | null;

  @Field(() => ID, { nullable: true, description: '群众' })
  get constituentId(): number | null {
    return this.constituent?.id ?? null;
  }

  @Link(() => Member, { nullable: true })
  member?: Ref<Member> | null;

  @Field(() => ID, { nullable: true, description: '经办委员/代表' })
  get memberId(): number | null {
    return this.member?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '经办委员/代表姓名' })
  async memberName(): Promise<string | null> {
    return this.member ? ((await this.member.load())?.name ?? null) : null;
  }

  @Link(() => Mailbox, { nullable: true })
  mailbox?: Ref<Mailbox> | null;

  @Field(() => ID, { nullable: true, description: '委员信箱' })
  get mailboxId(): number | null {
    return this.mailbox?.id ?? null;
  }

  @Link(() => MailboxOpening, { nullable: true })
  mailboxOpening?: Ref<MailboxOpening> | null;

  @Field(() => ID, { nullable: true, description: '信箱开启记录' })
  get mailboxOpeningId(): number | null {
    return this.mailboxOpening?.id ?? null;
  }

  @Link(() => Reception, { nullable: true })
  reception?: Ref<Reception> | null;

  @Field(() => ID, { nullable: true, description: '接待活动' })
  get receptionId(): number | null {
    return this.reception?.id ?? null;
  }

  /** Units the letter complains about: never forwarded to (PV5); a listed unit cannot be deleted. */
  @ManyToMany(() => Department, undefined, { deleteRule: 'restrict' })
  involvedDepartments = new Collection<Department>(this);

  @Field(() => [ID], { description: '涉及（被反映）的单位（PV5）' })
  async involvedDepartmentIds(): Promise<number[]> {
    return (await this.involvedDepartments.load()).map((d) => d.id);
  }

  @Field(() => String, { nullable: true, description: '涉及（被反映）的人员' })
  @Property({ type: 'text', nullable: true })
  involvedPersons?: string | null;

  @Link(() => Department, { nullable: true })
  leadDepartment?: Ref<Department> | null;

  @Field(() => ID, { nullable: true, description: '主办单位（转办时确定，PV7）' })
  get leadDepartmentId(): number | null {
    return this.leadDepartment?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '主办单位名称' })
  async leadDepartmentName(): Promise<string | null> {
    return this.leadDepartment ? ((await this.leadDepartment.load())?.name ?? null) : null;
  }

  @ManyToMany(() => Department, undefined, { deleteRule: 'restrict' })
  coHandlerDepartments = new Collection<Department>(this);

  @Field(() => [ID], { description: '协办单位（转办时确定，PV7）' })
  async coHandlerDepartmentIds(): Promise<number[]> {
    return (await this.coHandlerDepartments.load()).map((d) => d.id);
  }

  /** PV7: the deputy secretary-general (a leader of the letter's body) who coordinates the lead department and its co-handlers. */
  @Link(() => Leader, { nullable: true })
  coordinatorLeader?: Ref<Leader> | null;

  @Field(() => ID, { nullable: true, description: '协调主办、协办单位的分管副秘书长（有协办单位时转办须指定，PV7）' })
  get coordinatorLeaderId(): number | null {
    return this.coordinatorLeader?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '首问责任人（PV4）' })
  @Property({ type: 'text', nullable: true })
  ownerName?: string | null;

  /** Given to the writer on the receipt; read only by the roles that give it (TRACKING_CODE_READERS). */
  @Field(() => String, { description: '查询码（网上查询办理进度与评价用）：仅登记来信、向来信人告知查询码的办公室和联络站工作人员可见，其他角色只见 ********' })
  @Property({ type: 'text' })
  @Unique()
  trackingCode!: string;

  // ── handling record (issue 5: the workflow verbs of letter.workflow.service.ts write these) ──

  @Field(() => LocalDateResolver, { nullable: true, description: '告知来信人是否受理的日期（LAW 第23条：15 日内）' })
  @Property({ type: 'date', nullable: true })
  writerNotifiedOn?: string | null;

  @Field(() => String, { nullable: true, description: '不予受理的理由' })
  @Property({ type: 'text', nullable: true })
  declineReason?: string | null;

  @Field(() => String, { nullable: true, description: '拟办意见（PV2）' })
  @Property({ type: 'text', nullable: true })
  proposedHandling?: string | null;

  @Field(() => String, { nullable: true, description: '拟办人' })
  @Property({ type: 'text', nullable: true })
  proposedBy?: string | null;

  @Field(() => String, { nullable: true, description: '领导批示（PV2）' })
  @Property({ type: 'text', nullable: true })
  decision?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '批示日期（转办时限自此起算）' })
  @Property({ type: 'date', nullable: true })
  decidedOn?: string | null;

  @Link(() => Leader, { nullable: true })
  decidedByLeader?: Ref<Leader> | null;

  @Field(() => ID, { nullable: true, description: '批示领导（重要来信须主要领导，PV2）' })
  get decidedByLeaderId(): number | null {
    return this.decidedByLeader?.id ?? null;
  }

  @Field(() => LocalDateResolver, { nullable: true, description: '转办日期（批示后 2 日内，PV2）' })
  @Property({ type: 'date', nullable: true })
  forwardedOn?: string | null;

  @Field(() => String, { nullable: true, description: '办理结果' })
  @Property({ type: 'text', nullable: true })
  handlingResult?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '办理（结果反馈）日期' })
  @Property({ type: 'date', nullable: true })
  handledOn?: string | null;

  @Field(() => String, { nullable: true, description: '调查核实情况（PV2）' })
  @Property({ type: 'text', nullable: true })
  investigationFindings?: string | null;

  @Field(() => String, { nullable: true, description: '调查记录签字的承办人' })
  @Property({ type: 'text', nullable: true })
  investigationHandlerName?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '承办人签字日期' })
  @Property({ type: 'date', nullable: true })
  investigationHandlerSignedOn?: string | null;

  /** The handler's account when the handler signed in the system (null: a recorded name and date). */
  @Link(() => Account, { nullable: true, hidden: true })
  investigationHandlerAccount?: Ref<Account> | null;

  @Field(() => String, { nullable: true, description: '调查记录签字的分管领导' })
  @Property({ type: 'text', nullable: true })
  investigationLeaderName?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '分管领导签字日期' })
  @Property({ type: 'date', nullable: true })
  investigationLeaderSignedOn?: string | null;

  @Link(() => Account, { nullable: true, hidden: true })
  investigationLeaderAccount?: Ref<Account> | null;

  @Field(() => LetterOutcome, { nullable: true, description: '办结结果' })
  @Enum({ items: () => LetterOutcome, nullable: true })
  outcome?: LetterOutcome | null;

  @Field(() => String, { nullable: true, description: '办结意见' })
  @Property({ type: 'text', nullable: true })
  conclusion?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '办结日期' })
  @Property({ type: 'date', nullable: true })
  concludedOn?: string | null;

  @Field(() => ReplyMethod, { nullable: true, description: '答复方式' })
  @Enum({ items: () => ReplyMethod, nullable: true })
  replyMethod?: ReplyMethod | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '答复来信人日期' })
  @Property({ type: 'date', nullable: true })
  @Index()
  repliedOn?: string | null;

  @Field(() => String, { nullable: true, description: '答复内容' })
  @Property({ type: 'text', nullable: true })
  replyContent?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '申请复查日期（答复后 30 日内，LAW 第35条）' })
  @Property({ type: 'date', nullable: true })
  reviewRequestedOn?: string | null;

  @Field(() => String, { nullable: true, description: '复查理由' })
  @Property({ type: 'text', nullable: true })
  reviewReason?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '复查答复日期' })
  @Property({ type: 'date', nullable: true })
  reviewAnsweredOn?: string | null;

  @Field(() => String, { nullable: true, description: '复查意见' })
  @Property({ type: 'text', nullable: true })
  reviewAnswer?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '申请复核日期（复查答复后 30 日内，LAW 第36条）' })
  @Property({ type: 'date', nullable: true })
  reReviewRequestedOn?: string | null;

  @Field(() => String, { nullable: true, description: '复核理由' })
  @Property({ type: 'text', nullable: true })
  reReviewReason?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '复核答复日期（此后同一事项不再受理）' })
  @Property({ type: 'date', nullable: true })
  reReviewAnsweredOn?: string | null;

  @Field(() => String, { nullable: true, description: '复核意见' })
  @Property({ type: 'text', nullable: true })
  reReviewAnswer?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '归档日期' })
  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  @Field(() => EscalationLevel, { nullable: true, description: '信箱来信已上报到的层级（MB4）' })
  @Enum({ items: () => EscalationLevel, nullable: true })
  escalationLevel?: EscalationLevel | null;

  @Field(() => String, { nullable: true, description: '最近一次上报的理由（MB4）' })
  @Property({ type: 'text', nullable: true })
  escalationReason?: string | null;

  @Field(() => String, { nullable: true, description: '交办签字人（街道办事处主要负责人，ST4）' })
  @Property({ type: 'text', nullable: true })
  assignmentSignedBy?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '签字交办日期' })
  @Property({ type: 'date', nullable: true })
  assignmentSignedOn?: string | null;

  @Field(() => String, { nullable: true, description: '交办给（落实单位，ST4）' })
  @Property({ type: 'text', nullable: true })
  assignedTo?: string | null;

  @Field(() => Int, { description: '协调督办次数（ST4）' })
  @Property({ type: 'integer', default: 0 })
  followUpCount: number = 0;

  @Field(() => Int, { nullable: true, description: '延长办理期限的天数（只能延长一次，PV3）' })
  @Property({ type: 'integer', nullable: true })
  deadlineExtendedDays?: number | null;

  @Field(() => String, { nullable: true, description: '延期理由' })
  @Property({ type: 'text', nullable: true })
  deadlineExtensionReason?: string | null;

  @Field(() => String, { nullable: true, description: '延期批准人' })
  @Property({ type: 'text', nullable: true })
  deadlineExtensionApprovedBy?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '告知来信人延期的日期' })
  @Property({ type: 'date', nullable: true })
  deadlineExtensionNotifiedOn?: string | null;

  @Field(() => Int, { description: '因不满意重新办理的次数（SV2：一次）' })
  @Property({ type: 'integer', default: 0 })
  reopenCount: number = 0;

  @Link(() => Letter, { nullable: true })
  mergedInto?: Ref<Letter> | null;

  @Field(() => ID, { nullable: true, description: '并入的主件（重复来信合并）' })
  get mergedIntoId(): number | null {
    return this.mergedInto?.id ?? null;
  }

  @Field(() => LetterConversion, { nullable: true, description: '转化去向（MB6）' })
  @Enum({ items: () => LetterConversion, nullable: true })
  convertedTo?: LetterConversion | null;

  @Field(() => ID, { nullable: true, description: '转化生成的提案/社情民意信息/代表建议的编号（其 sourceLetterId 指回本件）' })
  @Property({ type: 'integer', nullable: true })
  convertedRecordId?: number | null;

  @Field(() => String, { nullable: true, description: '调研课题（转为小组调研课题时）' })
  @Property({ type: 'text', nullable: true })
  researchTopic?: string | null;

  @Field(() => String, { nullable: true, description: '作废理由（来信不删除，只作废）' })
  @Property({ type: 'text', nullable: true })
  voidReason?: string | null;

  /** PR2: when set, department handlers see the writer's identity (the office disclosed it, with a reason). */
  @Field(() => Date, { nullable: true, description: '向承办单位披露来信人身份的时间（PR2）' })
  @Property({ type: 'datetime', nullable: true })
  writerDisclosedAt?: Date | null;

  @Field(() => String, { nullable: true, description: '披露来信人身份的理由（PR2）' })
  @Property({ type: 'text', nullable: true })
  writerDisclosureReason?: string | null;

  // ── deadlines (issue 5: letter.deadlines.ts chooses them at registration, DL4; PV3) ──

  @Link(() => DeadlinePolicy, { nullable: true })
  deadlinePolicy?: Ref<DeadlinePolicy> | null;

  @Field(() => ID, { nullable: true, description: '登记时选定的主要办理时限（DL4）' })
  get deadlinePolicyId(): number | null {
    return this.deadlinePolicy?.id ?? null;
  }

  /** The time limits chosen at registration, as they were then (DL4); shown by the `deadlines` field. */
  @Property({ type: 'json', nullable: true, hidden: true })
  deadlineRules?: ChosenDeadlineRule[] | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '上级机关要求的办结日期（优先于本机关时限，PV3）' })
  @Property({ type: 'date', nullable: true })
  higherOfficeDueOn?: string | null;

  @Field(() => String, { nullable: true, description: '交办并规定时限的上级机关（PV3）' })
  @Property({ type: 'text', nullable: true })
  higherOfficeName?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '向交办的上级机关报告办理结果的日期（PV2）' })
  @Property({ type: 'date', nullable: true })
  reportedToHigherOfficeOn?: string | null;

  @Field(() => String, { nullable: true, description: '向上级机关报告的办理结果摘要（PV2）' })
  @Property({ type: 'text', nullable: true })
  higherOfficeReportSummary?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '领导审核同意向上级机关上报的日期（PV2：经领导审查同意后上报）' })
  @Property({ type: 'date', nullable: true })
  higherOfficeReportApprovedOn?: string | null;

  @Field(() => String, { nullable: true, description: '审核同意上报的领导（PV2）' })
  @Property({ type: 'text', nullable: true })
  higherOfficeReportApprovedBy?: string | null;

  @Field(() => String, { nullable: true, description: '领导审核意见（PV2）' })
  @Property({ type: 'text', nullable: true })
  higherOfficeReportApproval?: string | null;

  /** The account that registered the letter, its first owner (PV4): deadline reminders go to it and its leaders. */
  @Link(() => Account, { nullable: true })
  ownerAccount?: Ref<Account> | null;

  @Field(() => ID, { nullable: true, description: '首问责任人账号（PV4）' })
  get ownerAccountId(): number | null {
    return this.ownerAccount?.id ?? null;
  }

  // ── stored deadlines (issue 9): kept by storeLetterDeadlines (letter.deadlines.service.ts) in every
  // step's transaction, and by the recompute job after calendar and policy edits ──

  @Field(() => LocalDateResolver, { nullable: true, description: '下一个到期日期：未完成时限中最早的到期日期；无未完成时限为空（DL1）' })
  @Property({ type: 'date', nullable: true })
  nextDueOn?: string | null;

  @Field(() => LetterDeadlineMeasure, { nullable: true, description: '下一个到期的时限事项' })
  @Property({ type: 'text', nullable: true })
  nextDueMeasure?: LetterDeadlineMeasure | null;

  @Field(() => String, { nullable: true, description: '下一个到期时限的依据（DL1）' })
  @Property({ type: 'text', nullable: true })
  nextDueRuleRef?: string | null;

  /** Every unfinished deadline with its due date and rule, earliest first (as the `deadlines` field computes them). */
  @Property({ type: 'json', nullable: true, hidden: true })
  openDeadlines?: StoredDeadline[] | null;

  /** The distinct due dates of the unfinished deadlines (GIN-indexed: lettersDueWithin); written, never read. */
  @Property({ type: ArrayType, columnType: 'date[]', nullable: true, hidden: true, lazy: true })
  openDueDates?: string[] | null;

  searchText() {
    return [this.title, this.content, this.community];
  }
}
