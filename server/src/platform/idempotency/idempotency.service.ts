import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context.js';
import { AppError, badInput } from '../../common/errors.js';
import { registerJobHandler, registerRecurringJob } from '../job/job.service.js';

/** A retry is answered from its key for at least this long; older keys are pruned. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;

/** JSON with sorted object keys, so the same arguments in another order hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const requestHash = (payload: unknown) => createHash('sha256').update(canonical(payload)).digest('hex');

/**
 * Runs `create` once per (account, operation, key) (issue 12, item 7): a client that got an error
 * (a crash after the commit) retries with the same key and receives the first result, and nothing is
 * written again. The key row is inserted first in the caller's transaction: a concurrent retry waits on
 * its unique index until the first commits (then returns its record) or rolls back (then runs itself).
 * Without a key, `create` simply runs.
 */
export async function idempotent<T extends { id: number }>(
  ctx: Context,
  operation: string,
  key: string | null | undefined,
  payload: Record<string, unknown>,
  create: (ctx: Context) => Promise<T>,
  load: (em: EntityManager, id: number) => Promise<T>,
): Promise<T> {
  if (key == null) return create(ctx);
  if (!KEY_PATTERN.test(key)) {
    throw badInput('idempotencyKey', '幂等键须为 8–100 个字母、数字或 _ . : - 字符 / idempotency key: 8–100 of A–Z a–z 0–9 _ . : -');
  }
  const accountId = ctx.actor.accountId;
  if (accountId == null) throw badInput('idempotencyKey', '幂等键仅供已登录账号使用 / idempotency keys need a signed-in account');
  const hash = requestHash(payload);
  return ctx.em.transactional(async (em) => {
    const inserted = await em.execute<Array<{ key: string }>>(
      `insert into idempotency_key (account_id, operation, key, request_hash) values (?, ?, ?, ?)
       on conflict do nothing returning key`,
      [accountId, operation, key, hash],
    );
    if (!inserted.length) {
      const [first] = await em.execute<Array<{ request_hash: string; record_id: string | null }>>(
        `select request_hash, record_id from idempotency_key where account_id = ? and operation = ? and key = ?`,
        [accountId, operation, key],
      );
      if (first.request_hash !== hash || first.record_id == null) {
        throw new AppError('CONFLICT', 'idempotencyKey：此幂等键已用于内容不同的请求，请换用新的键 / this key was used for a different request', {
          field: 'idempotencyKey',
          reason: 'IDEMPOTENCY_KEY_REUSED',
        });
      }
      return load(em, Number(first.record_id));
    }
    const result = await create({ ...ctx, em });
    await em.execute(`update idempotency_key set record_id = ? where account_id = ? and operation = ? and key = ?`, [
      String(result.id),
      accountId,
      operation,
      key,
    ]);
    return result;
  });
}

/** Deletes keys older than the retention; returns how many. */
export async function pruneIdempotencyKeys(em: EntityManager, olderThanHours = IDEMPOTENCY_RETENTION_HOURS): Promise<number> {
  const res: any = await em
    .getConnection()
    .execute(`delete from idempotency_key where created_at < now() - make_interval(hours => ?)`, [olderThanHours], 'run');
  return Number(res?.affectedRows ?? res?.rowCount ?? 0);
}

export const PRUNE_IDEMPOTENCY_JOB = 'idempotency.prune';
registerJobHandler(PRUNE_IDEMPOTENCY_JOB, async (em) => void (await pruneIdempotencyKeys(em)));
registerRecurringJob(PRUNE_IDEMPOTENCY_JOB, 60 * 60_000);
