import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context.js';
import { CrudService } from '../../common/crud.js';
import { decrypt, encrypt } from '../../common/crypto.js';
import { AppError, badInput, conflict, staleVersion } from '../../common/errors.js';
import { hitRateLimit, rateLimited } from '../../common/rate-limit.js';
import { AuditAction, AuditResult } from '../audit-event/audit-event.entity.js';
import { audit } from '../audit-event/audit-event.service.js';
import { Session } from '../session/session.entity.js';
import {
  clearSessionCookie,
  createSession,
  pendingSteps,
  requestIp,
  requestUserAgent,
  revokeAccountSessions,
  revokeSession,
  setSessionCookie,
  type SessionActor,
} from '../session/session.service.js';
import { accessSettings, type AccessSettings } from './access-settings.js';
import { Account } from './account.entity.js';
import { accountFields, accountReadFields, type LoginResult, type TotpEnrollment } from './account.inputs.js';
import { checkPassword, checkRoles, checkUsername } from './account.policy.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.js';
import type { Role } from './role.js';
import { newTotpSecret, totpStep, totpUri } from './totp.js';

/** Applies the flat args (links checked to exist) the same way the CRUD resources do. */
const writer = new CrudService<Account>({
  entity: Account,
  name: 'Account',
  plural: 'Accounts',
  label: '账号',
  capability: 'readonly',
  fields: accountFields,
  readFields: accountReadFields,
});

export const findAccount = (em: EntityManager, id: unknown) => writer.findOne({ em } as Context, id);

function checkAccount(account: Account): void {
  checkRoles(account.roles, {
    committeeId: account.committeeId,
    liaisonStationId: account.liaisonStationId,
    liaisonGroupId: account.liaisonGroupId,
    memberId: account.memberId,
    departmentId: account.departmentId,
    leaderId: account.leaderId,
  });
}

export interface CreateAccountInput {
  username: string;
  displayName: string;
  organizationId: string | number;
  roles: Role[];
  password: string;
  committeeId?: string | number | null;
  liaisonStationId?: string | number | null;
  liaisonGroupId?: string | number | null;
  memberId?: string | number | null;
  departmentId?: string | number | null;
  leaderId?: string | number | null;
  isActive?: boolean | null;
}

/** Who did it, for the audit row. */
interface By {
  accountId?: number | null;
  username?: string | null;
  ip?: string | null;
}

/**
 * A new account with an initial password the user must change on first login. Also used to
 * bootstrap the first administrator (seeds, tests), with `by` empty.
 */
export async function createAccount(em: EntityManager, input: CreateAccountInput, by: By = {}): Promise<Account> {
  checkUsername(input.username);
  return em.transactional(async (tx) => {
    if (await tx.count(Account, { username: input.username })) {
      throw conflict(`username：用户名 ${input.username} 已被使用`, { field: 'username' });
    }
    const account = new Account();
    await writer.applyArgs(tx, account, { ...input, isActive: input.isActive ?? true }, true);
    account.roles = [...(input.roles ?? [])];
    checkAccount(account);
    checkPassword(input.password, 'password', account.username);
    account.passwordHash = await hashPassword(input.password);
    account.mustChangePassword = true;
    tx.persist(account);
    await tx.flush();
    await audit(
      tx,
      { action: AuditAction.MUTATION, result: AuditResult.SUCCEEDED, operation: 'createAccount', resource: 'Account', recordId: account.id, ...by, detail: { roles: account.roles } },
      { joinTransaction: true },
    );
    return account;
  });
}

export async function updateAccount(em: EntityManager, args: Record<string, any>, by: By): Promise<Account> {
  return em.transactional(async (tx) => {
    const account = await findAccount(tx, args.id);
    if (args.version != null && args.version !== account.version) {
      throw staleVersion('账号', account.id, args.version, account.version);
    }
    await writer.applyArgs(tx, account, args, false);
    if (args.roles != null) account.roles = [...args.roles];
    checkAccount(account);
    await tx.flush();
    // a disabled account is signed out everywhere
    if (!account.isActive) await revokeAccountSessions(tx, account.id);
    await audit(
      tx,
      { action: AuditAction.MUTATION, result: AuditResult.SUCCEEDED, operation: 'updateAccount', resource: 'Account', recordId: account.id, ...by, detail: { roles: account.roles, isActive: account.isActive } },
      { joinTransaction: true },
    );
    return account;
  });
}

