import { ArrayType, Check, Entity, Index, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Organization } from '../organization/organization.entity.js';
import { Committee } from '../../people/committee/committee.entity.js';
import { LiaisonStation } from '../../stations/liaison-station/liaison-station.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { Department } from '../../casework/department/department.entity.js';
import { Leader } from '../../people/leader/leader.entity.js';
import { ADMIN_ROLES, CASEWORK_ROLES, Role } from './role.js';

const sqlArray = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

/** 账号: who signs in. Belongs to an organization (PR3); passwords and TOTP secrets never leave the server. */
@ObjectType({ description: '账号' })
@Entity()
@Check({ name: 'account_username_format', expression: `username ~ '^[a-z0-9_.]{3,32}$'` })
@Check({ name: 'account_roles_valid', expression: `cardinality(roles) >= 1 and roles <@ ${sqlArray(Object.values(Role))}` })
// 三员分立: at most one admin role, and never together with a casework role
@Check({
  name: 'account_admin_roles_separated',
  expression:
    ADMIN_ROLES.map((r) => `('${r}' = any(roles))::int`).join(' + ') +
    ` <= 1 and not (roles && ${sqlArray(ADMIN_ROLES)} and roles && ${sqlArray(CASEWORK_ROLES)})`,
})
@Check({ name: 'account_failed_login_count_check', expression: 'failed_login_count >= 0' })
export class Account extends SearchableEntity {
  @Field(() => String, { description: '用户名（3–32 位小写字母、数字、下划线或点）' })
  @Property({ type: 'text' })
  @Unique()
  username!: string;

  @Field(() => String, { description: '显示名称（姓名）' })
  @Property({ type: 'text' })
  displayName!: string;

  @Link(() => Organization)
  organization!: Ref<Organization>;

  @Field(() => ID, { description: '所属工作机构（PR3）' })
  get organizationId(): number {
    return this.organization.id;
  }

  @Field(() => [Role], { description: '角色' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  roles: Role[] = [];

  @Link(() => Committee, { nullable: true })
  committee?: Ref<Committee> | null;

  @Field(() => ID, { nullable: true, description: '所在专委会（专委会工作人员）' })
  get committeeId(): number | null {
    return this.committee?.id ?? null;
  }

  @Link(() => LiaisonStation, { nullable: true })
  liaisonStation?: Ref<LiaisonStation> | null;

  @Field(() => ID, { nullable: true, description: '所在代表联络站（联络站工作人员）' })
  get liaisonStationId(): number | null {
    return this.liaisonStation?.id ?? null;
  }

  @Link(() => LiaisonGroup, { nullable: true })
  liaisonGroup?: Ref<LiaisonGroup> | null;

  @Field(() => ID, { nullable: true, description: '所在委员活动小组/联络组（联络组工作人员）' })
  get liaisonGroupId(): number | null {
    return this.liaisonGroup?.id ?? null;
  }

  @Link(() => Member, { nullable: true })
  member?: Ref<Member> | null;

  @Field(() => ID, { nullable: true, description: '本人对应的委员/代表' })
  get memberId(): number | null {
    return this.member?.id ?? null;
  }

  @Link(() => Department, { nullable: true })
  department?: Ref<Department> | null;

  @Field(() => ID, { nullable: true, description: '所在承办单位（承办单位经办人）' })
  get departmentId(): number | null {
    return this.department?.id ?? null;
  }

  @Link(() => Leader, { nullable: true })
  leader?: Ref<Leader> | null;

  @Field(() => ID, { nullable: true, description: '本人对应的领导' })
  get leaderId(): number | null {
    return this.leader?.id ?? null;
  }

  /** argon2id; never exposed. */
  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Field(() => Boolean, { description: '下次登录须修改密码' })
  @Property({ type: 'boolean', default: true })
  mustChangePassword: boolean = true;

  @Field(() => Int, { description: '连续登录失败次数' })
  @Property({ type: 'integer', default: 0 })
  failedLoginCount: number = 0;

  @Field(() => Date, { nullable: true, description: '锁定至（连续失败过多时）' })
  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date | null;

  /** AES-GCM (common/crypto.ts); never exposed. Set while enrolling, used once totpEnabled. */
  @Property({ type: 'text', nullable: true, hidden: true })
  totpSecretEncrypted?: string | null;

  /** The last accepted TOTP time step: a code is never accepted twice. */
  @Property({ type: 'integer', nullable: true, hidden: true })
  totpLastCounter?: number | null;

  @Field(() => Boolean, { description: '已启用动态口令（TOTP）' })
  @Property({ type: 'boolean', default: false })
  totpEnabled: boolean = false;

  @Field(() => Boolean, { description: '是否启用' })
  @Property({ type: 'boolean', default: true })
  @Index()
  isActive: boolean = true;

  @Field(() => Date, { nullable: true, description: '最近登录时间' })
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt?: Date | null;

  @Field(() => Date, { nullable: true, description: '最近修改密码时间' })
  @Property({ type: 'datetime', nullable: true })
  passwordChangedAt?: Date | null;

  searchText() {
    return [this.username, this.displayName];
  }
}
