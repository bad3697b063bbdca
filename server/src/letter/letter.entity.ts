import { Check, Collection, Entity, Enum, Index, ManyToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { SearchableEntity } from '../common/base.entity.js';
import { Link } from '../common/link.js';
import { Organization } from '../organization/organization.entity.js';
import { Department } from '../department/department.entity.js';
import { Member } from '../member/member.entity.js';
import { Constituent } from '../constituent/constituent.entity.js';
import { Mailbox } from '../mailbox/mailbox.entity.js';
import { MailboxOpening } from '../mailbox-opening/mailbox-opening.entity.js';
import { Reception } from '../reception/reception.entity.js';
import { LetterCategory, LetterChannel, LetterStatus, Urgency } from './letter.enums.js';

export { LetterCategory, LetterChannel, LetterStatus, Urgency } from './letter.enums.js';

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

  @Field(() => String, { nullable: true, description: '首问责任人（PV4）' })
  @Property({ type: 'text', nullable: true })
  ownerName?: string | null;

  @Field(() => String, { description: '查询码（网上查询办理进度与评价用）' })
  @Property({ type: 'text' })
  @Unique()
  trackingCode!: string;

  searchText() {
    return [this.title, this.content, this.community];
  }
}
