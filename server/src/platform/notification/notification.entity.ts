import { Entity, Enum, Index, Property, Unique, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Organization } from '../organization/organization.entity.js';
import { Letter } from '../../casework/letter/letter.entity.js';
import { Account } from '../account/account.entity.js';

export enum NotificationKind {
  DEADLINE_NEAR = 'DEADLINE_NEAR',
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  URGENT_LETTER = 'URGENT_LETTER',
  ASSIGNED = 'ASSIGNED',
  FORWARDED = 'FORWARDED',
  RESULT_REPORTED = 'RESULT_REPORTED',
  RETURNED = 'RETURNED',
  INFO = 'INFO',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: '通知类别',
  valuesConfig: {
    DEADLINE_NEAR: { description: '即将到期' },
    DEADLINE_PASSED: { description: '已超期' },
    URGENT_LETTER: { description: '紧急来信（PV6）' },
    ASSIGNED: { description: '交办给我' },
    FORWARDED: { description: '转本单位办理' },
    RESULT_REPORTED: { description: '已报送办理结果' },
    RETURNED: { description: '退回重新办理或上报' },
    INFO: { description: '一般通知' },
  },
});

/** An in-app message; written by the system, read only except for its read state. */
@ObjectType({ description: '通知' })
@Entity()
export class Notification extends BaseEntity {
  @Field(() => String, { description: '标题' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: '正文' })
  @Property({ type: 'text', nullable: true })
  body?: string | null;

  @Field(() => NotificationKind, { description: '类别' })
  @Enum({ items: () => NotificationKind })
  @Index()
  kind: NotificationKind = NotificationKind.INFO;

  @Link(() => Letter, { nullable: true })
  letter?: Ref<Letter> | null;

  @Field(() => ID, { nullable: true, description: '相关来信' })
  get letterId(): number | null {
    return this.letter?.id ?? null;
  }

  @Link(() => Organization, { nullable: true })
  organization?: Ref<Organization> | null;

  @Field(() => ID, { nullable: true, description: '接收的工作机构' })
  get organizationId(): number | null {
    return this.organization?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '接收人（账号在后续版本关联）' })
  @Property({ type: 'text', nullable: true })
  @Index()
  recipientName?: string | null;

  @Link(() => Account, { nullable: true })
  recipientAccount?: Ref<Account> | null;

  @Field(() => ID, { nullable: true, description: '接收人账号（为空时按接收人姓名和机构）' })
  get recipientAccountId(): number | null {
    return this.recipientAccount?.id ?? null;
  }

  @Field(() => LocalDateResolver, { nullable: true, description: '相关时限的到期日期（DL1）' })
  @Property({ type: 'date', nullable: true })
  dueOn?: string | null;

  /** What the message is about, once per recipient (deadline reminders: kind, letter, step, due date, recipient). */
  @Property({ type: 'text', nullable: true, hidden: true })
  @Unique()
  dedupeKey?: string | null;

  @Field(() => Date, { nullable: true, description: '阅读时间（空为未读）' })
  @Property({ type: 'datetime', nullable: true })
  @Index()
  readAt?: Date | null;
}
