import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ObjectType } from 'type-graphql';
import { bool, buildCreateArgs, buildUpdateArgs, datetime, int, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Organization } from '../organization/organization.entity.js';
import { Committee } from '../../people/committee/committee.entity.js';
import { LiaisonStation } from '../../stations/liaison-station/liaison-station.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { Department } from '../../casework/department/department.entity.js';
import { Leader } from '../../people/leader/leader.entity.js';
import { Role } from './role.js';
import { USERNAME_RE } from './account.policy.js';

/** Writable through createAccount/updateAccount (roles and the password have their own arguments). */
export const accountFields: FieldSpecs = {
  username: text('用户名', {
    required: true,
    min: 3,
    max: 32,
    pattern: USERNAME_RE,
    patternMessage: '用户名须为 3–32 位小写字母、数字、下划线或点',
    updatable: false,
    filter: true,
  }),
  displayName: text('显示名称（姓名）', { required: true, max: 50 }),
  organizationId: ref(() => Organization, '所属工作机构', { required: true }),
  committeeId: ref(() => Committee, '所在专委会（专委会工作人员）'),
  liaisonStationId: ref(() => LiaisonStation, '所在代表联络站（联络站工作人员）'),
  liaisonGroupId: ref(() => LiaisonGroup, '所在委员活动小组/联络组（联络组工作人员）'),
  memberId: ref(() => Member, '本人对应的委员/代表'),
  departmentId: ref(() => Department, '所在承办单位（承办单位经办人）'),
  leaderId: ref(() => Leader, '本人对应的领导'),
  isActive: bool('是否启用'),
};

/** Readable and filterable, changed only by the access verbs. */
export const accountReadFields: FieldSpecs = {
  mustChangePassword: bool('下次登录须修改密码'),
  totpEnabled: bool('已启用动态口令'),
  failedLoginCount: int('连续登录失败次数'),
  lockedUntil: datetime('锁定至'),
  lastLoginAt: datetime('最近登录时间'),
  passwordChangedAt: datetime('最近修改密码时间'),
};

@ArgsType()
export class CreateAccountArgs extends buildCreateArgs('Account', accountFields) {
  @Field(() => [Role], { description: '角色（管理员角色互斥，且不与业务角色兼任）' })
  @ArrayMaxSize(9, { message: '角色过多' })
  roles!: Role[];

  @Field(() => String, { description: '初始密码（≥ 8 位，含小写、大写、数字、符号中的三类；首次登录须修改）' })
  @MaxLength(128, { message: '密码不能超过 128 位' })
  password!: string;
}

@ArgsType()
export class UpdateAccountArgs extends buildUpdateArgs('Account', accountFields) {
  @Field(() => [Role], { nullable: true, description: '角色' })
  @IsOptional()
  @ArrayMaxSize(9, { message: '角色过多' })
  roles?: Role[] | null;
}

@ObjectType({ description: '登录结果' })
export class LoginResult {
  @Field(() => String, { description: '会话令牌（也以 httpOnly Cookie lianluo_session 下发）；以 Authorization: Bearer 携带' })
  token!: string;

  @Field(() => Boolean, { description: '须先修改密码，此前只能修改密码、绑定动态口令或退出' })
  mustChangePassword!: boolean;

  @Field(() => Boolean, { description: '须先绑定动态口令（未绑定的管理员账号），此前只能绑定、修改密码或退出' })
  totpRequired!: boolean;
}

@ObjectType({ description: '动态口令（TOTP）绑定信息：在身份验证器中添加后，以 confirmTotpEnrollment 提交一个口令完成绑定' })
export class TotpEnrollment {
  @Field(() => String, { description: '密钥（Base32），仅此一次显示' })
  secret!: string;

  @Field(() => String, { description: 'otpauth:// 地址（可生成二维码）' })
  otpauthUrl!: string;
}
