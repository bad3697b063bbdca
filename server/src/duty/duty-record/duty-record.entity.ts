import { Entity, Index, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Member } from '../../people/member/member.entity.js';

/** LO3 履职档案: what a member did in a year, counted in SQL by computePerformanceScores (read only). */
@ObjectType({ description: '履职档案（年度计数，系统计算）' })
@Entity()
@Unique({ properties: ['member', 'year'] })
export class DutyRecord extends BaseEntity {
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

  @Field(() => Int, { description: '提交提案（件，不含草稿）' })
  @Property({ type: 'integer', default: 0 })
  proposals: number = 0;

  @Field(() => Int, { description: '社情民意信息（篇）' })
  @Property({ type: 'integer', default: 0 })
  opinionReports: number = 0;

  @Field(() => Int, { description: '参与调研（次）' })
  @Property({ type: 'integer', default: 0 })
  research: number = 0;

  @Field(() => Int, { description: '参加视察（次）' })
  @Property({ type: 'integer', default: 0 })
  inspections: number = 0;

  @Field(() => Int, { description: '参加界别活动（次）' })
  @Property({ type: 'integer', default: 0 })
  sectorActivities: number = 0;

  @Field(() => Int, { description: '为群众办实事（件）' })
  @Property({ type: 'integer', default: 0 })
  practicalDeeds: number = 0;

  @Field(() => Int, { description: '参加接待选民活动（次，ST2）' })
  @Property({ type: 'integer', default: 0 })
  receptionsAttended: number = 0;

  @Field(() => Int, { description: '走访联系群众（次，CT4）' })
  @Property({ type: 'integer', default: 0 })
  constituentVisits: number = 0;

  @Field(() => Int, { description: '联系群众（人，CT3）' })
  @Property({ type: 'integer', default: 0 })
  constituentsInTouch: number = 0;

  @Field(() => Int, { description: '经办来信（件）' })
  @Property({ type: 'integer', default: 0 })
  lettersHandled: number = 0;

  @Field(() => Date, { description: '计算时间' })
  @Property({ type: 'datetime' })
  computedAt!: Date;
}
