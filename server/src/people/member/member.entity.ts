import { Check, Entity, Enum, Index, Property, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Body } from '../../platform/body/body.entity.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { LiaisonGroup } from '../liaison-group/liaison-group.entity.js';
import { todayInChina } from './dates.js';

export enum MemberKind {
  CPPCC_MEMBER = 'CPPCC_MEMBER',
  DEPUTY = 'DEPUTY',
}
registerEnumType(MemberKind, {
  name: 'MemberKind',
  description: '委员/代表类别',
  valuesConfig: { CPPCC_MEMBER: { description: '政协委员' }, DEPUTY: { description: '人大代表' } },
});

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, {
  name: 'Gender',
  description: '性别',
  valuesConfig: { MALE: { description: '男' }, FEMALE: { description: '女' } },
});

/** 委员 / 代表: one row per seat per term (届); records of past terms stay. */
@ObjectType({ description: '政协委员或人大代表（某一届）' })
@Entity()
@Check({ name: 'member_term_check', expression: 'term_end is null or term_end >= term_start' })
@Index({ properties: ['body', 'termNumber'] })
export class Member extends SearchableEntity {
  @Field(() => String, { description: '姓名' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => MemberKind, { description: '类别：政协委员或人大代表' })
  @Enum({ items: () => MemberKind })
  kind!: MemberKind;

  @Field(() => Gender, { nullable: true, description: '性别' })
  @Enum({ items: () => Gender, nullable: true })
  gender?: Gender | null;

  @Link(() => Body)
  body!: Ref<Body>;

  @Field(() => ID, { description: '所属政协/人大' })
  get bodyId(): number {
    return this.body.id;
  }

  @Link(() => Organization)
  organization!: Ref<Organization>;

  @Field(() => ID, { description: '管理单位（工作机构），决定访问范围' })
  get organizationId(): number {
    return this.organization.id;
  }

  @Link(() => Sector, { nullable: true })
  sector?: Ref<Sector> | null;

  @Field(() => ID, { nullable: true, description: '界别' })
  get sectorId(): number | null {
    return this.sector?.id ?? null;
  }

  @Link(() => LiaisonGroup, { nullable: true })
  liaisonGroup?: Ref<LiaisonGroup> | null;

  @Field(() => ID, { nullable: true, description: '委员活动小组/联络组' })
  get liaisonGroupId(): number | null {
    return this.liaisonGroup?.id ?? null;
  }

  @Field(() => Boolean, { description: '是否常委（政协）或常委会组成人员（人大）' })
  @Property({ type: 'boolean', default: false })
  isStandingMember: boolean = false;

  @Field(() => Int, { description: '届次，如 6 表示第六届' })
  @Property({ type: 'integer' })
  termNumber!: number;

  @Field(() => LocalDateResolver, { description: '本届任期开始日期' })
  @Property({ type: 'date' })
  termStart!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '本届任期结束日期（空表示仍在任）' })
  @Property({ type: 'date', nullable: true })
  termEnd?: string | null;

  @Field(() => String, { nullable: true, description: '工作单位及职务' })
  @Property({ type: 'text', nullable: true })
  workUnit?: string | null;

  @Field(() => String, { nullable: true, description: '党派' })
  @Property({ type: 'text', nullable: true })
  party?: string | null;

  // PR1: stored encrypted, shown masked
  @Property({ type: 'text', nullable: true, hidden: true })
  phoneEncrypted?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话（脱敏，如 138****1234）' })
  @Property({ type: 'text', nullable: true })
  phoneMasked?: string | null;

  @Field(() => Boolean, { description: '是否在任：任期未结束（任期结束日为空或不早于今天）' })
  get isCurrent(): boolean {
    return !this.termEnd || this.termEnd >= todayInChina();
  }

  searchText() {
    return [this.name, this.workUnit, this.party];
  }
}
