/**
 * The audit log in the auditor's words. The server records actions, operations and reasons as codes
 * (LOGIN_FAILED, createAccount, ROLE_REQUIRED); the console names them in Chinese: fixed actions
 * from one table, operations from their descriptions in the committed schema, reasons from one
 * table. Pure: unit-tested in test/admin/audit-labels.test.ts.
 */
import type { IntrospectionObjectType, IntrospectionSchema } from 'graphql';
import { shortLabel } from '../providers/schema';
import { zhT, type Translate } from '../i18n/translate';

/** A fixed action, operation or reason in the chosen language (ui.zh.ts audit.*). */
export const auditEnumLabel = (table: 'actions' | 'operations' | 'reasons', id: string, t: Translate = zhT) => t(`app.audit.${table}.${id}`);

/** The actions the server writes (server/src/platform/audit-event/audit-event.entity.ts AuditAction). */
export const ACTION_IDS = ['LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGOUT', 'MUTATION', 'REVEAL', 'ACCESS_DENIED', 'MAINTENANCE', 'EXPORT'];

/** Operations whose description does not read as a log line. */
const OPERATION_IDS = ['login', 'logout', 'beginTotpEnrollment', 'confirmTotpEnrollment'];

/** Why something failed or was refused (codes of the server's errors and refusals). */
export const REASON_IDS = ['WRONG_PASSWORD', 'UNKNOWN_USER', 'ACCOUNT_LOCKED', 'LOGIN_DELAYED', 'ACCOUNT_DISABLED', 'RATE_LIMITED', 'TOTP_REQUIRED', 'TOTP_INVALID', 'TOTP_ENROLLMENT_REQUIRED', 'PASSWORD_CHANGE_REQUIRED', 'PENDING_STEPS', 'ROLE_REQUIRED', 'OUT_OF_SCOPE', 'PV5_INVOLVED_PARTY', 'WRITER_HIDDEN', 'INTROSPECTION_REQUIRES_SIGN_IN', 'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'TRANSITION_NOT_ALLOWED'];

export interface AuditRow {
  action?: string | null;
  operation?: string | null;
  resource?: string | null;
  reason?: string | null;
}

/** Removes every bracket: 新建账号（系统/安全管理员） → 新建账号. */
const plain = (label: string) => label.replace(/[（(][^（）()]*[）)]/g, '').trim();

/** Each query's and mutation's Chinese name from its description (录入来信的满意度评价（SV1）：… → 录入来信的满意度评价). */
export function operationLabels(schema: IntrospectionSchema, t: Translate = zhT): Map<string, string> {
  const labels = new Map<string, string>();
  for (const root of [schema.queryType, schema.mutationType]) {
    const type = root && (schema.types.find((t) => t.name === root.name) as IntrospectionObjectType | undefined);
    for (const f of type?.fields ?? []) if (f.description) labels.set(f.name, plain(shortLabel(f.description, f.name)));
  }
  for (const name of OPERATION_IDS) labels.set(name, auditEnumLabel('operations', name, t));
  return labels;
}

/** The operation's name, or '' when it is not an operation of the API (`read Letter`, `GET /export/…`). */
function operationLabel(operation: string | null | undefined, operations: ReadonlyMap<string, string>, resources: ReadonlyMap<string, string>, t: Translate): string {
  if (!operation) return '';
  const known = operations.get(operation);
  if (known) return known;
  const crud = operation.match(/^(read|write) (\w+)$/);
  if (crud) return t(crud[1] === 'read' ? 'app.audit.read' : 'app.audit.write', { resource: resources.get(crud[2]) ?? '' });
  if (/^GET \/export\//.test(operation)) return t('app.audit.export');
  return '';
}

/** 登录失败; 新建账号; 越权访问被拒绝：查看来信; an action the table does not know is named by its operation. */
export function auditActionLabel(row: AuditRow, operations: ReadonlyMap<string, string>, resources: ReadonlyMap<string, string> = new Map(), t: Translate = zhT): string {
  const action = row.action ?? '';
  const op = operationLabel(row.operation, operations, resources, t);
  const known = ACTION_IDS.includes(action) ? auditEnumLabel('actions', action, t) : undefined;
  switch (action) {
    case 'MUTATION':
      return op || auditEnumLabel('actions', 'MUTATION', t);
    case 'REVEAL':
    case 'ACCESS_DENIED':
      return op ? t('app.audit.action_on', { action: known, operation: op }) : known!;
    default:
      // features write their own actions too (rateLetter)
      return known ?? (operations.get(action) || op || t('app.audit.other_action'));
  }
}

/** 赵磊（zhaolei）; a name that ends in a bracket of its own (麦浩然（演示·委员）) takes the username after a dot. */
export const accountLabel = (name: string, username: string) => (/[）)]$/.test(name) ? `${name} · ${username}` : `${name}（${username}）`);

/** Who acted: the account's name and username; the system for the seed and command-line jobs; 未登录 for a request without a session. */
export function auditActorLabel(row: AuditRow & { username?: string | null; accountName?: string | null }, t: Translate = zhT): string {
  if (row.accountName && row.username) return accountLabel(row.accountName, row.username);
  if (row.username) return row.username;
  return t(row.action === 'MUTATION' || row.action === 'MAINTENANCE' ? 'app.audit.system' : 'app.audit.signed_out');
}

/** A reason code in Chinese; a reason a person typed (a reveal's 理由) as it was written. */
export function auditReasonLabel(reason: string | null | undefined, t: Translate = zhT): string {
  if (!reason) return '';
  if (REASON_IDS.includes(reason)) return auditEnumLabel('reasons', reason, t);
  return /^[A-Z][A-Z0-9_]+$/.test(reason) ? t('app.audit.other_reason') : reason;
}

/** The action filter's choices: the fixed actions, in the table's order. */
export const ACTION_CHOICES = ACTION_IDS.map((id) => ({ id, name: `app.audit.actions.${id}` }));

/** The first moment of a Beijing day as the API's DateTimeISO (2026-12-02 → 2026-12-01T16:00:00.000Z). */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
/** The last moment of a Beijing day (2026-12-02 → 2026-12-02T15:59:59.999Z). */
export const dayEnd = (day: string) => new Date(`${day}T23:59:59.999+08:00`).toISOString();
/** The Beijing day of a moment (2026-12-01T16:00:00.000Z → 2026-12-02). */
export const chinaDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
