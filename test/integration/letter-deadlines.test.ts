import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type GraphQLClient } from 'graphql-request';
import { ensureOfficialCalendar } from '../../server/src/casework/calendar-day/calendar-day.official.js';
import { LetterEvent } from '../../server/src/casework/letter-event/letter-event.entity.js';
import { Letter } from '../../server/src/casework/letter/letter.entity.js';
import { LetterStatus } from '../../server/src/casework/letter/letter.enums.js';
import { sendDeadlineReminders } from '../../server/src/casework/letter/letter.reminders.js';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { adminClient, signIn, type SignedIn } from '../support/sessions.js';

let t: TestApp;
let admin: GraphQLClient;
let dz: { bodyId: string; orgId: string; clerk: SignedIn; leader: SignedIn; policies: Record<string, string> };
let jx: { bodyId: string; orgId: string; llc: string; clerk: SignedIn; mb5: string; mailboxId: string };

const call = <T = any>(client: GraphQLClient, doc: string, vars: Record<string, unknown> = {}) => client.request<T>(doc, vars);

async function createOrg(name: string, code: string, bodyId: string, parentId?: string): Promise<string> {
  const res = await call(
    admin,
    gql`mutation ($name: String!, $code: String!, $bodyId: ID!, $parentId: ID) { createOrganization(name: $name, code: $code, kind: OFFICE, bodyId: $bodyId, parentId: $parentId) { id } }`,
    { name, code, bodyId, parentId },
  );
  return res.createOrganization.id;
}

async function createBody(name: string): Promise<string> {
  return (await call(admin, gql`mutation ($name: String!) { createBody(name: $name, kind: CPPCC, level: CITY) { id } }`, { name })).createBody.id;
}

async function createPolicy(client: GraphQLClient, p: Record<string, unknown>): Promise<string> {
  const res = await call(
    client,
    gql`
      mutation ($organizationId: ID!, $measure: DeadlineMeasure!, $channel: LetterChannel, $days: Int!, $dayKind: DayKind!, $ruleRef: String!, $isDefault: Boolean) {
        createDeadlinePolicy(organizationId: $organizationId, measure: $measure, channel: $channel, days: $days, dayKind: $dayKind, ruleRef: $ruleRef, isDefault: $isDefault) { id }
      }
    `,
    p,
  );
  return res.createDeadlinePolicy.id;
}

const DEADLINE_FIELDS = 'measure startOn dueOn ruleRef daysLeft overdue provisional done doneOn late main extended rolledFrom localDueOn';

async function register(client: GraphQLClient, args: Record<string, unknown>, asOf: string | null = null): Promise<any> {
  const res = await call(
    client,
    gql`
      mutation ($organizationId: ID!, $channel: LetterChannel!, $receivedOn: LocalDate!, $mailboxId: ID, $asOf: LocalDate, $higherOfficeDueOn: LocalDate, $higherOfficeName: String) {
        registerLetter(organizationId: $organizationId, channel: $channel, title: "小区路灯不亮", content: "幸福小区东门路灯已坏一月有余", receivedOn: $receivedOn, writerName: "张伟", mailboxId: $mailboxId, higherOfficeDueOn: $higherOfficeDueOn, higherOfficeName: $higherOfficeName) {
          id serialNumber deadlinePolicyId ownerAccountId higherOfficeDueOn higherOfficeName
          deadlines(asOf: $asOf) { ${DEADLINE_FIELDS} }
        }
      }
    `,
    { channel: 'POST', asOf, ...args },
  );
  return res.registerLetter;
}

async function deadlinesOf(client: GraphQLClient, id: string, asOf: string): Promise<any[]> {
  const res = await call(client, gql`query ($id: ID!, $asOf: LocalDate) { Letter(id: $id) { deadlines(asOf: $asOf) { ${DEADLINE_FIELDS} } } }`, { id, asOf });
  return res.Letter.deadlines;
}

/** A deadline with the fields that are usually false or null spelled out once. */
const dl = (d: Record<string, unknown>) => ({
  provisional: false,
  done: false,
  doneOn: null,
  late: false,
  main: false,
  extended: false,
  rolledFrom: null,
  localDueOn: null,
  overdue: false,
  ...d,
});

