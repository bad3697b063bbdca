import { Entity, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Body } from '../../platform/body/body.entity.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Member } from '../member/member.entity.js';

/** 委员活动小组 / 联络组: members of a district or township, with their leader (组长). */
@ObjectType({ description: '委员活动小组/代表联络组' })
@Entity()
@Unique({ properties: ['body', 'name'] })
export class LiaisonGroup extends BaseEntity {
  @Field(() => String, { description: '名称，如 南湖区第一委员活动小组' })
  @Property({ type: 'text' })
  name!: string;

  @Link(() => Body)
  body!: Ref<Body>;

  @Field(() => ID, { description: '所属政协/人大' })
  get bodyId(): number {
    return this.body.id;
  }

  @Link(() => Organization, { nullable: true })
  organization?: Ref<Organization> | null;

  @Field(() => ID, { nullable: true, description: '所属联络处（工作机构）' })
  get organizationId(): number | null {
    return this.organization?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '活动区域（区、乡镇或街道）' })
  @Property({ type: 'text', nullable: true })
  area?: string | null;

  @Link(() => Member, { nullable: true })
  leaderMember?: Ref<Member> | null;

  @Field(() => ID, { nullable: true, description: '组长（委员/代表）' })
  get leaderMemberId(): number | null {
    return this.leaderMember?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '组长姓名（只读）' })
  async leaderMemberName(): Promise<string | null> {
    return this.leaderMember ? ((await this.leaderMember.load())?.name ?? null) : null;
  }
}
