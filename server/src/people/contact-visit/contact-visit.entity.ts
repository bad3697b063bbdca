import { Check, Entity, Enum, Index, Property, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Leader } from '../leader/leader.entity.js';
import { Committee } from '../committee/committee.entity.js';
import { Member } from '../member/member.entity.js';
import { Constituent } from '../constituent/constituent.entity.js';
import { ContactPairingKind, pairingCheckExpression } from '../contact-pairing/pairing-kind.js';

export enum ContactVisitMode {
  VISIT = 'VISIT',
  TALK = 'TALK',
  FORUM = 'FORUM',
  PHONE = 'PHONE',
  ONLINE = 'ONLINE',
  LETTER = 'LETTER',
}
registerEnumType(ContactVisitMode, {
  name: 'ContactVisitMode',
  description: '联系方式（CT4）',
  valuesConfig: {
    VISIT: { description: '走访' },
    TALK: { description: '约谈' },
    FORUM: { description: '座谈' },
    PHONE: { description: '电话' },
    ONLINE: { description: '网络' },
    LETTER: { description: '书信' },
  },
});

export enum ContactVisitOutcome {
  NONE = 'NONE',
  LETTER = 'LETTER',
  OPINION_REPORT = 'OPINION_REPORT',
  TOPIC = 'TOPIC',
}
registerEnumType(ContactVisitOutcome, {
  name: 'ContactVisitOutcome',
  description: '反映问题的去向（CT5）',
  valuesConfig: {
    NONE: { description: '无' },
    LETTER: { description: '转为来信办理' },
    OPINION_REPORT: { description: '形成社情民意信息' },
    TOPIC: { description: '列为调研、视察或协商课题' },
  },
});

/** 走访 / 约谈 / 座谈 …: one contact between two levels of the hierarchy (CT4, CT5). */
@ObjectType({ description: '联系活动（走访、约谈、座谈等）' })
@Entity()
@Check({ name: 'contact_visit_links_check', expression: pairingCheckExpression() })
@Index({ properties: ['member', 'visitedOn'] })
export class ContactVisit extends SearchableEntity {
  @Field(() => ContactPairingKind, { description: '联系类别' })
  @Enum({ items: () => ContactPairingKind })
  kind!: ContactPairingKind;

  @Field(() => ContactVisitMode, { description: '方式' })
  @Enum({ items: () => ContactVisitMode })
  mode!: ContactVisitMode;

  @Field(() => LocalDateResolver, { description: '日期' })
  @Property({ type: 'date' })
  visitedOn!: string;

  @Link(() => Leader, { nullable: true })
  leader?: Ref<Leader> | null;

  @Field(() => ID, { nullable: true, description: '领导' })
  get leaderId(): number | null {
    return this.leader?.id ?? null;
  }

  @Link(() => Committee, { nullable: true })
  committee?: Ref<Committee> | null;

  @Field(() => ID, { nullable: true, description: '专委会' })
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

  @Field(() => ID, { nullable: true, description: '群众' })
  get constituentId(): number | null {
    return this.constituent?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '地点' })
  @Property({ type: 'text', nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true, description: '情况摘要' })
  @Property({ type: 'text', nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: '反映的问题' })
  @Property({ type: 'text', nullable: true })
  issuesRaised?: string | null;

  @Field(() => ContactVisitOutcome, { description: '问题去向（CT5）' })
  @Enum({ items: () => ContactVisitOutcome, default: ContactVisitOutcome.NONE })
  outcome: ContactVisitOutcome = ContactVisitOutcome.NONE;

  @Field(() => String, { nullable: true, description: '委员/代表姓名（只读）' })
  async memberName(): Promise<string | null> {
    return this.member ? ((await this.member.load())?.name ?? null) : null;
  }

  searchText() {
    return [this.summary, this.issuesRaised];
  }
}
