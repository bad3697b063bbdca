/**
 * The official calendar (DL2, DL3) for counting many deadlines at once: the same answers as
 * WorkingCalendar, counted on day numbers without building a date string for every day crossed. A
 * page of overdue letters counts thousands of deadlines, each across weeks or months of days.
 */
import { WorkingCalendar, fromDayNumber, toDayNumber, type CalendarEntry } from '../../common/working-days.js';

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what}应为整数：${n}`);
}

/** The span counted in advance: working days before each day, for counts in O(1). */
const FIRST = toDayNumber('1900-01-01');
const LAST = toDayNumber('2100-12-31');

export class FastWorkingCalendar extends WorkingCalendar {
  /** day number → whether that listed day is worked (a make-up day) or not (a holiday) */
  private readonly listed = new Map<number, boolean>();
  private readonly dayNumbers = new Map<string, number>();
  /** cumulative[k]: working days among FIRST … FIRST + k − 1 (built on first use) */
  private cumulative?: Int32Array;

  constructor(days: ReadonlyArray<CalendarEntry>, yearsWithData: Iterable<number> = []) {
    super(days, yearsWithData);
    for (const d of days) this.listed.set(toDayNumber(d.date), d.kind === 'MAKEUP_WORKDAY');
  }

  private dayNumber(date: string): number {
    let n = this.dayNumbers.get(date);
    if (n === undefined) {
      n = toDayNumber(date);
      this.dayNumbers.set(date, n);
    }
    return n;
  }

  private worked(day: number): boolean {
    const listed = this.listed.get(day);
    if (listed !== undefined) return listed;
    // 1970-01-01 (day 0) was a Thursday; 0 = Sunday … 6 = Saturday
    const weekday = (((day + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6;
  }

  override isWorkingDay(date: string): boolean {
    return this.worked(this.dayNumber(date));
  }

  override nextWorkingDay(date: string): string {
    let day = this.dayNumber(date) + 1;
    while (!this.worked(day)) day++;
    return fromDayNumber(day);
  }

  override onOrAfterWorkingDay(date: string): string {
    return this.worked(this.dayNumber(date)) ? date : this.nextWorkingDay(date);
  }

  override addWorkingDays(start: string, n: number): string {
    checkCount(n, '工作日数');
    let day = this.dayNumber(start);
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (this.worked(day)) left--;
    }
    return fromDayNumber(day);
  }

  override addCalendarDays(start: string, n: number): string {
    checkCount(n, '天数');
    return this.onOrAfterWorkingDay(fromDayNumber(this.dayNumber(start) + n));
  }

  override workingDaysBetween(a: string, b: string): number {
    const from = this.dayNumber(a);
    const to = this.dayNumber(b);
    const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    if (lo >= FIRST - 1 && hi <= LAST) {
      const c = this.counts();
      count = c[hi - FIRST + 1] - c[lo - FIRST + 1];
    } else {
      for (let day = lo + 1; day <= hi; day++) if (this.worked(day)) count++;
    }
    return sign * count || 0;
  }

  private counts(): Int32Array {
    if (!this.cumulative) {
      const c = new Int32Array(LAST - FIRST + 2);
      for (let i = 0; i <= LAST - FIRST; i++) c[i + 1] = c[i] + (this.worked(FIRST + i) ? 1 : 0);
      this.cumulative = c;
    }
    return this.cumulative;
  }
}
