import { Check, Entity, Enum, Property, Unique, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Leader } from '../leader/leader.entity.js';
import { Committee } from '../committee/committee.entity.js';
import { Member } from '../member/member.entity.js';
import { Constituent } from '../constituent/constituent.entity.js';
import { ContactPairingKind, pairingCheckExpression } from './pairing-kind.js';

export { ContactPairingKind } from './pairing-kind.js';

const openUnique = (name: string, a: string, b: string, kind: ContactPairingKind) =>
  `create unique index "${name}" on "contact_pairing" ("${a}", "${b}") where "kind" = '${kind}' and "end_date" is null`;

/** 联系: a standing assignment "A keeps in touch with B" (CT1–CT3). */
@ObjectType({ description: '联系（结对）' })
@Entity()
@Check({ name: 'contact_pairing_links_check', expression: pairingCheckExpression() })
@Check({ name: 'contact_pairing_dates_check', expression: 'end_date is null or end_date >= start_date' })
// no duplicate open-ended pairing of the same two parties
@Unique({ name: 'contact_pairing_leader_member_open_unique', expression: openUnique('contact_pairing_leader_member_open_unique', 'leader_id', 'member_id', ContactPairingKind.LEADER_STANDING) })
@Unique({ name: 'contact_pairing_committee_member_open_unique', expression: openUnique('contact_pairing_committee_member_open_unique', 'committee_id', 'member_id', ContactPairingKind.COMMITTEE_MEMBER) })
@Unique({ name: 'contact_pairing_member_constituent_open_unique', expression: openUnique('contact_pairing_member_constituent_open_unique', 'member_id', 'constituent_id', ContactPairingKind.MEMBER_CONSTITUENT) })
export class ContactPairing extends BaseEntity {
  @Field(() => ContactPairingKind, { description: '联系类别' })
  @Enum({ items: () => ContactPairingKind })
  kind!: ContactPairingKind;

  @Link(() => Leader, { nullable: true })
  leader?: Ref<Leader> | null;

  @Field(() => ID, { nullable: true, description: '领导（领导联系常委）' })
  get leaderId(): number | null {
    return this.leader?.id ?? null;
  }

  @Link(() => Committee, { nullable: true })
  committee?: Ref<Committee> | null;

  @Field(() => ID, { nullable: true, description: '专委会（专委会联系委员）' })
  get committeeId(): number | null {
    return this.committee?.id ?? null;
  }

  @Link(() => Member, { nullable: true })
  member?: Ref<Member> | null;

  @Field(() => ID, { nullable: true, description: '委员/代表' })
  get memberId(): number | null {
    return this.member?.id ?? null;
  }

  @Link(() => Constituent, { nullable: true })
  constituent?: Ref<Constituent> | null;

  @Field(() => ID, { nullable: true, description: '群众（委员联系群众）' })
  get constituentId(): number | null {
    return this.constituent?.id ?? null;
  }

  @Field(() => LocalDateResolver, { description: '开始日期' })
  @Property({ type: 'date' })
  startDate!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '结束日期（空表示长期）' })
  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: '备注' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: '领导姓名（只读）' })
  async leaderName(): Promise<string | null> {
    return this.leader ? ((await this.leader.load())?.name ?? null) : null;
  }

  @Field(() => String, { nullable: true, description: '专委会名称（只读）' })
  async committeeName(): Promise<string | null> {
    return this.committee ? ((await this.committee.load())?.name ?? null) : null;
  }

  @Field(() => String, { nullable: true, description: '委员/代表姓名（只读）' })
  async memberName(): Promise<string | null> {
    return this.member ? ((await this.member.load())?.name ?? null) : null;
  }

  @Field(() => String, { nullable: true, description: '群众姓名（只读）' })
  async constituentName(): Promise<string | null> {
    return this.constituent ? ((await this.constituent.load())?.name ?? null) : null;
  }
}
