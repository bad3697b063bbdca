import { todayInChina } from '../../people/member/dates.js';
/**
 * Member mailboxes' duties in numbers (000): the mailboxes past their opening period (MB2) and each
 * liaison group's yearly register — letters registered, handled, reported, fed back (MB7). Counted in
 * SQL, within the caller's reach (PR3).
 */
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context.js';
import { badInput } from '../../common/errors.js';
import { shiftDate } from '../../common/working-days.js';
import { bodyResource } from '../../platform/body/body.resolver.js';
import { DEFAULT_DEADLINE_POLICIES } from '../../common/deadline.js';
import type { ChosenDeadlineRule, LetterDeadlineValue } from '../letter/letter.deadlines.js';
import { DeadlineLoader, scanLetters } from '../letter/letter.deadlines.service.js';
import { Letter } from '../letter/letter.entity.js';
import { LetterChannel } from '../letter/letter.enums.js';
import { letterResource } from '../letter/letter.resolver.js';

import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { liaisonGroupResource } from '../../people/liaison-group/liaison-group.resolver.js';
import { MailboxOpening } from '../mailbox-opening/mailbox-opening.entity.js';
import { mailboxOpeningResource } from '../mailbox-opening/mailbox-opening.resolver.js';
import { Mailbox } from './mailbox.entity.js';
import { mailboxResource } from './mailbox.resolver.js';

// ── MB2: opening periods ──

/** SQL: the day a mailbox (alias `a`) is next due to be opened: the last opening (else its installation) plus its period. */
const openingDueSql = (a: string) =>
  `(coalesce(${a}.last_opened_on, ${a}.installed_on, (${a}.created_at at time zone 'Asia/Shanghai')::date)
    + coalesce(${a}.opening_period_days, (select o.mailbox_opening_period_days from organization o where o.id = ${a}.organization_id)))`;

/** MB2: active mailboxes not opened within their period by `asOf` (the mailbox's own period, else its organization's). */
export function overdueMailboxCondition(asOf: string): FilterQuery<Mailbox> {
  return { isActive: true, [raw((a: string) => `(${openingDueSql(a)} < ?::date)`, [asOf])]: true } as FilterQuery<Mailbox>;
}

export interface Paging {
  page?: number | null;
  perPage?: number | null;
}

/** The overdue mailboxes in the caller's reach, the longest overdue first (MB2). */
export async function overdueMailboxes(ctx: Context, asOf: string, { page, perPage }: Paging, filter?: Record<string, unknown>): Promise<Mailbox[]> {
  if (page != null && page < 0) throw badInput('page', '页码从 0 开始，不能为负数');
  if (perPage != null && (perPage < 1 || perPage > 500)) throw badInput('perPage', '每页条数须在 1 到 500 之间', { max: 500 });
  const limit = perPage ?? 500;
  return ctx.em.find(Mailbox, { $and: [mailboxResource.service.where(ctx, filter), overdueMailboxCondition(asOf)] } as FilterQuery<Mailbox>, {
    orderBy: [{ [raw((a: string) => openingDueSql(a))]: 'asc' }, { id: 'asc' }] as any,
    limit,
    offset: (page ?? 0) * limit,
  });
}

export async function countOverdueMailboxes(ctx: Context, asOf: string, filter?: Record<string, unknown>): Promise<number> {
  return ctx.em.count(Mailbox, { $and: [mailboxResource.service.where(ctx, filter), overdueMailboxCondition(asOf)] } as FilterQuery<Mailbox>);
}

/** MB2: the day a mailbox is next due to be opened (its own period, else its organization's, half a month by default). */
export async function openingDueOn(mailbox: Mailbox): Promise<string> {
  // a page of mailboxes loads their organizations in one batched query (dataloader), not one each
  const period = mailbox.openingPeriodDays ?? (await mailbox.organization.load({ dataloader: true }))?.mailboxOpeningPeriodDays ?? 15;
  const base = mailbox.lastOpenedOn ?? mailbox.installedOn ?? todayInChina(mailbox.createdAt);
  return shiftDate(base, period);
}

// ── MB7: the yearly register of each liaison group ──

export interface MailboxRegisterRowValue {
  liaisonGroupId: number | null;
  liaisonGroupName: string;
  mailboxCount: number;
  openingCount: number;
  lettersFound: number;
  registered: number;
  handled: number;
  reported: number;
  fedBack: number;
  /** MB5: fed back by the letter's feedback (or reply) deadline */
  fedBackOnTime: number;
}

