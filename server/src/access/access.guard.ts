import type { Context } from '../common/context.js';
import { resourceRegistry } from '../common/crud.js';
import type { AccessMode } from './access.table.js';
import { AuditAction, AuditResult } from '../platform/audit-event/audit-event.entity.js';
import { auditRequest } from '../platform/audit-event/audit-event.service.js';

/**
 * The record `id` of `resource` exists and lies in the caller's scope for `mode`; otherwise NOT_FOUND
 * (out-of-scope records do not reveal that they exist, PR3); returns the record. For services of verbs
 * that act on records.
 */
export async function assertReach<T = any>(ctx: Context, resource: string, id: unknown, mode: AccessMode = 'write'): Promise<T> {
  const def = resourceRegistry.find((d) => d.name === resource);
  if (!def) throw new Error(`unknown resource ${resource}`);
  return def.service!.findOne(ctx, id, mode);
}

/** PR1: a reveal of personal data, with who, which record and why, in the audit log. */
export async function auditReveal(ctx: Context, operation: string, resource: string, recordId: number, reason: string): Promise<void> {
  await auditRequest(ctx, { action: AuditAction.REVEAL, result: AuditResult.SUCCEEDED, operation, resource, recordId, reason });
}