/** A new password set by an administrator: the user must change it, every session ends. */
export async function resetAccountPassword(em: EntityManager, id: unknown, newPassword: string, by: By): Promise<Account> {
  return em.transactional(async (tx) => {
    const account = await findAccount(tx, id);
    checkPassword(newPassword, 'newPassword', account.username);
    account.passwordHash = await hashPassword(newPassword);
    account.mustChangePassword = true;
    account.passwordChangedAt = new Date();
    account.failedLoginCount = 0;
    account.lockedUntil = null;
    await tx.flush();
    await revokeAccountSessions(tx, account.id);
    await audit(tx, { action: AuditAction.MUTATION, result: AuditResult.SUCCEEDED, operation: 'resetAccountPassword', resource: 'Account', recordId: account.id, ...by }, { joinTransaction: true });
    return account;
  });
}

export async function unlockAccount(em: EntityManager, id: unknown, by: By): Promise<Account> {
  return em.transactional(async (tx) => {
    const account = await findAccount(tx, id);
    account.failedLoginCount = 0;
    account.lockedUntil = null;
    await tx.flush();
    await audit(tx, { action: AuditAction.MUTATION, result: AuditResult.SUCCEEDED, operation: 'unlockAccount', resource: 'Account', recordId: account.id, ...by }, { joinTransaction: true });
    return account;
  });
}

export async function revokeSessionsOf(em: EntityManager, accountId: unknown, by: By): Promise<number> {
  return em.transactional(async (tx) => {
    const account = await findAccount(tx, accountId);
    const count = await revokeAccountSessions(tx, account.id);
    await audit(tx, { action: AuditAction.MUTATION, result: AuditResult.SUCCEEDED, operation: 'revokeSessions', resource: 'Account', recordId: account.id, ...by, detail: { revoked: count } }, { joinTransaction: true });
    return count;
  });
}

/** Counts a failed attempt; the last allowed one locks the account for the lock period. */
function registerFailure(account: Account, s: AccessSettings, now: Date): boolean {
  account.failedLoginCount += 1;
  if (account.failedLoginCount >= s.loginMaxFailures) {
    account.lockedUntil = new Date(now.getTime() + s.lockMinutes * 60_000);
    return true;
  }
  return false;
}

type LoginFailure = 'UNKNOWN_USER' | 'WRONG_PASSWORD' | 'ACCOUNT_LOCKED' | 'ACCOUNT_DISABLED' | 'TOTP_REQUIRED' | 'TOTP_INVALID';

type LoginOutcome =
  | { ok: false; failure: LoginFailure; account?: Account; lockedUntil?: Date | null; locked?: boolean }
  | { ok: true; account: Account; session: Session; token: string };

/**
 * Signs in: per-IP rate limit, argon2id check, lockout after LOGIN_MAX_FAILURES failures for
 * LOGIN_LOCK_MINUTES, TOTP when enrolled. Unknown users and wrong passwords get the same answer.
 * Every attempt is audited; the counters are committed even when the attempt is refused.
 */
