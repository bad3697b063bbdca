import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { calendarDaysFromChineseDays } from '../casework/calendar-day/calendar-day.official.js';
import { WorkingCalendar, shiftDate, toDayNumber, weekday } from './working-days.js';

// The 2026 official schedule (国办发明电〔2025〕7号), as built from chinese-days.
const days2026 = calendarDaysFromChineseDays([2026]);
const cal2026 = new WorkingCalendar(days2026, [2026]);
/** Weekdays work, weekends are off, nothing else known: no year has data. */
const bare = new WorkingCalendar([], []);

describe('calendarDaysFromChineseDays (DL2)', () => {
  it('builds the 2026 official schedule: days off named, make-up Saturdays/Sundays as working days', () => {
    const holidays = (name: string) => days2026.filter((d) => d.kind === 'HOLIDAY' && d.name === name).map((d) => d.date);
    expect(holidays('元旦')).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(holidays('春节')).toEqual([
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19',
      '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    ]);
    expect(holidays('清明节')).toEqual(['2026-04-04', '2026-04-05', '2026-04-06']);
    expect(holidays('劳动节')).toEqual(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05']);
    expect(holidays('端午节')).toEqual(['2026-06-19', '2026-06-20', '2026-06-21']);
    expect(holidays('中秋节')).toEqual(['2026-09-25', '2026-09-26', '2026-09-27']);
    expect(holidays('国庆节')).toEqual([
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
    expect(days2026.filter((d) => d.kind === 'MAKEUP_WORKDAY').map((d) => [d.date, d.name])).toEqual([
      ['2026-01-04', '元旦调休上班'],
      ['2026-02-14', '春节调休上班'],
      ['2026-02-28', '春节调休上班'],
      ['2026-05-09', '劳动节调休上班'],
      ['2026-09-20', '国庆节调休上班'],
      ['2026-10-10', '国庆节调休上班'],
    ]);
    expect(days2026).toHaveLength(39);
    expect(days2026.every((d) => d.year === 2026)).toBe(true);
    // make-up days only replace weekend days
    expect(days2026.filter((d) => d.kind === 'MAKEUP_WORKDAY').every((d) => [0, 6].includes(weekday(d.date)))).toBe(true);
  });

  it('gives no rows for a year without official data (2028), so it stays provisional (DL2)', () => {
    expect(calendarDaysFromChineseDays([2028])).toEqual([]);
    expect(calendarDaysFromChineseDays([2025, 2026]).filter((d) => d.year === 2025)).toHaveLength(
      calendarDaysFromChineseDays([2025]).length,
    );
  });

  it("agrees with chinese-days' isWorkday on every day of 2025 and 2026 (DL2)", () => {
    // the package's functions read dates in the local time zone (a day early west of UTC): ask them
    // in a child process on Beijing time, the zone the official calendar is written in
    const script = `const cd = require('chinese-days'); const out = [];
      for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2026, 11, 31); t += 864e5) {
        const d = new Date(t).toISOString().slice(0, 10); if (cd.isWorkday(d)) out.push(d); }
      process.stdout.write(JSON.stringify(out));`;
    const expected = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: 'Asia/Shanghai' } }).toString(),
    ) as string[];
    const cal = new WorkingCalendar(calendarDaysFromChineseDays([2025, 2026]));
    const ours: string[] = [];
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = shiftDate(d, 1)) if (cal.isWorkingDay(d)) ours.push(d);
    expect(ours).toHaveLength(248 + 248); // 2025 and 2026 both have 248
    expect(ours).toEqual(expected);
  });

  it('counts 248 working days in 2026: 261 weekdays − 19 weekday holidays + 6 make-up days (DL2)', () => {
    expect(cal2026.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });
});

describe('WorkingCalendar.isWorkingDay (DL2)', () => {
  it('keeps weekends off, public holidays off and make-up days (调休) on', () => {
    expect(cal2026.isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(cal2026.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(cal2026.isWorkingDay('2026-02-16')).toBe(false); // Monday in 春节
    expect(cal2026.isWorkingDay('2026-02-14')).toBe(true); // Saturday 调休
    expect(cal2026.isWorkingDay('2026-09-20')).toBe(true); // Sunday 调休
    expect(cal2026.nameOf('2026-10-01')).toBe('国庆节');
    expect(cal2026.nameOf('2026-03-02')).toBe(null);
  });

  it('counts plain weekdays where the calendar has no data (DL2)', () => {
    expect(bare.isWorkingDay('2026-02-16')).toBe(true);
    expect(bare.isWorkingDay('2026-02-14')).toBe(false);
  });
});

describe('WorkingCalendar.addWorkingDays (DL2)', () => {
  it('does not count the start day: 1 working day after Friday 2026-03-06 is Monday 03-09', () => {
    expect(cal2026.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(cal2026.addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
  });

  it('counts 15 working days across the Spring Festival with make-up Saturdays 02-14 and 02-28', () => {
    // Feb 9–13 (5), Sat 14 调休 (6), 15–23 off, 24–27 (10), Sat 28 调休 (11), Mar 2–5 (15)
    expect(cal2026.addWorkingDays('2026-02-06', 15)).toBe('2026-03-05');
    expect(bare.addWorkingDays('2026-02-06', 15)).toBe('2026-02-27');
    expect(cal2026.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal2026.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
  });

  it('counts across Qingming (04-04 to 04-06 off)', () => {
    // Apr 2, 3 (2), 4–6 off, 7–10 (6), 13–17 (11), 20–23 (15)
    expect(cal2026.addWorkingDays('2026-04-01', 15)).toBe('2026-04-23');
    expect(cal2026.addWorkingDays('2026-04-03', 2)).toBe('2026-04-08');
  });

  it('counts across Labour Day (05-01 to 05-05 off, Saturday 05-09 on)', () => {
    // May 6, 7, 8 (3), Sat 9 调休 (4), Mon 11 (5)
    expect(cal2026.addWorkingDays('2026-04-30', 5)).toBe('2026-05-11');
    // … 12–15 (9), 18–22 (14), Mon 25 (15)
    expect(cal2026.addWorkingDays('2026-04-30', 15)).toBe('2026-05-25');
  });

  it('counts across Mid-autumn and National Day (Sunday 09-20 and Saturday 10-10 on)', () => {
    // Sun 20 调休 (1), 21–24 (5), 25–27 off, 28–30 (8), Oct 1–7 off, 8, 9 (10), Sat 10 调休 (11), 12–15 (15)
    expect(cal2026.addWorkingDays('2026-09-18', 15)).toBe('2026-10-15');
  });

  it('lands on the New Year make-up Sunday 01-04 one working day after 2025-12-31', () => {
    expect(cal2026.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
  });

  it('counts backwards for a negative n', () => {
    expect(cal2026.addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
    expect(cal2026.addWorkingDays('2026-10-08', -2)).toBe('2026-09-29');
  });
});

describe('WorkingCalendar.addCalendarDays (DL3)', () => {
  it('moves an end on a public holiday to the next working day', () => {
    expect(cal2026.addCalendarDays('2026-09-24', 7)).toBe('2026-10-08'); // 10-01 国庆节
    expect(cal2026.addCalendarDays('2026-01-16', 30)).toBe('2026-02-24'); // 02-15 春节
  });

  it('moves an end on a weekend to Monday, and keeps an end on a make-up Saturday', () => {
    expect(cal2026.addCalendarDays('2026-03-07', 7)).toBe('2026-03-16');
    expect(cal2026.addCalendarDays('2026-10-03', 7)).toBe('2026-10-10');
    expect(cal2026.addCalendarDays('2026-03-02', 3)).toBe('2026-03-05');
  });
});

describe('WorkingCalendar.nextWorkingDay and workingDaysBetween (DL2)', () => {
  it('finds the next working day after a date, over holidays', () => {
    expect(cal2026.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    expect(cal2026.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(cal2026.nextWorkingDay('2026-10-10')).toBe('2026-10-12');
    expect(cal2026.nextWorkingDay('2026-12-31')).toBe('2027-01-01');
  });

  it('counts working days in (a, b], negative backwards, 0 when equal', () => {
    expect(cal2026.workingDaysBetween('2026-02-06', '2026-03-05')).toBe(15);
    expect(cal2026.workingDaysBetween('2026-03-05', '2026-02-06')).toBe(-15);
    expect(cal2026.workingDaysBetween('2026-02-15', '2026-02-23')).toBe(0);
    expect(cal2026.workingDaysBetween('2026-10-01', '2026-09-30')).toBe(0);
    expect(cal2026.workingDaysBetween('2026-05-05', '2026-05-05')).toBe(0);
    for (const [start, n] of [['2026-02-06', 15], ['2026-09-18', 15], ['2026-04-30', 7]] as const) {
      expect(cal2026.workingDaysBetween(start, cal2026.addWorkingDays(start, n))).toBe(n);
    }
  });
});

describe('WorkingCalendar.isProvisional (DL2)', () => {
  it('marks a year without holidays entered (2028) provisional, and 2026 not', () => {
    expect(cal2026.isProvisional('2028-05-01')).toBe(true);
    expect(cal2026.isProvisional('2026-05-01')).toBe(false);
    expect(cal2026.isProvisionalBetween('2026-12-20', '2027-01-10')).toBe(true);
    expect(cal2026.isProvisionalBetween('2026-01-01', '2026-12-31')).toBe(false);
  });

  it('counts a year as entered when it has holiday rows or is listed in yearsWithData', () => {
    const fromRows = new WorkingCalendar(days2026);
    expect(fromRows.isProvisional('2026-07-01')).toBe(false);
    const listed = new WorkingCalendar([], [2027]);
    expect(listed.isProvisional('2027-07-01')).toBe(false);
    expect(listed.isProvisional('2026-07-01')).toBe(true);
  });
});

describe('dates', () => {
  it('uses UTC day numbers and refuses malformed or impossible dates', () => {
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(shiftDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => toDayNumber('2026/03/01')).toThrow(RangeError);
    expect(() => cal2026.addWorkingDays('2026-03-01', 1.5)).toThrow(RangeError);
    expect(() => new WorkingCalendar([{ date: '2026-13-01', kind: 'HOLIDAY' }])).toThrow(RangeError);
  });
});
