/**
 * Loading what letters' deadlines need (DL1–DL4), batched per request: the calendar and the policy
 * tree once, the events of many letters in one statement. A page of letters costs the same number of
 * SQL statements whatever its size.
 */
import { DeadlockException, raw } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Account } from '../../platform/account/account.entity.js';
import type { Context } from '../../common/context.js';
import type { CalendarEntry, WorkingCalendar } from '../../common/working-days.js';
import { DeadlinePolicy } from '../deadline-policy/deadline-policy.entity.js';
import { FastWorkingCalendar } from './letter.calendar.js';
import { Letter } from './letter.entity.js';
import { LetterStatus } from './letter.enums.js';
import { todayInChina } from '../../people/member/dates.js';
import { enqueueJob, registerJobHandler, type JobProgress } from '../../platform/job/job.service.js';
import { LetterEvent } from '../letter-event/letter-event.entity.js';
import {
  SETTLED_STATUSES,
  chooseDeadlineRules,
  letterDeadlines,
  openLetterSql,
  storedDeadlines,
  type StoredDeadlines,
  type ChosenDeadlineRule,
  type LetterDeadlineFacts,
  type LetterDeadlineValue,
  type PolicyRow,
} from './letter.deadlines.js';

/** The official calendar as entered (DL2): every CalendarDay row. */
export async function loadCalendar(em: EntityManager): Promise<WorkingCalendar> {
  const rows = await em.execute<CalendarEntry[]>(`select to_char(date, 'YYYY-MM-DD') as date, kind, name from calendar_day`);
  return new FastWorkingCalendar(rows);
}

interface PolicySqlRow {
  organization_id: number;
  parent_id: number | null;
  id: number | null;
  measure: PolicyRow['measure'] | null;
  channel: string | null;
  days: number | null;
  day_kind: PolicyRow['dayKind'] | null;
  rule_ref: string | null;
  is_default: boolean | null;
}

const toPolicy = (r: PolicySqlRow): PolicyRow => ({
  id: Number(r.id),
  organizationId: Number(r.organization_id),
  measure: r.measure!,
  channel: r.channel,
  days: Number(r.days),
  dayKind: r.day_kind!,
  ruleRef: r.rule_ref!,
  isDefault: !!r.is_default,
});

/** Every organization with its parent and its deadline policies (DL4), in one statement. */
export class PolicyTree {
  private constructor(
    private readonly parents: Map<number, number | null>,
    private readonly policies: Map<number, PolicyRow[]>,
  ) {}

  static async load(em: EntityManager): Promise<PolicyTree> {
    const rows = await em.execute<PolicySqlRow[]>(
      `select o.id as organization_id, o.parent_id, p.id, p.measure, p.channel, p.days, p.day_kind, p.rule_ref, p.is_default
         from organization o left join deadline_policy p on p.organization_id = o.id
        order by o.id, p.id`,
    );
    const parents = new Map<number, number | null>();
    const policies = new Map<number, PolicyRow[]>();
    for (const r of rows) {
      const org = Number(r.organization_id);
      parents.set(org, r.parent_id == null ? null : Number(r.parent_id));
      if (!policies.has(org)) policies.set(org, []);
      if (r.id != null) policies.get(org)!.push(toPolicy(r));
    }
    return new PolicyTree(parents, policies);
  }

  /** The organization, then its parent and so on up (the nearest first). */
  ancestry(organizationId: number): number[] {
    const out: number[] = [];
    for (let id: number | null | undefined = organizationId; id != null && !out.includes(id); id = this.parents.get(id)) out.push(id);
    return out;
  }

  /** The policies of the organization, then of each ancestor (DL4). */
  chain(organizationId: number): PolicyRow[][] {
    return this.ancestry(organizationId).map((id) => this.policies.get(id) ?? []);
  }

  /** The rules a letter of `channel` registered by `organizationId` gets now (DL4). */
  rulesFor(organizationId: number, channel: string): ChosenDeadlineRule[] {
    return chooseDeadlineRules(channel, this.chain(organizationId));
  }
}

