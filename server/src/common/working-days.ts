/**
 * The official working-day calendar (DL2, DL3), pure and in memory: the caller loads the CalendarDay
 * rows it needs and builds a WorkingCalendar. Dates are 'YYYY-MM-DD' strings; all arithmetic is on
 * UTC day numbers, so the server's time zone never shifts a date.
 */

export type CalendarEntryKind = 'HOLIDAY' | 'MAKEUP_WORKDAY';

/** One CalendarDay row (or its data): a day off, or a make-up working day (调休). */
export interface CalendarEntry {
  date: string;
  kind: CalendarEntryKind;
  name?: string | null;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date; throws RangeError on anything else (e.g. '2026-02-30'). */
export function toDayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${String(date)}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (fromDayNumber(ms / DAY_MS) !== date) throw new RangeError(`无效日期：${date}`);
  return ms / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` plus `n` calendar days (n may be negative). */
export function shiftDate(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what}应为整数：${n}`);
}

export class WorkingCalendar {
  private readonly kinds = new Map<string, CalendarEntryKind>();
  private readonly names = new Map<string, string>();
  private readonly confirmedYears: ReadonlySet<number>;

  /**
   * @param days the CalendarDay rows (any years); days not listed follow the weekday/weekend default.
   * @param yearsWithData years whose official holidays have been entered; a year with at least one
   *   HOLIDAY row counts as entered too. Other years are provisional (DL2).
   */
  constructor(days: ReadonlyArray<CalendarEntry>, yearsWithData: Iterable<number> = []) {
    const years = new Set<number>(yearsWithData);
    for (const day of days) {
      toDayNumber(day.date);
      const seen = this.kinds.get(day.date);
      if (seen && seen !== day.kind) throw new RangeError(`日历中 ${day.date} 重复且类别冲突`);
      this.kinds.set(day.date, day.kind);
      if (day.name) this.names.set(day.date, day.name);
      if (day.kind === 'HOLIDAY') years.add(yearOf(day.date));
    }
    this.confirmedYears = years;
  }

  /** DL2: Monday–Friday work, weekends and public holidays are off, make-up working days (调休) are on. */
  isWorkingDay(date: string): boolean {
    const kind = this.kinds.get(date);
    if (kind === 'HOLIDAY') return false;
    if (kind === 'MAKEUP_WORKDAY') return true;
    return !isWeekend(date);
  }

  /** The listed name of a holiday or make-up day (e.g. 春节), if any. */
  nameOf(date: string): string | null {
    return this.names.get(date) ?? null;
  }

  /** DL2: true when the date's year has no holidays entered yet. */
  isProvisional(date: string): boolean {
    return !this.confirmedYears.has(yearOf(date));
  }

  /** DL2: true when any year from `from` to `to` (inclusive, either order) has no holidays entered. */
  isProvisionalBetween(from: string, to: string): boolean {
    const [a, b] = [yearOf(from), yearOf(to)].sort((x, y) => x - y);
    for (let y = a; y <= b; y++) if (!this.confirmedYears.has(y)) return true;
    return false;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    let day = toDayNumber(date) + 1;
    while (!this.isWorkingDay(fromDayNumber(day))) day++;
    return fromDayNumber(day);
  }

  /** `date` itself when it is a working day, else the next one (DL3 roll-forward). */
  onOrAfterWorkingDay(date: string): string {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /**
   * The n-th working day after `start`; the start day itself is not counted ("15个工作日内": the first
   * working day after the start is day 1). n = 0 gives `start`; a negative n counts backwards.
   */
  addWorkingDays(start: string, n: number): string {
    checkCount(n, '工作日数');
    let day = toDayNumber(start);
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (this.isWorkingDay(fromDayNumber(day))) left--;
    }
    return fromDayNumber(day);
  }

  /** `start` + n calendar days, moved to the next working day when that day is off (DL3). */
  addCalendarDays(start: string, n: number): string {
    checkCount(n, '天数');
    return this.onOrAfterWorkingDay(shiftDate(start, n));
  }

  /**
   * Working days in (a, b] when b is after a, the negative count of (b, a] when b is before a, 0 when
   * equal; so workingDaysBetween(s, addWorkingDays(s, n)) === n.
   */
  workingDaysBetween(a: string, b: string): number {
    const from = toDayNumber(a);
    const to = toDayNumber(b);
    const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (this.isWorkingDay(fromDayNumber(day))) count++;
    return sign * count || 0; // never -0
  }
}
