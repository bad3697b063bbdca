import type { MiddlewareFn } from 'type-graphql';
import type { Role } from '../platform/account/role.js';
import { ROLE_LABELS } from '../platform/account/role.js';
import type { Context } from '../common/context.js';
import { resourceRegistry } from '../common/crud.js';
import { AppError } from '../common/errors.js';
import { sessionProblem } from '../platform/session/session.service.js';
import { hidesTrackingCodeFrom, hidesWriterFrom, TRACKING_CODE_MASK, WRITER_IDENTITY_FIELDS } from '../casework/letter/letter.disclosure.js';
import { OPERATIONS, type OperationAccess } from './access.operations.js';
import { auditDenied, isScopeActor } from './access.scope.js';
import { ACCESS, type AccessMode } from './access.table.js';

export interface OperationRule {
  /** The resource of a CRUD operation, with its mode. */
  resource?: string;
  mode?: AccessMode;
  access: OperationAccess;
}

let crudOperations: Map<string, { resource: string; mode: AccessMode }> | undefined;

/** `X`, `allXs`, `_allXsMeta` read; `createX`, `updateX`, `deleteX` write — for every resource. */
export function crudOperationMap(): Map<string, { resource: string; mode: AccessMode }> {
  if (!crudOperations) {
    crudOperations = new Map();
    for (const def of resourceRegistry) {
      for (const op of [def.name, `all${def.plural}`, `_all${def.plural}Meta`]) crudOperations.set(op, { resource: def.name, mode: 'read' });
      for (const op of [`create${def.name}`, `update${def.name}`, `delete${def.name}`]) crudOperations.set(op, { resource: def.name, mode: 'write' });
    }
  }
  return crudOperations;
}

/** Who may call a root operation: its row in OPERATIONS, else its resource's row in ACCESS. */
export function operationRule(name: string): OperationRule | undefined {
  if (name in OPERATIONS) return { access: OPERATIONS[name] };
  const crud = crudOperationMap().get(name);
  if (!crud) return undefined;
  const row = ACCESS[crud.resource];
  if (!row) return undefined;
  return { ...crud, access: Object.keys(row[crud.mode]) as Role[] };
}

const PENDING_ALLOWED = new Set(['me', 'logout', 'changePassword', 'beginTotpEnrollment', 'confirmTotpEnrollment']);

/**
 * The gate of every root Query and Mutation field (PR3): anonymous callers get UNAUTHENTICATED except
 * for PUBLIC operations, a session with steps pending may only finish them, and a role not listed for
 * the operation gets FORBIDDEN (audited). Which records are reached is the services' business.
 * It also withholds the writer's identity from department handlers (PR2), and the tracking code from
 * every role that does not give it to writers (issue 12).
 */
export const accessGate: MiddlewareFn<Context> = ({ root, info, context }, next) => {
  const parent = info.parentType.name;
  if (parent === 'Letter' && WRITER_IDENTITY_FIELDS.has(info.fieldName) && hidesWriterFrom(context, root)) return Promise.resolve(null);
  // masked, not null: the field stays non-null for the clients written against it (schema contract)
  if (parent === 'Letter' && info.fieldName === 'trackingCode' && hidesTrackingCodeFrom(context)) return Promise.resolve(TRACKING_CODE_MASK);
  // every field of every record passes here: no async frame of its own for the non-root fields
  if (parent !== 'Query' && parent !== 'Mutation') return next();
  return gateRootOperation(info.fieldName, context).then(next);
};

async function gateRootOperation(op: string, context: Context): Promise<void> {
  const rule = operationRule(op);
  if (!rule) throw new AppError('FORBIDDEN', `操作 ${op} 未登记权限`, { reason: 'NOT_REGISTERED' });
  if (rule.access === 'PUBLIC') return;
  const actor = context.actor;
  if (!isScopeActor(actor)) {
    const problem = sessionProblem(context.req);
    throw new AppError(
      'UNAUTHENTICATED',
      problem === 'SESSION_EXPIRED' ? '会话已超时，请重新登录' : problem ? '会话无效，请重新登录' : '请先登录',
      problem ? { reason: problem } : {},
    );
  }
  if (rule.access === 'SESSION') return;
  if (actor.pending.length && !PENDING_ALLOWED.has(op)) {
    const step = actor.pending[0];
    throw new AppError('FORBIDDEN', step === 'CHANGE_PASSWORD' ? '请先修改初始密码' : '管理员账号须先绑定动态口令（TOTP）', {
      reason: step === 'CHANGE_PASSWORD' ? 'PASSWORD_CHANGE_REQUIRED' : 'TOTP_ENROLLMENT_REQUIRED',
    });
  }
  const roles = rule.access as readonly Role[];
  if (!actor.roles.some((r) => roles.includes(r))) {
    await auditDenied(context, op, 'ROLE_REQUIRED', { required: [...roles], resource: rule.resource ?? null });
    throw new AppError('FORBIDDEN', `此操作需要以下角色之一：${roles.map((r) => ROLE_LABELS[r]).join('、') || '（无）'}`, {
      reason: 'ROLE_REQUIRED',
      roles: [...roles],
    });
  }
}
