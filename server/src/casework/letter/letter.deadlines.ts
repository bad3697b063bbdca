/**
 * A letter's deadlines (DL1–DL4, PV2, PV3, MB5), pure: which of an organization's time limits a letter
 * gets when it is registered, and what each of them means on a given day. The caller loads the rows
 * (letter.deadlines.service.ts); the counting itself is the engine of common/deadline.ts.
 */
import {
  DEFAULT_DEADLINE_POLICIES,
  computeDeadline,
  daysLeft,
  extendDeadline,
  higherOfficeDeadline,
  isOverdue,
  overridingDeadline,
  type Deadline,
  type DeadlineDayKind,
  type DeadlineMeasureName,
} from '../../common/deadline.js';
import type { WorkingCalendar } from '../../common/working-days.js';
import { LetterStatus } from './letter.enums.js';

/** The measures a letter's handling is timed by, in the order of the handling chain (PV2). */
export const LETTER_MEASURES = ['ACCEPTANCE_DECISION', 'FORWARD', 'HANDLE', 'REPLY', 'FEEDBACK'] as const;
export type LetterMeasure = (typeof LETTER_MEASURES)[number];

/** The measures that finish a letter: one of them is its main deadline, the one a higher office overrides. */
const COMPLETION_MEASURES: readonly DeadlineMeasureName[] = ['FEEDBACK', 'HANDLE', 'REPLY'];

/**
 * What a letter's deadline entry is about: a policy's measure, or (PV2) reporting back to the higher
 * office that referred the letter, due on the day it set.
 */
export type LetterDeadlineMeasureName = DeadlineMeasureName | 'HIGHER_OFFICE_REPORT';

/** Chinese names of the measures (notifications, the register). */
export const MEASURE_LABELS: Record<LetterDeadlineMeasureName, string> = {
  ACCEPTANCE_DECISION: '决定是否受理并告知',
  FORWARD: '批示后转办',
  HANDLE: '办理',
  REPLY: '答复来信人',
  FEEDBACK: '信箱来信反馈',
  EXTENSION: '延期',
  REVIEW_REQUEST: '申请复查/复核',
  REVIEW_ANSWER: '复查/复核答复',
  HIGHER_OFFICE_REPORT: '向上级机关报告办理结果',
};

/** One DeadlinePolicy row (or a national default, with no id). */
export interface PolicyRow {
  id: number | null;
  organizationId: number | null;
  measure: DeadlineMeasureName;
  /** null: any channel */
  channel: string | null;
  days: number;
  dayKind: DeadlineDayKind;
  ruleRef: string;
  isDefault: boolean;
}

/** A time limit as chosen for a letter at registration (DL4), kept on the letter as it was then. */
export interface ChosenDeadlineRule {
  policyId: number | null;
  /** the organization whose policy it is; null for the national regulation's default */
  organizationId: number | null;
  measure: DeadlineMeasureName;
  days: number;
  dayKind: DeadlineDayKind;
  ruleRef: string;
  /** the letter's main deadline: the one extended once (PV3) and overridden by a higher office */
  main: boolean;
}

const ORDER: readonly DeadlineMeasureName[] = [...LETTER_MEASURES, 'EXTENSION'];
const byMeasureOrder = (a: { measure: DeadlineMeasureName }, b: { measure: DeadlineMeasureName }) =>
  ORDER.indexOf(a.measure) - ORDER.indexOf(b.measure);

/** The national regulation (LAW) as policy rows: what a letter gets when no organization up the tree set any. */
export const NATIONAL_POLICY_ROWS: readonly PolicyRow[] = DEFAULT_DEADLINE_POLICIES.NATIONAL.map((p) => ({
  id: null,
  organizationId: null,
  measure: p.measure,
  channel: p.channel,
  days: p.days,
  dayKind: p.dayKind,
  ruleRef: p.ruleRef,
  isDefault: p.isDefault,
}));

