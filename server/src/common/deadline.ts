/**
 * The deadline engine (DL1–DL4, PV2, PV3, MB5), pure: the caller passes the policy's numbers and a
 * WorkingCalendar built from the CalendarDay rows.
 */
import { AppError } from './errors.js';
import { shiftDate, toDayNumber, type WorkingCalendar } from './working-days.js';

/** Matches the DayKind enum of DeadlinePolicy (an enum value is assignable here). */
export type DeadlineDayKind = 'WORKING_DAYS' | 'CALENDAR_DAYS';

/** Matches the DeadlineMeasure enum of DeadlinePolicy. */
export type DeadlineMeasureName =
  | 'ACCEPTANCE_DECISION'
  | 'FORWARD'
  | 'HANDLE'
  | 'REPLY'
  | 'FEEDBACK'
  | 'EXTENSION'
  | 'REVIEW_REQUEST'
  | 'REVIEW_ANSWER';

export interface DeadlineRule {
  /** the day the clock starts (registration, decision …); not itself counted */
  start: string;
  days: number;
  dayKind: DeadlineDayKind;
  /** DL1: the rule the limit comes from, e.g. "MB5：来信处理结果15个工作日内反馈" */
  ruleRef: string;
}

export interface Deadline {
  dueOn: string;
  /** DL1 */
  ruleRef: string;
  /** DL2: the count crossed a year whose holidays are not entered yet */
  provisional: boolean;
  /** DL3: the nominal end that fell on a day off and was moved to `dueOn`; null when not moved */
  rolledFrom: string | null;
  /** PV3: the one extension has been used */
  extended?: boolean;
  /** PV3: the local deadline a higher office's deadline replaced */
  overrides?: Deadline;
}

function checkRule(days: number, ruleRef: string): void {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`时限天数应为正整数：${days}`);
  // DL1: no deadline without the rule it comes from
  if (!ruleRef?.trim()) throw new RangeError('时限必须注明依据（DL1）');
}

/** The due date of a rule counted from `start`, with its rule (DL1) and provisional flag (DL2). */
export function computeDeadline(rule: DeadlineRule, calendar: WorkingCalendar): Deadline {
  const { start, days, dayKind, ruleRef } = rule;
  checkRule(days, ruleRef);
  if (dayKind === 'WORKING_DAYS') {
    const dueOn = calendar.addWorkingDays(start, days);
    return { dueOn, ruleRef, provisional: calendar.isProvisionalBetween(shiftDate(start, 1), dueOn), rolledFrom: null };
  }
  if (dayKind === 'CALENDAR_DAYS') {
    const nominal = shiftDate(start, days);
    // DL3: ends on a day off → the next working day
    const dueOn = calendar.onOrAfterWorkingDay(nominal);
    return {
      dueOn,
      ruleRef,
      provisional: calendar.isProvisionalBetween(nominal, dueOn),
      rolledFrom: dueOn === nominal ? null : nominal,
    };
  }
  throw new RangeError(`未知的计日方式：${String(dayKind)}`);
}

/**
 * PV3: extends a deadline once (LAW 第34条: 60 days + at most 30 with approval), counted from the
 * current due date; the rule text keeps both rules.
 */
export function extendDeadline(
  current: Deadline,
  extension: Pick<DeadlineRule, 'days' | 'dayKind' | 'ruleRef'>,
  calendar: WorkingCalendar,
): Deadline {
  if (current.extended) throw new AppError('TRANSITION_NOT_ALLOWED', '办理期限只能延长一次（PV3）');
  const next = computeDeadline({ ...extension, start: current.dueOn }, calendar);
  return {
    ...next,
    ruleRef: `${current.ruleRef}；${extension.ruleRef}`,
    provisional: current.provisional || next.provisional,
    extended: true,
  };
}

/** A deadline set by a higher office (PV3), taken as given: it is not counted nor rolled forward. */
export function higherOfficeDeadline(
  { dueOn, office }: { dueOn: string; office: string },
  calendar: WorkingCalendar,
): Deadline {
  toDayNumber(dueOn);
  return {
    dueOn,
    ruleRef: `PV3：${office}交办时限（上级机关时限优先于本机关时限）`,
    provisional: calendar.isProvisional(dueOn),
    rolledFrom: null,
  };
}

/** PV3: a deadline set by a higher office overrides the local one, earlier or later. */
export function overridingDeadline(local: Deadline, higherOffice: Deadline | null | undefined): Deadline {
  if (!higherOffice) return local;
  return { ...higherOffice, overrides: local };
}

/** DL1–DL2: is `today` past the due date. Due today is not overdue. */
export function isOverdue(dueOn: string, today: string): boolean {
  return toDayNumber(today) > toDayNumber(dueOn);
}

