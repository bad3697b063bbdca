import { todayInChina } from '../../people/member/dates.js';
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { Context } from '../../common/context.js';
import { parseId } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { assertReach } from '../../access/access.guard.js';

import { LiaisonStation } from '../liaison-station/liaison-station.entity.js';
import { liaisonStationResource } from '../liaison-station/liaison-station.resolver.js';
import { Member, MemberKind } from '../../people/member/member.entity.js';
import { memberResource } from '../../people/member/member.resolver.js';

/** ST1: every station has at least this many deputies. */
export const ST1_MIN_DEPUTIES = 2;
/** ST2: every station holds a reception at least every this many months. */
export const ST2_RECEPTION_INTERVAL_MONTHS = 2;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The same day `months` months earlier; a day the earlier month lacks becomes its last day
 * (2026-04-30 → 2026-02-28). Pure.
 */
export function monthsBefore(isoDate: string, months: number): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`not a date: ${isoDate}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const total = y * 12 + (mo - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * ST2: a station is overdue when its last reception up to `asOf` was held before the day two months
 * earlier (a reception exactly two months ago still counts), or when it has held none. Pure.
 */
export function isReceptionOverdue(lastHeldOn: string | null, asOf: string, months = ST2_RECEPTION_INTERVAL_MONTHS): boolean {
  return lastHeldOn === null || lastHeldOn < monthsBefore(asOf, months);
}

export interface StationReceptionGapValue {
  liaisonStation: LiaisonStation;
  lastReceptionOn: string | null;
  /** The earliest date a reception had to be held on to count (ST2). */
  dueSince: string;
}

/** A PostgreSQL int[] literal: knex would expand a JS array binding into a list. */
const intArray = (ids: number[]) => `{${ids.join(',')}}`;

/** By name in pinyin order; a raw fragment is used once, so one per query. */
const pinyinName = () => ({ [raw((a: string) => `${a}.name collate "zh-x-icu"`)]: 'asc' }) as const;

async function bodyCondition(ctx: Context, bodyId: string | null | undefined): Promise<number | null> {
  if (bodyId == null) return null;
  const id = parseId(bodyId, 'bodyId');
  await assertReach(ctx, 'Body', id, 'read');
  return id;
}

/** Stations the caller may see, optionally of one body (through their organization). */
async function stationsInScope(ctx: Context, bodyId: number | null, extra: FilterQuery<LiaisonStation> = {}): Promise<LiaisonStation[]> {
  const and: FilterQuery<LiaisonStation>[] = [liaisonStationResource.service.where(ctx, {}), extra];
  if (bodyId !== null) and.push({ organization: { body: bodyId } });
  return ctx.em.find(LiaisonStation, { $and: and }, { orderBy: [pinyinName(), { id: 'asc' }] as any });
}

/**
 * ST2: stations that have held no reception in the two months up to `asOf` (default today), with the
 * date of their last one. Online stations receive round the clock (ST3) and are not listed.
 * Never-held first, then the longest overdue, then by name.
 */
export async function stationsWithoutRecentReception(
  ctx: Context,
  args: { bodyId?: string | null; asOf?: string | null },
): Promise<StationReceptionGapValue[]> {
  const today = todayInChina();
  const asOf = args.asOf ?? today;
  if (asOf > today) throw badInput('asOf', '检查日期不能晚于今天');
  const bodyId = await bodyCondition(ctx, args.bodyId);
  const stations = await stationsInScope(ctx, bodyId, { isOnline: false });
  if (!stations.length) return [];
  const rows: Array<{ liaison_station_id: number; last: string }> = await ctx.em.getConnection().execute(
    `select liaison_station_id, to_char(max(held_on), 'YYYY-MM-DD') as last from reception
     where liaison_station_id = any(?::int[]) and held_on <= ?::date group by liaison_station_id`,
    [intArray(stations.map((s) => s.id)), asOf],
  );
  const last = new Map(rows.map((r) => [Number(r.liaison_station_id), r.last]));
  const dueSince = monthsBefore(asOf, ST2_RECEPTION_INTERVAL_MONTHS);
  const gaps = stations
    .map((s) => ({ liaisonStation: s, lastReceptionOn: last.get(s.id) ?? null, dueSince }))
    .filter((g) => isReceptionOverdue(g.lastReceptionOn, asOf));
  // stable sort keeps the pinyin order among equals
  return gaps.sort((a, b) => (a.lastReceptionOn ?? '').localeCompare(b.lastReceptionOn ?? ''));
}

/**
 * ST2: deputies seated during `year` (default this year) who have taken part in no reception held in
 * it — as one of a reception's receiving deputies without an attendance saying otherwise, or with an
 * attendance marked present (the same count as the duty record). Mid-year it lists who is behind (PF3).
 */
export async function deputiesWithoutReceptionThisYear(
  ctx: Context,
  args: { bodyId?: string | null; year?: number | null },
): Promise<Member[]> {
  const thisYear = Number(todayInChina().slice(0, 4));
  const year = args.year ?? thisYear;
  if (!Number.isInteger(year) || year < 1950 || year > thisYear) throw badInput('year', `年度须在 1950 至 ${thisYear} 之间`);
  const bodyId = await bodyCondition(ctx, args.bodyId);
  const d0 = `${year}-01-01`;
  const d1 = `${year}-12-31`;
  const and: FilterQuery<Member>[] = [
    memberResource.service.where(ctx, {}),
    { kind: MemberKind.DEPUTY, termStart: { $lte: d1 }, $or: [{ termEnd: null }, { termEnd: { $gte: d0 } }] },
  ];
  if (bodyId !== null) and.push({ body: bodyId });
  const deputies = await ctx.em.find(Member, { $and: and }, { orderBy: [pinyinName(), { id: 'asc' }] as any });
  if (!deputies.length) return [];
  const rows: Array<{ member_id: number }> = await ctx.em.getConnection().execute(
    `select at.member_id from attendance at join reception re on re.id = at.reception_id
     where at.status = 'PRESENT' and re.held_on between ?::date and ?::date and at.member_id = any(?::int[])
     union
     select rd.member_id from reception_deputies rd join reception re on re.id = rd.reception_id
     where re.held_on between ?::date and ?::date and rd.member_id = any(?::int[])
       and not exists (select 1 from attendance at where at.member_id = rd.member_id and at.reception_id = rd.reception_id and at.status <> 'PRESENT')`,
    [d0, d1, intArray(deputies.map((m) => m.id)), d0, d1, intArray(deputies.map((m) => m.id))],
  );
  const took = new Set(rows.map((r) => Number(r.member_id)));
  return deputies.filter((m) => !took.has(m.id));
}

/**
 * ST1: stations with fewer than two deputies now in office (a deputy whose term has ended no longer
 * counts), by name. Shortfalls are flagged, never refused.
 */
export async function stationsWithTooFewDeputies(ctx: Context, args: { bodyId?: string | null }): Promise<LiaisonStation[]> {
  const bodyId = await bodyCondition(ctx, args.bodyId);
  const stations = await stationsInScope(ctx, bodyId);
  if (!stations.length) return [];
  const rows: Array<{ liaison_station_id: number; n: string }> = await ctx.em.getConnection().execute(
    `select sd.liaison_station_id, count(*) as n from liaison_station_deputies sd join member m on m.id = sd.member_id
     where sd.liaison_station_id = any(?::int[]) and (m.term_end is null or m.term_end >= ?::date)
     group by sd.liaison_station_id`,
    [intArray(stations.map((s) => s.id)), todayInChina()],
  );
  const counts = new Map(rows.map((r) => [Number(r.liaison_station_id), Number(r.n)]));
  return stations.filter((s) => (counts.get(s.id) ?? 0) < ST1_MIN_DEPUTIES);
}