export interface MailboxRegisterValue {
  bodyId: number;
  bodyName: string;
  year: number;
  rows: MailboxRegisterRowValue[];
  total: MailboxRegisterRowValue;
}

const ANSWERED = `'REPLIED', 'CLOSED', 'REVIEWING', 'REVIEWED', 'RE_REVIEWING', 'RE_REVIEWED'`;
const hasEvent = (statuses: string) => `exists (select 1 from letter_event e where e.letter_id = l.id and e.to_status in (${statuses}))`;
/** 办理: the member (or the group, or the office it reached) handled it (MB4). */
const HANDLED_SQL = `(l.handled_on is not null or l.status in ('HANDLED', 'CONCLUDED', ${ANSWERED}) or ${hasEvent(`'HANDLED'`)})`;
/**
 * 报送: sent on as a proposal, an opinion report or a research topic (MB6), or escalated to the county
 * or city office (MB4); a letter escalated before levels were recorded counts too.
 */
const REPORTED_SQL = `(l.converted_to is not null or l.status = 'CONVERTED' or ${hasEvent(`'CONVERTED'`)}
  or l.escalation_level in ('COUNTY_OFFICE', 'CITY_OFFICE') or (l.status = 'ESCALATED' and l.escalation_level is null)
  or exists (select 1 from proposal p where p.source_letter_id = l.id)
  or exists (select 1 from opinion_report r where r.source_letter_id = l.id))`;
/** 反馈: the writer was answered (MB5). */
const FED_BACK_SQL = `(l.replied_on is not null or l.status in (${ANSWERED}) or ${hasEvent(`'REPLIED'`)})`;

const num = (v: unknown) => Number(v ?? 0);

/** MB5 (000): every mailbox letter is fed back within 15 working days — the default policy's numbers. */
const MB5_FEEDBACK = DEFAULT_DEADLINE_POLICIES.JIAXING.find((p) => p.measure === 'FEEDBACK')!;

/** A letter's rules with its feedback limit: its own FEEDBACK policy, else MB5's 15 working days. */
export const withFeedbackRule = (rules: ChosenDeadlineRule[]): ChosenDeadlineRule[] =>
  rules.some((r) => r.measure === 'FEEDBACK')
    ? rules
    : [
        ...rules,
        { policyId: null, organizationId: null, measure: 'FEEDBACK', days: MB5_FEEDBACK.days, dayKind: MB5_FEEDBACK.dayKind, ruleRef: MB5_FEEDBACK.ruleRef, main: false },
      ];

/** MB5: fed back on time — the feedback deadline is done, on a recorded day, not after its due date. */
export function fedBackOnTime(deadlines: readonly LetterDeadlineValue[]): boolean {
  const d = deadlines.find((x) => x.measure === 'FEEDBACK');
  return !!d && d.done && d.doneOn !== null && !d.late;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', '年度须在 2000 到 2100 之间');
}

/**
 * MB7: per liaison group of the body, for the year: mailboxes (active), openings and the letters found
 * in them (MB3), and the mailbox letters registered (PV1), handled, reported, fed back and fed back on
 * time (MB5: by the letter's feedback deadline, counted with the working calendar). Only what
 * the caller reaches is counted (PR3); the body must be in reach too.
 */