/**
 * DL4, at registration (registerLetter): chooses the organization's time limits for the letter and
 * keeps them on it as they are today, with the main policy as `deadlinePolicy`; the registering
 * account is the letter's first owner (PV4), to whom deadline reminders go.
 */
export async function chooseLetterDeadlines(em: EntityManager, ctx: Context, letter: Letter): Promise<void> {
  const rows = await em.execute<Array<PolicySqlRow & { depth: number }>>(
    `with recursive chain (id, parent_id, depth) as (
       select id, parent_id, 0 from organization where id = ?
       union all
       select o.id, o.parent_id, c.depth + 1 from organization o join chain c on o.id = c.parent_id where c.depth < 64
     )
     select c.depth, p.organization_id, c.parent_id, p.id, p.measure, p.channel, p.days, p.day_kind, p.rule_ref, p.is_default
       from chain c join deadline_policy p on p.organization_id = c.id
      order by c.depth, p.id`,
    [letter.organization.id],
  );
  const chain: PolicyRow[][] = [];
  for (const r of rows) (chain[Number(r.depth)] ??= []).push(toPolicy(r));
  const rules = chooseDeadlineRules(letter.channel, [...chain].map((c) => c ?? []));
  const main = rules.find((r) => r.main);
  letter.deadlineRules = rules;
  letter.deadlinePolicy = main?.policyId ? em.getReference(DeadlinePolicy, main.policyId, { wrapped: true }) : null;
  const accountId = ctx.actor.accountId;
  if (accountId != null && !ctx.actor.internal) letter.ownerAccount = em.getReference(Account, accountId, { wrapped: true });
}

/** What a letter's deadlines and reminders are computed from: a Letter, or a row of a scan. */
export interface DeadlineSubject {
  id: number;
  serialNumber: string;
  title: string;
  status: string;
  channel: string;
  receivedOn: string;
  organizationId: number;
  deadlineRules: ChosenDeadlineRule[] | null;
  higherOfficeDueOn: string | null;
  higherOfficeName: string | null;
  reportedToHigherOfficeOn: string | null;
  deadlineExtendedDays: number | null;
  decidedOn: string | null;
  writerNotifiedOn: string | null;
  forwardedOn: string | null;
  handledOn: string | null;
  concludedOn: string | null;
  repliedOn: string | null;
  reviewRequestedOn: string | null;
  reviewAnsweredOn: string | null;
  reReviewRequestedOn: string | null;
  reReviewAnsweredOn: string | null;
  reopenCount: number;
  ownerAccountId: number | null;
  ownerName: string | null;
}

export function subjectOf(l: Letter): DeadlineSubject {
  return {
    id: l.id,
    serialNumber: l.serialNumber,
    title: l.title,
    status: l.status,
    channel: l.channel,
    receivedOn: l.receivedOn,
    organizationId: l.organization.id,
    deadlineRules: l.deadlineRules ?? null,
    higherOfficeDueOn: l.higherOfficeDueOn ?? null,
    higherOfficeName: l.higherOfficeName ?? null,
    reportedToHigherOfficeOn: l.reportedToHigherOfficeOn ?? null,
    deadlineExtendedDays: l.deadlineExtendedDays ?? null,
    decidedOn: l.decidedOn ?? null,
    writerNotifiedOn: l.writerNotifiedOn ?? null,
    forwardedOn: l.forwardedOn ?? null,
    handledOn: l.handledOn ?? null,
    concludedOn: l.concludedOn ?? null,
    repliedOn: l.repliedOn ?? null,
    reviewRequestedOn: l.reviewRequestedOn ?? null,
    reviewAnsweredOn: l.reviewAnsweredOn ?? null,
    reReviewRequestedOn: l.reReviewRequestedOn ?? null,
    reReviewAnsweredOn: l.reReviewAnsweredOn ?? null,
    reopenCount: l.reopenCount ?? 0,
    ownerAccountId: l.ownerAccount?.id ?? null,
    ownerName: l.ownerName ?? null,
  };
}

