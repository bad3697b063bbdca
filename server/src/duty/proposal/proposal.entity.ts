import { Entity, Enum, Index, Property, Unique, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Body } from '../../platform/body/body.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Letter } from '../../casework/letter/letter.entity.js';

export enum ProposalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  NOT_ACCEPTED = 'NOT_ACCEPTED',
  HANDLED = 'HANDLED',
}
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description: '提案状态',
  valuesConfig: {
    DRAFT: { description: '草稿' },
    SUBMITTED: { description: '已提交' },
    ACCEPTED: { description: '已立案' },
    NOT_ACCEPTED: { description: '不予立案' },
    HANDLED: { description: '已办复' },
  },
});

/** A proposal, in a member's or a group's name (MB6); its serial number is unique per body and year. */
@ObjectType({ description: '提案' })
@Entity()
@Unique({ properties: ['body', 'year', 'serialNumber'] })
export class Proposal extends SearchableEntity {
  @Field(() => String, { description: '案由（标题）' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: '提案内容' })
  @Property({ type: 'text', nullable: true })
  content?: string | null;

  @Link(() => Member, { nullable: true })
  member?: Ref<Member> | null;

  @Field(() => ID, { nullable: true, description: '提案人（以小组名义提出时可空）' })
  get memberId(): number | null {
    return this.member?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '提案人姓名' })
  async memberName(): Promise<string | null> {
    return this.member ? ((await this.member.load())?.name ?? null) : null;
  }

  @Link(() => LiaisonGroup, { nullable: true })
  liaisonGroup?: Ref<LiaisonGroup> | null;

  @Field(() => ID, { nullable: true, description: '以其名义提出的委员活动小组 / 联络组' })
  get liaisonGroupId(): number | null {
    return this.liaisonGroup?.id ?? null;
  }

  @Link(() => Body)
  body!: Ref<Body>;

  @Field(() => ID, { description: '所属机构（政协/人大）' })
  get bodyId(): number {
    return this.body.id;
  }

  @Field(() => Int, { description: '年度' })
  @Property({ type: 'integer' })
  @Index()
  year!: number;

  @Field(() => LocalDateResolver, { nullable: true, description: '提交日期' })
  @Property({ type: 'date', nullable: true })
  submittedOn?: string | null;

  @Field(() => String, { nullable: true, description: '提案编号（同一机构同一年度唯一）' })
  @Property({ type: 'text', nullable: true })
  serialNumber?: string | null;

  @Field(() => ProposalStatus, { description: '状态' })
  @Enum({ items: () => ProposalStatus })
  @Index()
  status: ProposalStatus = ProposalStatus.DRAFT;

  @Link(() => Letter, { nullable: true })
  sourceLetter?: Ref<Letter> | null;

  @Field(() => ID, { nullable: true, description: '来源来信（MB6）' })
  get sourceLetterId(): number | null {
    return this.sourceLetter?.id ?? null;
  }

  searchText() {
    return [this.title, this.content, this.serialNumber];
  }
}
