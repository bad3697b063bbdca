import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type GraphQLClient } from 'graphql-request';
import { ensureOfficialCalendar } from '../../server/src/casework/calendar-day/calendar-day.official.js';
import { Letter } from '../../server/src/casework/letter/letter.entity.js';
import { storeLetterDeadlines } from '../../server/src/casework/letter/letter.deadlines.service.js';
import { LetterStatus } from '../../server/src/casework/letter/letter.enums.js';
import { Migration20261202063642 } from '../../server/src/migrations/Migration20261202063642.js';
import { runPendingJobs } from '../../server/src/platform/job/job.service.js';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { adminClient, signIn, type SignedIn } from '../support/sessions.js';

/**
 * Issue 9, part 4: every letter keeps its current deadlines (DL1) in indexed columns, written in the
 * transaction of each step and recomputed by a job after calendar and policy edits.
 */
let t: TestApp;
let admin: GraphQLClient;
let clerk: SignedIn;
let bodyId: string;
let orgId: string;
const policies: Record<string, string> = {};

const call = <T = any>(client: GraphQLClient, doc: string, vars: Record<string, unknown> = {}) => client.request<T>(doc, vars);

const ACCEPT = '信访工作条例第二十三条：15日内告知是否受理';
const HANDLE = 'PV3：一般来信来访一周内处理完毕';
const REPLY = 'PV3：答复来信人一般不超过一个月';
const REVIEW = '信访工作条例第三十五、三十六条：收到复查（复核）请求之日起30日内提出意见';

async function createOrg(name: string, code: string, parentId?: string): Promise<string> {
  const res = await call(
    admin,
    gql`mutation ($name: String!, $code: String!, $bodyId: ID!, $parentId: ID) { createOrganization(name: $name, code: $code, kind: OFFICE, bodyId: $bodyId, parentId: $parentId) { id } }`,
    { name, code, bodyId, parentId },
  );
  return res.createOrganization.id;
}

async function register(organizationId: string, receivedOn: string): Promise<{ id: string; serialNumber: string }> {
  const res = await call(
    clerk.client,
    gql`mutation ($organizationId: ID!, $receivedOn: LocalDate!) {
      registerLetter(organizationId: $organizationId, channel: POST, title: "小区路灯不亮", content: "幸福小区东门路灯已坏一月有余", receivedOn: $receivedOn, writerName: "张伟") { id serialNumber }
    }`,
    { organizationId, receivedOn },
  );
  return res.registerLetter;
}

const STORED = 'nextDueOn nextDueMeasure nextDueRuleRef';
async function stored(id: string): Promise<[string | null, string | null, string | null]> {
  const l = (await call(clerk.client, gql`query ($id: ID!) { Letter(id: $id) { ${STORED} } }`, { id })).Letter;
  return [l.nextDueOn, l.nextDueMeasure, l.nextDueRuleRef];
}

/** The unfinished deadlines as the letter keeps them (the column the lists read). */
async function openDeadlines(id: string): Promise<Array<[string, string, string]>> {
  const rows = await t.orm.em.fork().execute(`select open_deadlines from letter where id = ?`, [Number(id)]);
  return (rows[0].open_deadlines ?? []).map((d: any) => [d.measure, d.dueOn, d.ruleRef]);
}

async function setStatus(id: string, status: LetterStatus, extra: Record<string, unknown> = {}): Promise<void> {
  await t.orm.em.fork().nativeUpdate(Letter, { id: Number(id) }, { status, ...extra } as any);
}

