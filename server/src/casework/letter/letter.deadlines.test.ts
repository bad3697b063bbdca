import { describe, expect, it } from 'vitest';
import { calendarDaysFromChineseDays } from '../calendar-day/calendar-day.official.js';
import { DEFAULT_DEADLINE_POLICIES, type DefaultDeadlinePolicy } from '../../common/deadline.js';
import { WorkingCalendar } from '../../common/working-days.js';
import {
  SETTLED_STATUSES,
  chooseDeadlineRules,
  dueWithin,
  earliestDue,
  letterDeadlines,
  overdue,
  storedDeadlines,
  type ChosenDeadlineRule,
  type LetterDeadlineFacts,
  type PolicyRow,
} from './letter.deadlines.js';

const cal = new WorkingCalendar(calendarDaysFromChineseDays([2026]), [2026]);

let nextId = 1;
const policies = (organizationId: number, set: readonly DefaultDeadlinePolicy[]): PolicyRow[] =>
  set.map((p) => ({ id: nextId++, organizationId, measure: p.measure, channel: p.channel, days: p.days, dayKind: p.dayKind, ruleRef: p.ruleRef, isDefault: p.isDefault }));

const JIAXING = policies(1, DEFAULT_DEADLINE_POLICIES.JIAXING);
// as the demo seeds Dazhou: every limit of the office marked default
const DAZHOU = policies(2, DEFAULT_DEADLINE_POLICIES.DAZHOU).map((p) => ({ ...p, isDefault: true }));
/** Dazhou's own limits with the regulation's others entered beside them, as in the demo data. */
const DAZHOU_WITH_LAW = [...DAZHOU, ...policies(2, DEFAULT_DEADLINE_POLICIES.NATIONAL.filter((p) => p.measure !== 'HANDLE' && p.measure !== 'FORWARD'))];

const rulesOf = (channel: string, chain: PolicyRow[][]) => chooseDeadlineRules(channel, chain);
const brief = (rules: ChosenDeadlineRule[]) => rules.map((r) => [r.measure, r.days, r.dayKind, r.main, r.organizationId]);

describe('chooseDeadlineRules (DL4)', () => {
  it("gives a Jiaxing mailbox letter the organization's MB5 limit as its main deadline (DL4, MB5)", () => {
    const rules = rulesOf('MAILBOX', [JIAXING]);
    expect(rules).toEqual([
      { policyId: JIAXING[0].id, organizationId: 1, measure: 'FEEDBACK', days: 15, dayKind: 'WORKING_DAYS', ruleRef: 'MB5：来信处理结果15个工作日内反馈', main: true },
    ]);
  });

  it("lets a unit without policies follow its parent's, nearest first (DL4)", () => {
    expect(brief(rulesOf('MAILBOX', [[], [], JIAXING]))).toEqual([['FEEDBACK', 15, 'WORKING_DAYS', true, 1]]);
    expect(brief(rulesOf('POST', [DAZHOU, JIAXING]))).toEqual(brief(rulesOf('POST', [DAZHOU])));
  });

  it('falls back to the national regulation when no unit up the tree has a limit for the channel (DL4, PV3)', () => {
    // Jiaxing's only limit is for mailbox letters
    expect(brief(rulesOf('POST', [JIAXING]))).toEqual([
      ['ACCEPTANCE_DECISION', 15, 'CALENDAR_DAYS', false, null],
      ['FORWARD', 15, 'CALENDAR_DAYS', false, null],
      ['HANDLE', 60, 'CALENDAR_DAYS', true, null],
      ['EXTENSION', 30, 'CALENDAR_DAYS', false, null],
    ]);
    expect(rulesOf('POST', []).every((r) => r.policyId === null)).toBe(true);
  });

  it("takes Dazhou's week as the main deadline, with its month, 2 days and the review limits left to reviews (DL4, PV3)", () => {
    expect(brief(rulesOf('VISIT', [DAZHOU_WITH_LAW]))).toEqual([
      ['ACCEPTANCE_DECISION', 15, 'CALENDAR_DAYS', false, 2],
      ['FORWARD', 2, 'CALENDAR_DAYS', false, 2],
      ['HANDLE', 7, 'CALENDAR_DAYS', true, 2],
      ['REPLY', 30, 'CALENDAR_DAYS', false, 2],
      ['EXTENSION', 30, 'CALENDAR_DAYS', false, 2],
    ]);
  });

  it('prefers a limit for the letter’s channel over one for any channel, and marks the default one main (DL4)', () => {
    const org: PolicyRow[] = [
      { id: 90, organizationId: 5, measure: 'HANDLE', channel: null, days: 30, dayKind: 'CALENDAR_DAYS', ruleRef: '本机关：30日内办结', isDefault: false },
      { id: 91, organizationId: 5, measure: 'HANDLE', channel: 'MAILBOX', days: 10, dayKind: 'WORKING_DAYS', ruleRef: '信箱：10个工作日内办结', isDefault: false },
      { id: 92, organizationId: 5, measure: 'REPLY', channel: null, days: 30, dayKind: 'CALENDAR_DAYS', ruleRef: '本机关：30日内答复', isDefault: true },
    ];
    expect(rulesOf('MAILBOX', [org]).map((r) => [r.policyId, r.main])).toEqual([[91, false], [92, true]]);
    expect(rulesOf('POST', [org]).map((r) => [r.policyId, r.main])).toEqual([[90, false], [92, true]]);
  });
});

