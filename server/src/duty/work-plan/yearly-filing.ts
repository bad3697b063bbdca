import { Index, Property, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { date, int, longText, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Link } from '../../common/link.js';
import { Organization } from '../../platform/organization/organization.entity.js';

/** LO1: what a liaison office files once a year (its plan, its summary): one per organization and year. */
@ObjectType()
export abstract class YearlyFiling extends BaseEntity {
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

export const yearlyFilingFields: FieldSpecs = {
  organizationId: ref(() => Organization, '工作机构', { required: true }),
  year: int('年度', { required: true, min: 1949, max: 2100 }),
  title: text('标题', { required: true, max: 200 }),
  content: longText('正文'),
  filedOn: date('报送日期'),
};
