import crypto from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Failed sign-ins per key, with the time of the last one (issue 12, item 6). Two keys per attempt:
 * the username with the client's address (`pair:`), and the username alone (`user:`), which only
 * slows addresses the account has never signed in from. Both are keyed by the name typed, whether
 * or not an account has it, so a delayed answer tells nothing about which usernames exist. The name
 * is stored as a keyless SHA-256: a password typed into the username box is not kept in clear.
 */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottle {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'integer', default: 0 })
  failures: number = 0;

  @Property({ type: 'datetime' })
  lastFailureAt!: Date;
}

/** The first delay once the threshold is reached; it doubles with every further failure. */
export const BASE_DELAY_SECONDS = 30;
/** Failures older than this are forgotten. */
export const FORGET_AFTER_HOURS = 24;

const digest = (username: string) => crypto.createHash('sha256').update(username).digest('hex').slice(0, 32);
export const pairKey = (username: string, ip: string | null) => `pair:${digest(username)}:${ip ?? 'unknown'}`;
export const userKey = (username: string) => `user:${digest(username)}`;

/**
 * Progressive delay instead of a hard lock: below `threshold` failures none; then 30 s, 60 s, 120 s
 * … up to `maxSeconds` after the last failure. Nobody can lock an account for everyone, and a
 * guesser gets a few attempts an hour per address.
 */
export function throttleDelaySeconds(failures: number, threshold: number, maxSeconds: number): number {
  if (failures < threshold) return 0;
  return Math.min(maxSeconds, BASE_DELAY_SECONDS * 2 ** Math.min(20, failures - threshold));
}

export interface ThrottleRule {
  key: string;
  threshold: number;
}

/** Seconds until the next attempt may be tried (0: now), the longest over the rules. */
export async function throttleWait(em: EntityManager, rules: ThrottleRule[], maxSeconds: number, now = new Date()): Promise<number> {
  if (!rules.length) return 0;
  const rows = await em.find(LoginThrottle, { key: { $in: rules.map((r) => r.key) } });
  let wait = 0;
  for (const row of rows) {
    if (now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_HOURS * 3_600_000) continue;
    const rule = rules.find((r) => r.key === row.key)!;
    const until = row.lastFailureAt.getTime() + throttleDelaySeconds(row.failures, rule.threshold, maxSeconds) * 1000;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}

/** Counts one failure for each key (one upsert each, atomic across app instances). */
export async function recordLoginFailure(em: EntityManager, keys: string[]): Promise<void> {
  for (const key of keys) {
    await em.getConnection().execute(
      `insert into login_throttle as t (key, failures, last_failure_at) values (?, 1, now())
       on conflict (key) do update set
         failures = case when t.last_failure_at < now() - make_interval(hours => ?) then 1 else t.failures + 1 end,
         last_failure_at = now()`,
      [key, FORGET_AFTER_HOURS],
      'run',
    );
  }
}

export async function clearLoginFailures(em: EntityManager, keys: string[]): Promise<void> {
  await em.nativeDelete(LoginThrottle, { key: { $in: keys } });
}

/** Every key of a username (an administrator's unlock and a password reset clear them all). */
export async function clearUserThrottles(em: EntityManager, username: string): Promise<void> {
  const d = digest(username);
  await em.execute(`delete from login_throttle where key = ? or key like ?`, [`user:${d}`, `pair:${d}:%`], 'run');
}

/** The address signed in to this username before (within 90 days): a known address of its owner. */
export async function isKnownAddress(em: EntityManager, username: string, ip: string | null): Promise<boolean> {
  if (!ip) return false;
  const rows: Array<{ known: boolean }> = await em.getConnection().execute(
    `select exists (select 1 from session s join account a on a.id = s.account_id
                    where a.username = ? and s.ip = ? and s.created_at > now() - interval '90 days') as known`,
    [username, ip],
  );
  return rows[0].known === true;
}

/** Drops rows whose failures are forgotten (maintenance). */
export async function pruneLoginThrottles(em: EntityManager): Promise<number> {
  const res = await em
    .getConnection()
    .execute(`delete from login_throttle where last_failure_at < now() - make_interval(hours => ?)`, [FORGET_AFTER_HOURS], 'run');
  return Number((res as any).affectedRows ?? 0);
}
