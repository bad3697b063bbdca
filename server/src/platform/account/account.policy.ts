import { dictionary } from '@zxcvbn-ts/language-common';
import { badInput } from '../../common/errors.js';
import { ADMIN_ROLES, CASEWORK_ROLES, ROLE_LABELS, Role } from './role.js';

/** The link ids an account may carry; each belongs to one role. */
export interface AccountLinks {
  committeeId?: unknown;
  liaisonStationId?: unknown;
  liaisonGroupId?: unknown;
  memberId?: unknown;
  departmentId?: unknown;
  leaderId?: unknown;
}

type LinkKey = keyof AccountLinks;

/** Which links a role needs (any one of them). */
const ROLE_LINKS: Partial<Record<Role, LinkKey[]>> = {
  [Role.COMMITTEE_STAFF]: ['committeeId'],
  [Role.STATION_STAFF]: ['liaisonStationId', 'liaisonGroupId'],
  [Role.MEMBER]: ['memberId'],
  [Role.DEPARTMENT_HANDLER]: ['departmentId'],
  [Role.LEADER]: ['leaderId'],
};

const LINK_LABELS: Record<LinkKey, string> = {
  committeeId: '专委会',
  liaisonStationId: '代表联络站',
  liaisonGroupId: '委员活动小组/联络组',
  memberId: '委员/代表',
  departmentId: '承办单位',
  leaderId: '领导',
};

const given = (v: unknown) => v !== null && v !== undefined && v !== '';

/**
 * Roles and links agree: at least one role; never two admin roles, never an admin role with a
 * casework role (三员分立); each linked role carries its link, and no link without its role.
 */
export function checkRoles(roles: readonly Role[], links: AccountLinks): void {
  if (!roles.length) throw badInput('roles', '至少授予一个角色');
  if (new Set(roles).size !== roles.length) throw badInput('roles', '角色不能重复');
  const admins = roles.filter((r) => ADMIN_ROLES.includes(r));
  if (admins.length > 1) {
    throw badInput('roles', `${admins.map((r) => ROLE_LABELS[r]).join('、')}不能由同一账号兼任（三员分立）`);
  }
  const casework = roles.filter((r) => CASEWORK_ROLES.includes(r));
  if (admins.length && casework.length) {
    throw badInput('roles', `${ROLE_LABELS[admins[0]]}不能同时担任业务角色（${casework.map((r) => ROLE_LABELS[r]).join('、')}）`);
  }
  for (const [role, keys] of Object.entries(ROLE_LINKS) as Array<[Role, LinkKey[]]>) {
    if (roles.includes(role) && !keys.some((k) => given(links[k]))) {
      throw badInput(keys[0], `授予“${ROLE_LABELS[role]}”角色须关联${keys.map((k) => LINK_LABELS[k]).join('或')}`);
    }
  }
  for (const key of Object.keys(LINK_LABELS) as LinkKey[]) {
    if (!given(links[key])) continue;
    const owners = (Object.entries(ROLE_LINKS) as Array<[Role, LinkKey[]]>).filter(([, keys]) => keys.includes(key)).map(([r]) => r);
    if (!owners.some((r) => roles.includes(r))) {
      throw badInput(key, `只有“${owners.map((r) => ROLE_LABELS[r]).join('、')}”角色的账号才能关联${LINK_LABELS[key]}`);
    }
  }
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** A new password may not be any of the account's last 5 (等保 level 3). */
export const PASSWORD_HISTORY = 5;

let common: Set<string> | undefined;
/**
 * The 49,000 most common passwords of public breach corpora, as zxcvbn-ts ships them
 * (@zxcvbn-ts/language-common, MIT, maintained, 2M weekly downloads): loaded once, on first use.
 */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

export const isCommonPassword = (password: string) => commonPasswords().has(password.toLowerCase());

/**
 * Password rule (issue 12, item 6; 等保 level 3): at least 10 characters with three of four classes
 * (lower case, upper case, digit, symbol), not longer than 128, not containing the username, and
 * not one of the common passwords of breach lists (`Abcdefg1`, `Password123!` …). Reuse of the
 * last 5 is checked where the hashes are (account.service.ts).
 */
export function checkPassword(password: string, field: string, username?: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw badInput(field, `密码不能少于 ${PASSWORD_MIN_LENGTH} 位`);
  if (password.length > PASSWORD_MAX_LENGTH) throw badInput(field, `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`);
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < 3) throw badInput(field, '密码须包含小写字母、大写字母、数字、符号中的至少三类');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    throw badInput(field, '密码不能包含用户名');
  }
  if (isCommonPassword(password)) throw badInput(field, '密码过于常见（在常用密码名单中），请换一个', { reason: 'COMMON_PASSWORD' });
}

export const USERNAME_RE = /^[a-z0-9_.]{3,32}$/;

export function checkUsername(username: string): void {
  if (!USERNAME_RE.test(username)) throw badInput('username', '用户名须为 3–32 位小写字母、数字、下划线或点');
}