const DZ_ACCEPT = '信访工作条例第二十三条：15日内告知是否受理';
const DZ_HANDLE = 'PV3：一般来信来访一周内处理完毕';
const DZ_REPLY = 'PV3：答复来信人一般不超过一个月';
const DZ_FORWARD = 'PV2：领导批阅之日起2个工作日内转交有关部门';
const DZ_EXTENSION = '信访工作条例第三十四条：经批准可延长一次，不超过30日';
const MB5 = 'MB5：来信处理结果15个工作日内反馈';

async function setStatus(id: string, status: LetterStatus, extra: Record<string, unknown> = {}): Promise<void> {
  await t.orm.em.fork().nativeUpdate(Letter, { id: Number(id) }, { status, ...extra } as any);
}

beforeAll(async () => {
  t = await startTestApp();
  // DL2: the test database starts with an empty calendar
  await ensureOfficialCalendar(t.orm.em.fork());
  admin = await adminClient(t);

  const dzBody = await createBody('达州市政协');
  const dzOrg = await createOrg('达州市政协办公室', 'DZ', dzBody);
  const dzClerk = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: dzOrg, displayName: '信访科 李华' });
  const leaderRecord = await call(dzClerk.client, gql`mutation ($b: ID!) { createLeader(name: "王秘书长", position: SECRETARY_GENERAL, bodyId: $b) { id } }`, { b: dzBody });
  const dzLeader = await signIn(t, { roles: ['LEADER'], organizationId: dzOrg, leaderId: leaderRecord.createLeader.id, displayName: '王秘书长' });
  const policies: Record<string, string> = {};
  for (const [measure, days, dayKind, ruleRef, isDefault] of [
    ['ACCEPTANCE_DECISION', 15, 'CALENDAR_DAYS', DZ_ACCEPT, false],
    ['FORWARD', 2, 'WORKING_DAYS', DZ_FORWARD, false],
    ['HANDLE', 7, 'CALENDAR_DAYS', DZ_HANDLE, true],
    ['REPLY', 30, 'CALENDAR_DAYS', DZ_REPLY, false],
    ['EXTENSION', 30, 'CALENDAR_DAYS', DZ_EXTENSION, false],
  ] as const) {
    policies[measure] = await createPolicy(dzClerk.client, { organizationId: dzOrg, measure, days, dayKind, ruleRef, isDefault });
  }
  dz = { bodyId: dzBody, orgId: dzOrg, clerk: dzClerk, leader: dzLeader, policies };

  const jxBody = await createBody('嘉兴市政协');
  const jxOrg = await createOrg('嘉兴市政协办公室', 'JX', jxBody);
  const llc = await createOrg('嘉兴市政协办公室联络处', 'JXLLC', jxBody, jxOrg);
  const jxClerk = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: jxOrg, displayName: '联络处 周敏' });
  const mb5 = await createPolicy(jxClerk.client, { organizationId: jxOrg, measure: 'FEEDBACK', channel: 'MAILBOX', days: 15, dayKind: 'WORKING_DAYS', ruleRef: MB5, isDefault: true });
  const member = await call(
    jxClerk.client,
    gql`mutation ($bodyId: ID!, $organizationId: ID!) { createMember(name: "王建国", kind: CPPCC_MEMBER, bodyId: $bodyId, organizationId: $organizationId, termNumber: 10, termStart: "2022-01-10") { id } }`,
    { bodyId: jxBody, organizationId: llc },
  );
  const mailbox = await call(
    jxClerk.client,
    gql`mutation ($organizationId: ID!, $leadMemberId: ID!) { createMailbox(name: "新兴街道委员信箱", code: "JX-01", organizationId: $organizationId, leadMemberId: $leadMemberId) { id } }`,
    { organizationId: llc, leadMemberId: member.createMember.id },
  );
  jx = { bodyId: jxBody, orgId: jxOrg, llc, clerk: jxClerk, mb5, mailboxId: mailbox.createMailbox.id };
});
afterAll(async () => {
  await t.close();
});

