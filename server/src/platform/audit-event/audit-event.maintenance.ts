import type { EntityManager } from '@mikro-orm/postgresql';
import { pruneRateLimitBuckets } from '../../common/rate-limit.js';
import { pruneSessions } from '../session/session.service.js';
import { pruneLoginThrottles } from '../session/login-throttle.js';
import { AuditAction, AuditResult } from './audit-event.entity.js';
import { audit } from './audit-event.service.js';

/** Audit logs are kept at least 6 months (网络安全法 第21条); never less, whatever is configured. */
export const MIN_AUDIT_RETENTION_MONTHS = 6;

export function auditRetentionMonths(env: NodeJS.ProcessEnv = process.env): number {
  const n = Math.floor(Number(env.AUDIT_RETENTION_MONTHS));
  return Number.isFinite(n) && n > MIN_AUDIT_RETENTION_MONTHS ? n : MIN_AUDIT_RETENTION_MONTHS;
}

export async function ensureAuditPartitions(em: EntityManager): Promise<number> {
  const rows: Array<{ created: number }> = await em.getConnection().execute('select audit_event_ensure_partitions() as created');
  return Number(rows[0].created);
}

export interface MaintenanceResult {
  retentionMonths: number;
  /** Partitions whose whole month ended before this instant were dropped. */
  cutoff: string;
  dropped: string[];
  partitionsCreated: number;
}

/**
 * Creates the coming monthly partitions, drops whole partitions older than the retention period
 * (never below 6 months), prunes old rate-limit windows and sessions, and records itself (MAINTENANCE).
 * Runs as the owner role: dropping a partition is the only way rows ever leave the log.
 */
export async function runAuditMaintenance(
  em: EntityManager,
  { retentionMonths = auditRetentionMonths(), now = new Date() }: { retentionMonths?: number; now?: Date } = {},
): Promise<MaintenanceResult> {
  const months = Math.max(MIN_AUDIT_RETENTION_MONTHS, Math.floor(retentionMonths));
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  const partitionsCreated = await ensureAuditPartitions(em);
  const parts: Array<{ name: string }> = await em
    .getConnection()
    .execute(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
       where i.inhparent = 'audit_event'::regclass order by c.relname`,
    );
  const dropped: string[] = [];
  for (const { name } of parts) {
    const m = /^audit_event_(\d{4})(\d{2})$/.exec(name);
    if (!m) continue;
    const end = Date.UTC(Number(m[1]), Number(m[2]), 1); // first instant after the partition's month
    if (end <= cutoff.getTime()) {
      await em.getConnection().execute(`drop table "${name}"`, [], 'run');
      dropped.push(name);
    }
  }
  const sessions = await pruneSessions(em);
  const buckets = await pruneRateLimitBuckets(em);
  const throttles = await pruneLoginThrottles(em);
  const result = { retentionMonths: months, cutoff: cutoff.toISOString(), dropped, partitionsCreated };
  await audit(em, {
    action: AuditAction.MAINTENANCE,
    result: AuditResult.SUCCEEDED,
    username: 'system',
    resource: 'AuditEvent',
    operation: 'auditMaintenance',
    detail: { ...result, sessionsPruned: sessions, rateLimitBucketsPruned: buckets, loginThrottlesPruned: throttles },
  });
  return result;
}
