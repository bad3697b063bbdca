import { Check, Entity, Enum, Index, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Body } from '../../platform/body/body.entity.js';
import { MemberKind } from '../../people/member/member.entity.js';

export enum PerformanceMeasure {
  PROPOSALS = 'PROPOSALS',
  OPINION_REPORTS = 'OPINION_REPORTS',
  RESEARCH = 'RESEARCH',
  INSPECTIONS = 'INSPECTIONS',
  SECTOR_ACTIVITIES = 'SECTOR_ACTIVITIES',
  PRACTICAL_DEEDS = 'PRACTICAL_DEEDS',
  RECEPTIONS_ATTENDED = 'RECEPTIONS_ATTENDED',
  CONSTITUENT_VISITS = 'CONSTITUENT_VISITS',
  CONSTITUENTS_IN_TOUCH = 'CONSTITUENTS_IN_TOUCH',
  LETTERS_FED_BACK_ON_TIME = 'LETTERS_FED_BACK_ON_TIME',
  SATISFACTION = 'SATISFACTION',
}
registerEnumType(PerformanceMeasure, {
  name: 'PerformanceMeasure',
  description: '考核指标',
  valuesConfig: {
    PROPOSALS: { description: '提交提案（件）' },
    OPINION_REPORTS: { description: '社情民意信息（篇）' },
    RESEARCH: { description: '参与调研（次）' },
    INSPECTIONS: { description: '参加视察（次）' },
    SECTOR_ACTIVITIES: { description: '参加界别活动（次）' },
    PRACTICAL_DEEDS: { description: '为群众办实事（件）' },
    RECEPTIONS_ATTENDED: { description: '参加接待选民活动（次）' },
    CONSTITUENT_VISITS: { description: '走访联系群众（次）' },
    CONSTITUENTS_IN_TOUCH: { description: '联系群众（人）' },
    LETTERS_FED_BACK_ON_TIME: { description: '按时反馈来信（件）' },
    SATISFACTION: { description: '满意度（比例）' },
  },
});

/** PF1: scoring rules are data, per body, year and member kind; one rule per measure. */
@ObjectType({ description: '考核规则' })
@Entity()
@Unique({ properties: ['body', 'year', 'memberKind', 'measure'] })
@Check({ name: 'scoring_rule_threshold_check', expression: 'threshold >= 0::double precision' })
@Check({ name: 'scoring_rule_max_points_check', expression: 'max_points is null or max_points >= points' })
export class ScoringRule extends BaseEntity {
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

  @Field(() => MemberKind, { description: '适用对象（委员 / 代表）' })
  @Enum({ items: () => MemberKind })
  memberKind!: MemberKind;

  @Field(() => PerformanceMeasure, { description: '考核指标' })
  @Enum({ items: () => PerformanceMeasure })
  measure!: PerformanceMeasure;

  @Field(() => Float, { description: '达标线（不少于）' })
  @Property({ type: 'double', runtimeType: 'number' })
  threshold!: number;

  @Field(() => Float, { description: '达标得分' })
  @Property({ type: 'double', runtimeType: 'number' })
  points!: number;

  @Field(() => Float, { description: '超出达标线后每多一项加分' })
  @Property({ type: 'double', runtimeType: 'number', default: 0 })
  pointsPerExtra: number = 0;

  @Field(() => Float, { nullable: true, description: '本项最高得分（空为不设上限）' })
  @Property({ type: 'double', runtimeType: 'number', nullable: true })
  maxPoints?: number | null;

  @Field(() => String, { nullable: true, description: '依据，如 LO2 / ST2' })
  @Property({ type: 'text', nullable: true })
  ruleRef?: string | null;
}
