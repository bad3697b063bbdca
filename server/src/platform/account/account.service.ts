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
import { checkPassword, checkRoles, checkUsername, PASSWORD_HISTORY } from './account.policy.js';
import { PasswordHistory } from './password-history.entity.js';
import {
  clearLoginFailures,
  clearUserThrottles,
  isKnownAddress,
  pairKey,
  recordLoginFailure,
  throttleWait,
  userKey,
  type ThrottleRule,
} from '../session/login-throttle.js';
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

/**
 * Sets a new password unless it is one of the last PASSWORD_HISTORY (等保 level 3; issue 12 item 6):
 * checked against the current hash and the kept history, then the history keeps the newest five.
 */
async function setPassword(tx: EntityManager, account: Account, password: string, field: string): Promise<void> {
  const recent = account.id
    ? await tx.find(PasswordHistory, { account: account.id }, { orderBy: { createdAt: 'DESC', id: 'DESC' }, limit: PASSWORD_HISTORY })
    : [];
  const hashes = [...new Set([account.passwordHash, ...recent.map((h) => h.passwordHash)].filter(Boolean))].slice(0, PASSWORD_HISTORY);
  for (const h of hashes) {
    if (await verifyPassword(h, password)) throw badInput(field, `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`, { reason: 'PASSWORD_REUSED' });
  }
  account.passwordHash = await hashPassword(password);
  tx.persist(tx.create(PasswordHistory, { account, passwordHash: account.passwordHash, createdAt: new Date() }));
  await tx.flush();
  // tx.execute runs inside the transaction (the connection's execute would not see the new row)
  await tx.execute(
    `delete from password_history where account_id = ? and id not in
       (select id from password_history where account_id = ? order by created_at desc, id desc limit ?)`,
    [account.id, account.id, PASSWORD_HISTORY],
    'run',
  );
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
    tx.persist(tx.create(PasswordHistory, { account, passwordHash: account.passwordHash, createdAt: new Date() }));
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
    await setPassword(tx, account, newPassword, 'newPassword');
    account.mustChangePassword = true;
    account.passwordChangedAt = new Date();
    account.failedLoginCount = 0;
    account.lockedUntil = null;
    await tx.flush();
    await clearUserThrottles(tx, account.username);
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
    // the sign-in delays of this username, from every address
    await clearUserThrottles(tx, account.username);
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

/**
 * Counts a failed attempt on the account (shown to administrators). It no longer locks the account:
 * anyone could lock anyone with five requests (issue 12, item 6); the sign-in delays of
 * login-throttle.ts, per username and address, slow a guesser instead.
 */
function registerFailure(account: Account): boolean {
  account.failedLoginCount += 1;
  return false;
}

type LoginFailure = 'UNKNOWN_USER' | 'WRONG_PASSWORD' | 'ACCOUNT_DISABLED' | 'TOTP_REQUIRED' | 'TOTP_INVALID';

type LoginOutcome =
  | { ok: false; failure: LoginFailure; account?: Account; lockedUntil?: Date | null; locked?: boolean }
  | { ok: true; account: Account; session: Session; token: string };

/**
 * Signs in: per-address rate limit, then the progressive delays of login-throttle.ts — after
 * LOGIN_MAX_FAILURES failures of one username from one address, and after LOGIN_ACCOUNT_MAX_FAILURES
 * of one username from addresses it never signed in from — doubling from 30 s up to
 * LOGIN_LOCK_MINUTES; argon2id check; TOTP when enrolled. Unknown users and wrong passwords get the
 * same answer, and so do delayed attempts on unknown and existing usernames (issue 12, item 6).
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

  // the delays depend on the name typed, never on whether an account has it (no enumeration);
  // the owner's own addresses are not slowed by failures from elsewhere (no lock-out of everyone)
  const rules: ThrottleRule[] = [{ key: pairKey(username, ip), threshold: s.loginMaxFailures }];
  if (!(await isKnownAddress(ctx.em, username, ip))) rules.push({ key: userKey(username), threshold: s.loginAccountMaxFailures });
  const wait = await throttleWait(ctx.em, rules, s.lockMinutes * 60);
  if (wait > 0) {
    await audit(ctx.em, { ...base, result: AuditResult.DENIED, reason: 'LOGIN_DELAYED', detail: { retryAfterSeconds: wait } });
    throw loginDelayed(wait);
  }

  const outcome: LoginOutcome = await ctx.em.transactional(async (tx): Promise<LoginOutcome> => {
    const now = new Date();
    // the row lock serializes concurrent attempts on one account, across app instances
    const account = username ? await tx.findOne(Account, { username }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!account) {
      await verifyAgainstDummy(password);
      return { ok: false, failure: 'UNKNOWN_USER' };
    }
    if (!(await verifyPassword(account.passwordHash, password))) {
      registerFailure(account);
      return { ok: false, failure: 'WRONG_PASSWORD', account };
    }
    if (!account.isActive) return { ok: false, failure: 'ACCOUNT_DISABLED', account };
    let totpVerified = false;
    if (account.totpEnabled && account.totpSecretEncrypted) {
      if (!totpCode) return { ok: false, failure: 'TOTP_REQUIRED', account };
      const step = totpStep(decrypt(account.totpSecretEncrypted), totpCode, now.getTime());
      // a code is accepted once (no replay within its window)
      if (step === null || (account.totpLastCounter != null && step <= account.totpLastCounter)) {
        registerFailure(account);
        return { ok: false, failure: 'TOTP_INVALID', account };
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
    const denied = failure === 'ACCOUNT_DISABLED';
    // a wrong guess counts toward the delays; a disabled account or a missing TOTP code is no guess
    if (failure === 'UNKNOWN_USER' || failure === 'WRONG_PASSWORD' || failure === 'TOTP_INVALID') {
      await recordLoginFailure(ctx.em, [pairKey(username, ip), userKey(username)]);
      // administrators see an account whose sign-ins are being delayed (the console's 已锁定 card);
      // lockedUntil no longer refuses anything by itself
      const next = await throttleWait(ctx.em, rules, s.lockMinutes * 60);
      if (account && next > 0) await ctx.em.nativeUpdate(Account, { id: account.id }, { lockedUntil: new Date(Date.now() + next * 1000) });
    }
    await audit(ctx.em, {
      ...base,
      accountId: account?.id ?? null,
      result: denied ? AuditResult.DENIED : AuditResult.FAILED,
      reason: failure,
    });
    switch (failure) {
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
  await clearLoginFailures(ctx.em, [pairKey(username, ip), userKey(username)]);
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

/** The answer to a delayed attempt: the same whether or not the username exists. */
const loginDelayed = (seconds: number) =>
  new AppError(
    'RATE_LIMITED',
    `登录失败次数过多，请 ${seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`}后再试 / too many failed sign-ins, try again later`,
    { reason: 'LOGIN_DELAYED', retryAfterSeconds: seconds },
  );

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
  const ip = requestIp(ctx.req);
  const result = await ctx.em.transactional(async (tx) => {
    const account = await tx.findOneOrFail(Account, { id: actor.accountId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      // guessing through a left-open session counts toward the lockout too
      registerFailure(account);
      return { account, error: badInput('currentPassword', '当前密码不正确') };
    }
    checkPassword(newPassword, 'newPassword', account.username);
    if (newPassword === currentPassword) throw badInput('newPassword', '新密码不能与当前密码相同');
    await setPassword(tx, account, newPassword, 'newPassword');
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

