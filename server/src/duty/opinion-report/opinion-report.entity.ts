import { Entity, Index, Property, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Body } from '../../platform/body/body.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Letter } from '../../casework/letter/letter.entity.js';

/** 社情民意信息: a public-opinion report, in a member's or a group's name (MB6, CT5). */
@ObjectType({ description: '社情民意信息' })
@Entity()
export class OpinionReport extends SearchableEntity {
  @Field(() => String, { description: '标题' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: '内容' })
  @Property({ type: 'text', nullable: true })
  content?: string | null;

  @Link(() => Member, { nullable: true })
  member?: Ref<Member> | null;

  @Field(() => ID, { nullable: true, description: '报送委员' })
  get memberId(): number | null {
    return this.member?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '报送委员姓名' })
  async memberName(): Promise<string | null> {
    return this.member ? ((await this.member.load())?.name ?? null) : null;
  }

  @Link(() => LiaisonGroup, { nullable: true })
  liaisonGroup?: Ref<LiaisonGroup> | null;

  @Field(() => ID, { nullable: true, description: '以其名义报送的委员活动小组 / 联络组' })
  get liaisonGroupId(): number | null {
    return this.liaisonGroup?.id ?? null;
  }

  @Link(() => Body)
  body!: Ref<Body>;

  @Field(() => ID, { description: '所属机构（政协/人大）' })
  get bodyId(): number {
    return this.body.id;
  }

  @Field(() => LocalDateResolver, { description: '报送日期' })
  @Property({ type: 'date' })
  @Index()
  submittedOn!: string;

  @Field(() => Boolean, { description: '是否被采用' })
  @Property({ type: 'boolean', default: false })
  isAdopted: boolean = false;

  @Field(() => String, { nullable: true, description: '采用单位，如 省政协采用' })
  @Property({ type: 'text', nullable: true })
  adoptedBy?: string | null;

  @Link(() => Letter, { nullable: true })
  sourceLetter?: Ref<Letter> | null;

  @Field(() => ID, { nullable: true, description: '来源来信（MB6）' })
  get sourceLetterId(): number | null {
    return this.sourceLetter?.id ?? null;
  }

  searchText() {
    return [this.title, this.content];
  }
}