const day = (column: string) => `to_char(l.${column}, 'YYYY-MM-DD')`;
/** The scan's columns, as DeadlineSubject (dates as YYYY-MM-DD text). */
const SUBJECT_COLUMNS = [
  'l.id as "id"',
  'l.serial_number as "serialNumber"',
  'l.title as "title"',
  'l.status as "status"',
  'l.channel as "channel"',
  `${day('received_on')} as "receivedOn"`,
  'l.organization_id as "organizationId"',
  'l.deadline_rules as "deadlineRules"',
  `${day('higher_office_due_on')} as "higherOfficeDueOn"`,
  'l.higher_office_name as "higherOfficeName"',
  `${day('reported_to_higher_office_on')} as "reportedToHigherOfficeOn"`,
  'l.deadline_extended_days as "deadlineExtendedDays"',
  `${day('decided_on')} as "decidedOn"`,
  `${day('writer_notified_on')} as "writerNotifiedOn"`,
  `${day('forwarded_on')} as "forwardedOn"`,
  `${day('handled_on')} as "handledOn"`,
  `${day('concluded_on')} as "concludedOn"`,
  `${day('replied_on')} as "repliedOn"`,
  `${day('review_requested_on')} as "reviewRequestedOn"`,
  `${day('review_answered_on')} as "reviewAnsweredOn"`,
  `${day('re_review_requested_on')} as "reReviewRequestedOn"`,
  `${day('re_review_answered_on')} as "reReviewAnsweredOn"`,
  'l.reopen_count as "reopenCount"',
  'l.owner_account_id as "ownerAccountId"',
  'l.owner_name as "ownerName"',
];

export interface EventDates {
  decidedOn: string | null;
  reopenedOn: string | null;
}
const NO_EVENTS: EventDates = { decidedOn: null, reopenedOn: null };

/** Whether a letter's deadlines need dates only its events hold (letters from before the workflow kept them). */
function needsEvents(l: DeadlineSubject): boolean {
  return (l.status === LetterStatus.DECIDED && !l.decidedOn) || l.status === LetterStatus.REOPENED || l.reopenCount > 0;
}

function factsOf(l: DeadlineSubject, events: EventDates): LetterDeadlineFacts {
  return {
    status: l.status,
    receivedOn: l.receivedOn,
    rules: l.deadlineRules,
    higherOfficeDueOn: l.higherOfficeDueOn,
    higherOfficeName: l.higherOfficeName,
    reportedToHigherOfficeOn: l.reportedToHigherOfficeOn,
    deadlineExtendedDays: l.deadlineExtendedDays,
    decidedOn: l.decidedOn ?? events.decidedOn,
    reopenedOn: events.reopenedOn,
    writerNotifiedOn: l.writerNotifiedOn,
    forwardedOn: l.forwardedOn,
    handledOn: l.handledOn,
    concludedOn: l.concludedOn,
    repliedOn: l.repliedOn,
    reviewRequestedOn: l.reviewRequestedOn,
    reviewAnsweredOn: l.reviewAnsweredOn,
    reReviewRequestedOn: l.reReviewRequestedOn,
    reReviewAnsweredOn: l.reReviewAnsweredOn,
  };
}

/**
 * Per request (or per reminder run): the calendar and the policy tree loaded once, the events of the
 * letters asked for in the same tick loaded in one statement.
 */
export class DeadlineLoader {
  private calendarP?: Promise<WorkingCalendar>;
  private treeP?: Promise<PolicyTree>;
  private readonly events = new Map<number, Promise<EventDates>>();
  private batch: { ids: number[]; result: Promise<Map<number, EventDates>> } | null = null;

  constructor(private readonly em: EntityManager) {}

  calendar(): Promise<WorkingCalendar> {
    return (this.calendarP ??= loadCalendar(this.em));
  }

  tree(): Promise<PolicyTree> {
    return (this.treeP ??= PolicyTree.load(this.em));
  }

