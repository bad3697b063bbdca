import { describe, expect, it } from 'vitest';
import { calendarDaysFromChineseDays } from '../casework/calendar-day/calendar-day.official.js';
import { DayKind, DeadlineMeasure } from '../casework/deadline-policy/deadline-policy.entity.js';
import { LetterChannel } from '../casework/letter/letter.enums.js';
import {
  DEFAULT_DEADLINE_POLICIES,
  computeDeadline,
  daysLeft,
  defaultPolicy,
  extendDeadline,
  higherOfficeDeadline,
  isOverdue,
  overridingDeadline,
  type DefaultDeadlinePolicy,
} from './deadline.js';
import { WorkingCalendar } from './working-days.js';

const cal = new WorkingCalendar(calendarDaysFromChineseDays([2026]), [2026]);

const MB5 = defaultPolicy('JIAXING', 'FEEDBACK')!;
const DAZHOU_HANDLE = defaultPolicy('DAZHOU', 'HANDLE')!;
const DAZHOU_REPLY = defaultPolicy('DAZHOU', 'REPLY')!;
const DAZHOU_FORWARD = defaultPolicy('DAZHOU', 'FORWARD')!;
const LAW_HANDLE = defaultPolicy('NATIONAL', 'HANDLE')!;
const LAW_EXTENSION = defaultPolicy('NATIONAL', 'EXTENSION')!;

