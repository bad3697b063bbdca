import type { Context } from '../../common/context.js';
import { AppError } from '../../common/errors.js';
import { AuditAction, AuditResult } from '../audit-event/audit-event.entity.js';
import { audit } from '../audit-event/audit-event.service.js';
import { ROLE_LABELS, type Role } from '../account/role.js';
import { isSessionActor, requestIp, sessionProblem, type PendingStep, type SessionActor } from './session.service.js';

/** The signed-in actor of a request (app.ts authenticates once per request), or null. */
export function currentActor(ctx: Context): Promise<SessionActor | null> {
  return Promise.resolve(isSessionActor(ctx.actor) ? ctx.actor : null);
}

const PENDING_REFUSAL: Record<PendingStep, { reason: string; message: string }> = {
  CHANGE_PASSWORD: { reason: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' },
  TOTP: { reason: 'TOTP_ENROLLMENT_REQUIRED', message: '管理员账号须先绑定动态口令（TOTP）' },
};

/** A signed-in actor, or UNAUTHENTICATED; a session with pending steps may do only what `allow` lists. */
export async function requireActor(ctx: Context, { allow = [] }: { allow?: PendingStep[] } = {}): Promise<SessionActor> {
  const actor = await currentActor(ctx);
  if (!actor) {
    const problem = sessionProblem(ctx.req);
    throw new AppError(
      'UNAUTHENTICATED',
      problem === 'SESSION_EXPIRED' ? '会话已超时，请重新登录' : problem ? '会话无效，请重新登录' : '请先登录',
      problem ? { reason: problem } : {},
    );
  }
  const blocking = actor.pending.find((p) => !allow.includes(p));
  if (blocking) throw new AppError('FORBIDDEN', PENDING_REFUSAL[blocking].message, { reason: PENDING_REFUSAL[blocking].reason });
  return actor;
}

/** A full session holding one of `roles`; a refusal is audited (ACCESS_DENIED). */
export async function requireRoles(ctx: Context, roles: readonly Role[], operation: string): Promise<SessionActor> {
  const actor = await requireActor(ctx);
  if (!actor.roles.some((r) => roles.includes(r))) {
    await audit(ctx.em, {
      action: AuditAction.ACCESS_DENIED,
      result: AuditResult.DENIED,
      accountId: actor.accountId,
      username: actor.username,
      operation,
      reason: 'ROLE_REQUIRED',
      ip: requestIp(ctx.req),
      detail: { required: [...roles] },
    });
    throw new AppError('FORBIDDEN', `此操作需要以下角色之一：${roles.map((r) => ROLE_LABELS[r]).join('、')}`, {
      reason: 'ROLE_REQUIRED',
      roles: [...roles],
    });
  }
  return actor;
}
