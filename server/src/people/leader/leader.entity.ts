import { Check, Entity, Enum, Property, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Body } from '../../platform/body/body.entity.js';
import { Member } from '../member/member.entity.js';

export enum LeaderPosition {
  CHAIR = 'CHAIR',
  VICE_CHAIR = 'VICE_CHAIR',
  SECRETARY_GENERAL = 'SECRETARY_GENERAL',
  DEPUTY_SECRETARY_GENERAL = 'DEPUTY_SECRETARY_GENERAL',
  DIRECTOR = 'DIRECTOR',
  DEPUTY_DIRECTOR = 'DEPUTY_DIRECTOR',
}
registerEnumType(LeaderPosition, {
  name: 'LeaderPosition',
  description: '领导职务',
  valuesConfig: {
    CHAIR: { description: '主席' },
    VICE_CHAIR: { description: '副主席' },
    SECRETARY_GENERAL: { description: '秘书长' },
    DEPUTY_SECRETARY_GENERAL: { description: '副秘书长' },
    DIRECTOR: { description: '主任' },
    DEPUTY_DIRECTOR: { description: '副主任' },
  },
});

/** Leadership of a body (主席、副主席、秘书长 … / 主任、副主任 …). */
@ObjectType({ description: '领导' })
@Entity()
@Check({ name: 'leader_term_check', expression: 'term_end is null or term_start is null or term_end >= term_start' })
export class Leader extends BaseEntity {
  @Field(() => String, { description: '姓名' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => LeaderPosition, { description: '职务' })
  @Enum({ items: () => LeaderPosition })
  position!: LeaderPosition;

  @Link(() => Body)
  body!: Ref<Body>;

  @Field(() => ID, { description: '所属政协/人大' })
  get bodyId(): number {
    return this.body.id;
  }

  @Link(() => Member, { nullable: true })
  member?: Ref<Member> | null;

  @Field(() => ID, { nullable: true, description: '同时作为委员/代表的记录' })
  get memberId(): number | null {
    return this.member?.id ?? null;
  }

  @Field(() => Int, { nullable: true, description: '届次' })
  @Property({ type: 'integer', nullable: true })
  termNumber?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '任职开始日期' })
  @Property({ type: 'date', nullable: true })
  termStart?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '任职结束日期' })
  @Property({ type: 'date', nullable: true })
  termEnd?: string | null;

  @Field(() => Boolean, { description: '是否主要领导（重要来信呈报，PV2）' })
  @Property({ type: 'boolean', default: false })
  isPrincipal: boolean = false;
}
