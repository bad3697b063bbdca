import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../common/context.js';
import { AppError } from '../common/errors.js';
import { isSessionActor, requestIp, type SessionActor } from '../platform/session/session.service.js';
import { AuditAction, AuditResult } from '../platform/audit-event/audit-event.entity.js';
import { audit } from '../platform/audit-event/audit-event.service.js';
import { PRINCIPAL_POSITIONS } from '../casework/letter/letter.workflow.js';
import { ACCESS, PV5_notNamingActor, type AccessMode, type AccessRow, type ScopeActor } from './access.table.js';

/**
 * The reach of a signed-in account, in one statement: its organization's subtree and their bodies
 * (PR3), its committee's sectors, and the names under which it could be an involved person (PV5).
 */
export async function scopeOf(em: EntityManager, actor: SessionActor): Promise<ScopeActor> {
  const [row] = await em.getConnection().execute<
    { org_ids: number[] | null; body_ids: number[] | null; sector_ids: number[] | null; names: string[] | null; principal: boolean | null }[]
  >(
    `with recursive sub as (
       select id, body_id from organization where id = ?
       union all
       select o.id, o.body_id from organization o join sub on o.parent_id = sub.id
     )
     select (select array_agg(id order by id) from sub) as org_ids,
            (select array_agg(distinct body_id) from sub) as body_ids,
            (select array_agg(sector_id) from committee_sectors where committee_id = ?) as sector_ids,
            array_remove(array[(select name from member where id = ?), (select name from leader where id = ?)], null) as names,
            (select position = any(?::text[]) or is_principal from leader where id = ?) as principal`,
    [actor.organizationId, actor.committeeId ?? 0, actor.memberId ?? 0, actor.leaderId ?? 0, `{${PRINCIPAL_POSITIONS.join(',')}}`, actor.leaderId ?? 0],
  );
  return {
    ...actor,
    orgIds: (row?.org_ids ?? []).map(Number),
    bodyIds: (row?.body_ids ?? []).map(Number),
    committeeSectorIds: (row?.sector_ids ?? []).map(Number),
    personNames: (row?.names ?? []).filter((n) => n && n.length >= 2),
    leaderIsPrincipal: row?.principal ?? null,
  };
}

export function isScopeActor(actor: unknown): actor is ScopeActor {
  return isSessionActor(actor) && Array.isArray((actor as ScopeActor).orgIds);
}

export function accessRow(resource: string): AccessRow {
  const row = ACCESS[resource];
  if (!row) throw new Error(`no access row for resource ${resource} (access.table.ts)`);
  return row;
}


/**
 * The condition a request's records of `resource` must meet for `mode`: `undefined` for internal
 * calls (no request actor: seeders, maintenance commands), otherwise the union of the actor's roles'
 * reaches and the exclusions (PV5). Throws FORBIDDEN when no role of the actor has the right.
 */
export function scopeCondition(ctx: Context, resource: string, mode: AccessMode, opts: { withExclusions?: boolean } = {}): Record<string, any> | undefined {
  const actor = ctx.actor as unknown;
  if (actor === undefined || (actor as { internal?: boolean }).internal) return undefined;
  if (!isScopeActor(actor)) throw new AppError('UNAUTHENTICATED', '请先登录');
  const row = accessRow(resource);
  const reaches = row[mode];
  const or: Record<string, any>[] = [];
  let allowed = false;
  for (const role of actor.roles) {
    const reach = reaches[role];
    if (!reach) continue;
    allowed = true;
    const where = reach === true ? row.anchor(actor) : reach(actor);
    if (where !== null) or.push(where);
  }
  if (!allowed) {
    throw new AppError('FORBIDDEN', `您的角色不能${mode === 'read' ? '查看' : '修改'}此类记录`, { reason: 'ROLE_REQUIRED', resource });
  }
  // a role whose link is missing (a MEMBER account without a member) reaches nothing
  const reach = or.length === 0 ? { id: null } : or.some((w) => Object.keys(w).length === 0 && Object.getOwnPropertySymbols(w).length === 0) ? {} : { $or: or };
  const exclusion = opts.withExclusions === false ? null : row.exclude?.(actor) ?? null;
  return exclusion ? { $and: [reach, exclusion] } : reach;
}

/** Records a refused access (ACCESS_DENIED) on its own connection, so it stays when the request fails. */
export async function auditDenied(ctx: Context, operation: string, reason: string, detail: Record<string, unknown> = {}, recordId?: unknown): Promise<void> {
  const actor = isSessionActor(ctx.actor) ? ctx.actor : null;
  await audit(ctx.em, {
    action: AuditAction.ACCESS_DENIED,
    result: AuditResult.DENIED,
    accountId: actor?.accountId ?? null,
    username: actor?.username ?? null,
    operation,
    reason,
    recordId: recordId == null ? null : String(recordId),
    ip: requestIp(ctx.req),
    detail,
  });
}

/**
 * PV5 for hand-written SQL (statistics): a condition on `column` (a letter id) that leaves out the
 * letters naming the request's actor as involved, with its parameters — the ids found with the same
 * rule as the scope (PV5_notNamingActor); `true` for internal calls and actors no letter can name.
 */
export async function pv5Sql(ctx: Context, column: string): Promise<{ sql: string; params: unknown[] }> {
  const actor = ctx.actor as unknown;
  const spares = isScopeActor(actor) ? PV5_notNamingActor(actor) : null;
  if (!spares) return { sql: 'true', params: [] };
  const named = await ctx.em.find('Letter', { $not: spares } as any, { fields: ['id'] as any });
  return { sql: `${column} <> all(?::int[])`, params: [`{${named.map((l: any) => l.id).join(',')}}`] };
}
