import { Entity, Enum, Property, Unique, type Ref } from '@mikro-orm/core';
import { Link } from '../../common/link.js';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';

export enum BodyKind {
  CPPCC = 'CPPCC',
  CONGRESS = 'CONGRESS',
}
registerEnumType(BodyKind, {
  name: 'BodyKind',
  description: '机构类别',
  valuesConfig: { CPPCC: { description: '政协' }, CONGRESS: { description: '人大（常委会）' } },
});

export enum BodyLevel {
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
}
registerEnumType(BodyLevel, {
  name: 'BodyLevel',
  description: '层级',
  valuesConfig: { CITY: { description: '市级' }, COUNTY: { description: '县（市、区）级' }, TOWNSHIP: { description: '乡镇（街道）级' } },
});

/** 政协 / 人大 at one level; a county body's parent is the city body. */
@ObjectType({ description: '政协或人大（某一级）' })
@Entity()
export class Body extends SearchableEntity {
  @Field(() => String, { description: '名称，如 嘉兴市政协' })
  @Property({ type: 'text' })
  @Unique()
  name!: string;

  @Field(() => String, { nullable: true, description: '行政区划，如 嘉兴市' })
  @Property({ type: 'text', nullable: true })
  region?: string | null;

  @Field(() => BodyKind, { description: '类别' })
  @Enum({ items: () => BodyKind })
  kind!: BodyKind;

  @Field(() => BodyLevel, { description: '层级' })
  @Enum({ items: () => BodyLevel })
  level!: BodyLevel;

  @Link(() => Body, { nullable: true })
  parent?: Ref<Body> | null;

  @Field(() => ID, { nullable: true, description: '上级机构' })
  get parentId(): number | null {
    return this.parent?.id ?? null;
  }

  searchText() {
    return [this.name, this.region];
  }
}