  /** The letter's decision and reopening days from its events, batched with the other letters of the tick. */
  eventDates(letterId: number): Promise<EventDates> {
    let found = this.events.get(letterId);
    if (found) return found;
    if (!this.batch) {
      const batch: { ids: number[]; result: Promise<Map<number, EventDates>> } = {
        ids: [],
        result: new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          if (this.batch === batch) this.batch = null;
          return this.fetchEvents(batch.ids);
        }),
      };
      this.batch = batch;
    }
    this.batch.ids.push(letterId);
    found = this.batch.result.then((m) => m.get(letterId) ?? NO_EVENTS);
    this.events.set(letterId, found);
    return found;
  }

  /** Loads the event days of many letters at once (one statement) and keeps them. */
  async primeEvents(letterIds: number[]): Promise<void> {
    const ids = letterIds.filter((id) => !this.events.has(id));
    if (!ids.length) return;
    const result = this.fetchEvents(ids);
    for (const id of ids) this.events.set(id, result.then((m) => m.get(id) ?? NO_EVENTS));
    await result;
  }

  private async fetchEvents(ids: number[]): Promise<Map<number, EventDates>> {
    const map = new Map<number, EventDates>();
    if (!ids.length) return map;
    const rows = await this.em.execute<Array<{ letter_id: number; to_status: string; day: string }>>(
      `select letter_id, to_status, to_char(max(occurred_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day
         from letter_event
        where letter_id = any(?::int[]) and to_status in ('DECIDED', 'REOPENED')
        group by letter_id, to_status`,
      [`{${ids.join(',')}}`],
    );
    for (const r of rows) {
      const id = Number(r.letter_id);
      const dates = map.get(id) ?? { ...NO_EVENTS };
      if (r.to_status === 'DECIDED') dates.decidedOn = r.day;
      else dates.reopenedOn = r.day;
      map.set(id, dates);
    }
    return map;
  }

  /**
   * The deadlines of one letter on `asOf` (the letter's own rules, or for an older letter the rules it
   * would get now); `adjust` may add a rule the caller counts by (e.g. MB5 for the mailbox register).
   */
  async deadlinesOf(
    letter: Letter | DeadlineSubject,
    asOf: string,
    adjust?: RulesAdjustment,
    /** event days not flushed yet (the step's own event), later than the stored ones */
    pending?: Partial<EventDates>,
  ): Promise<LetterDeadlineValue[]> {
    const subject = letter instanceof Letter ? subjectOf(letter) : letter;
    const stored = needsEvents(subject) && subject.id != null ? this.eventDates(subject.id) : Promise.resolve(NO_EVENTS);
    const eventsP = pending ? stored.then((e) => ({ decidedOn: pending.decidedOn ?? e.decidedOn, reopenedOn: pending.reopenedOn ?? e.reopenedOn })) : stored;
    const treeP = subject.deadlineRules ? Promise.resolve(null) : this.tree();
    const [calendar, tree, events] = await Promise.all([this.calendar(), treeP, eventsP]);
    const rules = subject.deadlineRules ?? tree!.rulesFor(subject.organizationId, subject.channel);
    return letterDeadlines(factsOf(subject, events), adjust ? adjust(rules) : rules, calendar, asOf);
  }
}

/** Rules a caller adds to or changes in a letter's chosen ones before counting. */
export type RulesAdjustment = (rules: ChosenDeadlineRule[]) => ChosenDeadlineRule[];

const loaders = new WeakMap<object, DeadlineLoader>();

/** The request's loader (one per GraphQL request: its context object). */
export function deadlineLoader(ctx: Context): DeadlineLoader {
  const key = ctx.req ?? ctx;
  let loader = loaders.get(key);
  if (!loader) {
    loader = new DeadlineLoader(ctx.em);
    loaders.set(key, loader);
  }
  return loader;
}

export interface ScannedLetter {
  letter: DeadlineSubject;
  deadlines: LetterDeadlineValue[];
}

/** PV2: a settled letter still owes the higher office that referred it a report. */
export const AWAITING_HIGHER_OFFICE_REPORT: FilterQuery<Letter> = {
  higherOfficeDueOn: { $ne: null },
  reportedToHigherOfficeOn: null,
  status: { $nin: [LetterStatus.DECLINED, LetterStatus.VOIDED, LetterStatus.MERGED] },
};

