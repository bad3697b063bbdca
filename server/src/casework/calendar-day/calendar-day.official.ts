/**
 * The official holiday calendar (DL2) as CalendarDay data, from the `chinese-days` package (State
 * Council notices, e.g. 国办发明电〔2025〕7号 for 2026).
 *
 * It reads the package's data file rather than its functions: getDayDetail / getHolidaysInRange parse
 * and format dates in the process's local time zone and shift results by a day west of UTC.
 */
import { enqueueCalendarRecompute } from '../letter/letter.deadlines.service.js';
import { createRequire } from 'node:module';
import type { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { CalendarDay } from './calendar-day.entity.js';

interface ChineseDaysData {
  /** date → "English name,中文名,days" for every day off of a holiday block (weekends inside it too) */
  holidays: Record<string, string>;
  /** date → same, for every make-up working day (调休上班) */
  workdays: Record<string, string>;
}

const chineseDays = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;

export interface CalendarDayData {
  date: string;
  kind: 'HOLIDAY' | 'MAKEUP_WORKDAY';
  name: string;
  year: number;
}

// the package's short Chinese names → the names used in the official notices
const FULL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function holidayName(raw: string): string {
  const chinese = raw.split(',')[1] ?? raw;
  return FULL_NAMES[chinese] ?? chinese;
}

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * CalendarDay rows for the given years, sorted by date: every day off of each holiday block
 * (weekday or weekend, named), and every make-up working day (调休) that falls on a weekend. Days that
 * follow the weekday/weekend default get no row. A year the package has no data for gives no rows
 * (its deadlines stay provisional, DL2).
 */
export function calendarDaysFromChineseDays(years: number[]): CalendarDayData[] {
  const wanted = new Set(years);
  const rows: CalendarDayData[] = [];
  for (const [date, raw] of Object.entries(chineseDays.holidays)) {
    const year = Number(date.slice(0, 4));
    if (wanted.has(year)) rows.push({ date, kind: 'HOLIDAY', name: holidayName(raw), year });
  }
  for (const [date, raw] of Object.entries(chineseDays.workdays)) {
    const year = Number(date.slice(0, 4));
    // a make-up day on a weekday would change nothing
    if (wanted.has(year) && isWeekend(date)) {
      rows.push({ date, kind: 'MAKEUP_WORKDAY', name: `${holidayName(raw)}调休上班`, year });
    }
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The years the package has official holidays for. */
export function chineseDaysYears(): number[] {
  return [...new Set(Object.keys(chineseDays.holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
}

/**
 * DL2: enters the official calendar for every year the package knows and the table does not hold yet.
 * A year with any row is left alone: the office may have edited it. Returns the years entered.
 */
export async function ensureOfficialCalendar(em: EntityManager): Promise<number[]> {
  const known = new Set(
    (await em.getConnection().execute<{ year: number }[]>('select distinct year from calendar_day')).map((r) => Number(r.year)),
  );
  const years = chineseDaysYears().filter((y) => !known.has(y));
  const rows = calendarDaysFromChineseDays(years);
  if (rows.length) {
    await em.transactional(async (tx) => {
      await tx.insertMany(CalendarDay, rows as RequiredEntityData<CalendarDay>[]);
      // the stored due dates of open letters spanning the new years move (DL2, DL3): recomputed in the background
      const dates = rows.map((r) => r.date).sort();
      await enqueueCalendarRecompute(tx, [dates[0], dates[dates.length - 1]]);
    });
  }
  return years;
}