/**
 * DL4: the time limits a letter gets when it is registered. The letter's organization's own policies
 * for its channel, else the nearest ancestor organization's (a liaison office follows its office),
 * else the national regulation. Per measure a policy for the letter's channel wins over one for any
 * channel; the review measures belong to review requests, not to the letter.
 *
 * @param chain the policies of the letter's organization, then of its parent, and so on up the tree
 */
export function chooseDeadlineRules(channel: string, chain: ReadonlyArray<ReadonlyArray<PolicyRow>>): ChosenDeadlineRule[] {
  const fits = (p: PolicyRow) => (p.channel === null || p.channel === channel) && ORDER.includes(p.measure);
  const source: ReadonlyArray<PolicyRow> =
    chain.find((policies) => policies.some((p) => fits(p) && p.measure !== 'EXTENSION')) ?? NATIONAL_POLICY_ROWS;
  const picked = new Map<DeadlineMeasureName, PolicyRow>();
  for (const p of source.filter(fits)) {
    const seen = picked.get(p.measure);
    if (!seen || (seen.channel === null && p.channel !== null)) picked.set(p.measure, p);
  }
  const rows = [...picked.values()];
  // the main deadline: a completion measure, the policy marked default first, then FEEDBACK, HANDLE, REPLY
  const completion = rows
    .filter((p) => COMPLETION_MEASURES.includes(p.measure))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || COMPLETION_MEASURES.indexOf(a.measure) - COMPLETION_MEASURES.indexOf(b.measure));
  const main = completion[0];
  return rows
    .map((p) => ({
      policyId: p.id,
      organizationId: p.organizationId,
      measure: p.measure,
      days: p.days,
      dayKind: p.dayKind,
      ruleRef: p.ruleRef,
      main: p === main,
    }))
    .sort(byMeasureOrder);
}

/** What the deadlines of a letter depend on. */
export interface LetterDeadlineFacts {
  status: string;
  receivedOn: string;
  /** the rules chosen at registration; null for a letter registered before they were kept */
  rules: ChosenDeadlineRule[] | null;
  /** PV3: the due date a higher office set, and the office */
  higherOfficeDueOn?: string | null;
  higherOfficeName?: string | null;
  /** PV2: the day the result was reported back to the higher office (reportToHigherOffice) */
  reportedToHigherOfficeOn?: string | null;
  /** PV3: the one extension granted (extendDeadline), in the unit of the extension policy */
  deadlineExtendedDays?: number | null;
  /** the day the leader decided (批示): the FORWARD limit counts from it (PV2) */
  decidedOn?: string | null;
  /** the day the letter was last reopened for re-handling (SV2): handling, reply and feedback count again from it */
  reopenedOn?: string | null;
  /** PV3: the days 复查 and 复核 were asked for, and answered (LAW 第35、36条: answered within 30 days) */
  reviewRequestedOn?: string | null;
  reviewAnsweredOn?: string | null;
  reReviewRequestedOn?: string | null;
  reReviewAnsweredOn?: string | null;
  /** the days the steps were done, as the workflow records them */
  writerNotifiedOn?: string | null;
  forwardedOn?: string | null;
  handledOn?: string | null;
  concludedOn?: string | null;
  repliedOn?: string | null;
}

/** One deadline of a letter on a given day. */
export interface LetterDeadlineValue {
  measure: LetterDeadlineMeasureName;
  /** the day the count starts (not itself counted) */
  startOn: string;
  dueOn: string;
  /** DL1 */
  ruleRef: string;
  /** working days left (0 on the due date, negative once overdue); null once the step is done */
  daysLeft: number | null;
  overdue: boolean;
  /** DL2 */
  provisional: boolean;
  /** the step is done (by the letter's status) */
  done: boolean;
  /** the day it was done, where recorded */
  doneOn: string | null;
  /** done after the due date */
  late: boolean;
  main: boolean;
  /** PV3: extended once */
  extended: boolean;
  /** DL3: the nominal end on a day off that was moved to dueOn */
  rolledFrom: string | null;
  /** PV3: the local due date a higher office's deadline replaced */
  localDueOn: string | null;
}