beforeAll(async () => {
  t = await startTestApp();
  await ensureOfficialCalendar(t.orm.em.fork());
  admin = await adminClient(t);
  bodyId = (await call(admin, gql`mutation { createBody(name: "达州市政协", kind: CPPCC, level: CITY) { id } }`)).createBody.id;
  orgId = await createOrg('达州市政协办公室', 'DZ');
  clerk = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: orgId, displayName: '信访科 李华' });
  for (const [measure, days, ruleRef, isDefault] of [
    ['ACCEPTANCE_DECISION', 15, ACCEPT, false],
    ['HANDLE', 7, HANDLE, true],
    ['REPLY', 30, REPLY, false],
  ] as const) {
    const res = await call(
      clerk.client,
      gql`mutation ($o: ID!, $m: DeadlineMeasure!, $d: Int!, $r: String!, $def: Boolean) { createDeadlinePolicy(organizationId: $o, measure: $m, days: $d, dayKind: CALENDAR_DAYS, ruleRef: $r, isDefault: $def) { id } }`,
      { o: orgId, m: measure, d: days, r: ruleRef, def: isDefault },
    );
    policies[measure] = res.createDeadlinePolicy.id;
  }
  await runPendingJobs(t.orm); // the policy edits' jobs (no letters yet)
});
afterAll(async () => {
  await t.close();
});

describe('stored deadlines, written by every step (DL1)', () => {
  it('keeps the next due date with its measure and rule, and every unfinished deadline, from registration on (DL1, DL3)', async () => {
    const letter = await register(orgId, '2026-09-24');
    // DL3: the week ends on National Day (10-01) and moves to 10-08
    expect(await stored(letter.id)).toEqual(['2026-10-08', 'HANDLE', HANDLE]);
    expect(await openDeadlines(letter.id)).toEqual([
      ['HANDLE', '2026-10-08', HANDLE],
      ['ACCEPTANCE_DECISION', '2026-10-09', ACCEPT],
      ['REPLY', '2026-10-26', REPLY],
    ]);
  });

  it('moves them in the step’s own transaction: accepting finishes the decision, voiding leaves none (DL1)', async () => {
    const letter = await register(orgId, '2026-09-28'); // accept 10-13, handle 10-08 (10-05 rolled), reply 10-28
    expect(await openDeadlines(letter.id)).toEqual([
      ['HANDLE', '2026-10-08', HANDLE],
      ['ACCEPTANCE_DECISION', '2026-10-13', ACCEPT],
      ['REPLY', '2026-10-28', REPLY],
    ]);
    await call(clerk.client, gql`mutation ($id: ID!) { acceptLetter(id: $id, writerNotifiedOn: "2026-09-29") { id } }`, { id: letter.id });
    expect(await openDeadlines(letter.id)).toEqual([
      ['HANDLE', '2026-10-08', HANDLE],
      ['REPLY', '2026-10-28', REPLY],
    ]);
    await call(clerk.client, gql`mutation ($id: ID!) { voidLetter(id: $id, reason: "重复登记") { id } }`, { id: letter.id });
    expect(await stored(letter.id)).toEqual([null, null, null]);
    expect(await openDeadlines(letter.id)).toEqual([]);
  });

  it('follows a higher office’s date (PV3), and leaves none on a letter merged into another', async () => {
    const main = await register(orgId, '2026-09-24');
    const repeat = await register(orgId, '2026-09-25');
    await call(clerk.client, gql`mutation ($id: ID!) { setLetterHigherOfficeDeadline(id: $id, dueOn: "2026-10-05", office: "四川省政协办公厅") { id } }`, { id: main.id });
    expect(await stored(main.id)).toEqual(['2026-10-05', 'HANDLE', 'PV3：四川省政协办公厅交办时限（上级机关时限优先于本机关时限）']);
    await call(clerk.client, gql`mutation ($m: ID!, $ids: [ID!]!) { mergeLetters(mainLetterId: $m, letterIds: $ids) { id } }`, { m: main.id, ids: [repeat.id] });
    expect(await stored(repeat.id)).toEqual([null, null, null]);
    expect(await stored(main.id)).toEqual(['2026-10-05', 'HANDLE', 'PV3：四川省政协办公厅交办时限（上级机关时限优先于本机关时限）']);
  });

  it('counts a reopened letter from the step’s own event, as the deadlines field does (SV2)', async () => {
    const letter = await register(orgId, '2026-09-24');
    await setStatus(letter.id, LetterStatus.REPLIED, { writerNotifiedOn: '2026-09-25', repliedOn: '2026-09-30' });
    const res = await call(
      clerk.client,
      gql`mutation ($id: ID!) { reopenLetter(id: $id, reason: "来信人不满意，重新办理") { ${STORED} deadlines { measure dueOn done } } }`,
      { id: letter.id },
    );
    // handling counts again from the day reopened (the reopening event, not flushed when the columns are
    // computed), not from 09-24: the stored date is the one the deadlines field computes from the events
    const live = await call(clerk.client, gql`query ($id: ID!) { Letter(id: $id) { deadlines { measure startOn dueOn done } } }`, { id: letter.id });
    const handle = live.Letter.deadlines.find((d: any) => d.measure === 'HANDLE');
    expect(handle.startOn).not.toBe('2026-09-24');
    expect([res.reopenLetter.nextDueOn, res.reopenLetter.nextDueMeasure]).toEqual([handle.dueOn, 'HANDLE']);
    expect(await stored(letter.id)).toEqual([handle.dueOn, 'HANDLE', HANDLE]);
  });
});