describe('deadlines chosen at registration (DL4)', () => {
  it("gives a letter its organization's limits, each with its rule, due date and working days left (DL4, DL1, DL3)", async () => {
    const letter = await register(dz.clerk.client, { organizationId: dz.orgId, receivedOn: '2026-09-24' }, '2026-09-30');
    expect(letter.deadlinePolicyId).toBe(dz.policies.HANDLE);
    expect(letter.ownerAccountId).toBe(dz.clerk.accountId);
    expect(letter.deadlines).toEqual([
      dl({ measure: 'ACCEPTANCE_DECISION', startOn: '2026-09-24', dueOn: '2026-10-09', ruleRef: DZ_ACCEPT, daysLeft: 2 }),
      // DL3: the week ends on National Day (10-01) and moves to Thursday 10-08
      dl({ measure: 'HANDLE', startOn: '2026-09-24', dueOn: '2026-10-08', ruleRef: DZ_HANDLE, daysLeft: 1, main: true, rolledFrom: '2026-10-01' }),
      // the month ends on Saturday 10-24 and moves to Monday 10-26; working days 10-08 … 10-26 with the make-up Saturday 10-10
      dl({ measure: 'REPLY', startOn: '2026-09-24', dueOn: '2026-10-26', ruleRef: DZ_REPLY, daysLeft: 14, rolledFrom: '2026-10-24' }),
    ]);
  });

  it('feeds a mailbox letter of a liaison office back within 15 working days, by its parent office’s rule (MB5, DL4, DL2)', async () => {
    const letter = await register(jx.clerk.client, { organizationId: jx.llc, channel: 'MAILBOX', mailboxId: jx.mailboxId, receivedOn: '2026-02-06' }, '2026-02-13');
    expect(letter.deadlinePolicyId).toBe(jx.mb5);
    // across the Spring Festival (02-15 to 02-23 off, make-up Saturdays 02-14 and 02-28)
    expect(letter.deadlines).toEqual([dl({ measure: 'FEEDBACK', startOn: '2026-02-06', dueOn: '2026-03-05', ruleRef: MB5, daysLeft: 10, main: true })]);
    expect(await deadlinesOf(jx.clerk.client, letter.id, '2026-03-06')).toEqual([
      dl({ measure: 'FEEDBACK', startOn: '2026-02-06', dueOn: '2026-03-05', ruleRef: MB5, daysLeft: -1, overdue: true, main: true }),
    ]);
  });

  it('gives a letter no limit of its office covers the national regulation’s (DL4, PV3)', async () => {
    const letter = await register(jx.clerk.client, { organizationId: jx.orgId, receivedOn: '2026-07-03' }, '2026-07-06');
    expect(letter.deadlinePolicyId).toBe(null);
    expect(letter.deadlines.map((d: any) => [d.measure, d.dueOn, d.ruleRef, d.main])).toEqual([
      ['ACCEPTANCE_DECISION', '2026-07-20', '信访工作条例第二十三条：15日内告知是否受理', false], // 07-18 is a Saturday
      ['HANDLE', '2026-09-01', '信访工作条例第三十四条：60日内办结', true],
    ]);
  });

  it('keeps the limits a letter got when its office later changes the policy (DL4)', async () => {
    const org = await createOrg('达州市政协办公室综合科', 'DZZHK', dz.bodyId, dz.orgId);
    const handle = await createPolicy(dz.clerk.client, { organizationId: org, measure: 'HANDLE', days: 7, dayKind: 'CALENDAR_DAYS', ruleRef: '综合科：7日内办理', isDefault: true });
    const before = await register(dz.clerk.client, { organizationId: org, receivedOn: '2026-03-02' });
    await call(dz.clerk.client, gql`mutation ($id: ID!) { updateDeadlinePolicy(id: $id, days: 10, ruleRef: "综合科：10日内办理") { id } }`, { id: handle });
    const after = await register(dz.clerk.client, { organizationId: org, receivedOn: '2026-03-02' });
    expect((await deadlinesOf(dz.clerk.client, before.id, '2026-03-03')).map((d) => [d.measure, d.dueOn, d.ruleRef])).toEqual([
      ['HANDLE', '2026-03-09', '综合科：7日内办理'],
    ]);
    expect((await deadlinesOf(dz.clerk.client, after.id, '2026-03-03')).map((d) => [d.measure, d.dueOn, d.ruleRef])).toEqual([
      ['HANDLE', '2026-03-12', '综合科：10日内办理'],
    ]);
  });
});

