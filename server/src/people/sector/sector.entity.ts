import { Entity, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Body } from '../../platform/body/body.entity.js';

/** 界别: the circle a member represents; names are unique within a body. */
@ObjectType({ description: '界别' })
@Entity()
@Unique({ properties: ['body', 'name'] })
export class Sector extends BaseEntity {
  @Field(() => String, { description: '名称，如 经济界' })
  @Property({ type: 'text' })
  name!: string;

  @Link(() => Body)
  body!: Ref<Body>;

  @Field(() => ID, { description: '所属政协/人大' })
  get bodyId(): number {
    return this.body.id;
  }

  @Field(() => Int, { description: '排序号（小的在前）' })
  @Property({ type: 'integer', default: 0 })
  sortOrder: number = 0;
}