export async function login(
  ctx: Context,
  args: { username: string; password: string; totpCode?: string | null },
): Promise<LoginResult> {
  const s = accessSettings();
  const ip = requestIp(ctx.req);
  const userAgent = requestUserAgent(ctx.req);
  const username = String(args.username ?? '').trim().toLowerCase().slice(0, 64);
  const password = String(args.password ?? '');
  const totpCode = args.totpCode?.trim() || null;
  const base = { action: AuditAction.LOGIN_FAILED, username, ip, operation: 'login', resource: 'Account' };

  const hit = await hitRateLimit(ctx.em, `login:ip:${ip ?? 'unknown'}`, { limit: s.loginRateLimit, windowSeconds: s.loginRateWindowSeconds });
  if (!hit.allowed) {
    await audit(ctx.em, { ...base, result: AuditResult.DENIED, reason: 'RATE_LIMITED', detail: { attempts: hit.count } });
    throw rateLimited(hit.retryAfterSeconds);
  }

  const outcome: LoginOutcome = await ctx.em.transactional(async (tx): Promise<LoginOutcome> => {
    const now = new Date();
    // the row lock serializes concurrent attempts on one account, across app instances
    const account = username ? await tx.findOne(Account, { username }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!account) {
      await verifyAgainstDummy(password);
      return { ok: false, failure: 'UNKNOWN_USER' };
    }
    if (account.lockedUntil && account.lockedUntil > now) {
      return { ok: false, failure: 'ACCOUNT_LOCKED', account, lockedUntil: account.lockedUntil };
    }
    if (account.lockedUntil) {
      // the lock is over: a fresh set of attempts
      account.lockedUntil = null;
      account.failedLoginCount = 0;
    }
    if (!(await verifyPassword(account.passwordHash, password))) {
      const locked = registerFailure(account, s, now);
      return { ok: false, failure: 'WRONG_PASSWORD', account, locked };
    }
    if (!account.isActive) return { ok: false, failure: 'ACCOUNT_DISABLED', account };
    let totpVerified = false;
    if (account.totpEnabled && account.totpSecretEncrypted) {
      if (!totpCode) return { ok: false, failure: 'TOTP_REQUIRED', account };
      const step = totpStep(decrypt(account.totpSecretEncrypted), totpCode, now.getTime());
      // a code is accepted once (no replay within its window)
      if (step === null || (account.totpLastCounter != null && step <= account.totpLastCounter)) {
        const locked = registerFailure(account, s, now);
        return { ok: false, failure: 'TOTP_INVALID', account, locked };
      }
      account.totpLastCounter = step;
      totpVerified = true;
    }
    account.failedLoginCount = 0;
    account.lockedUntil = null;
    account.lastLoginAt = now;
    const { token, session } = createSession(tx, account, { ip, userAgent, totpVerified });
    await tx.flush();
    return { ok: true, account, session, token };
  });

  if (!outcome.ok) {
    const { failure, account } = outcome;
    const denied = failure === 'ACCOUNT_LOCKED' || failure === 'ACCOUNT_DISABLED';
    await audit(ctx.em, {
      ...base,
      accountId: account?.id ?? null,
      result: denied ? AuditResult.DENIED : AuditResult.FAILED,
      reason: failure,
      detail: outcome.locked ? { locked: true, lockedUntil: account!.lockedUntil!.toISOString() } : null,
    });
    switch (failure) {
      case 'ACCOUNT_LOCKED':
        throw new AppError('FORBIDDEN', `账号已被锁定（连续登录失败过多），请于 ${formatTime(outcome.lockedUntil!)} 后再试或联系管理员解锁`, {
          reason: 'ACCOUNT_LOCKED',
          lockedUntil: outcome.lockedUntil!.toISOString(),
        });
      case 'ACCOUNT_DISABLED':
        throw new AppError('FORBIDDEN', '账号已停用，请联系管理员', { reason: 'ACCOUNT_DISABLED' });
      case 'TOTP_REQUIRED':
        throw new AppError('UNAUTHENTICATED', 'totpCode：请输入动态口令', { reason: 'TOTP_REQUIRED', field: 'totpCode' });
      case 'TOTP_INVALID':
        throw new AppError('UNAUTHENTICATED', 'totpCode：动态口令不正确或已使用', { reason: 'TOTP_INVALID', field: 'totpCode' });
      default:
        // unknown user and wrong password answer alike: no user enumeration
        throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
    }
  }

  const { account, session, token } = outcome;
  const pending = pendingSteps(account, session);
  await audit(ctx.em, {
    action: AuditAction.LOGIN_SUCCEEDED,
    result: AuditResult.SUCCEEDED,
    accountId: account.id,
    username: account.username,
    ip,
    operation: 'login',
    resource: 'Account',
    recordId: account.id,
    detail: { userAgent, totpVerified: session.totpVerified, pending },
  });
  if (ctx.res) setSessionCookie(ctx.res, token);
  return { token, mustChangePassword: account.mustChangePassword, totpRequired: pending.includes('TOTP') };
}

const formatTime = (d: Date) =>
  d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