const dazhouRules = rulesOf('POST', [DAZHOU_WITH_LAW]);
const mb5Rules = rulesOf('MAILBOX', [JIAXING]);
const facts = (f: Partial<LetterDeadlineFacts>): LetterDeadlineFacts => ({ status: 'REGISTERED', receivedOn: '2026-09-24', rules: null, ...f });

describe('letterDeadlines (DL1–DL3)', () => {
  it('shows each limit with its rule, due date, working days left and no overdue before the due date (DL1, DL3, PV2)', () => {
    const list = letterDeadlines(
      facts({ status: 'DECIDED', decidedOn: '2026-09-28', writerNotifiedOn: '2026-09-25' }),
      dazhouRules,
      cal,
      '2026-09-30',
    );
    expect(list.map((d) => [d.measure, d.startOn, d.dueOn, d.rolledFrom, d.daysLeft, d.overdue, d.done, d.doneOn])).toEqual([
      // LAW 第23条: 15 days to 10-09, a Friday; done when the writer was told
      ['ACCEPTANCE_DECISION', '2026-09-24', '2026-10-09', null, null, false, true, '2026-09-25'],
      // PV2: 二日 from the decision on Monday 09-28, a working Wednesday (DL3); due today
      ['FORWARD', '2026-09-28', '2026-09-30', null, 0, false, false, null],
      // DL3: the week ends on National Day and moves to 10-08
      ['HANDLE', '2026-09-24', '2026-10-08', '2026-10-01', 1, false, false, null],
      // DL3: the month ends on Saturday 10-24 and moves to Monday; 10-08, 09, make-up 10, 12–16, 19–23, 26
      ['REPLY', '2026-09-24', '2026-10-26', '2026-10-24', 14, false, false, null],
    ]);
    expect(list.map((d) => d.ruleRef)).toEqual([
      '信访工作条例第二十三条：15日内告知是否受理',
      'PV2：领导批阅之日起二日内转交有关部门（遇节假日顺延）',
      'PV3：一般来信来访一周内处理完毕',
      'PV3：答复来信人一般不超过一个月',
    ]);
    expect(list.map((d) => d.main)).toEqual([false, false, true, false]);
  });

  it('starts the 2 days to forward only once a leader has decided (PV2)', () => {
    expect(letterDeadlines(facts({ status: 'PROPOSED' }), dazhouRules, cal, '2026-09-30').map((d) => d.measure)).toEqual([
      'ACCEPTANCE_DECISION',
      'HANDLE',
      'REPLY',
    ]);
  });

  it('feeds a mailbox letter back within 15 working days across the Spring Festival, then counts it overdue (MB5, DL2)', () => {
    const letter = facts({ receivedOn: '2026-02-06' });
    const [on13] = letterDeadlines(letter, mb5Rules, cal, '2026-02-13');
    expect(on13).toEqual({
      measure: 'FEEDBACK',
      startOn: '2026-02-06',
      dueOn: '2026-03-05',
      ruleRef: 'MB5：来信处理结果15个工作日内反馈',
      daysLeft: 10,
      overdue: false,
      provisional: false,
      done: false,
      doneOn: null,
      late: false,
      main: true,
      extended: false,
      rolledFrom: null,
      localDueOn: null,
    });
    const [after] = letterDeadlines(letter, mb5Rules, cal, '2026-03-06');
    expect([after.daysLeft, after.overdue]).toEqual([-1, true]);
  });

  it('marks a deadline counted into a year without holidays entered provisional (DL2)', () => {
    // Sunday 2026-12-20: Dec 21–25, 28–31, then plain weekdays of 2027: Jan 1, 4–8
    const [d] = letterDeadlines(facts({ receivedOn: '2026-12-20' }), mb5Rules, cal, '2026-12-21');
    expect([d.dueOn, d.provisional, d.daysLeft]).toEqual(['2027-01-08', true, 14]);
  });

  it('lets a higher office’s due date replace the main deadline, earlier or later, keeping the local one (PV3)', () => {
    const [, handle, reply] = letterDeadlines(
      facts({ status: 'ACCEPTED', higherOfficeDueOn: '2026-10-15', higherOfficeName: '四川省政协办公厅' }),
      dazhouRules,
      cal,
      '2026-10-09',
    );
    expect(handle).toMatchObject({
      measure: 'HANDLE',
      dueOn: '2026-10-15',
      ruleRef: 'PV3：四川省政协办公厅交办时限（上级机关时限优先于本机关时限）',
      localDueOn: '2026-10-08',
      overdue: false,
      daysLeft: 5, // the make-up Saturday 10-10, then 12–15
    });
    expect(reply.dueOn).toBe('2026-10-26'); // only the main deadline is the higher office's
  });

  it('extends the main deadline once by the days granted, in the extension policy’s unit (PV3, DL3)', () => {
    const national = rulesOf('POST', []);
    const [, handle] = letterDeadlines(facts({ status: 'FORWARDED', receivedOn: '2026-07-03', deadlineExtendedDays: 30 }), national, cal, '2026-09-02');
    expect(handle).toMatchObject({
      measure: 'HANDLE',
      dueOn: '2026-10-08',
      rolledFrom: '2026-10-01',
      extended: true,
      overdue: false,
      ruleRef: '信访工作条例第三十四条：60日内办结；信访工作条例第三十四条：经批准可延长一次，不超过30日（延长30日）',
    });
    // without an extension policy: calendar days, as the regulation counts them
    const [mb5] = letterDeadlines(facts({ receivedOn: '2026-02-06', deadlineExtendedDays: 10 }), mb5Rules, cal, '2026-03-06');
    expect([mb5.dueOn, mb5.rolledFrom, mb5.extended, mb5.overdue, mb5.ruleRef]).toEqual([
      '2026-03-16',
      '2026-03-15',
      true,
      false,
      'MB5：来信处理结果15个工作日内反馈；PV3：经批准延长10日（信访工作条例第三十四条）',
    ]);
  });

  it('marks steps done by the status, with the day done and whether it was late (MB5)', () => {
    const [fb] = letterDeadlines(facts({ status: 'REPLIED', receivedOn: '2026-02-06', repliedOn: '2026-03-06' }), mb5Rules, cal, '2026-04-01');
    expect([fb.done, fb.doneOn, fb.late, fb.overdue, fb.daysLeft]).toEqual([true, '2026-03-06', true, false, null]);
    const onTime = letterDeadlines(facts({ status: 'CLOSED', receivedOn: '2026-02-06', repliedOn: '2026-03-05' }), mb5Rules, cal, '2026-04-01');
    expect(onTime.map((d) => [d.done, d.late])).toEqual([[true, false]]);
  });

  it('counts handling, reply and feedback again from the day a letter is reopened (SV2)', () => {
    const list = letterDeadlines(
      facts({ status: 'REOPENED', receivedOn: '2026-03-02', decidedOn: '2026-03-05', reopenedOn: '2026-05-06' }),
      dazhouRules,
      cal,
      '2026-05-07',
    );
    expect(list.map((d) => [d.measure, d.startOn, d.dueOn, d.done])).toEqual([
      ['ACCEPTANCE_DECISION', '2026-03-02', '2026-03-17', true],
      ['FORWARD', '2026-03-05', '2026-03-09', true],
      ['HANDLE', '2026-05-06', '2026-05-13', false],
      ['REPLY', '2026-05-06', '2026-06-05', false],
    ]);
  });

  it('keeps only the decision for a declined letter and nothing for a voided or merged one', () => {
    expect(letterDeadlines(facts({ status: 'DECLINED' }), dazhouRules, cal, '2026-10-30').map((d) => [d.measure, d.done])).toEqual([
      ['ACCEPTANCE_DECISION', true],
    ]);
    expect(letterDeadlines(facts({ status: 'VOIDED' }), dazhouRules, cal, '2026-10-30')).toEqual([]);
    expect(letterDeadlines(facts({ status: 'MERGED' }), dazhouRules, cal, '2026-10-30')).toEqual([]);
  });

  it('applies a higher office’s deadline even where no local limit finishes the letter (PV3)', () => {
    const onlyAcceptance: ChosenDeadlineRule[] = [
      { policyId: 1, organizationId: 1, measure: 'ACCEPTANCE_DECISION', days: 15, dayKind: 'CALENDAR_DAYS', ruleRef: '信访工作条例第二十三条', main: false },
    ];
    const list = letterDeadlines(facts({ higherOfficeDueOn: '2026-10-20', higherOfficeName: '省信访局' }), onlyAcceptance, cal, '2026-09-25');
    expect(list.map((d) => [d.measure, d.dueOn, d.main])).toEqual([
      ['ACCEPTANCE_DECISION', '2026-10-09', false],
      ['HANDLE', '2026-10-20', true],
      ['HIGHER_OFFICE_REPORT', '2026-10-20', false],
    ]);
  });

  it('reports back to the higher office by its deadline: due on its date, done when reported, overdue otherwise (PV2)', () => {
    const referred = { higherOfficeDueOn: '2026-10-15', higherOfficeName: '四川省政协办公厅' };
    const reportOf = (f: Partial<LetterDeadlineFacts>, today: string) =>
      letterDeadlines(facts({ ...referred, ...f }), dazhouRules, cal, today).find((d) => d.measure === 'HIGHER_OFFICE_REPORT');
    // replied, not reported yet: the letter's own steps are done, the report is not
    expect(reportOf({ status: 'REPLIED', repliedOn: '2026-10-12' }, '2026-10-13')).toEqual({
      measure: 'HIGHER_OFFICE_REPORT',
      startOn: '2026-09-24',
      dueOn: '2026-10-15',
      ruleRef: 'PV2：向四川省政协办公厅报告办理结果（上级机关交办时限）',
      daysLeft: 2,
      overdue: false,
      provisional: false,
      done: false,
      doneOn: null,
      late: false,
      main: false,
      extended: false,
      rolledFrom: null,
      localDueOn: null,
    });
    expect(reportOf({ status: 'REPLIED' }, '2026-10-16')).toMatchObject({ overdue: true, done: false, daysLeft: -1 });
    expect(reportOf({ status: 'REPLIED', reportedToHigherOfficeOn: '2026-10-14' }, '2026-10-20')).toMatchObject({
      done: true, doneOn: '2026-10-14', late: false, overdue: false, daysLeft: null,
    });
    expect(reportOf({ status: 'CLOSED', reportedToHigherOfficeOn: '2026-10-19' }, '2026-10-20')).toMatchObject({ done: true, late: true, overdue: false });
    // none without a higher office, nor for a declined letter
    expect(letterDeadlines(facts({ status: 'REPLIED' }), dazhouRules, cal, '2026-10-13').some((d) => d.measure === 'HIGHER_OFFICE_REPORT')).toBe(false);
    expect(reportOf({ status: 'DECLINED' }, '2026-10-13')).toBeUndefined();
  });

  it('lists the statuses in which every step is done; a letter under 复查/复核 awaits its answer (PV3)', () => {
    expect([...SETTLED_STATUSES].sort()).toEqual(['CLOSED', 'DECLINED', 'MERGED', 'REPLIED', 'REVIEWED', 'RE_REVIEWED', 'VOIDED']);
  });

  it('finds the earliest open due date among the overdue or soon-due steps', () => {
    const list = letterDeadlines(facts({ status: 'DECIDED', decidedOn: '2026-09-28' }), dazhouRules, cal, '2026-10-09');
    expect(earliestDue(list, overdue)).toBe('2026-09-30');
    // the decision step is done; the reply is 12 working days away (10-10, 12–16, 19–23, 26)
    expect(earliestDue(list, dueWithin(0))).toBe(null);
    expect(earliestDue(list, dueWithin(11))).toBe(null);
    expect(earliestDue(list, dueWithin(12))).toBe('2026-10-26');
    expect(earliestDue(letterDeadlines(facts({ status: 'DECIDED', decidedOn: '2026-09-28' }), dazhouRules, cal, '2026-09-25'), overdue)).toBe(null);
  });
});