const S = LetterStatus;
/** After the reply: the review steps (PV3) run on their own limits, the letter's are done. */
const ANSWERED = [S.REPLIED, S.REVIEWING, S.REVIEWED, S.RE_REVIEWING, S.RE_REVIEWED, S.CLOSED];
/**
 * Statuses in which a step is done (letter.workflow.ts: the office, mailbox and reception flows). A
 * status not listed leaves the step open. REOPENED (SV2) opens handling, reply and feedback again.
 */
const DONE_IN: Record<Exclude<LetterMeasure, 'ACCEPTANCE_DECISION'>, ReadonlySet<string>> = {
  FORWARD: new Set([S.FORWARDED, S.INVESTIGATED, S.HANDLED, S.CONCLUDED, S.CONVERTED, S.ASSIGNED, S.ESCALATED, S.REOPENED, S.DECLINED, ...ANSWERED]),
  HANDLE: new Set([S.HANDLED, S.CONCLUDED, S.CONVERTED, S.DECLINED, ...ANSWERED]),
  REPLY: new Set([S.DECLINED, ...ANSWERED]),
  FEEDBACK: new Set([S.DECLINED, ...ANSWERED]),
};
/** A voided or merged letter has no deadlines left. */
const WITHOUT_DEADLINES: ReadonlySet<string> = new Set([S.VOIDED, S.MERGED]);

export function isStepDone(measure: LetterMeasure, status: string): boolean {
  if (WITHOUT_DEADLINES.has(status)) return true;
  if (measure === 'ACCEPTANCE_DECISION') return status !== S.REGISTERED;
  return DONE_IN[measure].has(status);
}

/** The day a done step was done, from the letter's dates (null when not recorded, e.g. older letters). */
function doneOnOf(measure: LetterMeasure, f: LetterDeadlineFacts): string | null {
  switch (measure) {
    case 'ACCEPTANCE_DECISION':
      return f.writerNotifiedOn ?? null;
    case 'FORWARD':
      return f.forwardedOn ?? null;
    case 'HANDLE':
      return f.handledOn ?? f.concludedOn ?? null;
    default:
      return f.repliedOn ?? null;
  }
}

/** PV3: the statuses in which a 复查 or 复核 waits for its answer (REVIEW_ANSWER is open). */
export const AWAITING_REVIEW_ANSWER: ReadonlySet<string> = new Set([S.REVIEWING, S.RE_REVIEWING]);

/**
 * Statuses in which every step is done: such letters are never overdue nor due (a query may skip them).
 * A letter under 复查/复核 waits for the answer (PV3), so it is not settled.
 */
export const SETTLED_STATUSES: readonly LetterStatus[] = Object.values(LetterStatus).filter(
  (s) => LETTER_MEASURES.every((m) => isStepDone(m, s)) && !AWAITING_REVIEW_ANSWER.has(s),
);

/**
 * A letter with an open step (or a report owed to a higher office, PV2), judged by its status alone, as
 * SQL on `alias` (empty: no alias, for index predicates). The lists over the stored deadlines add it,
 * so a letter settled by any path is never listed; the partial indexes carry the same predicate.
 */
export function openLetterSql(alias = 'l'): string {
  const c = (column: string) => (alias ? `${alias}.${column}` : `"${column}"`);
  const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
  return `(${c('status')} not in (${list(SETTLED_STATUSES)}) or (${c('higher_office_due_on')} is not null and ${c('reported_to_higher_office_on')} is null and ${c('status')} not in ('DECLINED', 'VOIDED', 'MERGED')))`;
}

/** PV3 (LAW 第35、36条): 复查 and 复核 are answered within 30 days of the request, calendar days rolled off a day off (DL3). */
export const REVIEW_ANSWER_RULE = DEFAULT_DEADLINE_POLICIES.NATIONAL.find((p) => p.measure === 'REVIEW_ANSWER')!;

