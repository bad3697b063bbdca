import { Entity, Enum, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Organization } from '../../platform/organization/organization.entity.js';

export enum DepartmentLevel {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
}
registerEnumType(DepartmentLevel, {
  name: 'DepartmentLevel',
  description: '承办单位层级',
  valuesConfig: { CITY: { description: '市级' }, COUNTY: { description: '县（市、区）级' }, TOWNSHIP: { description: '乡镇（街道）级' } },
});

/** 承办单位 / 有关部门: a government unit a letter is forwarded to. */
@ObjectType({ description: '承办单位' })
@Entity()
export class Department extends SearchableEntity {
  @Field(() => String, { description: '名称，如 嘉兴市住房和城乡建设局' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: '单位代码' })
  @Property({ type: 'text' })
  @Unique()
  code!: string;

  @Link(() => Organization)
  organization!: Ref<Organization>;

  @Field(() => ID, { description: '列入其名录的工作机构' })
  get organizationId(): number {
    return this.organization.id;
  }

  @Link(() => Department, { nullable: true })
  parent?: Ref<Department> | null;

  @Field(() => ID, { nullable: true, description: '上级单位' })
  get parentId(): number | null {
    return this.parent?.id ?? null;
  }

  @Field(() => DepartmentLevel, { description: '层级' })
  @Enum({ items: () => DepartmentLevel })
  level!: DepartmentLevel;

  @Field(() => String, { nullable: true, description: '联系人' })
  @Property({ type: 'text', nullable: true })
  contactPerson?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话（单位公开电话）' })
  @Property({ type: 'text', nullable: true })
  contactPhone?: string | null;

  searchText() {
    return [this.name, this.code, this.contactPerson];
  }
}
