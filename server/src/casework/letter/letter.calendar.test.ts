import { describe, expect, it } from 'vitest';
import { calendarDaysFromChineseDays } from '../calendar-day/calendar-day.official.js';
import { WorkingCalendar, shiftDate } from '../../common/working-days.js';
import { FastWorkingCalendar } from './letter.calendar.js';

const days = calendarDaysFromChineseDays([2025, 2026]);
const plain = new WorkingCalendar(days);
const fast = new FastWorkingCalendar(days);

describe('FastWorkingCalendar (DL2, DL3)', () => {
  it('answers as WorkingCalendar on every day from 2024-12-01 to 2027-01-31: working days, counts forward and back, calendar days rolled forward', () => {
    const rows: unknown[][] = [];
    const expected: unknown[][] = [];
    for (let d = '2024-12-01'; d <= '2027-01-31'; d = shiftDate(d, 1)) {
      const ask = (c: WorkingCalendar) => [
        c.isWorkingDay(d),
        c.nextWorkingDay(d),
        c.onOrAfterWorkingDay(d),
        c.addWorkingDays(d, 2),
        c.addWorkingDays(d, 15),
        c.addWorkingDays(d, -3),
        c.addCalendarDays(d, 7),
        c.addCalendarDays(d, 30),
        c.workingDaysBetween(d, '2026-03-05'),
        c.workingDaysBetween('2026-03-05', d),
        c.isProvisional(d),
      ];
      rows.push(ask(fast));
      expected.push(ask(plain));
    }
    expect(rows).toHaveLength(792);
    expect(rows).toEqual(expected);
  });

  it('counts across decades and outside the span counted in advance the same way (DL2)', () => {
    for (const [a, b] of [['1899-12-20', '1900-01-10'], ['1900-01-01', '2026-11-20'], ['2100-12-20', '2101-01-10'], ['1898-01-01', '2101-02-01']]) {
      expect(fast.workingDaysBetween(a, b)).toBe(plain.workingDaysBetween(a, b));
      expect(fast.workingDaysBetween(b, a)).toBe(plain.workingDaysBetween(b, a));
    }
  });

  it('refuses what WorkingCalendar refuses', () => {
    expect(() => fast.addWorkingDays('2026-03-02', 1.5)).toThrow('工作日数应为整数：1.5');
    expect(() => fast.addCalendarDays('2026-03-02', 0.5)).toThrow('天数应为整数：0.5');
    expect(() => fast.isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});
