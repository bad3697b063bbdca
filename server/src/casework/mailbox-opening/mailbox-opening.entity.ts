import { Check, Entity, Property, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Mailbox } from '../mailbox/mailbox.entity.js';
import { Member } from '../../people/member/member.entity.js';

/** 信箱开启: one opening of a mailbox, who opened it and the letters found (MB3). Created by openMailbox. */
@ObjectType({ description: '信箱开启记录' })
@Entity()
@Check({ name: 'mailbox_opening_letter_count_check', expression: 'letter_count >= 0' })
// MB2: only a substitute opening carries the group leader's approval, and it must carry it
@Check({ name: 'mailbox_opening_substitute_approval_check', expression: 'is_substitute = (approved_by_member_id is not null)' })
export class MailboxOpening extends BaseEntity {
  @Link(() => Mailbox)
  mailbox!: Ref<Mailbox>;

  @Field(() => ID, { description: '信箱' })
  get mailboxId(): number {
    return this.mailbox.id;
  }

  @Field(() => LocalDateResolver, { description: '开启日期' })
  @Property({ type: 'date' })
  openedOn!: string;

  @Link(() => Member)
  openedByMember!: Ref<Member>;

  @Field(() => ID, { description: '开启委员' })
  get openedByMemberId(): number {
    return this.openedByMember.id;
  }

  @Field(() => String, { nullable: true, description: '开启委员姓名' })
  async openedByMemberName(): Promise<string | null> {
    return (await this.openedByMember.load())?.name ?? null;
  }

  @Field(() => Boolean, { description: '是否代为开启（负责委员不在时，MB2）' })
  @Property({ type: 'boolean' })
  isSubstitute: boolean = false;

  @Link(() => Member, { nullable: true })
  approvedByMember?: Ref<Member> | null;

  @Field(() => ID, { nullable: true, description: '批准代开的小组组长（MB2）' })
  get approvedByMemberId(): number | null {
    return this.approvedByMember?.id ?? null;
  }

  @Field(() => Int, { description: '收到信件数' })
  @Property({ type: 'integer' })
  letterCount: number = 0;

  @Field(() => String, { nullable: true, description: '备注' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
