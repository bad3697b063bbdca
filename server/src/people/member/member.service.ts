import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context.js';
import { ContactPairingKind } from '../contact-pairing/pairing-kind.js';
import { todayInChina } from './dates.js';

/** CT3: each member keeps in touch with at least 5 constituents (fewer is flagged, not refused). */
export const CT3_MINIMUM = 5;

/** Constituents each member is paired with today (active MEMBER_CONSTITUENT pairings), one grouped query. */
export async function countConstituents(em: EntityManager, memberIds: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>(memberIds.map((id) => [id, 0]));
  if (!memberIds.length) return counts;
  const today = todayInChina();
  const rows: Array<{ member_id: number; n: number }> = await em.getConnection().execute(
    `select member_id, count(distinct constituent_id)::int as n from contact_pairing
      where kind = ? and member_id in (${memberIds.map(() => '?').join(', ')})
        and start_date <= ? and (end_date is null or end_date >= ?)
      group by member_id`,
    [ContactPairingKind.MEMBER_CONSTITUENT, ...memberIds, today, today],
  );
  for (const r of rows) counts.set(Number(r.member_id), Number(r.n));
  return counts;
}

interface RequestCounts {
  known: Map<number, Promise<number>>;
  queued: Map<number, { resolve: (n: number) => void; reject: (e: unknown) => void }>;
}
const perRequest = new WeakMap<Context, RequestCounts>();

/**
 * A member's constituent count, batched per request: every member asked for in the same tick (a
 * page of members) is counted by one query, so the statements do not grow with the page size.
 */
export function constituentCountOf(ctx: Context, memberId: number): Promise<number> {
  let state = perRequest.get(ctx);
  if (!state) {
    state = { known: new Map(), queued: new Map() };
    perRequest.set(ctx, state);
  }
  const known = state.known.get(memberId);
  if (known) return known;
  const promise = new Promise<number>((resolve, reject) => {
    const s = state!;
    if (s.queued.size === 0) {
      // like dataloader: dispatch after the current promise jobs, so the whole page has queued
      void Promise.resolve().then(() => process.nextTick(() => void dispatch(ctx, s)));
    }
    s.queued.set(memberId, { resolve, reject });
  });
  state.known.set(memberId, promise);
  return promise;
}

async function dispatch(ctx: Context, state: RequestCounts): Promise<void> {
  const batch = new Map(state.queued);
  state.queued.clear();
  try {
    const counts = await countConstituents(ctx.em, [...batch.keys()]);
    for (const [id, { resolve }] of batch) resolve(counts.get(id) ?? 0);
  } catch (e) {
    for (const { reject } of batch.values()) reject(e);
  }
}