describe('a higher office’s deadline and the one extension (PV3)', () => {
  it('takes a higher office’s date given at registration, which overrides the local one (PV3)', async () => {
    const letter = await register(dz.clerk.client, { organizationId: dz.orgId, receivedOn: '2026-09-24', higherOfficeDueOn: '2026-10-15', higherOfficeName: '四川省政协办公厅' }, '2026-10-09');
    expect([letter.higherOfficeDueOn, letter.higherOfficeName]).toEqual(['2026-10-15', '四川省政协办公厅']);
    expect(letter.deadlines.filter((d: any) => d.main).map((d: any) => [d.measure, d.dueOn, d.localDueOn])).toEqual([['HANDLE', '2026-10-15', '2026-10-08']]);
  });

  it('replaces the main deadline with the higher office’s, keeping the local due date, and records the step (PV3)', async () => {
    const letter = await register(dz.clerk.client, { organizationId: dz.orgId, receivedOn: '2026-09-24' });
    const res = await call(
      dz.clerk.client,
      gql`mutation ($id: ID!) { setLetterHigherOfficeDeadline(id: $id, dueOn: "2026-10-15", office: "四川省政协办公厅") { higherOfficeDueOn higherOfficeName deadlines(asOf: "2026-10-09") { ${DEADLINE_FIELDS} } } }`,
      { id: letter.id },
    );
    expect(res.setLetterHigherOfficeDeadline).toEqual({
      higherOfficeDueOn: '2026-10-15',
      higherOfficeName: '四川省政协办公厅',
      deadlines: [
        dl({ measure: 'ACCEPTANCE_DECISION', startOn: '2026-09-24', dueOn: '2026-10-09', ruleRef: DZ_ACCEPT, daysLeft: 0 }),
        dl({
          measure: 'HANDLE',
          startOn: '2026-09-24',
          dueOn: '2026-10-15',
          ruleRef: 'PV3：四川省政协办公厅交办时限（上级机关时限优先于本机关时限）',
          daysLeft: 5,
          main: true,
          localDueOn: '2026-10-08',
        }),
        dl({ measure: 'REPLY', startOn: '2026-09-24', dueOn: '2026-10-26', ruleRef: DZ_REPLY, daysLeft: 12, rolledFrom: '2026-10-24' }),
        // PV2: the result is reported back to the higher office by its date
        dl({ measure: 'HIGHER_OFFICE_REPORT', startOn: '2026-09-24', dueOn: '2026-10-15', ruleRef: 'PV2：向四川省政协办公厅报告办理结果（上级机关交办时限）', daysLeft: 5 }),
      ],
    });
    const events = await call(dz.clerk.client, gql`query ($id: ID) { allLetterEvents(filter: { letterId: $id }, sortField: "id", sortOrder: "ASC") { action note } }`, { id: letter.id });
    expect(events.allLetterEvents.map((e: any) => e.action)).toEqual(['registerLetter', 'setLetterHigherOfficeDeadline']);
    expect(events.allLetterEvents[1].note).toBe('四川省政协办公厅要求 2026-10-15 前办结（上级机关时限优先）');
  });

  it('refuses a higher office’s date before the letter arrived, or without the office (PV3)', async () => {
    const letter = await register(dz.clerk.client, { organizationId: dz.orgId, receivedOn: '2026-09-24' });
    const early = await expectError(call(dz.clerk.client, gql`mutation ($id: ID!) { setLetterHigherOfficeDeadline(id: $id, dueOn: "2026-09-20", office: "四川省政协办公厅") { id } }`, { id: letter.id }));
    expect([early.extensions.code, early.extensions.field]).toEqual(['BAD_USER_INPUT', 'dueOn']);
    const noOffice = await expectError(call(dz.clerk.client, gql`mutation ($id: ID!) { setLetterHigherOfficeDeadline(id: $id, dueOn: "2026-10-20") { id } }`, { id: letter.id }));
    expect([noOffice.extensions.code, noOffice.extensions.field]).toEqual(['BAD_USER_INPUT', 'office']);
    const leader = await expectError(call(dz.leader.client, gql`mutation ($id: ID!) { setLetterHigherOfficeDeadline(id: $id, dueOn: "2026-10-20", office: "省政协") { id } }`, { id: letter.id }));
    expect(leader.extensions.code).toBe('FORBIDDEN');
    // another office's clerk does not reach the letter (PR3)
    const other = await expectError(call(jx.clerk.client, gql`mutation ($id: ID!) { setLetterHigherOfficeDeadline(id: $id, dueOn: "2026-10-20", office: "省政协") { id } }`, { id: letter.id }));
    expect(other.extensions.code).toBe('NOT_FOUND');
  });

  it('extends the main deadline once by the days granted, in the extension policy’s unit (PV3, DL3)', async () => {
    const letter = await register(dz.clerk.client, { organizationId: dz.orgId, receivedOn: '2026-09-24' });
    await setStatus(letter.id, LetterStatus.FORWARDED, { deadlineExtendedDays: 30, writerNotifiedOn: '2026-09-25' });
    const handle = (await deadlinesOf(dz.clerk.client, letter.id, '2026-10-09')).find((d) => d.measure === 'HANDLE');
    // 10-08 + 30 days = Saturday 11-07 → Monday 11-09
    expect(handle).toEqual(
      dl({
        measure: 'HANDLE',
        startOn: '2026-09-24',
        dueOn: '2026-11-09',
        ruleRef: `${DZ_HANDLE}；${DZ_EXTENSION}（延长30日）`,
        daysLeft: 22,
        main: true,
        extended: true,
        rolledFrom: '2026-11-07',
      }),
    );
  });
});