/**
 * The letters `where` selects that still have an open step, with their deadlines on `asOf`: one
 * statement for the letters (their deadline columns only), one for the events some need, and the
 * calendar and policies once. Letters whose every step is done are skipped in SQL,
 * unless they still owe the higher office that referred them a report (PV2).
 */
export async function scanOpenLetters(
  em: EntityManager,
  loader: DeadlineLoader,
  where: FilterQuery<Letter>,
  asOf: string,
): Promise<ScannedLetter[]> {
  return scanLetters(em, loader, { $and: [where, { $or: [{ status: { $nin: [...SETTLED_STATUSES] } }, AWAITING_HIGHER_OFFICE_REPORT] }] } as FilterQuery<Letter>, asOf);
}

/** The letters `where` selects, settled or not, with their deadlines on `asOf` (the same few statements). */
export async function scanLetters(
  em: EntityManager,
  loader: DeadlineLoader,
  where: FilterQuery<Letter>,
  asOf: string,
  adjust?: RulesAdjustment,
): Promise<ScannedLetter[]> {
  const rows = await em
    .createQueryBuilder(Letter, 'l')
    .select(SUBJECT_COLUMNS.map((c) => raw(c)))
    .where(where as any)
    .execute<DeadlineSubject[]>('all', false);
  const letters = rows.map((r) => ({
    ...r,
    id: Number(r.id),
    organizationId: Number(r.organizationId),
    ownerAccountId: r.ownerAccountId == null ? null : Number(r.ownerAccountId),
    reopenCount: Number(r.reopenCount ?? 0),
  }));
  await loader.primeEvents(letters.filter(needsEvents).map((l) => l.id));
  const out: ScannedLetter[] = [];
  for (const letter of letters) out.push({ letter, deadlines: await loader.deadlinesOf(letter, asOf, adjust) });
  return out;
}

// ── stored deadlines (issue 9, part 4) ──

/**
 * A letter with an open step (or a report owed to a higher office, PV2), by its status: the lists
 * read the stored deadlines of these letters only, so a letter settled by any path is never listed.
 */
export const OPEN_LETTER: FilterQuery<Letter> = { $or: [{ status: { $nin: [...SETTLED_STATUSES] } }, AWAITING_HIGHER_OFFICE_REPORT] } as FilterQuery<Letter>;
/** OPEN_LETTER as SQL on the alias `l`. */
export const OPEN_LETTER_SQL = openLetterSql('l');

/** The event days of the steps persisted in this unit of work and not flushed yet (the step's own event). */
function pendingEventDays(em: EntityManager): Map<Letter, Partial<EventDates>> {
  const out = new Map<Letter, Partial<EventDates>>();
  for (const e of em.getUnitOfWork().getPersistStack()) {
    if (!(e instanceof LetterEvent) || (e.toStatus !== LetterStatus.DECIDED && e.toStatus !== LetterStatus.REOPENED)) continue;
    const letter = (e.letter as any)?.unwrap?.() ?? e.letter;
    if (!(letter instanceof Letter)) continue;
    const dates = out.get(letter) ?? {};
    const day = todayInChina(e.occurredAt);
    if (e.toStatus === LetterStatus.DECIDED) dates.decidedOn = day;
    else dates.reopenedOn = day;
    out.set(letter, dates);
  }
  return out;
}

/** JSON with sorted keys (jsonb gives keys back in its own order). */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

