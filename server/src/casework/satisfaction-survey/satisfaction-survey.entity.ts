import { Check, Entity, Enum, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Letter } from '../letter/letter.entity.js';
import { Reception } from '../../stations/reception/reception.entity.js';

export enum SatisfactionRating {
  SATISFIED = 'SATISFIED',
  BASICALLY_SATISFIED = 'BASICALLY_SATISFIED',
  DISSATISFIED = 'DISSATISFIED',
}
registerEnumType(SatisfactionRating, {
  name: 'SatisfactionRating',
  description: '满意度（SV1）',
  valuesConfig: {
    SATISFIED: { description: '满意' },
    BASICALLY_SATISFIED: { description: '基本满意' },
    DISSATISFIED: { description: '不满意' },
  },
});

export enum RatingSource {
  WRITER = 'WRITER',
  STAFF = 'STAFF',
}
registerEnumType(RatingSource, {
  name: 'RatingSource',
  description: '评价来源',
  valuesConfig: { WRITER: { description: '来信人（凭查询码）' }, STAFF: { description: '工作人员代录' } },
});

export enum RatingMethod {
  PHONE = 'PHONE',
  VISIT = 'VISIT',
  FORM = 'FORM',
  ONLINE = 'ONLINE',
}
registerEnumType(RatingMethod, {
  name: 'RatingMethod',
  description: '评价方式',
  valuesConfig: {
    PHONE: { description: '电话回访（工作人员代录）' },
    VISIT: { description: '当面或上门回访（工作人员代录）' },
    FORM: { description: '书面测评表（来信人填写，工作人员录入）' },
    ONLINE: { description: '网上评价（来信人凭查询码）' },
  },
});

/** 满意度测评: a rating of a replied letter or of a reception (SV1); created by rateLetter/rateReception. */
@ObjectType({ description: '满意度测评' })
@Entity()
// SV1: rates exactly one thing, a letter or a reception
@Check({ name: 'satisfaction_survey_subject_check', expression: '(letter_id is null) <> (reception_id is null)' })
@Check({ name: 'satisfaction_survey_round_check', expression: 'round >= 1' })
// SV2: one rating of a letter per handling round (a reception may be rated by each of its voters)
@Unique({ properties: ['letter', 'round'] })
@Check({ name: 'satisfaction_survey_outcome_check', expression: 'not (reopened_letter and escalated_letter)' })
export class SatisfactionSurvey extends BaseEntity {
  @Link(() => Letter, { nullable: true })
  letter?: Ref<Letter> | null;

  @Field(() => ID, { nullable: true, description: '来信' })
  get letterId(): number | null {
    return this.letter?.id ?? null;
  }

  @Link(() => Reception, { nullable: true })
  reception?: Ref<Reception> | null;

  @Field(() => ID, { nullable: true, description: '接待活动' })
  get receptionId(): number | null {
    return this.reception?.id ?? null;
  }

  @Field(() => SatisfactionRating, { description: '评价' })
  @Enum({ items: () => SatisfactionRating })
  rating!: SatisfactionRating;

  @Field(() => String, { nullable: true, description: '意见' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => RatingSource, { description: '评价来源' })
  @Enum({ items: () => RatingSource })
  source!: RatingSource;

  @Field(() => RatingMethod, { nullable: true, description: '评价方式（早期记录可能为空）' })
  @Enum({ items: () => RatingMethod, nullable: true })
  method?: RatingMethod | null;

  @Field(() => String, { nullable: true, description: '录入人（工作人员代录时）' })
  @Property({ type: 'text', nullable: true })
  recordedByName?: string | null;

  @Field(() => Boolean, { description: '此评价使来信重新办理（第一次不满意，SV2）' })
  @Property({ type: 'boolean', default: false })
  reopenedLetter: boolean = false;

  @Field(() => Boolean, { description: '此评价使来信上报（再次不满意，SV2）' })
  @Property({ type: 'boolean', default: false })
  escalatedLetter: boolean = false;

  @Field(() => Int, { description: '办理轮次（重新办理后递增，SV2）' })
  @Property({ type: 'integer' })
  round: number = 1;

  @Field(() => Date, { description: '评价时间' })
  @Property({ type: 'datetime' })
  ratedAt: Date = new Date();
}
