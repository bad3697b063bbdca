import { Entity, Index, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Member } from '../../people/member/member.entity.js';
import { PerformanceMeasure } from '../scoring-rule/scoring-rule.entity.js';

/** PF2: one rule's line of a score, kept so anyone can see why a member scored what they did. */
@ObjectType({ description: '考核得分明细（逐条规则）' })
export class ScoreLine {
  @Field(() => PerformanceMeasure, { description: '考核指标' })
  measure!: PerformanceMeasure;

  @Field(() => Float, { description: '实际数值' })
  value!: number;

  @Field(() => Float, { description: '达标线' })
  threshold!: number;

  @Field(() => Float, { description: '本项得分' })
  points!: number;

  @Field(() => Boolean, { description: '是否达标' })
  met!: boolean;

  @Field(() => String, { nullable: true, description: '依据，如 LO2' })
  ruleRef!: string | null;
}

/** 考核得分: a member's yearly score with its breakdown (PF1, PF2); computed, read only. */
@ObjectType({ description: '考核得分（系统计算）' })
@Entity()
@Unique({ properties: ['member', 'year'] })
export class PerformanceScore extends BaseEntity {
  @Link(() => Member)
  member!: Ref<Member>;

  @Field(() => ID, { description: '委员 / 代表' })
  get memberId(): number {
    return this.member.id;
  }

  @Field(() => String, { nullable: true, description: '委员 / 代表姓名' })
  async memberName(): Promise<string | null> {
    return (await this.member.load())?.name ?? null;
  }

  @Field(() => Int, { description: '年度' })
  @Property({ type: 'integer' })
  @Index()
  year!: number;

  @Field(() => Float, { description: '总分' })
  @Property({ type: 'double', runtimeType: 'number' })
  total!: number;

  @Field(() => [ScoreLine], { description: '得分明细（PF2）' })
  @Property({ type: 'json' })
  breakdown: ScoreLine[] = [];

  @Field(() => Date, { description: '计算时间' })
  @Property({ type: 'datetime' })
  computedAt!: Date;
}
