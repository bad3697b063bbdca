import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';
import { ACTION_CHOICES, auditActionLabel, auditActorLabel, auditReasonLabel, chinaDay, dayEnd, dayStart, operationLabels } from '../../admin/src/audit/labels.js';

const introspection = introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8'));
const operations = operationLabels(introspection);
const resources = new Map(buildSchemaModel(introspection).resources.map((r) => [r.name, r.label]));
const label = (row: Record<string, string | null>) => auditActionLabel(row, operations, resources);

describe('the audit log in the auditor’s words', () => {
  it('names sign-ins, sign-outs and maintenance by the action', () => {
    expect([label({ action: 'LOGIN_SUCCEEDED', operation: 'login' }), label({ action: 'LOGIN_FAILED', operation: 'login' }), label({ action: 'LOGOUT' }), label({ action: 'MAINTENANCE' })]).toEqual([
      '登录成功',
      '登录失败',
      '退出登录',
      '审计日志维护',
    ]);
  });

  it('names a change by its operation’s description in the schema, without brackets or rule codes', () => {
    expect([
      label({ action: 'MUTATION', operation: 'createAccount' }),
      label({ action: 'MUTATION', operation: 'unlockAccount' }),
      label({ action: 'MUTATION', operation: 'changePassword' }),
      label({ action: 'MUTATION', operation: 'confirmTotpEnrollment' }),
      label({ action: 'MUTATION', operation: 'noSuchMutation' }),
      label({ action: 'rateLetter', operation: null }),
    ]).toEqual(['新建账号', '解除登录锁定', '修改本人密码', '绑定动态口令', '修改数据', '录入来信的满意度评价']);
  });

  it('names a refusal and a reveal with what was asked', () => {
    expect([
      label({ action: 'ACCESS_DENIED', operation: 'read Letter' }),
      label({ action: 'ACCESS_DENIED', operation: 'GET /export/mailbox-register.xlsx' }),
      label({ action: 'ACCESS_DENIED', operation: 'allAccounts' }),
      label({ action: 'REVEAL', operation: 'revealConstituent' }),
      label({ action: 'SOMETHING_NEW', operation: null }),
    ]).toEqual(['越权访问被拒绝：查看来信', '越权访问被拒绝：导出', '越权访问被拒绝：账号列表', '查看个人信息原文：查看某位群众的完整个人信息', '其他操作']);
  });

  it('names reason codes in Chinese and keeps a reason a person wrote', () => {
    expect([auditReasonLabel('WRONG_PASSWORD'), auditReasonLabel('ROLE_REQUIRED'), auditReasonLabel('NEW_CODE_X'), auditReasonLabel('电话回访需核对号码'), auditReasonLabel(null)]).toEqual([
      '密码错误',
      '角色无此权限',
      '其他原因',
      '电话回访需核对号码',
      '',
    ]);
  });

  it('names who acted: the account’s name and username, the system for seed and command-line jobs, 未登录 without a session', () => {
    expect([
      auditActorLabel({ accountName: '赵磊', username: 'zhaolei', action: 'LOGIN_SUCCEEDED' }),
      auditActorLabel({ accountName: '麦浩然（演示·委员）', username: 'member', action: 'LOGIN_FAILED' }),
      auditActorLabel({ accountName: null, username: 'nobody', action: 'LOGIN_FAILED' }),
      auditActorLabel({ accountName: null, username: null, action: 'MUTATION' }),
      auditActorLabel({ accountName: null, username: null, action: 'ACCESS_DENIED' }),
    ]).toEqual(['赵磊（zhaolei）', '麦浩然（演示·委员） · member', 'nobody', '系统', '未登录']);
  });

  it('offers every action the server writes in the action filter', () => {
    const entity = fs.readFileSync('server/src/platform/audit-event/audit-event.entity.ts', 'utf8');
    const written = [...entity.slice(entity.indexOf('export const AuditAction')).split('} as const')[0].matchAll(/^\s+(\w+): '/gm)].map((m) => m[1]);
    expect(ACTION_CHOICES.map((c) => c.id)).toEqual(written);
  });

  it('filters a date range by whole Beijing days', () => {
    expect([dayStart('2026-12-02'), dayEnd('2026-12-02'), chinaDay('2026-12-01T16:00:00.000Z'), chinaDay('2026-12-01T15:59:59.999Z')]).toEqual([
      '2026-12-01T16:00:00.000Z',
      '2026-12-02T15:59:59.999Z',
      '2026-12-02',
      '2026-12-01',
    ]);
  });
});