describe('storeLetterDeadlines, batched', () => {
  it('computes the deadlines of 12 letters in as many statements as of 2, some needing their events', async () => {
    const org = await createOrg('达州市政协办公室研究室', 'DZYJ', orgId);
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      const letter = await register(org, `2026-10-${String(i + 1).padStart(2, '0')}`);
      // every other letter was reopened: its handling counts from the reopening event
      if (i % 2 === 0) await setStatus(letter.id, LetterStatus.REOPENED, { reopenCount: 1, writerNotifiedOn: '2026-10-13' });
      ids.push(Number(letter.id));
    }
    const run = async (n: number) => {
      const em = t.orm.em.fork();
      const letters = await em.find(Letter, { id: { $in: ids.slice(0, n) } });
      const { count } = await t.countQueries(() => storeLetterDeadlines(em, letters));
      return { count, stored: letters.map((l) => l.nextDueOn) };
    };
    const two = await run(2);
    const twelve = await run(12);
    expect(twelve.stored).toHaveLength(12);
    expect(twelve.count).toBe(two.count);
  });
});

describe('the recompute job after calendar and policy edits (DL2, DL4)', () => {
  it('moves the stored due date once the job has run after a holiday is entered inside the deadline (DL2, DL3)', async () => {
    const org = await createOrg('达州市政协办公室督查科', 'DZDC', orgId);
    const letter = await register(org, '2026-03-02'); // handle Monday 03-09
    const untouched = await register(org, '2026-03-20'); // handle Friday 03-27: 03-09 is before its start
    expect(await stored(letter.id)).toEqual(['2026-03-09', 'HANDLE', HANDLE]);
    const day = await call(clerk.client, gql`mutation { createCalendarDay(date: "2026-03-09", kind: HOLIDAY, name: "测试假日") { id } }`);
    // the job runs after the edit's transaction: until then the stored date stands
    expect(await stored(letter.id)).toEqual(['2026-03-09', 'HANDLE', HANDLE]);
    const jobs = await t.orm.em.fork().execute(`select kind, payload, status from job where status = 'PENDING' order by id`);
    expect(jobs).toEqual([{ kind: 'letter-deadlines.recompute', payload: { dates: ['2026-03-09'] }, status: 'PENDING' }]);

    expect(await runPendingJobs(t.orm)).toEqual({ ran: 1, failed: 0 });
    // DL3: the week now ends on a day off and moves to Tuesday 03-10
    expect(await stored(letter.id)).toEqual(['2026-03-10', 'HANDLE', HANDLE]);
    expect(await stored(untouched.id)).toEqual(['2026-03-27', 'HANDLE', HANDLE]);
    const [done] = await t.orm.em.fork().execute(`select status, done, total, error from job order by id desc limit 1`);
    // the letters received by 03-09 with a deadline due in 2026 or later, and open (this file's letters so far)
    expect(done).toMatchObject({ status: 'DONE', error: null });
    expect(done.done).toBe(done.total);

    await call(clerk.client, gql`mutation ($id: ID!) { deleteCalendarDay(id: $id) { id } }`, { id: day.createCalendarDay.id });
    await runPendingJobs(t.orm);
    expect(await stored(letter.id)).toEqual(['2026-03-09', 'HANDLE', HANDLE]);
  });

  it('keeps the rules a letter got at registration when a policy changes, and recounts a letter without kept rules (DL4)', async () => {
    const org = await createOrg('达州市政协办公室综合科', 'DZZH', orgId);
    const handle = await call(
      clerk.client,
      gql`mutation ($o: ID!) { createDeadlinePolicy(organizationId: $o, measure: HANDLE, days: 7, dayKind: CALENDAR_DAYS, ruleRef: "综合科：7日内办理", isDefault: true) { id } }`,
      { o: org },
    );
    const kept = await register(org, '2026-03-02');
    const older = await register(org, '2026-03-02');
    // a letter registered before the rules were kept on letters counts by its office's policies of now
    await t.orm.em.fork().nativeUpdate(Letter, { id: Number(older.id) }, { deadlineRules: null } as any);
    await runPendingJobs(t.orm);
    await call(clerk.client, gql`mutation ($id: ID!) { updateDeadlinePolicy(id: $id, days: 10, ruleRef: "综合科：10日内办理") { id } }`, { id: handle.createDeadlinePolicy.id });
    expect(await runPendingJobs(t.orm)).toEqual({ ran: 1, failed: 0 });
    expect(await stored(kept.id)).toEqual(['2026-03-09', 'HANDLE', '综合科：7日内办理']);
    expect(await stored(older.id)).toEqual(['2026-03-12', 'HANDLE', '综合科：10日内办理']);
  });
});