describe('computeDeadline', () => {
  it('feeds a mailbox letter back within 15 working days, across the 2026 Spring Festival (MB5, DL2)', () => {
    expect(computeDeadline({ start: '2026-02-06', ...MB5 }, cal)).toEqual({
      dueOn: '2026-03-05',
      ruleRef: 'MB5：来信处理结果15个工作日内反馈',
      provisional: false,
      rolledFrom: null,
    });
  });

  it('counts MB5 across National Day with make-up Sunday 09-20 and Saturday 10-10 (MB5, DL2)', () => {
    expect(computeDeadline({ start: '2026-09-18', ...MB5 }, cal).dueOn).toBe('2026-10-15');
  });

  it('forwards within 二日 of the decision: 2 calendar days, a Sunday end moved to Monday (DL3, PV2)', () => {
    // decided Friday 03-06: 03-08 is a Sunday → Monday 03-09
    expect(computeDeadline({ start: '2026-03-06', ...DAZHOU_FORWARD }, cal)).toEqual({
      dueOn: '2026-03-09',
      ruleRef: 'PV2：领导批阅之日起二日内转交有关部门（遇节假日顺延）',
      provisional: false,
      rolledFrom: '2026-03-08',
    });
    // decided Friday 04-03: Sunday 04-05 is in Qingming (04-04 to 04-06 off) → Tuesday 04-07
    expect(computeDeadline({ start: '2026-04-03', ...DAZHOU_FORWARD }, cal)).toMatchObject({ dueOn: '2026-04-07', rolledFrom: '2026-04-05' });
  });

  it('moves a one-week limit ending on National Day to the next working day, and says so (PV3, DL3)', () => {
    expect(computeDeadline({ start: '2026-09-24', ...DAZHOU_HANDLE }, cal)).toEqual({
      dueOn: '2026-10-08',
      ruleRef: 'PV3：一般来信来访一周内处理完毕',
      provisional: false,
      rolledFrom: '2026-10-01',
    });
  });

  it('moves a one-month reply limit ending in the Spring Festival to 02-24 (PV3, DL3)', () => {
    expect(computeDeadline({ start: '2026-01-16', ...DAZHOU_REPLY }, cal)).toMatchObject({
      dueOn: '2026-02-24',
      rolledFrom: '2026-02-15',
    });
  });

  it('keeps a calendar-day limit ending on a make-up Saturday (DL3)', () => {
    expect(computeDeadline({ start: '2026-10-03', ...DAZHOU_HANDLE }, cal)).toMatchObject({
      dueOn: '2026-10-10',
      rolledFrom: null,
    });
  });

  it('moves a one-week limit ending in Qingming (Saturday 04-04 to Monday 04-06 off) to Tuesday 04-07 (DL3)', () => {
    expect(computeDeadline({ start: '2026-03-28', ...DAZHOU_HANDLE }, cal)).toMatchObject({ dueOn: '2026-04-07', rolledFrom: '2026-04-04' });
  });

  it('moves a one-week limit ending on Labour Day to 05-06, and keeps one ending on the make-up Saturday 05-09 (DL3)', () => {
    expect(computeDeadline({ start: '2026-04-24', ...DAZHOU_HANDLE }, cal)).toMatchObject({ dueOn: '2026-05-06', rolledFrom: '2026-05-01' });
    expect(computeDeadline({ start: '2026-05-02', ...DAZHOU_HANDLE }, cal)).toMatchObject({ dueOn: '2026-05-09', rolledFrom: null });
  });

  it('moves a one-week limit ending on the Dragon Boat Festival (06-19) to Monday 06-22 (DL3)', () => {
    expect(computeDeadline({ start: '2026-06-12', ...DAZHOU_HANDLE }, cal)).toMatchObject({ dueOn: '2026-06-22', rolledFrom: '2026-06-19' });
  });

  it('counts MB5 across Labour Day: 05-01 to 05-05 off, the make-up Saturday 05-09 counted (MB5, DL2)', () => {
    // Apr 27–30 (4), May 6–8 (7), Sat 9 (8), 11–15 (13), 18, 19 (15)
    expect(computeDeadline({ start: '2026-04-24', ...MB5 }, cal)).toEqual({ dueOn: '2026-05-19', ruleRef: MB5.ruleRef, provisional: false, rolledFrom: null });
  });

  it('counts MB5 across Qingming: 04-04 to 04-06 off (MB5, DL2)', () => {
    // Mar 30, 31 (2), Apr 1–3 (5), 7–10 (9), 13–17 (14), 20 (15)
    expect(computeDeadline({ start: '2026-03-27', ...MB5 }, cal).dueOn).toBe('2026-04-20');
  });

  it('starts counting on the first working day when a letter arrives during National Day (MB5, DL2)', () => {
    // received on a holiday: 10-08 is day 1, 09 day 2, the make-up Saturday 10 day 3, 12–16 (8), 19–23 (13), 26, 27 (15)
    expect(computeDeadline({ start: '2026-10-03', ...MB5 }, cal).dueOn).toBe('2026-10-27');
  });

  it('marks a deadline in 2028, whose holidays are not entered, provisional and counts plain weekdays (DL2)', () => {
    // Wednesday 2028-03-01 + 15 weekdays
    expect(computeDeadline({ start: '2028-03-01', ...MB5 }, cal)).toEqual({
      dueOn: '2028-03-22',
      ruleRef: MB5.ruleRef,
      provisional: true,
      rolledFrom: null,
    });
  });

  it('marks a count that crosses into a year without data provisional (DL2)', () => {
    expect(computeDeadline({ start: '2026-12-20', ...MB5 }, cal).provisional).toBe(true);
    expect(computeDeadline({ start: '2026-11-20', ...MB5 }, cal).provisional).toBe(false);
  });

  it('records the rule on every deadline of every default policy (DL1)', () => {
    const all: DefaultDeadlinePolicy[] = Object.values(DEFAULT_DEADLINE_POLICIES).flat();
    expect(all).toHaveLength(10);
    for (const policy of all) {
      const deadline = computeDeadline({ start: '2026-06-01', ...policy }, cal);
      expect(deadline.ruleRef).toBe(policy.ruleRef);
      expect(deadline.ruleRef.length).toBeGreaterThan(5);
    }
  });

  it('refuses a deadline without its rule or with a non-positive number of days (DL1)', () => {
    expect(() => computeDeadline({ start: '2026-06-01', days: 15, dayKind: 'WORKING_DAYS', ruleRef: ' ' }, cal)).toThrow(
      '时限必须注明依据（DL1）',
    );
    expect(() => computeDeadline({ start: '2026-06-01', days: 0, dayKind: 'CALENDAR_DAYS', ruleRef: 'PV3' }, cal)).toThrow(
      RangeError,
    );
  });

  it("accepts a DeadlinePolicy's DayKind enum value (DL4)", () => {
    const deadline = computeDeadline(
      { start: '2026-04-30', days: 5, dayKind: DayKind.WORKING_DAYS, ruleRef: 'MB5：来信处理结果15个工作日内反馈' },
      cal,
    );
    expect(deadline.dueOn).toBe('2026-05-11');
  });
});

describe('extendDeadline (PV3)', () => {
  it('handles a request for a solution within 60 days plus one 30-day extension (PV3, DL3)', () => {
    const first = computeDeadline({ start: '2026-07-03', ...LAW_HANDLE }, cal);
    expect(first).toEqual({ dueOn: '2026-09-01', ruleRef: '信访工作条例第三十四条：60日内办结', provisional: false, rolledFrom: null });
    const extended = extendDeadline(first, LAW_EXTENSION, cal);
    expect(extended).toEqual({
      dueOn: '2026-10-08',
      ruleRef: '信访工作条例第三十四条：60日内办结；信访工作条例第三十四条：经批准可延长一次，不超过30日',
      provisional: false,
      rolledFrom: '2026-10-01',
      extended: true,
    });
  });

  it('refuses a second extension (PV3)', () => {
    const once = extendDeadline(computeDeadline({ start: '2026-07-03', ...LAW_HANDLE }, cal), LAW_EXTENSION, cal);
    expect(() => extendDeadline(once, LAW_EXTENSION, cal)).toThrow('办理期限只能延长一次（PV3）');
  });
});