export async function mailboxRegisterStatistics(ctx: Context, bodyId: unknown, year: number): Promise<MailboxRegisterValue> {
  checkYear(year);
  const body = await bodyResource.service.findOne(ctx, bodyId);
  const em: EntityManager = ctx.em;
  const groups = await em.find(LiaisonGroup, liaisonGroupResource.service.where(ctx, { bodyId: String(body.id) }), {
    fields: ['id', 'name'] as any,
    orderBy: [{ [raw((a: string) => `${a}.name collate "zh-x-icu"`)]: 'asc' }, { id: 'asc' }] as any,
  });
  const ids = groups.map((g) => g.id);
  const rows = new Map<number, MailboxRegisterRowValue>(
    groups.map((g) => [
      g.id,
      { liaisonGroupId: g.id, liaisonGroupName: g.name, mailboxCount: 0, openingCount: 0, lettersFound: 0, registered: 0, handled: 0, reported: 0, fedBack: 0, fedBackOnTime: 0 },
    ]),
  );
  if (ids.length) {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const letterScope = { $and: [letterResource.service.where(ctx), { channel: LetterChannel.MAILBOX, year }] };
    const [mailboxes, openings, letters, fedBack] = await Promise.all([
      em
        .createQueryBuilder(Mailbox, 'mb')
        .select([raw('mb.liaison_group_id as group_id'), raw('count(*) as mailboxes')])
        .where({ $and: [mailboxResource.service.where(ctx), { isActive: true, liaisonGroup: { $in: ids } }] } as any)
        .groupBy('mb.liaisonGroup')
        .execute<Array<{ group_id: number; mailboxes: string }>>('all', false),
      em
        .createQueryBuilder(MailboxOpening, 'op')
        .select([raw('mbx.liaison_group_id as group_id'), raw('count(distinct op.id) as openings'), raw('coalesce(sum(op.letter_count), 0) as found')])
        .join('op.mailbox', 'mbx')
        .where({ $and: [mailboxOpeningResource.service.where(ctx), { openedOn: { $gte: from, $lte: to } }] } as any)
        .andWhere({ 'mbx.liaisonGroup': { $in: ids } } as any)
        .groupBy('mbx.liaisonGroup')
        .execute<Array<{ group_id: number; openings: string; found: string }>>('all', false),
      em
        .createQueryBuilder(Letter, 'l')
        .select([
          raw('mbx.liaison_group_id as group_id'),
          raw('count(distinct l.id) as registered'),
          raw(`count(distinct l.id) filter (where ${HANDLED_SQL}) as handled`),
          raw(`count(distinct l.id) filter (where ${REPORTED_SQL}) as reported`),
          raw(`count(distinct l.id) filter (where ${FED_BACK_SQL}) as fed_back`),
        ])
        .join('l.mailbox', 'mbx')
        .where(letterScope as any)
        .andWhere({ 'mbx.liaisonGroup': { $in: ids } } as any)
        .groupBy('mbx.liaisonGroup')
        .execute<Array<{ group_id: number; registered: string; handled: string; reported: string; fed_back: string }>>('all', false),
      // MB5: the letters fed back, whose feedback deadline is checked below
      em
        .createQueryBuilder(Letter, 'l')
        .select([raw('l.id as id'), raw('mbx.liaison_group_id as group_id')])
        .join('l.mailbox', 'mbx')
        .where(letterScope as any)
        .andWhere({ 'mbx.liaisonGroup': { $in: ids } } as any)
        .andWhere(FED_BACK_SQL)
        .execute<Array<{ id: number; group_id: number }>>('all', false),
    ]);
    for (const r of mailboxes) rows.get(num(r.group_id))!.mailboxCount = num(r.mailboxes);
    for (const r of openings) Object.assign(rows.get(num(r.group_id))!, { openingCount: num(r.openings), lettersFound: num(r.found) });
    for (const r of letters) {
      Object.assign(rows.get(num(r.group_id))!, {
        registered: num(r.registered),
        handled: num(r.handled),
        reported: num(r.reported),
        fedBack: num(r.fed_back),
      });
    }
    if (fedBack.length) {
      const groupOf = new Map(fedBack.map((r) => [num(r.id), num(r.group_id)]));
      const scanned = await scanLetters(em, new DeadlineLoader(em), { id: { $in: [...groupOf.keys()] } }, todayInChina(), withFeedbackRule);
      for (const { letter, deadlines } of scanned) {
        if (fedBackOnTime(deadlines)) rows.get(groupOf.get(letter.id)!)!.fedBackOnTime += 1;
      }
    }
  }
  const list = ids.map((id) => rows.get(id)!);
  const total: MailboxRegisterRowValue = { liaisonGroupId: null, liaisonGroupName: '合计', mailboxCount: 0, openingCount: 0, lettersFound: 0, registered: 0, handled: 0, reported: 0, fedBack: 0, fedBackOnTime: 0 };
  for (const r of list) {
    for (const k of ['mailboxCount', 'openingCount', 'lettersFound', 'registered', 'handled', 'reported', 'fedBack', 'fedBackOnTime'] as const) total[k] += r[k];
  }
  return { bodyId: body.id, bodyName: body.name, year, rows: list, total };
}
