import { describe, expect, it } from 'vitest';
import type { AppError } from '../../common/errors.js';
import { checkPassword, checkRoles, checkUsername } from './account.policy.js';
import { Role } from './role.js';

function refusal(fn: () => void): { field: string; message: string } {
  try {
    fn();
  } catch (e) {
    const err = e as AppError;
    return { field: String(err.extensions.field), message: err.message };
  }
  throw new Error('expected a refusal');
}

describe('account policy', () => {
  it('refuses two admin roles on one account (三员分立)', () => {
    const r = refusal(() => checkRoles([Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN], {}));
    expect(r).toEqual({ field: 'roles', message: 'roles：系统管理员、审计管理员不能由同一账号兼任（三员分立）' });
  });

  it('refuses an admin role together with a casework role', () => {
    const r = refusal(() => checkRoles([Role.SECURITY_ADMIN, Role.OFFICE_STAFF], {}));
    expect(r).toEqual({ field: 'roles', message: 'roles：安全管理员不能同时担任业务角色（办公室工作人员）' });
  });

  it('accepts a single admin role, and several casework roles with their links', () => {
    expect(() => checkRoles([Role.AUDIT_ADMIN], {})).not.toThrow();
    expect(() => checkRoles([Role.OFFICE_STAFF, Role.LEADER], { leaderId: '3' })).not.toThrow();
  });

  it('refuses an account without roles or with a repeated role', () => {
    expect(refusal(() => checkRoles([], {})).message).toBe('roles：至少授予一个角色');
    expect(refusal(() => checkRoles([Role.MEMBER, Role.MEMBER], { memberId: 1 })).message).toBe('roles：角色不能重复');
  });

  it.each([
    [Role.COMMITTEE_STAFF, 'committeeId', '授予“专委会工作人员”角色须关联专委会'],
    [Role.STATION_STAFF, 'liaisonStationId', '授予“联络站/联络组工作人员”角色须关联代表联络站或委员活动小组/联络组'],
    [Role.MEMBER, 'memberId', '授予“委员/代表”角色须关联委员/代表'],
    [Role.DEPARTMENT_HANDLER, 'departmentId', '授予“承办单位经办人”角色须关联承办单位'],
    [Role.LEADER, 'leaderId', '授予“领导”角色须关联领导'],
  ])('requires the link of role %s (%s)', (role, field, message) => {
    expect(refusal(() => checkRoles([role], {}))).toEqual({ field, message: `${field}：${message}` });
  });

  it('accepts a station staff account linked to a group instead of a station', () => {
    expect(() => checkRoles([Role.STATION_STAFF], { liaisonGroupId: 2 })).not.toThrow();
  });

  it('refuses a link the roles do not use', () => {
    const r = refusal(() => checkRoles([Role.OFFICE_STAFF], { memberId: 5 }));
    expect(r).toEqual({ field: 'memberId', message: 'memberId：只有“委员/代表”角色的账号才能关联委员/代表' });
  });

  // issue 12 item 6 raised the minimum from 8 to 10 (等保 level 3), so the 8-character examples became 10
  it('requires passwords of at least 10 characters with three of four classes, naming the field', () => {
    expect(refusal(() => checkPassword('Abcdef1!x', 'password'))).toEqual({ field: 'password', message: 'password：密码不能少于 10 位' });
    expect(refusal(() => checkPassword('abcdefghi1', 'newPassword'))).toEqual({
      field: 'newPassword',
      message: 'newPassword：密码须包含小写字母、大写字母、数字、符号中的至少三类',
    });
    expect(refusal(() => checkPassword('x'.repeat(120) + 'Aa1!aaaaa', 'password')).message).toBe('password：密码不能超过 128 位');
    expect(() => checkPassword('abcdefgG1k', 'password')).not.toThrow();
    expect(() => checkPassword('abcdefh1!k', 'password')).not.toThrow();
    expect(() => checkPassword('ABCDEFGg!k', 'password')).not.toThrow();
  });

  it('issue 12 item 6: Abcdefg1 is refused (too short), and so are common passwords of breach lists', () => {
    expect(refusal(() => checkPassword('Abcdefg1', 'password'))).toEqual({ field: 'password', message: 'password：密码不能少于 10 位' });
    for (const common of ['Password123', 'Qwertyuiop1', 'Iloveyou123']) {
      expect(refusal(() => checkPassword(common, 'newPassword'))).toEqual({ field: 'newPassword', message: 'newPassword：密码过于常见（在常用密码名单中），请换一个' });
    }
    // the demo and test password stays valid
    expect(() => checkPassword('Lianluo#2026', 'password')).not.toThrow();
  });

  it('refuses a password containing the username', () => {
    expect(refusal(() => checkPassword('Zhangwei2024!', 'password', 'zhangwei')).message).toBe('password：密码不能包含用户名');
  });

  it('accepts usernames of 3–32 lower-case letters, digits, underscores and dots only', () => {
    expect(() => checkUsername('zhang.wei_01')).not.toThrow();
    expect(refusal(() => checkUsername('ZhangWei')).field).toBe('username');
    expect(refusal(() => checkUsername('zw')).field).toBe('username');
    expect(refusal(() => checkUsername('张伟')).field).toBe('username');
  });
});