describe('the steps done and the forwarding limit (DL1, PV2)', () => {
  it('counts the 2 days to forward from the leader’s decision, and marks steps done with their dates (PV2)', async () => {
    const letter = await register(dz.clerk.client, { organizationId: dz.orgId, receivedOn: '2026-09-24' });
    await setStatus(letter.id, LetterStatus.DECIDED, { writerNotifiedOn: '2026-10-10', decidedOn: '2026-09-28' });
    expect(await deadlinesOf(dz.clerk.client, letter.id, '2026-10-12')).toEqual([
      dl({ measure: 'ACCEPTANCE_DECISION', startOn: '2026-09-24', dueOn: '2026-10-09', ruleRef: DZ_ACCEPT, daysLeft: null, done: true, doneOn: '2026-10-10', late: true }),
      dl({ measure: 'FORWARD', startOn: '2026-09-28', dueOn: '2026-09-30', ruleRef: DZ_FORWARD, daysLeft: -4, overdue: true }),
      dl({ measure: 'HANDLE', startOn: '2026-09-24', dueOn: '2026-10-08', ruleRef: DZ_HANDLE, daysLeft: -3, overdue: true, main: true, rolledFrom: '2026-10-01' }),
      dl({ measure: 'REPLY', startOn: '2026-09-24', dueOn: '2026-10-26', ruleRef: DZ_REPLY, daysLeft: 10, rolledFrom: '2026-10-24' }),
    ]);
  });

  it('takes the decision day from the events of a letter recorded without it (PV2)', async () => {
    const letter = await register(dz.clerk.client, { organizationId: dz.orgId, receivedOn: '2026-09-24' });
    await setStatus(letter.id, LetterStatus.DECIDED);
    const em = t.orm.em.fork();
    em.create(LetterEvent, {
      letter: Number(letter.id),
      action: 'decide',
      fromStatus: LetterStatus.PROPOSED,
      toStatus: LetterStatus.DECIDED,
      actorName: '王秘书长',
      occurredAt: new Date('2026-09-28T02:00:00Z'),
    } as any);
    await em.flush();
    const forward = (await deadlinesOf(dz.clerk.client, letter.id, '2026-09-29')).find((d) => d.measure === 'FORWARD');
    expect([forward.startOn, forward.dueOn, forward.daysLeft]).toEqual(['2026-09-28', '2026-09-30', 1]);
  });
});