describe('overridingDeadline (PV3)', () => {
  const local = computeDeadline({ start: '2026-06-01', ...DAZHOU_REPLY }, cal);

  it('lets an earlier deadline set by a higher office override the local one, keeping both rules', () => {
    expect(local.dueOn).toBe('2026-07-01');
    const higher = higherOfficeDeadline({ dueOn: '2026-06-15', office: '四川省政协办公厅' }, cal);
    expect(overridingDeadline(local, higher)).toEqual({
      dueOn: '2026-06-15',
      ruleRef: 'PV3：四川省政协办公厅交办时限（上级机关时限优先于本机关时限）',
      provisional: false,
      rolledFrom: null,
      overrides: local,
    });
  });

  it('lets a later higher-office deadline override too, and keeps the local one when there is none', () => {
    const higher = higherOfficeDeadline({ dueOn: '2026-07-20', office: '达州市政协办公室' }, cal);
    expect(overridingDeadline(local, higher).dueOn).toBe('2026-07-20');
    expect(overridingDeadline(local, null)).toBe(local);
    expect(overridingDeadline(local, undefined)).toBe(local);
  });

  it('marks a higher-office deadline in 2028 provisional (PV3, DL2)', () => {
    expect(higherOfficeDeadline({ dueOn: '2028-01-10', office: '四川省政协办公厅' }, cal).provisional).toBe(true);
  });
});

describe('daysLeft and isOverdue (DL2)', () => {
  it('counts the working days left to an MB5 deadline, 0 on the due date (MB5)', () => {
    expect(daysLeft('2026-03-05', '2026-02-06', cal)).toBe(15);
    expect(daysLeft('2026-03-05', '2026-02-13', cal)).toBe(10);
    expect(daysLeft('2026-03-05', '2026-02-20', cal)).toBe(9); // inside the Spring Festival
    expect(daysLeft('2026-03-05', '2026-03-05', cal)).toBe(0);
    expect(isOverdue('2026-03-05', '2026-03-05')).toBe(false);
  });

  it('goes negative once overdue, counting working days since the due date', () => {
    expect(daysLeft('2026-03-05', '2026-03-06', cal)).toBe(-1);
    expect(daysLeft('2026-03-05', '2026-03-07', cal)).toBe(-1);
    expect(daysLeft('2026-03-05', '2026-03-09', cal)).toBe(-2);
    expect(isOverdue('2026-03-05', '2026-03-06')).toBe(true);
  });

  it('is overdue (-1) on a holiday right after the due date, and counts the make-up Saturday', () => {
    expect(daysLeft('2026-09-30', '2026-10-01', cal)).toBe(-1);
    expect(daysLeft('2026-09-30', '2026-10-08', cal)).toBe(-1);
    expect(daysLeft('2026-09-30', '2026-10-10', cal)).toBe(-3);
    expect(daysLeft('2026-10-08', '2026-09-30', cal)).toBe(1);
  });
});

describe('DEFAULT_DEADLINE_POLICIES (DL4)', () => {
  it('gives Jiaxing MB5, Dazhou its week, month and 2 days, and the national 15/15/60+30/30/30 days', () => {
    const rows = (set: keyof typeof DEFAULT_DEADLINE_POLICIES) =>
      DEFAULT_DEADLINE_POLICIES[set].map((p) => [p.measure, p.channel, p.days, p.dayKind, p.isDefault]);
    expect(rows('JIAXING')).toEqual([['FEEDBACK', 'MAILBOX', 15, 'WORKING_DAYS', true]]);
    expect(rows('DAZHOU')).toEqual([
      ['HANDLE', null, 7, 'CALENDAR_DAYS', true],
      ['REPLY', null, 30, 'CALENDAR_DAYS', false],
      ['FORWARD', null, 2, 'CALENDAR_DAYS', false], // 二日 (003): calendar days, DL3
    ]);
    expect(rows('NATIONAL')).toEqual([
      ['FORWARD', null, 15, 'CALENDAR_DAYS', false],
      ['ACCEPTANCE_DECISION', null, 15, 'CALENDAR_DAYS', false],
      ['HANDLE', null, 60, 'CALENDAR_DAYS', true],
      ['EXTENSION', null, 30, 'CALENDAR_DAYS', false],
      ['REVIEW_REQUEST', null, 30, 'CALENDAR_DAYS', false],
      ['REVIEW_ANSWER', null, 30, 'CALENDAR_DAYS', false],
    ]);
  });

  it("uses only DeadlinePolicy's enum values and fits its ruleRef length (DL1, DL4)", () => {
    const all: DefaultDeadlinePolicy[] = Object.values(DEFAULT_DEADLINE_POLICIES).flat();
    for (const p of all) {
      expect(Object.values(DeadlineMeasure)).toContain(p.measure);
      expect(Object.values(DayKind)).toContain(p.dayKind);
      expect([null, ...Object.values(LetterChannel)]).toContain(p.channel);
      expect(p.ruleRef.length).toBeLessThanOrEqual(200);
    }
  });
});