describe('the lists and filters over the stored deadlines (DL1, PV3)', () => {
  let org: string;
  let a: { id: string; serialNumber: string };
  let b: { id: string; serialNumber: string };
  let review: { id: string; serialNumber: string };
  beforeAll(async () => {
    org = await createOrg('达州市政协办公室信访科', 'DZXF', orgId);
    a = await register(org, '2026-09-24'); // handle 10-08
    b = await register(org, '2026-10-12'); // handle 10-19
  });

  it('filters and sorts letters by the next due date, and by overdue on a given day (DL1)', async () => {
    const list = async (filter: Record<string, unknown>, sortOrder = 'ASC') =>
      (
        await call(clerk.client, gql`query ($f: LetterFilter, $o: String) { allLetters(filter: $f, sortField: "nextDueOn", sortOrder: $o) { serialNumber } }`, {
          f: { organizationId: org, ...filter },
          o: sortOrder,
        })
      ).allLetters.map((l: any) => l.serialNumber);
    expect(await list({})).toEqual([a.serialNumber, b.serialNumber]);
    expect(await list({}, 'DESC')).toEqual([b.serialNumber, a.serialNumber]);
    expect(await list({ nextDueOn_lte: '2026-10-08' })).toEqual([a.serialNumber]);
    expect(await list({ nextDueOn_gte: '2026-10-09', nextDueOn_lte: '2026-10-19' })).toEqual([b.serialNumber]);
    expect(await list({ overdue: true, asOf: '2026-10-09' })).toEqual([a.serialNumber]);
    expect(await list({ overdue: false, asOf: '2026-10-09' })).toEqual([b.serialNumber]);
    expect(await list({ overdue: true, asOf: '2026-10-20' })).toEqual([a.serialNumber, b.serialNumber]);
    expect(await list({ overdue: true, asOf: '2026-10-08' })).toEqual([]);
    const meta = await call(clerk.client, gql`query ($f: LetterFilter) { _allLettersMeta(filter: $f) { count } }`, { f: { organizationId: org, overdue: true, asOf: '2026-10-20' } });
    expect(meta._allLettersMeta.count).toBe(2);
    const bad = await expectError(call(clerk.client, gql`{ allLetters(filter: { overdue: true, asOf: "2201-01-01" }) { id } }`));
    expect([bad.extensions.code, bad.extensions.field]).toEqual(['BAD_USER_INPUT', 'filter.asOf']);
  });

  it('times the answer to a 复查 within 30 days of the request, rolled off a day off, and lists it overdue after the 30th day (PV3, DL3)', async () => {
    review = await register(org, '2026-08-03');
    await setStatus(review.id, LetterStatus.REPLIED, { writerNotifiedOn: '2026-08-04', repliedOn: '2026-09-01' });
    const res = await call(
      clerk.client,
      gql`mutation ($id: ID!) { requestReview(id: $id, requestedOn: "2026-09-04", reason: "对答复意见不服") { ${STORED} deadlines(asOf: "2026-10-08") { measure startOn dueOn rolledFrom daysLeft overdue done } } }`,
      { id: review.id },
    );
    // asked Friday 09-04: the 30th day, 10-04, falls in the National Day holiday → Thursday 10-08
    expect(res.requestReview.deadlines.filter((d: any) => !d.done)).toEqual([
      { measure: 'REVIEW_ANSWER', startOn: '2026-09-04', dueOn: '2026-10-08', rolledFrom: '2026-10-04', daysLeft: 0, overdue: false, done: false },
    ]);
    expect([res.requestReview.nextDueOn, res.requestReview.nextDueMeasure, res.requestReview.nextDueRuleRef]).toEqual(['2026-10-08', 'REVIEW_ANSWER', REVIEW]);
    const lists = async (asOf: string) => {
      const r = await call(
        clerk.client,
        gql`query ($asOf: LocalDate, $org: ID) {
          overdueLetters(asOf: $asOf, organizationId: $org) { serialNumber }
          _overdueLettersMeta(asOf: $asOf, organizationId: $org) { count }
          lettersDueWithin(days: 0, asOf: $asOf, organizationId: $org) { serialNumber }
          _lettersDueWithinMeta(days: 0, asOf: $asOf, organizationId: $org) { count }
        }`,
        { asOf, org },
      );
      return [r.overdueLetters.map((l: any) => l.serialNumber), r._overdueLettersMeta.count, r.lettersDueWithin.map((l: any) => l.serialNumber), r._lettersDueWithinMeta.count];
    };
    // on the 30th day (moved) it is due today, as is a's handling; the next day both are overdue, and a
    // (handling overdue since 10-08) is due today on its decision (10-09)
    expect(await lists('2026-10-08')).toEqual([[], 0, [a.serialNumber, review.serialNumber], 2]);
    expect(await lists('2026-10-09')).toEqual([[a.serialNumber, review.serialNumber], 2, [a.serialNumber], 1]);
  });
});

