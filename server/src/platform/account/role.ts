import { registerEnumType } from 'type-graphql';

/** Who an account acts as. The three admin roles are held apart (三员分立), and apart from casework. */
export enum Role {
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
  SECURITY_ADMIN = 'SECURITY_ADMIN',
  AUDIT_ADMIN = 'AUDIT_ADMIN',
  OFFICE_STAFF = 'OFFICE_STAFF',
  COMMITTEE_STAFF = 'COMMITTEE_STAFF',
  STATION_STAFF = 'STATION_STAFF',
  MEMBER = 'MEMBER',
  DEPARTMENT_HANDLER = 'DEPARTMENT_HANDLER',
  LEADER = 'LEADER',
}

export const ROLE_LABELS: Record<Role, string> = {
  SYSTEM_ADMIN: '系统管理员',
  SECURITY_ADMIN: '安全管理员',
  AUDIT_ADMIN: '审计管理员',
  OFFICE_STAFF: '办公室工作人员',
  COMMITTEE_STAFF: '专委会工作人员',
  STATION_STAFF: '联络站/联络组工作人员',
  MEMBER: '委员/代表',
  DEPARTMENT_HANDLER: '承办单位经办人',
  LEADER: '领导',
};

registerEnumType(Role, {
  name: 'Role',
  description: '账号角色',
  valuesConfig: Object.fromEntries(Object.entries(ROLE_LABELS).map(([k, v]) => [k, { description: v }])),
});

export const ADMIN_ROLES: readonly Role[] = [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN];
export const CASEWORK_ROLES: readonly Role[] = Object.values(Role).filter((r) => !ADMIN_ROLES.includes(r));
/** Roles that manage accounts and sessions. */
export const ACCOUNT_ADMIN_ROLES: readonly Role[] = [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN];

export const isAdminRole = (r: Role) => ADMIN_ROLES.includes(r);
