import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from './errors.js';

/**
 * A fixed-window counter per key (e.g. `login:ip:10.0.0.7`), kept in PostgreSQL so every app
 * instance behind a balancer counts the same attempts (ARCHITECTURE.md: all state in PostgreSQL).
 */
@Entity({ tableName: 'rate_limit_bucket' })
export class RateLimitBucket {
  [PrimaryKeyProp]?: ['key', 'windowStart'];

  @PrimaryKey({ type: 'text' })
  key!: string;

  @PrimaryKey({ type: 'datetime' })
  windowStart!: Date;

  @Property({ type: 'integer', default: 0 })
  count: number = 0;
}

export interface RateLimit {
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitHit {
  allowed: boolean;
  count: number;
  /** Seconds until the window resets. */
  retryAfterSeconds: number;
}

/**
 * Counts one attempt for `key` with a single upsert statement (atomic across instances) and says
 * whether it is within the limit. Runs outside any open transaction: a refused request still counts.
 */
export async function hitRateLimit(em: EntityManager, key: string, { limit, windowSeconds }: RateLimit): Promise<RateLimitHit> {
  const window = Math.max(1, Math.floor(windowSeconds));
  const rows: Array<{ count: number; remaining: number }> = await em.getConnection().execute(
    `insert into rate_limit_bucket as b (key, window_start, count)
       values (?, to_timestamp(floor(extract(epoch from clock_timestamp()) / ?) * ?), 1)
     on conflict (key, window_start) do update set count = b.count + 1
     returning b.count, ceil(extract(epoch from b.window_start) + ? - extract(epoch from clock_timestamp()))::int as remaining`,
    [key, window, window, window],
  );
  const count = Number(rows[0].count);
  return { allowed: count <= limit, count, retryAfterSeconds: Math.max(1, Number(rows[0].remaining)) };
}

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', `尝试过于频繁，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`, { retryAfterSeconds });

/** Drops windows that ended long ago (maintenance). */
export async function pruneRateLimitBuckets(em: EntityManager, olderThanHours = 24): Promise<number> {
  const res = await em
    .getConnection()
    .execute(`delete from rate_limit_bucket where window_start < now() - make_interval(hours => ?)`, [olderThanHours], 'run');
  return Number((res as any).affectedRows ?? 0);
}