describe('the migration for existing databases (DL3, PV2)', () => {
  it("changes Dazhou's forwarding rows to 2 calendar days, found by their rule texts, and leaves other rows alone (DL3, PV2)", async () => {
    const em = t.orm.em.fork();
    const org = await createOrg('达州市政协办公室秘书科', 'DZMS', orgId);
    const insert = (ruleRef: string, channel: string | null) =>
      em.execute(`insert into deadline_policy (organization_id, measure, channel, days, day_kind, rule_ref, is_default) values (?, 'FORWARD', ?, 2, 'WORKING_DAYS', ?, false)`, [Number(org), channel, ruleRef]);
    await insert('PV2：领导批阅之日起2个工作日内转交有关部门', null);
    await insert('PV2：批示后2日内转办', 'POST');
    await insert('本机关：批示后2个工作日内转办', 'VISIT');
    const migration = new Migration20261202063642(em.getDriver(), t.orm.config);
    await migration.up();
    const update = migration.getQueries().map(String).find((q) => q.startsWith('update "deadline_policy"'))!;
    await em.execute(update);
    const rows = await em.execute(`select day_kind, rule_ref from deadline_policy where organization_id = ? order by id`, [Number(org)]);
    expect(rows).toEqual([
      { day_kind: 'CALENDAR_DAYS', rule_ref: 'PV2：领导批阅之日起二日内转交有关部门（遇节假日顺延）' },
      { day_kind: 'CALENDAR_DAYS', rule_ref: 'PV2：批示后2日内转办' },
      { day_kind: 'WORKING_DAYS', rule_ref: '本机关：批示后2个工作日内转办' },
    ]);
  });
});
