import { Entity, Enum, Property, Unique, type Ref } from '@mikro-orm/core';
import { Link } from '../../common/link.js';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Body } from '../body/body.entity.js';

export enum OrganizationKind {
  OFFICE = 'OFFICE',
  LIAISON_OFFICE = 'LIAISON_OFFICE',
  RESEARCH_OFFICE = 'RESEARCH_OFFICE',
  STREET_WORKING_COMMITTEE = 'STREET_WORKING_COMMITTEE',
  COMMITTEE_OFFICE = 'COMMITTEE_OFFICE',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: '工作机构类别',
  valuesConfig: {
    OFFICE: { description: '办公室' },
    LIAISON_OFFICE: { description: '联络处 / 联络办' },
    RESEARCH_OFFICE: { description: '研究室' },
    STREET_WORKING_COMMITTEE: { description: '街道工委' },
    COMMITTEE_OFFICE: { description: '专委会办公室' },
    OTHER: { description: '其他' },
  },
});

/** The tree of working units; a body's root unit is its office. Accounts sit here; letters are registered by them. */
@ObjectType({ description: '工作机构' })
@Entity()
export class Organization extends SearchableEntity {
  @Field(() => String, { description: '名称，如 嘉兴市政协办公室' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: '简称代码，用于来信编号，如 JX' })
  @Property({ type: 'text' })
  @Unique()
  code!: string;

  @Field(() => OrganizationKind, { description: '类别' })
  @Enum({ items: () => OrganizationKind })
  kind: OrganizationKind = OrganizationKind.OFFICE;

  @Link(() => Body)
  body!: Ref<Body>;

  @Field(() => ID, { description: '所属机构（政协/人大）' })
  get bodyId(): number {
    return this.body.id;
  }

  @Link(() => Organization, { nullable: true })
  parent?: Ref<Organization> | null;

  @Field(() => ID, { nullable: true, description: '上级工作机构' })
  get parentId(): number | null {
    return this.parent?.id ?? null;
  }

  @Field(() => Int, { description: '信箱开启周期（天），默认半个月（MB2）' })
  @Property({ type: 'integer', default: 15 })
  mailboxOpeningPeriodDays: number = 15;

  @Field(() => String, { nullable: true, description: '地址' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: '办公电话' })
  @Property({ type: 'text', nullable: true })
  officePhone?: string | null;

  searchText() {
    return [this.name, this.code];
  }
}
