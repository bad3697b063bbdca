import { Entity, Index, Property, Unique, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Link } from '../common/link.js';
import { Organization } from '../organization/organization.entity.js';

/** LO1: a liaison office's annual plan, filed at the start of the year. */
@ObjectType({ description: '工作计划' })
@Entity()
@Unique({ properties: ['organization', 'year'] })
export class WorkPlan extends BaseEntity {
  @Link(() => Organization)
  organization!: Ref<Organization>;

  @Field(() => ID, { description: '工作机构（如乡镇联络处）' })
  get organizationId(): number {
    return this.organization.id;
  }

  @Field(() => Int, { description: '年度' })
  @Property({ type: 'integer' })
  @Index()
  year!: number;

  @Field(() => String, { description: '标题' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: '正文' })
  @Property({ type: 'text', nullable: true })
  content?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '报送日期' })
  @Property({ type: 'date', nullable: true })
  filedOn?: string | null;
}