/**
 * Working days left until the due date: the working days after `today` up to and including `dueOn`
 * (0 on the due date itself). Negative when overdue: minus the working days since the due date,
 * at least -1 (a day off right after the due date is already overdue).
 */
export function daysLeft(dueOn: string, today: string, calendar: WorkingCalendar): number {
  if (!isOverdue(dueOn, today)) return calendar.workingDaysBetween(today, dueOn);
  return Math.min(-1, calendar.workingDaysBetween(today, dueOn));
}

export interface DefaultDeadlinePolicy {
  measure: DeadlineMeasureName;
  /** null: any channel */
  channel: 'MAILBOX' | null;
  days: number;
  dayKind: DeadlineDayKind;
  ruleRef: string;
  /** the limit a letter's due date comes from when it is registered (DL4) */
  isDefault: boolean;
}

/**
 * DL4: the default policy sets, one per source; a seeder gives each organization one set
 * (measures and channels are the enum values of DeadlinePolicy and LetterChannel).
 * The national regulation counts 日 as calendar days, rolled forward over days off (DL3).
 */
export const DEFAULT_DEADLINE_POLICIES = {
  /** 嘉兴市政协委员信箱 (000) */
  JIAXING: [
    {
      measure: 'FEEDBACK',
      channel: 'MAILBOX',
      days: 15,
      dayKind: 'WORKING_DAYS',
      ruleRef: 'MB5：来信处理结果15个工作日内反馈',
      isDefault: true,
    },
  ],
  /** 达州市政协信访工作 (003) */
  DAZHOU: [
    {
      measure: 'HANDLE',
      channel: null,
      days: 7,
      dayKind: 'CALENDAR_DAYS',
      ruleRef: 'PV3：一般来信来访一周内处理完毕',
      isDefault: true,
    },
    {
      measure: 'REPLY',
      channel: null,
      days: 30,
      dayKind: 'CALENDAR_DAYS',
      ruleRef: 'PV3：答复来信人一般不超过一个月',
      isDefault: false,
    },
    {
      // 003 says 二日: 2 calendar days, moved to the next working day when they end on a day off (DL3)
      measure: 'FORWARD',
      channel: null,
      days: 2,
      dayKind: 'CALENDAR_DAYS',
      ruleRef: 'PV2：领导批阅之日起二日内转交有关部门（遇节假日顺延）',
      isDefault: false,
    },
  ],
  /** 《信访工作条例》(2022, LAW) */
  NATIONAL: [
    {
      measure: 'FORWARD',
      channel: null,
      days: 15,
      dayKind: 'CALENDAR_DAYS',
      ruleRef: '信访工作条例第二十二条：15日内转送、交办',
      isDefault: false,
    },
    {
      measure: 'ACCEPTANCE_DECISION',
      channel: null,
      days: 15,
      dayKind: 'CALENDAR_DAYS',
      ruleRef: '信访工作条例第二十三条：15日内告知是否受理',
      isDefault: false,
    },
    {
      measure: 'HANDLE',
      channel: null,
      days: 60,
      dayKind: 'CALENDAR_DAYS',
      ruleRef: '信访工作条例第三十四条：60日内办结',
      isDefault: true,
    },
    {
      measure: 'EXTENSION',
      channel: null,
      days: 30,
      dayKind: 'CALENDAR_DAYS',
      ruleRef: '信访工作条例第三十四条：经批准可延长一次，不超过30日',
      isDefault: false,
    },
    {
      measure: 'REVIEW_REQUEST',
      channel: null,
      days: 30,
      dayKind: 'CALENDAR_DAYS',
      ruleRef: '信访工作条例第三十五、三十六条：收到处理（复查）意见之日起30日内请求复查（复核）',
      isDefault: false,
    },
    {
      measure: 'REVIEW_ANSWER',
      channel: null,
      days: 30,
      dayKind: 'CALENDAR_DAYS',
      ruleRef: '信访工作条例第三十五、三十六条：收到复查（复核）请求之日起30日内提出意见',
      isDefault: false,
    },
  ],
} as const satisfies Record<string, readonly DefaultDeadlinePolicy[]>;

export type DeadlinePolicySet = keyof typeof DEFAULT_DEADLINE_POLICIES;

/** The default policy of a set for a measure, or undefined. */
export function defaultPolicy(set: DeadlinePolicySet, measure: DeadlineMeasureName): DefaultDeadlinePolicy | undefined {
  return (DEFAULT_DEADLINE_POLICIES[set] as readonly DefaultDeadlinePolicy[]).find((p) => p.measure === measure);
}