export async function logout(ctx: Context, actor: SessionActor): Promise<boolean> {
  await revokeSession(ctx.em, actor.sessionId);
  if (ctx.res) clearSessionCookie(ctx.res);
  await audit(ctx.em, {
    action: AuditAction.LOGOUT,
    result: AuditResult.SUCCEEDED,
    accountId: actor.accountId,
    username: actor.username,
    ip: requestIp(ctx.req),
    operation: 'logout',
    resource: 'Account',
    recordId: actor.accountId,
  });
  return true;
}

/** The user's own change: clears mustChangePassword; other sessions of the account end. */
export async function changePassword(ctx: Context, actor: SessionActor, currentPassword: string, newPassword: string): Promise<Account> {
  const s = accessSettings();
  const ip = requestIp(ctx.req);
  const result = await ctx.em.transactional(async (tx) => {
    const account = await tx.findOneOrFail(Account, { id: actor.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      // guessing through a left-open session counts toward the lockout too
      registerFailure(account, s, new Date());
      return { account, error: badInput('currentPassword', '当前密码不正确') };
    }
    checkPassword(newPassword, 'newPassword', account.username);
    if (newPassword === currentPassword) throw badInput('newPassword', '新密码不能与当前密码相同');
    account.passwordHash = await hashPassword(newPassword);
    account.mustChangePassword = false;
    account.passwordChangedAt = new Date();
    account.failedLoginCount = 0;
    await tx.flush();
    await revokeAccountSessions(tx, account.id, actor.sessionId);
    await audit(
      tx,
      { action: AuditAction.MUTATION, result: AuditResult.SUCCEEDED, accountId: account.id, username: account.username, ip, operation: 'changePassword', resource: 'Account', recordId: account.id },
      { joinTransaction: true },
    );
    return { account, error: null };
  });
  if (result.error) {
    await audit(ctx.em, {
      action: AuditAction.MUTATION,
      result: AuditResult.FAILED,
      accountId: actor.accountId,
      username: actor.username,
      ip,
      operation: 'changePassword',
      resource: 'Account',
      recordId: actor.accountId,
      reason: 'WRONG_PASSWORD',
    });
    throw result.error;
  }
  return result.account;
}

/** Step 1 of TOTP enrollment: a new secret, kept encrypted until a code confirms it. */
export async function beginTotpEnrollment(ctx: Context, actor: SessionActor): Promise<TotpEnrollment> {
  return ctx.em.transactional(async (tx) => {
    const account = await tx.findOneOrFail(Account, { id: actor.accountId });
    if (account.totpEnabled) throw conflict('动态口令已绑定；如需更换，请联系安全管理员', { reason: 'TOTP_ALREADY_ENABLED' });
    const secret = newTotpSecret();
    account.totpSecretEncrypted = encrypt(secret);
    await tx.flush();
    return { secret, otpauthUrl: totpUri(secret, account.username) };
  });
}

/** Step 2: a valid code turns TOTP on; this session counts as verified. */
export async function confirmTotpEnrollment(ctx: Context, actor: SessionActor, code: string): Promise<Account> {
  return ctx.em.transactional(async (tx) => {
    const account = await tx.findOneOrFail(Account, { id: actor.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (account.totpEnabled) throw conflict('动态口令已绑定', { reason: 'TOTP_ALREADY_ENABLED' });
    if (!account.totpSecretEncrypted) throw badInput('code', '请先调用 beginTotpEnrollment 获取密钥');
    const step = totpStep(decrypt(account.totpSecretEncrypted), String(code ?? '').trim());
    if (step === null) throw badInput('code', '动态口令不正确，请核对身份验证器的时间');
    account.totpEnabled = true;
    account.totpLastCounter = step;
    await tx.nativeUpdate(Session, { id: actor.sessionId }, { totpVerified: true });
    await tx.flush();
    await audit(
      tx,
      { action: AuditAction.MUTATION, result: AuditResult.SUCCEEDED, accountId: account.id, username: account.username, ip: requestIp(ctx.req), operation: 'confirmTotpEnrollment', resource: 'Account', recordId: account.id },
      { joinTransaction: true },
    );
    return account;
  });
}