describe('overdue and soon-due letters (DL1–DL3)', () => {
  let org: string;
  let a: any;
  let b: any;
  let c: any;
  const LIST = gql`
    query ($asOf: LocalDate, $org: ID, $page: Int, $perPage: Int, $days: Int!) {
      overdueLetters(asOf: $asOf, organizationId: $org, page: $page, perPage: $perPage) { serialNumber }
      _overdueLettersMeta(asOf: $asOf, organizationId: $org) { count }
      lettersDueWithin(days: $days, asOf: $asOf, organizationId: $org, page: $page, perPage: $perPage) { serialNumber }
      _lettersDueWithinMeta(days: $days, asOf: $asOf, organizationId: $org) { count }
    }
  `;
  const list = (client: GraphQLClient, vars: Record<string, unknown>) =>
    call(client, LIST, { asOf: '2026-10-20', org, ...vars }).then((r) => ({
      overdue: r.overdueLetters.map((l: any) => l.serialNumber),
      overdueCount: r._overdueLettersMeta.count,
      due: r.lettersDueWithin.map((l: any) => l.serialNumber),
      dueCount: r._lettersDueWithinMeta.count,
    }));

  beforeAll(async () => {
    org = await createOrg('达州市政协办公室信访科', 'DZXFK', dz.bodyId, dz.orgId);
    a = await register(dz.clerk.client, { organizationId: org, receivedOn: '2026-09-24' }); // handle 10-08, reply 10-26
    b = await register(dz.clerk.client, { organizationId: org, receivedOn: '2026-10-12' }); // handle 10-19, accept 10-27
    c = await register(dz.clerk.client, { organizationId: org, receivedOn: '2026-10-20' }); // handle 10-27
    const replied = await register(dz.clerk.client, { organizationId: org, receivedOn: '2026-09-24' });
    await setStatus(replied.id, LetterStatus.REPLIED, { repliedOn: '2026-10-30' });
    const voided = await register(dz.clerk.client, { organizationId: org, receivedOn: '2026-09-24' });
    await setStatus(voided.id, LetterStatus.VOIDED);
  });

  it('lists the letters with a step past its due date, the longest overdue first, and those due within n working days', async () => {
    expect(await list(dz.clerk.client, { days: 5 })).toEqual({
      overdue: [a.serialNumber, b.serialNumber],
      overdueCount: 2,
      // a: reply 10-26 (4 working days); b: decision 10-27 (5); c: handling 10-27 (5)
      due: [a.serialNumber, b.serialNumber, c.serialNumber],
      dueCount: 3,
    });
    expect(await list(dz.clerk.client, { days: 4 })).toMatchObject({ due: [a.serialNumber], dueCount: 1 });
    expect(await list(dz.clerk.client, { days: 5, page: 1, perPage: 1 })).toEqual({
      overdue: [b.serialNumber],
      overdueCount: 2,
      due: [b.serialNumber],
      dueCount: 3,
    });
    expect(await list(dz.clerk.client, { days: 5, asOf: '2026-10-08' })).toMatchObject({ overdue: [], overdueCount: 0 });
  });

  it("keeps to the caller's reach: another office sees none of them (PR3)", async () => {
    expect(await list(jx.clerk.client, { days: 5 })).toEqual({ overdue: [], overdueCount: 0, due: [], dueCount: 0 });
    // a handler reaches only the letters forwarded to their department (PR2)
    const dept = await call(
      dz.clerk.client,
      gql`mutation ($o: ID!) { createDepartment(name: "达州市住房和城乡建设局", code: "DZ-ZJJ", organizationId: $o, level: CITY) { id } }`,
      { o: dz.orgId },
    );
    const handler = await signIn(t, { roles: ['DEPARTMENT_HANDLER'], organizationId: dz.orgId, departmentId: dept.createDepartment.id });
    expect(await list(handler.client, { days: 5 })).toEqual({ overdue: [], overdueCount: 0, due: [], dueCount: 0 });
    await t.orm.em.fork().nativeUpdate(Letter, { id: Number(a.id) }, { leadDepartment: Number(dept.createDepartment.id) } as any);
    expect(await list(handler.client, { days: 5 })).toEqual({ overdue: [a.serialNumber], overdueCount: 1, due: [a.serialNumber], dueCount: 1 });
  });

  it('refuses a role that reads no letters, a negative number of days and a date beyond the calendar', async () => {
    const c = await call(dz.clerk.client, gql`mutation ($b: ID!) { createCommittee(name: "提案委员会", bodyId: $b) { id } }`, { b: dz.bodyId });
    const committee = await signIn(t, { roles: ['COMMITTEE_STAFF'], organizationId: dz.orgId, committeeId: c.createCommittee.id });
    expect((await expectError(call(committee.client, gql`{ overdueLetters { id } }`))).extensions.code).toBe('FORBIDDEN');
    const bad = await expectError(call(dz.clerk.client, gql`{ lettersDueWithin(days: -1) { id } }`));
    expect([bad.extensions.code, bad.extensions.field]).toEqual(['BAD_USER_INPUT', 'days']);
    const far = await expectError(call(dz.clerk.client, gql`{ _overdueLettersMeta(asOf: "2201-01-01") { count } }`));
    expect([far.extensions.code, far.extensions.field]).toEqual(['BAD_USER_INPUT', 'asOf']);
  });
});

