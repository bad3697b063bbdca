import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context.js';
import { AuditResult } from './audit-event.entity.js';

export interface AuditInput {
  action: string;
  result: AuditResult;
  accountId?: number | null;
  username?: string | null;
  resource?: string | null;
  recordId?: string | number | null;
  operation?: string | null;
  reason?: string | null;
  ip?: string | null;
  /** Never passwords, tokens or personal data. */
  detail?: Record<string, unknown> | null;
}

const clip = (v: string | null | undefined, max: number) => (v == null ? null : String(v).slice(0, max));

/**
 * Appends one audit row with a plain INSERT, not through the unit of work. By default it runs on its
 * own connection, outside any open transaction, so it stays even when the main transaction rolls back
 * (failed logins, refusals). `joinTransaction` writes it inside `em`'s transaction instead, for
 * records of changes that must vanish with the change.
 */
export async function audit(em: EntityManager, event: AuditInput, opts: { joinTransaction?: boolean } = {}): Promise<void> {
  await em.getConnection().execute(
    `insert into audit_event (occurred_at, account_id, username, action, resource, record_id, operation, result, reason, ip, detail)
     values (clock_timestamp(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)`,
    [
      event.accountId ?? null,
      clip(event.username, 64),
      event.action,
      clip(event.resource, 100),
      event.recordId == null ? null : clip(String(event.recordId), 100),
      clip(event.operation, 100),
      event.result,
      clip(event.reason, 500),
      clip(event.ip, 64),
      event.detail ? JSON.stringify(event.detail) : null,
    ],
    'run',
    opts.joinTransaction ? em.getTransactionContext() : undefined,
  );
}

/** `audit` with the actor and IP of the request filled in. */
export async function auditRequest(
  ctx: Pick<Context, 'em' | 'actor' | 'req'>,
  event: Omit<AuditInput, 'ip'> & { ip?: string | null },
  opts: { joinTransaction?: boolean; em?: EntityManager } = {},
): Promise<void> {
  await audit(
    opts.em ?? ctx.em,
    {
      accountId: ctx.actor?.accountId ?? null,
      username: ctx.actor?.username ?? null,
      ip: ctx.req?.ip ?? ctx.req?.socket?.remoteAddress ?? null,
      ...event,
    },
    opts,
  );
}
