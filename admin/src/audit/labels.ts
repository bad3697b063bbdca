/**
 * The audit log in the auditor's words. The server records actions, operations and reasons as codes
 * (LOGIN_FAILED, createAccount, ROLE_REQUIRED); the console names them in Chinese: fixed actions
 * from one table, operations from their descriptions in the committed schema, reasons from one
 * table. Pure: unit-tested in test/admin/audit-labels.test.ts.
 */
import type { IntrospectionObjectType, IntrospectionSchema } from 'graphql';
import { shortLabel } from '../providers/schema';

/** The actions the server writes (server/src/platform/audit-event/audit-event.entity.ts AuditAction). */
export const ACTION_LABELS: Record<string, string> = {
  LOGIN_SUCCEEDED: '登录成功',
  LOGIN_FAILED: '登录失败',
  LOGOUT: '退出登录',
  MUTATION: '修改数据',
  REVEAL: '查看个人信息原文',
  ACCESS_DENIED: '越权访问被拒绝',
  MAINTENANCE: '审计日志维护',
  EXPORT: '导出列表',
};

/** Operations whose description does not read as a log line. */
const OPERATION_LABELS: Record<string, string> = {
  login: '登录',
  logout: '退出登录',
  beginTotpEnrollment: '开始绑定动态口令',
  confirmTotpEnrollment: '绑定动态口令',
};

/** Why something failed or was refused (codes of the server's errors and refusals). */
export const REASON_LABELS: Record<string, string> = {
  WRONG_PASSWORD: '密码错误',
  UNKNOWN_USER: '用户名不存在',
  ACCOUNT_LOCKED: '账号已锁定',
  LOGIN_DELAYED: '登录失败过多，延迟登录',
  ACCOUNT_DISABLED: '账号已停用',
  RATE_LIMITED: '尝试过于频繁',
  TOTP_REQUIRED: '未输入动态口令',
  TOTP_INVALID: '动态口令错误',
  TOTP_ENROLLMENT_REQUIRED: '须先绑定动态口令',
  PASSWORD_CHANGE_REQUIRED: '须先修改初始密码',
  PENDING_STEPS: '须先完成登录后的必要步骤',
  ROLE_REQUIRED: '角色无此权限',
  OUT_OF_SCOPE: '超出所在机构的范围',
  PV5_INVOLVED_PARTY: '被反映的单位或人员查阅来信',
  WRITER_HIDDEN: '来信人身份未向承办单位披露',
  INTROSPECTION_REQUIRES_SIGN_IN: '未登录查询接口结构',
  UNAUTHENTICATED: '未登录或会话已结束',
  FORBIDDEN: '无权操作',
  BAD_USER_INPUT: '填写有误',
  NOT_FOUND: '记录不存在',
  CONFLICT: '记录已被他人修改',
  TRANSITION_NOT_ALLOWED: '当前状态不能执行此步骤',
};

export interface AuditRow {
  action?: string | null;
  operation?: string | null;
  resource?: string | null;
  reason?: string | null;
}

/** Removes every bracket: 新建账号（系统/安全管理员） → 新建账号. */
const plain = (label: string) => label.replace(/[（(][^（）()]*[）)]/g, '').trim();

/** Each query's and mutation's Chinese name from its description (录入来信的满意度评价（SV1）：… → 录入来信的满意度评价). */
export function operationLabels(schema: IntrospectionSchema): Map<string, string> {
  const labels = new Map<string, string>();
  for (const root of [schema.queryType, schema.mutationType]) {
    const type = root && (schema.types.find((t) => t.name === root.name) as IntrospectionObjectType | undefined);
    for (const f of type?.fields ?? []) if (f.description) labels.set(f.name, plain(shortLabel(f.description, f.name)));
  }
  for (const [name, label] of Object.entries(OPERATION_LABELS)) labels.set(name, label);
  return labels;
}

/** The operation's name, or '' when it is not an operation of the API (`read Letter`, `GET /export/…`). */
function operationLabel(operation: string | null | undefined, operations: ReadonlyMap<string, string>, resources: ReadonlyMap<string, string>): string {
  if (!operation) return '';
  const known = operations.get(operation);
  if (known) return known;
  const crud = operation.match(/^(read|write) (\w+)$/);
  if (crud) return `${crud[1] === 'read' ? '查看' : '修改'}${resources.get(crud[2]) ?? ''}`;
  if (/^GET \/export\//.test(operation)) return '导出';
  return '';
}

/** 登录失败; 新建账号; 越权访问被拒绝：查看来信; an action the table does not know is named by its operation. */
export function auditActionLabel(row: AuditRow, operations: ReadonlyMap<string, string>, resources: ReadonlyMap<string, string> = new Map()): string {
  const action = row.action ?? '';
  const op = operationLabel(row.operation, operations, resources);
  switch (action) {
    case 'MUTATION':
      return op || ACTION_LABELS.MUTATION;
    case 'REVEAL':
    case 'ACCESS_DENIED':
      return op ? `${ACTION_LABELS[action]}：${op}` : ACTION_LABELS[action];
    default:
      // features write their own actions too (rateLetter)
      return ACTION_LABELS[action] ?? (operations.get(action) || op || '其他操作');
  }
}

/** 赵磊（zhaolei）; a name that ends in a bracket of its own (麦浩然（演示·委员）) takes the username after a dot. */
export const accountLabel = (name: string, username: string) => (/[）)]$/.test(name) ? `${name} · ${username}` : `${name}（${username}）`);

/** Who acted: the account's name and username; the system for the seed and command-line jobs; 未登录 for a request without a session. */
export function auditActorLabel(row: AuditRow & { username?: string | null; accountName?: string | null }): string {
  if (row.accountName && row.username) return accountLabel(row.accountName, row.username);
  if (row.username) return row.username;
  return row.action === 'MUTATION' || row.action === 'MAINTENANCE' ? '系统' : '未登录';
}

/** A reason code in Chinese; a reason a person typed (a reveal's 理由) as it was written. */
export function auditReasonLabel(reason: string | null | undefined): string {
  if (!reason) return '';
  if (REASON_LABELS[reason]) return REASON_LABELS[reason];
  return /^[A-Z][A-Z0-9_]+$/.test(reason) ? '其他原因' : reason;
}

/** The action filter's choices: the fixed actions, in the table's order. */
export const ACTION_CHOICES = Object.entries(ACTION_LABELS).map(([id, name]) => ({ id, name }));

/** The first moment of a Beijing day as the API's DateTimeISO (2026-12-02 → 2026-12-01T16:00:00.000Z). */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
/** The last moment of a Beijing day (2026-12-02 → 2026-12-02T15:59:59.999Z). */
export const dayEnd = (day: string) => new Date(`${day}T23:59:59.999+08:00`).toISOString();
/** The Beijing day of a moment (2026-12-01T16:00:00.000Z → 2026-12-02). */
export const chinaDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
