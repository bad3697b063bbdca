import { Check, Collection, Entity, ManyToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Member } from '../../people/member/member.entity.js';

/** 委员信箱: a letter box in a community with its lead member and members taking turns (MB1). */
@ObjectType({ description: '委员信箱' })
@Entity()
@Check({ name: 'mailbox_opening_period_days_check', expression: 'opening_period_days is null or (opening_period_days >= 1 and opening_period_days <= 90)' })
export class Mailbox extends SearchableEntity {
  @Field(() => String, { description: '名称，如 南湖区新兴街道委员信箱' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: '信箱编码' })
  @Property({ type: 'text' })
  @Unique()
  code!: string;

  @Field(() => String, { nullable: true, description: '所在社区' })
  @Property({ type: 'text', nullable: true })
  community?: string | null;

  @Field(() => String, { nullable: true, description: '设置地点（公共场所）' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Link(() => Organization)
  organization!: Ref<Organization>;

  @Field(() => ID, { description: '所属工作机构' })
  get organizationId(): number {
    return this.organization.id;
  }

  @Link(() => LiaisonGroup, { nullable: true })
  liaisonGroup?: Ref<LiaisonGroup> | null;

  @Field(() => ID, { nullable: true, description: '委员活动小组' })
  get liaisonGroupId(): number | null {
    return this.liaisonGroup?.id ?? null;
  }

  @Link(() => Member)
  leadMember!: Ref<Member>;

  @Field(() => ID, { description: '负责委员（MB1）' })
  get leadMemberId(): number {
    return this.leadMember.id;
  }

  @Field(() => String, { nullable: true, description: '负责委员姓名' })
  async leadMemberName(): Promise<string | null> {
    return (await this.leadMember.load())?.name ?? null;
  }

  @Link(() => Member, { nullable: true })
  assistMember?: Ref<Member> | null;

  @Field(() => ID, { nullable: true, description: '协助的区级委员（MB1）' })
  get assistMemberId(): number | null {
    return this.assistMember?.id ?? null;
  }

  @ManyToMany(() => Member)
  rotationMembers = new Collection<Member>(this);

  @Field(() => [ID], { description: '轮值委员（MB1）' })
  async rotationMemberIds(): Promise<number[]> {
    return (await this.rotationMembers.load()).map((m) => m.id);
  }

  @Field(() => Int, { nullable: true, description: '开启周期（天），不填则按所属机构的规定（MB2）' })
  @Property({ type: 'integer', nullable: true })
  openingPeriodDays?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '设立日期' })
  @Property({ type: 'date', nullable: true })
  installedOn?: string | null;

  @Field(() => Boolean, { description: '是否启用' })
  @Property({ type: 'boolean' })
  isActive: boolean = true;

  @Field(() => LocalDateResolver, { nullable: true, description: '最近开启日期（由开启记录更新）' })
  @Property({ type: 'date', nullable: true })
  lastOpenedOn?: string | null;

  searchText() {
    return [this.name, this.code, this.community, this.address];
  }
}
