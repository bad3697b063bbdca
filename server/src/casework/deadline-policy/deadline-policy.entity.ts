import { Check, Entity, Enum, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { LetterChannel } from '../letter/letter.enums.js';

export enum DeadlineMeasure {
  ACCEPTANCE_DECISION = 'ACCEPTANCE_DECISION',
  FORWARD = 'FORWARD',
  HANDLE = 'HANDLE',
  REPLY = 'REPLY',
  FEEDBACK = 'FEEDBACK',
  EXTENSION = 'EXTENSION',
  REVIEW_REQUEST = 'REVIEW_REQUEST',
  REVIEW_ANSWER = 'REVIEW_ANSWER',
}
registerEnumType(DeadlineMeasure, {
  name: 'DeadlineMeasure',
  description: '时限事项',
  valuesConfig: {
    ACCEPTANCE_DECISION: { description: '决定是否受理并告知' },
    FORWARD: { description: '批示后转办' },
    HANDLE: { description: '办理' },
    REPLY: { description: '答复来信人' },
    FEEDBACK: { description: '信箱来信反馈' },
    EXTENSION: { description: '延期' },
    REVIEW_REQUEST: { description: '申请复查/复核' },
    REVIEW_ANSWER: { description: '复查/复核答复' },
  },
});

export enum DayKind {
  WORKING_DAYS = 'WORKING_DAYS',
  CALENDAR_DAYS = 'CALENDAR_DAYS',
}
registerEnumType(DayKind, {
  name: 'DayKind',
  description: '计日方式',
  valuesConfig: { WORKING_DAYS: { description: '工作日（DL2）' }, CALENDAR_DAYS: { description: '自然日（DL3）' } },
});

/** 办理时限: one of an organization's time limits, with the rule it comes from (DL1, DL4). */
@ObjectType({ description: '办理时限' })
@Entity()
// one limit per organization, measure and channel; a null channel (any channel) counts as a value
@Unique({
  name: 'deadline_policy_organization_id_measure_channel_unique',
  expression:
    'create unique index "deadline_policy_organization_id_measure_channel_unique" on "deadline_policy" ("organization_id", "measure", "channel") nulls not distinct',
})
@Check({ name: 'deadline_policy_days_check', expression: 'days >= 1 and days <= 365' })
export class DeadlinePolicy extends BaseEntity {
  @Link(() => Organization)
  organization!: Ref<Organization>;

  @Field(() => ID, { description: '工作机构' })
  get organizationId(): number {
    return this.organization.id;
  }

  @Field(() => DeadlineMeasure, { description: '时限事项' })
  @Enum({ items: () => DeadlineMeasure })
  measure!: DeadlineMeasure;

  @Field(() => LetterChannel, { nullable: true, description: '适用渠道（空表示所有渠道）' })
  @Enum({ items: () => LetterChannel, nullable: true })
  channel?: LetterChannel | null;

  @Field(() => Int, { description: '天数' })
  @Property({ type: 'integer' })
  days!: number;

  @Field(() => DayKind, { description: '计日方式' })
  @Enum({ items: () => DayKind })
  dayKind!: DayKind;

  @Field(() => String, { description: '依据（DL1），如 “MB5：15个工作日”' })
  @Property({ type: 'text' })
  ruleRef!: string;

  @Field(() => Boolean, { description: '是否默认时限' })
  @Property({ type: 'boolean' })
  isDefault: boolean = false;
}