describe('复查 and 复核 answered within 30 days (PV3)', () => {
  const REVIEW_RULE = '信访工作条例第三十五、三十六条：收到复查（复核）请求之日起30日内提出意见';
  const review = (f: Partial<LetterDeadlineFacts>, asOf: string) =>
    letterDeadlines(facts({ repliedOn: '2026-02-20', ...f }), dazhouRules, cal, asOf).filter((d) => d.measure === 'REVIEW_ANSWER');

  it('gives a letter under 复查 30 days from the request to answer, overdue after the 30th day (PV3)', () => {
    // asked Monday 03-02: the 30th day is Wednesday 04-01
    const due = { measure: 'REVIEW_ANSWER', startOn: '2026-03-02', dueOn: '2026-04-01', ruleRef: REVIEW_RULE, done: false, doneOn: null, late: false, main: false, extended: false, rolledFrom: null, localDueOn: null, provisional: false };
    expect(review({ status: 'REVIEWING', reviewRequestedOn: '2026-03-02' }, '2026-04-01')).toEqual([{ ...due, daysLeft: 0, overdue: false }]);
    expect(review({ status: 'REVIEWING', reviewRequestedOn: '2026-03-02' }, '2026-04-02')).toEqual([{ ...due, daysLeft: -1, overdue: true }]);
  });

  it('moves a 30th day on a day off to the next working day (PV3, DL3)', () => {
    // asked Friday 09-04: the 30th day, 10-04, is in the National Day holiday → Thursday 10-08
    expect(review({ status: 'REVIEWING', reviewRequestedOn: '2026-09-04' }, '2026-10-08').map((d) => [d.dueOn, d.rolledFrom, d.daysLeft, d.overdue])).toEqual([
      ['2026-10-08', '2026-10-04', 0, false],
    ]);
    expect(review({ status: 'REVIEWING', reviewRequestedOn: '2026-09-04' }, '2026-10-09').map((d) => [d.daysLeft, d.overdue])).toEqual([[-1, true]]);
  });

  it('marks the 复查 answer done (late or not) and times the 复核 from its own request (PV3)', () => {
    const list = review(
      { status: 'RE_REVIEWING', reviewRequestedOn: '2026-03-02', reviewAnsweredOn: '2026-04-03', reReviewRequestedOn: '2026-04-10' },
      '2026-05-06',
    );
    expect(list.map((d) => [d.startOn, d.dueOn, d.done, d.doneOn, d.late, d.daysLeft, d.overdue])).toEqual([
      ['2026-03-02', '2026-04-01', true, '2026-04-03', true, null, false],
      // 04-10 + 30 = Sunday 05-10 → Monday 05-11 (DL3); left: 05-07, 05-08, the make-up Saturday 05-09, 05-11
      ['2026-04-10', '2026-05-11', false, null, false, 4, false],
    ]);
    // answered: nothing open under 复查 any more
    expect(review({ status: 'REVIEWED', reviewRequestedOn: '2026-03-02', reviewAnsweredOn: '2026-03-20' }, '2026-05-06').map((d) => [d.done, d.late])).toEqual([[true, false]]);
  });

  it('stores a letter under 复查 with the answer as its next deadline (PV3, DL1)', () => {
    const list = letterDeadlines(facts({ status: 'REVIEWING', repliedOn: '2026-02-20', reviewRequestedOn: '2026-03-02' }), dazhouRules, cal, '2026-03-03');
    expect(storedDeadlines(list)).toEqual({
      nextDueOn: '2026-04-01',
      nextDueMeasure: 'REVIEW_ANSWER',
      nextDueRuleRef: REVIEW_RULE,
      openDeadlines: [{ measure: 'REVIEW_ANSWER', dueOn: '2026-04-01', ruleRef: REVIEW_RULE, provisional: false }],
      openDueDates: ['2026-04-01'],
    });
  });
});

