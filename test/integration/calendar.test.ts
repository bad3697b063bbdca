import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { startTestApp, expectError, type TestApp } from '../support/app.js';
import { setUpOffice, type Office } from '../support/reception-fixtures.js';
import { signIn } from '../support/sessions.js';
import { chineseDaysYears, ensureOfficialCalendar } from '../../server/src/casework/calendar-day/calendar-day.official.js';
import { sendCalendarWarnings } from '../../server/src/casework/calendar-day/calendar-day.status.js';

// Issue 12 item 9 (time bombs): the year is the first one the holiday data does not hold, so this
// file keeps its meaning when a dependency update brings that year's holidays.
const next = Math.max(...chineseDaysYears()) + 1;
const year = next - 1;
const lastOctober = `${year}-10-31`;
const firstNovember = `${year}-11-01`;

let t: TestApp;
let jx: Office;

const STATUS = gql`
  query ($asOf: LocalDate) { calendarStatus(asOf: $asOf) { asOf nextYear holidaysKnown lastKnownYear warnFrom warning message } }
`;
const status = async (asOf: string) => (await jx.clerk.request<any>(STATUS, { asOf })).calendarStatus;
const warningText = `工作日历尚未录入 ${next} 年法定节假日：跨年的办理时限会把节假日算作工作日。请按国务院办公厅通知在“工作日历”中录入（DL2）。`;

beforeAll(async () => {
  t = await startTestApp();
  // as at start-up: the official calendar for every year the package knows
  await ensureOfficialCalendar(t.orm.em.fork());
  jx = await setUpOffice(t, { bodyName: '嘉兴市政协', kind: 'CPPCC', orgName: '嘉兴市政协办公室', code: 'JX', level: 'CITY' });
});
afterAll(async () => {
  await t.close();
});

describe("next year's holidays (issue 12 item 9: time bombs, DL2)", () => {
  it('tells the office nothing before 1 November', async () => {
    expect(await status(lastOctober)).toEqual({
      asOf: lastOctober,
      nextYear: next,
      holidaysKnown: false,
      lastKnownYear: year,
      warnFrom: firstNovember,
      warning: false,
      message: null,
    });
    expect(await sendCalendarWarnings(t.orm.em.fork(), lastOctober)).toBe(0);
  });

  it("warns the office on its dashboard from 1 November while next year's holidays are missing", async () => {
    expect(await status(firstNovember)).toEqual({
      asOf: firstNovember,
      nextYear: next,
      holidaysKnown: false,
      lastKnownYear: year,
      warnFrom: firstNovember,
      warning: true,
      message: warningText,
    });
    expect((await status(`${year}-12-31`)).warning).toBe(true);
  });

  it('is the office’s to see: other roles are refused', async () => {
    const admin = await signIn(t, { roles: ['SYSTEM_ADMIN'] });
    const err = await expectError(admin.client.request(STATUS, { asOf: firstNovember }));
    expect(err.extensions.code).toBe('FORBIDDEN');
  });

  it('notifies every office account once, not again the next day', async () => {
    const second = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: jx.organizationId, displayName: '第二位工作人员' });
    expect(await sendCalendarWarnings(t.orm.em.fork(), firstNovember)).toBe(2);
    expect(await sendCalendarWarnings(t.orm.em.fork(), `${year}-11-02`)).toBe(0);
    // the office sees its organization's notices: one for each of its two accounts
    const seen = await second.client.request<any>(gql`{ allNotifications(sortField: "id", sortOrder: "ASC") { title body kind recipientAccountId } }`);
    const note = { title: `请录入 ${next} 年法定节假日`, body: warningText, kind: 'INFO' };
    expect(seen.allNotifications).toEqual([
      { ...note, recipientAccountId: expect.not.stringMatching(`^${second.accountId}$`) },
      { ...note, recipientAccountId: second.accountId },
    ]);
  });

  it('lets the office enter the holidays, and then stops warning', async () => {
    // e.g. a Spring Festival block: a deadline counted from late January skips these days once entered
    const days = [`${next}-02-08`, `${next}-02-09`, `${next}-02-10`];
    for (const date of days) {
      await jx.clerk.request(gql`mutation ($date: LocalDate!) { createCalendarDay(date: $date, kind: HOLIDAY, name: "春节") { id } }`, { date });
    }
    const entered = await jx.clerk.request<any>(gql`query ($y: Int) { allCalendarDays(filter: { year: $y }) { date kind name year } }`, { y: next });
    expect(entered.allCalendarDays).toEqual(days.map((date) => ({ date, kind: 'HOLIDAY', name: '春节', year: next })));
    expect(await status(firstNovember)).toEqual({
      asOf: firstNovember,
      nextYear: next,
      holidaysKnown: true,
      lastKnownYear: next,
      warnFrom: firstNovember,
      warning: false,
      message: null,
    });
    expect(await sendCalendarWarnings(t.orm.em.fork(), `${year}-11-03`)).toBe(0);
  });
});