describe('SQL statements per page (no N+1)', () => {
  it('reads the deadlines of a page of letters in as many statements for 2 letters as for 12', async () => {
    const org = await createOrg('达州市政协办公室秘书科', 'DZMSK', dz.bodyId, dz.orgId);
    for (let i = 0; i < 12; i++) {
      const letter = await register(dz.clerk.client, { organizationId: org, receivedOn: `2026-10-${String(i + 1).padStart(2, '0')}` });
      // some letters' decision days come from their events (one statement for the page)
      if (i % 2 === 0) {
        await setStatus(letter.id, LetterStatus.DECIDED);
        const em = t.orm.em.fork();
        em.create(LetterEvent, { letter: Number(letter.id), action: 'decide', fromStatus: 'PROPOSED', toStatus: 'DECIDED', actorName: '王秘书长', occurredAt: new Date('2026-10-15T02:00:00Z') } as any);
        await em.flush();
      }
    }
    const page = (perPage: number) => () =>
      call(
        dz.clerk.client,
        gql`query ($org: ID, $perPage: Int) { allLetters(perPage: $perPage, filter: { organizationId: $org }) { id deadlines(asOf: "2026-10-20") { dueOn overdue } } }`,
        { org, perPage },
      );
    const overduePage = (perPage: number) => () =>
      call(dz.clerk.client, gql`query ($org: ID, $perPage: Int) { overdueLetters(organizationId: $org, perPage: $perPage, asOf: "2026-10-30") { id deadlines(asOf: "2026-10-30") { dueOn } } }`, {
        org,
        perPage,
      });
    // a first call settles the session's last-seen time, so both measured calls issue the same statements
    const count = async (fn: () => Promise<any>) => {
      await fn();
      return t.countQueries(fn);
    };
    const two = await count(page(2));
    const twelve = await count(page(12));
    expect(two.result.allLetters).toHaveLength(2);
    expect(twelve.result.allLetters).toHaveLength(12);
    expect(twelve.count).toBe(two.count);
    const overdueTwo = await count(overduePage(2));
    const overdueTwelve = await count(overduePage(12));
    expect(overdueTwo.result.overdueLetters).toHaveLength(2);
    expect(overdueTwelve.result.overdueLetters).toHaveLength(12);
    expect(overdueTwelve.count).toBe(overdueTwo.count);
  });
});