describe('storedDeadlines (DL1)', () => {
  it('keeps the unfinished deadlines earliest first, the next one with its measure and rule, and nothing once settled', () => {
    const list = letterDeadlines(facts({ status: 'DECIDED', decidedOn: '2026-09-28', writerNotifiedOn: '2026-09-25' }), dazhouRules, cal, '2026-09-30');
    const stored = storedDeadlines(list);
    expect([stored.nextDueOn, stored.nextDueMeasure, stored.nextDueRuleRef]).toEqual(['2026-09-30', 'FORWARD', 'PV2：领导批阅之日起二日内转交有关部门（遇节假日顺延）']);
    expect(stored.openDeadlines.map((d) => [d.measure, d.dueOn])).toEqual([
      ['FORWARD', '2026-09-30'],
      ['HANDLE', '2026-10-08'],
      ['REPLY', '2026-10-26'],
    ]);
    expect(stored.openDueDates).toEqual(['2026-09-30', '2026-10-08', '2026-10-26']);
    // the due dates do not depend on the day they are counted on
    expect(storedDeadlines(letterDeadlines(facts({ status: 'DECIDED', decidedOn: '2026-09-28', writerNotifiedOn: '2026-09-25' }), dazhouRules, cal, '2027-03-01'))).toEqual(stored);
    expect(storedDeadlines(letterDeadlines(facts({ status: 'CLOSED' }), dazhouRules, cal, '2026-09-30'))).toEqual({
      nextDueOn: null,
      nextDueMeasure: null,
      nextDueRuleRef: null,
      openDeadlines: [],
      openDueDates: [],
    });
  });
});
