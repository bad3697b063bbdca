import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Actor } from '../../common/context.js';
import { accessSettings } from '../account/access-settings.js';
import { Account } from '../account/account.entity.js';
import { isAdminRole, type Role } from '../account/role.js';
import { Session } from './session.entity.js';

export const SESSION_COOKIE = 'lianluo_session';

/** What a signed-in session still has to do before it may do anything else. */
export type PendingStep = 'CHANGE_PASSWORD' | 'TOTP';

/** The acting account, as the lead puts it into the GraphQL context. */
export interface SessionActor extends Actor {
  accountId: number;
  username: string;
  displayName: string;
  roles: Role[];
  organizationId: number;
  committeeId: number | null;
  liaisonStationId: number | null;
  liaisonGroupId: number | null;
  memberId: number | null;
  departmentId: number | null;
  leaderId: number | null;
  sessionId: number;
  /** Empty for a full session; otherwise only me/logout/changePassword/TOTP enrollment are allowed. */
  pending: PendingStep[];
}

export function isSessionActor(actor: unknown): actor is SessionActor {
  return !!actor && typeof (actor as SessionActor).sessionId === 'number';
}

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Why a presented credential was not accepted (kept on the request for the UNAUTHENTICATED message). */
const problems = new WeakMap<object, 'SESSION_EXPIRED' | 'SESSION_INVALID'>();
export const sessionProblem = (req: object | undefined) => (req ? problems.get(req) : undefined);

export function requestIp(req?: Request): string | null {
  return req?.ip ?? req?.socket?.remoteAddress ?? null;
}

export function requestUserAgent(req?: Request): string | null {
  const ua = req?.headers?.['user-agent'];
  return typeof ua === 'string' ? ua.slice(0, 300) : null;
}

/** The token from `Authorization: Bearer …`, else from the `lianluo_session` cookie. */
export function readToken(req: Request): string | null {
  const auth = req.headers?.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    if (m) return m[1];
  }
  const cookie = req.headers?.cookie;
  if (typeof cookie === 'string') {
    for (const part of cookie.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
        try {
          return decodeURIComponent(part.slice(eq + 1).trim()) || null;
        } catch {
          return null;
        }
      }
    }
  }
  return null;
}

function idleDeadline(createdAt: Date, lastSeenAt: Date): Date {
  const s = accessSettings();
  return new Date(Math.min(lastSeenAt.getTime() + s.sessionIdleMinutes * 60_000, createdAt.getTime() + s.sessionMaxHours * 3_600_000));
}

export function pendingSteps(account: Account, session: Pick<Session, 'totpVerified'>): PendingStep[] {
  const pending: PendingStep[] = [];
  if (account.mustChangePassword) pending.push('CHANGE_PASSWORD');
  // TOTP is required for admins, and for anyone who enrolled
  if ((account.totpEnabled || account.roles.some(isAdminRole)) && !session.totpVerified) pending.push('TOTP');
  return pending;
}

export function actorOf(account: Account, session: Session): SessionActor {
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    roles: [...account.roles],
    organizationId: account.organizationId,
    committeeId: account.committeeId,
    liaisonStationId: account.liaisonStationId,
    liaisonGroupId: account.liaisonGroupId,
    memberId: account.memberId,
    departmentId: account.departmentId,
    leaderId: account.leaderId,
    sessionId: session.id,
    pending: pendingSteps(account, session),
  };
}

/** Starts a session for `account` (persisted with the caller's flush); the token is returned once. */
export function createSession(
  em: EntityManager,
  account: Account,
  opts: { ip: string | null; userAgent: string | null; totpVerified: boolean },
): { token: string; session: Session } {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = new Date();
  const session = em.create(Session, {
    tokenHash: hashToken(token),
    account,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: idleDeadline(now, now),
    ip: opts.ip,
    userAgent: opts.userAgent,
    totpVerified: opts.totpVerified,
  });
  return { token, session };
}

/**
 * The signed-in account of a request, or null when it carries no valid session. Reads
 * `Authorization: Bearer <token>` or the `lianluo_session` cookie; a session idle longer than
 * SESSION_IDLE_MINUTES (or older than SESSION_MAX_HOURS), revoked, or of a disabled account is not
 * accepted. Touches lastSeenAt at most once a minute.
 */
export async function authenticate(em: EntityManager, req: Request): Promise<SessionActor | null> {
  const token = readToken(req);
  if (!token) return null;
  if (token.length > 200) {
    problems.set(req, 'SESSION_INVALID');
    return null;
  }
  const session = await em.findOne(Session, { tokenHash: hashToken(token) }, { populate: ['account'] });
  if (!session || session.revokedAt) {
    problems.set(req, 'SESSION_INVALID');
    return null;
  }
  const now = Date.now();
  if (idleDeadline(session.createdAt, session.lastSeenAt).getTime() < now) {
    problems.set(req, 'SESSION_EXPIRED');
    return null;
  }
  const account = session.account.getEntity();
  if (!account.isActive) {
    problems.set(req, 'SESSION_INVALID');
    return null;
  }
  if (now - session.lastSeenAt.getTime() >= 60_000) {
    const seen = new Date(now);
    await em
      .getConnection()
      .execute('update session set last_seen_at = ?, expires_at = ? where id = ?', [seen, idleDeadline(session.createdAt, seen), session.id], 'run');
  }
  return actorOf(account, session);
}

/** The session cookie: httpOnly, SameSite=Lax, Secure in production, Path=/ (ends with the browser session). */
export function setSessionCookie(res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: accessSettings().production, path: '/' });
}

export function clearSessionCookie(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: accessSettings().production, path: '/' });
}

/** Ends every open session of an account (optionally but one); returns how many. */
export async function revokeAccountSessions(em: EntityManager, accountId: number, exceptSessionId?: number): Promise<number> {
  return em.nativeUpdate(
    Session,
    { account: accountId, revokedAt: null, ...(exceptSessionId ? { id: { $ne: exceptSessionId } } : {}) },
    { revokedAt: new Date() },
  );
}

export async function revokeSession(em: EntityManager, sessionId: number): Promise<void> {
  await em.nativeUpdate(Session, { id: sessionId, revokedAt: null }, { revokedAt: new Date() });
}

/** Deletes sessions ended more than `days` ago (maintenance). */
export async function pruneSessions(em: EntityManager, days = 30): Promise<number> {
  const before = new Date(Date.now() - days * 86_400_000);
  return em.nativeDelete(Session, { $or: [{ expiresAt: { $lt: before } }, { revokedAt: { $lt: before } }] });
}