/**
 * The deadlines of a letter on `today` (DL1–DL3, PV3). Each limit counts from the day its step starts:
 * registration (the day received), the leader's decision for FORWARD (PV2), the reopening for the
 * steps that start again (SV2). The main deadline is extended once when an extension was granted
 * (PV3, with the EXTENSION policy's unit and rule) and replaced by a higher office's due date (PV3).
 */
export function letterDeadlines(
  facts: LetterDeadlineFacts,
  rules: ReadonlyArray<ChosenDeadlineRule>,
  calendar: WorkingCalendar,
  today: string,
): LetterDeadlineValue[] {
  const { status } = facts;
  if (WITHOUT_DEADLINES.has(status)) return [];
  const extension = rules.find((r) => r.measure === 'EXTENSION');
  const out: LetterDeadlineValue[] = [];
  const higher = facts.higherOfficeDueOn
    ? higherOfficeDeadline({ dueOn: facts.higherOfficeDueOn, office: facts.higherOfficeName?.trim() || '上级机关' }, calendar)
    : null;

  const push = (measure: LetterMeasure, startOn: string, deadline: Deadline, main: boolean) => {
    const done = isStepDone(measure, status);
    const doneOn = done ? doneOnOf(measure, facts) : null;
    out.push({
      measure,
      startOn,
      dueOn: deadline.dueOn,
      ruleRef: deadline.ruleRef,
      daysLeft: done ? null : daysLeft(deadline.dueOn, today, calendar),
      overdue: !done && isOverdue(deadline.dueOn, today),
      provisional: deadline.provisional,
      done,
      doneOn,
      late: doneOn !== null && isOverdue(deadline.dueOn, doneOn),
      main,
      extended: deadline.extended ?? deadline.overrides?.extended ?? false,
      rolledFrom: deadline.rolledFrom,
      localDueOn: deadline.overrides?.dueOn ?? null,
    });
  };

  for (const rule of rules) {
    if (!(LETTER_MEASURES as readonly string[]).includes(rule.measure)) continue;
    const measure = rule.measure as LetterMeasure;
    // a declined letter only had to be decided on (LAW 第23条)
    if (status === S.DECLINED && measure !== 'ACCEPTANCE_DECISION') continue;
    let start = facts.receivedOn;
    if (measure === 'FORWARD') {
      if (!facts.decidedOn) continue; // not decided yet: the 2 days have not started (PV2)
      start = facts.decidedOn;
    } else if (measure !== 'ACCEPTANCE_DECISION' && facts.reopenedOn) {
      start = facts.reopenedOn;
    }
    let deadline = computeDeadline({ start, days: rule.days, dayKind: rule.dayKind, ruleRef: rule.ruleRef }, calendar);
    if (rule.main) {
      const extra = facts.deadlineExtendedDays;
      if (extra && extra > 0) {
        // in the EXTENSION policy's unit; without one, the national regulation's calendar days (LAW 第34条)
        deadline = extendDeadline(
          deadline,
          {
            days: extra,
            dayKind: extension?.dayKind ?? 'CALENDAR_DAYS',
            ruleRef: extension ? `${extension.ruleRef}（延长${extra}日）` : `PV3：经批准延长${extra}日（信访工作条例第三十四条）`,
          },
          calendar,
        );
      }
      deadline = overridingDeadline(deadline, higher);
    }
    push(measure, start, deadline, rule.main);
  }
  // PV3: 复查 and 复核 are each answered within 30 days of the request (LAW 第35、36条)
  const reviews: Array<[string | null | undefined, string | null | undefined, string]> = [
    [facts.reviewRequestedOn, facts.reviewAnsweredOn, S.REVIEWING],
    [facts.reReviewRequestedOn, facts.reReviewAnsweredOn, S.RE_REVIEWING],
  ];
  for (const [requestedOn, answeredOn, waiting] of reviews) {
    if (!requestedOn) continue;
    const deadline = computeDeadline({ start: requestedOn, days: REVIEW_ANSWER_RULE.days, dayKind: REVIEW_ANSWER_RULE.dayKind, ruleRef: REVIEW_ANSWER_RULE.ruleRef }, calendar);
    const done = status !== waiting;
    const doneOn = done ? answeredOn ?? null : null;
    out.push({
      measure: 'REVIEW_ANSWER',
      startOn: requestedOn,
      dueOn: deadline.dueOn,
      ruleRef: deadline.ruleRef,
      daysLeft: done ? null : daysLeft(deadline.dueOn, today, calendar),
      overdue: !done && isOverdue(deadline.dueOn, today),
      provisional: deadline.provisional,
      done,
      doneOn,
      late: doneOn !== null && isOverdue(deadline.dueOn, doneOn),
      main: false,
      extended: false,
      rolledFrom: deadline.rolledFrom,
      localDueOn: null,
    });
  }
  // PV3: a higher office's deadline applies even where no local limit does
  if (higher && !rules.some((r) => r.main) && status !== S.DECLINED) push('HANDLE', facts.receivedOn, higher, true);
  // PV2: the result the higher office asked for is reported back to it by its deadline
  if (higher && status !== S.DECLINED) {
    const reportedOn = facts.reportedToHigherOfficeOn ?? null;
    const done = reportedOn !== null;
    out.push({
      measure: 'HIGHER_OFFICE_REPORT',
      startOn: facts.receivedOn,
      dueOn: higher.dueOn,
      ruleRef: `PV2：向${facts.higherOfficeName?.trim() || '上级机关'}报告办理结果（上级机关交办时限）`,
      daysLeft: done ? null : daysLeft(higher.dueOn, today, calendar),
      overdue: !done && isOverdue(higher.dueOn, today),
      provisional: higher.provisional,
      done,
      doneOn: reportedOn,
      late: done && isOverdue(higher.dueOn, reportedOn),
      main: false,
      extended: false,
      rolledFrom: null,
      localDueOn: null,
    });
  }
  return out;
}