function assignStored(letter: Letter, stored: StoredDeadlines): void {
  // unchanged deadlines leave the letter clean: a step that moves no date bumps no version (the lazy
  // openDueDates follow openDeadlines, so comparing those is enough)
  const open = stored.openDeadlines.length ? stored.openDeadlines : null;
  if (
    letter.nextDueOn === stored.nextDueOn &&
    letter.nextDueMeasure === stored.nextDueMeasure &&
    letter.nextDueRuleRef === stored.nextDueRuleRef &&
    canonical(letter.openDeadlines ?? null) === canonical(open)
  ) {
    return;
  }
  letter.nextDueOn = stored.nextDueOn;
  letter.nextDueMeasure = stored.nextDueMeasure as Letter["nextDueMeasure"];
  letter.nextDueRuleRef = stored.nextDueRuleRef;
  letter.openDeadlines = stored.openDeadlines.length ? stored.openDeadlines : null;
  letter.openDueDates = stored.openDueDates.length ? stored.openDueDates : null;
}

/**
 * Keeps each letter's current deadlines on it (nextDueOn, its measure and rule, every unfinished
 * deadline), computed by letterDeadlines exactly as the `deadlines` field does. Call it in the
 * transaction of any change to a letter's deadline inputs, right before the flush that writes the
 * change: it sets the columns on the entities, so the same UPDATE writes them. The step's own event
 * (a decision, a reopening) is read from the unit of work, as it is not flushed yet. The statements
 * do not grow with the number of letters: the calendar, the policy tree (letters without kept
 * rules only) and the events of the letters that need them, once each.
 */
export async function storeLetterDeadlines(em: EntityManager, letters: Letter[], loader: DeadlineLoader = new DeadlineLoader(em)): Promise<void> {
  const pending = pendingEventDays(em);
  const subjects = letters.map((l) => [l, subjectOf(l)] as const);
  await loader.primeEvents(subjects.filter(([, s]) => s.id != null && needsEvents(s)).map(([, s]) => s.id));
  for (const [letter, subject] of subjects) {
    // the due dates do not depend on the day they are counted on: any day will do
    const deadlines = await loader.deadlinesOf(subject, subject.receivedOn, undefined, pending.get(letter));
    assignStored(letter, storedDeadlines(deadlines));
  }
}

/**
 * Recomputes the stored deadlines of the letters with these ids (background: calendar and policy
 * edits), in one UPDATE that leaves their version alone (derived data, no concurrent-edit conflict).
 */