describe('deadline reminders (DL1, PV4)', () => {
  it('notifies the owner and the leaders of the owner’s unit 2 working days before a due date and once it passed, each once', async () => {
    const unit = await createOrg('达州市政协办公室督查科', 'DZDCK', dz.bodyId, dz.orgId);
    const clerk = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: unit, displayName: '督查科 王芳' });
    // handling due 10-19, decision 10-27, reply 11-11
    const letter = await register(clerk.client, { organizationId: unit, receivedOn: '2026-10-12' });
    const notes = async () =>
      (
        await call(
          dz.leader.client,
          gql`query ($id: ID) { allNotifications(filter: { letterId: $id }, sortField: "id", sortOrder: "ASC") { title body kind organizationId recipientName recipientAccountId dueOn readAt } }`,
          { id: letter.id },
        )
      ).allNotifications;

    await sendDeadlineReminders(t.orm.em.fork(), '2026-10-15');
    const near = {
      title: `【即将到期】${letter.serialNumber} 办理`,
      body: `来信“小区路灯不亮”的办理时限将于 2026-10-19 到期，还剩 2 个工作日。依据：${DZ_HANDLE}`,
      kind: 'DEADLINE_NEAR',
      organizationId: unit,
      dueOn: '2026-10-19',
      readAt: null,
    };
    const toClerk = { recipientName: '督查科 王芳', recipientAccountId: clerk.accountId };
    // the unit has no leader account of its own: its parent office's leader
    const toLeader = { recipientName: '王秘书长', recipientAccountId: dz.leader.accountId };
    expect(await notes()).toEqual([
      { ...near, ...toClerk },
      { ...near, ...toLeader },
    ]);
    expect((await sendDeadlineReminders(t.orm.em.fork(), '2026-10-15')).written).toBe(0);
    // the next day the handling is 1 working day away: the same reminder, not sent again
    await sendDeadlineReminders(t.orm.em.fork(), '2026-10-16');
    expect(await notes()).toHaveLength(2);

    await sendDeadlineReminders(t.orm.em.fork(), '2026-10-20');
    await sendDeadlineReminders(t.orm.em.fork(), '2026-10-23');
    const passed = {
      title: `【已超期】${letter.serialNumber} 办理`,
      body: `来信“小区路灯不亮”的办理时限已于 2026-10-19 到期，现已超期。依据：${DZ_HANDLE}`,
      kind: 'DEADLINE_PASSED',
      organizationId: unit,
      dueOn: '2026-10-19',
      readAt: null,
    };
    const decision = {
      title: `【即将到期】${letter.serialNumber} 决定是否受理并告知`,
      body: `来信“小区路灯不亮”的决定是否受理并告知时限将于 2026-10-27 到期，还剩 2 个工作日。依据：${DZ_ACCEPT}`,
      kind: 'DEADLINE_NEAR',
      organizationId: unit,
      dueOn: '2026-10-27',
      readAt: null,
    };
    expect(await notes()).toEqual([
      { ...near, ...toClerk },
      { ...near, ...toLeader },
      { ...passed, ...toClerk },
      { ...passed, ...toLeader },
      { ...decision, ...toClerk },
      { ...decision, ...toLeader },
    ]);
    expect((await sendDeadlineReminders(t.orm.em.fork(), '2026-10-23')).written).toBe(0);
    // once the writer has the reply, nothing more comes (the reply would be due 11-11)
    await setStatus(letter.id, LetterStatus.REPLIED);
    await sendDeadlineReminders(t.orm.em.fork(), '2026-11-09');
    expect(await notes()).toHaveLength(6);
  });
});

describe('the calendar years without holidays (DL2)', () => {
  it('marks a deadline in a year without holidays provisional, and reports the year until its holidays are entered (DL2)', async () => {
    const letter = await register(jx.clerk.client, { organizationId: jx.orgId, receivedOn: '2026-11-20' }, '2026-11-23');
    expect(letter.deadlines.map((d: any) => [d.measure, d.dueOn, d.provisional, d.rolledFrom])).toEqual([
      ['ACCEPTANCE_DECISION', '2026-12-07', false, '2026-12-05'],
      ['HANDLE', '2027-01-19', true, null],
    ]);
    const missing = gql`{ calendarYearsMissing(asOf: "2026-11-23") }`;
    expect((await call(dz.leader.client, missing)).calendarYearsMissing).toEqual([2027]);
    await call(jx.clerk.client, gql`mutation { createCalendarDay(date: "2027-01-01", kind: HOLIDAY, name: "元旦") { id } }`);
    expect((await call(dz.leader.client, missing)).calendarYearsMissing).toEqual([]);
    expect((await deadlinesOf(jx.clerk.client, letter.id, '2026-11-23')).map((d) => [d.measure, d.dueOn, d.provisional])).toEqual([
      ['ACCEPTANCE_DECISION', '2026-12-07', false],
      ['HANDLE', '2027-01-19', false],
    ]);
  });
});