/** The earliest due date among the open deadlines that `keep` selects, or null. */
export function earliestDue(deadlines: ReadonlyArray<LetterDeadlineValue>, keep: (d: LetterDeadlineValue) => boolean): string | null {
  let best: string | null = null;
  for (const d of deadlines) if (!d.done && keep(d) && (best === null || d.dueOn < best)) best = d.dueOn;
  return best;
}

/** A deadline due within `days` working days from today, not yet overdue (lettersDueWithin). */
export const dueWithin = (days: number) => (d: LetterDeadlineValue) => !d.overdue && d.daysLeft !== null && d.daysLeft <= days;
export const overdue = (d: LetterDeadlineValue) => d.overdue;

/** One unfinished deadline as stored on the letter (DL1: with its rule). */
export interface StoredDeadline {
  measure: LetterDeadlineMeasureName;
  dueOn: string;
  ruleRef: string;
  provisional: boolean;
}

/** What a letter keeps of its deadlines: the unfinished ones, earliest first, and the next of them. */
export interface StoredDeadlines {
  nextDueOn: string | null;
  nextDueMeasure: LetterDeadlineMeasureName | null;
  nextDueRuleRef: string | null;
  openDeadlines: StoredDeadline[];
  /** the distinct due dates of the unfinished deadlines, ascending (indexed: lettersDueWithin) */
  openDueDates: string[];
}

/**
 * The stored form of a letter's deadlines as letterDeadlines computed them. Due dates do not depend on
 * the day they are computed on (only days left and overdue do), so they are kept and queried.
 */
export function storedDeadlines(deadlines: ReadonlyArray<LetterDeadlineValue>): StoredDeadlines {
  const open = deadlines
    .filter((d) => !d.done)
    .map((d) => ({ measure: d.measure, dueOn: d.dueOn, ruleRef: d.ruleRef, provisional: d.provisional }))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const next = open[0];
  return {
    nextDueOn: next?.dueOn ?? null,
    nextDueMeasure: next?.measure ?? null,
    nextDueRuleRef: next?.ruleRef ?? null,
    openDeadlines: open,
    openDueDates: [...new Set(open.map((d) => d.dueOn))],
  };
}