export async function recomputeLetterDeadlines(em: EntityManager, ids: number[], loader: DeadlineLoader = new DeadlineLoader(em)): Promise<number> {
  if (!ids.length) return 0;
  // a step on one of these letters holds its row until it commits (with its own stored deadlines): wait
  // for it, then read the letters as committed, so a step's newer state is never overwritten
  await em.execute(`select id from letter where id = any(?::int[]) order by id for update`, [`{${ids.join(',')}}`]);
  const scanned = await scanLetters(em, loader, { id: { $in: ids } } as FilterQuery<Letter>, todayInChina());
  const rows = scanned.map(({ letter, deadlines }) => {
    const s = storedDeadlines(deadlines);
    return {
      id: letter.id,
      next_due_on: s.nextDueOn,
      next_due_measure: s.nextDueMeasure,
      next_due_rule_ref: s.nextDueRuleRef,
      open_deadlines: s.openDeadlines.length ? s.openDeadlines : null,
      open_due_dates: s.openDueDates.length ? `{${s.openDueDates.join(',')}}` : null,
    };
  });
  await em.execute(
    `update letter l
        set next_due_on = v.next_due_on, next_due_measure = v.next_due_measure, next_due_rule_ref = v.next_due_rule_ref,
            open_deadlines = v.open_deadlines, open_due_dates = v.open_due_dates::date[]
       from jsonb_to_recordset(?::jsonb) as v(id int, next_due_on date, next_due_measure text, next_due_rule_ref text, open_deadlines jsonb, open_due_dates text)
      where l.id = v.id`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}

export const RECOMPUTE_JOB = 'letter-deadlines.recompute';
const RECOMPUTE_BATCH = 1000;

/** What a recompute job covers. */
export type RecomputeScope =
  | { all: true }
  /** a CalendarDay created, changed or deleted on these dates (old and new) */
  | { dates: string[] }
  /** a DeadlinePolicy of this organization created, changed or deleted */
  | { organizationId: number };

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Which open letters a change can move (the job recomputes those only):
 * - a calendar edit on day D: a due date counts the days after its start up to the due date (DL2, DL3),
 *   so only deadlines with start < D <= due date move, and (DL2) the provisional mark of deadlines that
 *   reach D's year. Starts are on or after the day received, so: open letters received on or before D
 *   with an unfinished deadline due on or after 1 January of D's year. A letter with no unfinished
 *   deadline has nothing to move.
 * - a policy edit: DL4 says a letter keeps the rules chosen at registration, so kept rules never move;
 *   letters registered before rules were kept (deadline_rules null) count by the rules their
 *   organization would get now, i.e. by the policies up their tree. Rather than tell those apart, the
 *   job recomputes every open letter of the policy's organization and its subtree (cheap, and safe).
 * - all: every open letter (the migration that added the columns).
 */
async function affectedLetterIds(em: EntityManager, scope: RecomputeScope): Promise<number[]> {
  let sql: string;
  let params: unknown[] = [];
  if ('all' in scope) {
    sql = `select l.id from letter l where ${OPEN_LETTER_SQL} order by l.id`;
  } else if ('dates' in scope) {
    const dates = scope.dates.filter((d) => DATE_RE.test(d)).sort();
    if (!dates.length) return [];
    const first = dates[0];
    const last = dates[dates.length - 1];
    sql = `select l.id from letter l
            where ${OPEN_LETTER_SQL} and l.received_on <= ?::date
              and exists (select 1 from unnest(l.open_due_dates) d where d >= make_date(?, 1, 1))
            order by l.id`;
    const year = Number(first.slice(0, 4));
    params = [last, year];
  } else {
    sql = `with recursive tree (id) as (
             select id from organization where id = ?
             union
             select o.id from organization o join tree t on o.parent_id = t.id
           )
           select l.id from letter l where ${OPEN_LETTER_SQL} and l.organization_id in (select id from tree) order by l.id`;
    params = [scope.organizationId];
  }
  const rows = await em.execute<Array<{ id: number }>>(sql, params);
  return rows.map((r) => Number(r.id));
}

/** The recompute job: the affected open letters in batches of RECOMPUTE_BATCH, with progress. */
export async function runRecompute(em: EntityManager, scope: RecomputeScope, progress?: JobProgress): Promise<number> {
  const ids = await affectedLetterIds(em, scope);
  await progress?.total(ids.length);
  const loader = new DeadlineLoader(em); // the calendar and the policy tree once for the whole job
  for (let i = 0; i < ids.length; i += RECOMPUTE_BATCH) {
    const batch = ids.slice(i, i + RECOMPUTE_BATCH);
    for (let attempt = 1; ; attempt++) {
      try {
        await em.transactional((tx) => recomputeLetterDeadlines(tx, batch, loader));
        break;
      } catch (e) {
        // a merge locks its letters main first: it may deadlock with the batch's id order; PostgreSQL
        // aborts one of the two, and the batch runs again
        if (!(e instanceof DeadlockException) || attempt >= 3) throw e;
      }
    }
    await progress?.advance(batch.length);
  }
  return ids.length;
}

registerJobHandler(RECOMPUTE_JOB, (em, payload, progress) => runRecompute(em, payload as RecomputeScope, progress).then(() => undefined));

/** Enqueues, in the caller's transaction, the recompute a calendar edit on these dates needs. */
export function enqueueCalendarRecompute(em: EntityManager, dates: Array<string | null | undefined>): Promise<number> {
  return enqueueJob(em, RECOMPUTE_JOB, { dates: [...new Set(dates.filter((d): d is string => !!d))] });
}

/** Enqueues, in the caller's transaction, the recompute a policy edit of this organization needs. */
export function enqueuePolicyRecompute(em: EntityManager, organizationIds: Array<number | null | undefined>): Promise<void> {
  const ids = [...new Set(organizationIds.filter((id): id is number => id != null))];
  return ids.reduce((p, organizationId) => p.then(() => enqueueJob(em, RECOMPUTE_JOB, { organizationId }).then(() => undefined)), Promise.resolve());
}
