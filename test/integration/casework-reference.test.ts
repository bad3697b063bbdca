import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { chineseDaysYears, ensureOfficialCalendar } from '../../server/src/casework/calendar-day/calendar-day.official.js';
import { admin, createDepartment, createMember, createOffice, req } from '../support/casework-fixtures.js';
import { signIn } from '../support/sessions.js';

let t: TestApp;
let jx: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ organizationId: jx } = await createOffice(t, { bodyName: '嘉兴市政协', kind: 'CPPCC', orgName: '嘉兴市政协办公室', code: 'JX' }));
  // the office's reference data is kept by its staff
  t.client = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: jx })).client;
});
afterAll(async () => {
  await t.close();
});

describe('departments (承办单位)', () => {
  let city: string;
  let county: string;

  it('creates a department tree and lists it sorted by pinyin', async () => {
    city = await createDepartment(t, { name: '嘉兴市住房和城乡建设局', code: 'JX-ZJJ', organizationId: jx });
    county = await createDepartment(t, { name: '南湖区住房和城乡建设局', code: 'NH-ZJJ', organizationId: jx, level: 'COUNTY', parentId: city });
    await createDepartment(t, { name: '嘉兴市公安局', code: 'JX-GAJ', organizationId: jx });
    const list = await req(t, gql`{ allDepartments(sortField: "name", sortOrder: "ASC") { name level parentId organizationId } }`);
    expect(list.allDepartments).toEqual([
      { name: '嘉兴市公安局', level: 'CITY', parentId: null, organizationId: jx },
      { name: '嘉兴市住房和城乡建设局', level: 'CITY', parentId: null, organizationId: jx },
      { name: '南湖区住房和城乡建设局', level: 'COUNTY', parentId: city, organizationId: jx },
    ]);
    const children = await req(t, gql`query ($p: ID) { allDepartments(filter: { parentId: $p }) { code } }`, { p: city });
    expect(children.allDepartments).toEqual([{ code: 'NH-ZJJ' }]);
    const byQ = await req(t, gql`{ allDepartments(filter: { q: "公安" }) { code } }`);
    expect(byQ.allDepartments).toEqual([{ code: 'JX-GAJ' }]);
  });

  it('updates the contact, validating the public phone', async () => {
    const upd = gql`
      mutation ($id: ID!, $version: Int, $contactPerson: String, $contactPhone: String) {
        updateDepartment(id: $id, version: $version, contactPerson: $contactPerson, contactPhone: $contactPhone) { contactPerson contactPhone version }
      }
    `;
    const ok = await req(t, upd, { id: city, version: 1, contactPerson: '钱芳', contactPhone: '0573-82345678' });
    expect(ok.updateDepartment).toEqual({ contactPerson: '钱芳', contactPhone: '0573-82345678', version: 2 });
    const bad = await expectError(req(t, upd, { id: city, contactPhone: '8234' }));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactPhone' });
    const stale = await expectError(req(t, upd, { id: city, version: 1, contactPerson: '别人' }));
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
  });

  it('refuses a duplicate code and a parent that is its own sub-unit', async () => {
    const dup = await expectError(createDepartment(t, { name: '重复', code: 'JX-ZJJ', organizationId: jx }));
    expect(dup.extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const loop = await expectError(req(t, gql`mutation ($id: ID!, $p: ID) { updateDepartment(id: $id, parentId: $p) { id } }`, { id: city, p: county }));
    expect(loop.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
  });

  it('refuses to delete a department with sub-units and deletes a leaf', async () => {
    const err = await expectError(req(t, gql`mutation ($id: ID!) { deleteDepartment(id: $id) { id } }`, { id: city }));
    expect(err.extensions.code).toBe('CONFLICT');
    const del = await req(t, gql`mutation ($id: ID!) { deleteDepartment(id: $id) { name } }`, { id: county });
    expect(del.deleteDepartment).toEqual({ name: '南湖区住房和城乡建设局' });
  });
});

describe('deadline policies (DL1, DL4)', () => {
  const CREATE = gql`
    mutation ($o: ID!, $measure: DeadlineMeasure!, $channel: LetterChannel, $days: Int!, $dayKind: DayKind!, $ruleRef: String!, $isDefault: Boolean) {
      createDeadlinePolicy(organizationId: $o, measure: $measure, channel: $channel, days: $days, dayKind: $dayKind, ruleRef: $ruleRef, isDefault: $isDefault) {
        id organizationId measure channel days dayKind ruleRef isDefault
      }
    }
  `;

  it('keeps an organization’s limits with the rule each comes from (DL1)', async () => {
    const mb5 = await req(t, CREATE, { o: jx, measure: 'FEEDBACK', channel: 'MAILBOX', days: 15, dayKind: 'WORKING_DAYS', ruleRef: 'MB5：15个工作日', isDefault: true });
    expect(mb5.createDeadlinePolicy).toMatchObject({ organizationId: jx, measure: 'FEEDBACK', channel: 'MAILBOX', days: 15, dayKind: 'WORKING_DAYS', ruleRef: 'MB5：15个工作日', isDefault: true });
    const any = await req(t, CREATE, { o: jx, measure: 'HANDLE', days: 60, dayKind: 'CALENDAR_DAYS', ruleRef: '信访工作条例第34条：60日' });
    expect(any.createDeadlinePolicy).toMatchObject({ channel: null, isDefault: false });
    const list = await req(t, gql`query ($o: ID) { allDeadlinePolicies(filter: { organizationId: $o, dayKind: WORKING_DAYS }) { ruleRef } }`, { o: jx });
    expect(list.allDeadlinePolicies).toEqual([{ ruleRef: 'MB5：15个工作日' }]);
  });

  it('allows one limit per organization, measure and channel, “any channel” included', async () => {
    const dup = await expectError(req(t, CREATE, { o: jx, measure: 'FEEDBACK', channel: 'MAILBOX', days: 10, dayKind: 'WORKING_DAYS', ruleRef: '重复' }));
    expect(dup.extensions.code).toBe('CONFLICT');
    const dupAny = await expectError(req(t, CREATE, { o: jx, measure: 'HANDLE', days: 30, dayKind: 'CALENDAR_DAYS', ruleRef: '重复（所有渠道）' }));
    expect(dupAny.extensions.code).toBe('CONFLICT');
    const otherChannel = await req(t, CREATE, { o: jx, measure: 'HANDLE', channel: 'POST', days: 7, dayKind: 'CALENDAR_DAYS', ruleRef: 'PV3：一周内办理' });
    expect(otherChannel.createDeadlinePolicy.channel).toBe('POST');
  });

  it('refuses days outside 1–365 and a missing rule reference (DL1)', async () => {
    const zero = await expectError(req(t, CREATE, { o: jx, measure: 'REPLY', days: 0, dayKind: 'CALENDAR_DAYS', ruleRef: 'PV3' }));
    expect(zero.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    const big = await expectError(req(t, CREATE, { o: jx, measure: 'REPLY', days: 366, dayKind: 'CALENDAR_DAYS', ruleRef: 'PV3' }));
    expect(big.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    const noRule = await expectError(req(t, CREATE, { o: jx, measure: 'REPLY', days: 30, dayKind: 'CALENDAR_DAYS', ruleRef: '  ' }));
    expect(noRule.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ruleRef' });
  });
});

describe('calendar days (DL2)', () => {
  const CREATE = gql`
    mutation ($date: LocalDate!, $kind: CalendarDayKind!, $name: String) {
      createCalendarDay(date: $date, kind: $kind, name: $name) { id date kind name year }
    }
  `;

  it('records holidays and make-up working days with the year taken from the date', async () => {
    const spring = await req(t, CREATE, { date: '2026-02-17', kind: 'HOLIDAY', name: '春节' });
    expect(spring.createCalendarDay).toMatchObject({ date: '2026-02-17', kind: 'HOLIDAY', name: '春节', year: 2026 });
    await req(t, CREATE, { date: '2026-02-14', kind: 'MAKEUP_WORKDAY', name: '春节调休' });
    await req(t, CREATE, { date: '2025-10-01', kind: 'HOLIDAY', name: '国庆节' });
    const y2026 = await req(t, gql`{ allCalendarDays(filter: { year: 2026 }) { date } }`);
    expect(y2026.allCalendarDays).toEqual([{ date: '2026-02-14' }, { date: '2026-02-17' }]);
    const makeup = await req(t, gql`{ allCalendarDays(filter: { kind: MAKEUP_WORKDAY }) { name } }`);
    expect(makeup.allCalendarDays).toEqual([{ name: '春节调休' }]);
    const moved = await req(
      t,
      gql`mutation ($id: ID!) { updateCalendarDay(id: $id, date: "2027-02-06") { date year } }`,
      { id: spring.createCalendarDay.id },
    );
    expect(moved.updateCalendarDay).toEqual({ date: '2027-02-06', year: 2027 });
  });

  it('refuses a second entry for the same date and a make-up working day on a weekday (DL2)', async () => {
    const dup = await expectError(req(t, CREATE, { date: '2025-10-01', kind: 'HOLIDAY', name: '重复' }));
    expect(dup.extensions).toMatchObject({ code: 'CONFLICT', field: 'date' });
    const weekday = await expectError(req(t, CREATE, { date: '2026-02-16', kind: 'MAKEUP_WORKDAY' }));
    expect(weekday.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    const year = await expectError(req(t, gql`mutation { createCalendarDay(date: "2026-05-01", kind: HOLIDAY, year: 2030) { id } }`));
    expect(year.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('enters the official calendar only for years the table does not hold yet, leaving edited years alone (DL2)', async () => {
    // 2025, 2026 and 2027 have rows from the tests above (the office's own entries)
    const entered = await ensureOfficialCalendar(t.orm.em.fork());
    expect(entered).toEqual(chineseDaysYears().filter((y) => ![2025, 2026, 2027].includes(y)));
    // once the office removes its 2026 entry, the year is entered from the official data
    const own = await req(t, gql`{ allCalendarDays(filter: { year: 2026 }) { id } }`);
    expect(own.allCalendarDays).toHaveLength(1);
    await req(t, gql`mutation ($id: ID!) { deleteCalendarDay(id: $id) { id } }`, { id: own.allCalendarDays[0].id });
    expect(await ensureOfficialCalendar(t.orm.em.fork())).toEqual([2026]);
    const y2026 = await req(t, gql`{ allCalendarDays(filter: { year: 2026 }, sortField: "date", sortOrder: "ASC", perPage: 500) { date kind name } }`);
    // 国办发明电〔2025〕7号: Spring Festival 2026 is 15–23 February, worked on Saturday 14 and 28 February
    expect(y2026.allCalendarDays.filter((d: any) => d.date.startsWith('2026-02'))).toEqual([
      { date: '2026-02-14', kind: 'MAKEUP_WORKDAY', name: '春节调休上班' },
      ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => ({ date: `2026-02-${d}`, kind: 'HOLIDAY', name: '春节' })),
      { date: '2026-02-28', kind: 'MAKEUP_WORKDAY', name: '春节调休上班' },
    ]);
    const y2025 = await req(t, gql`{ allCalendarDays(filter: { year: 2025 }) { date } }`);
    expect(y2025.allCalendarDays).toEqual([{ date: '2025-10-01' }]);
    expect(await ensureOfficialCalendar(t.orm.em.fork())).toEqual([]);
  });
});

describe('receptions (ST2, ST3)', () => {
  let stationId: string;
  let officerId: string;
  let deputies: string[];
  let cppccMember: string;

  beforeAll(async () => {
    const congress = await createOffice(t, { bodyName: '北仑区人大常委会', kind: 'CONGRESS', orgName: '北仑区人大常委会办公室', code: 'BL' });
    // The clerk must reach both the congress's deputies and a CPPCC member (the non-deputy refused
    // below), so the congress office is put under the Jiaxing office whose clerk acts here (PR3).
    await (await admin(t)).request(gql`mutation ($id: ID!, $p: ID) { updateOrganization(id: $id, parentId: $p) { id } }`, {
      id: congress.organizationId,
      p: jx,
    });
    deputies = [];
    for (const name of ['孙海燕', '吴志强']) {
      deputies.push(await createMember(t, { name, kind: 'DEPUTY', bodyId: congress.bodyId, organizationId: congress.organizationId }));
    }
    const cppcc = await req(t, gql`{ allBodies(filter: { q: "嘉兴" }) { id } }`);
    cppccMember = await createMember(t, { name: '郑涛', bodyId: cppcc.allBodies[0].id, organizationId: jx });
    const station = await req(
      t,
      gql`mutation ($o: ID!, $d: [ID!]) { createLiaisonStation(name: "新碶街道代表联络站", organizationId: $o, deputyIds: $d) { id } }`,
      { o: congress.organizationId, d: deputies },
    );
    stationId = station.createLiaisonStation.id;
    const officer = await req(
      t,
      gql`mutation ($s: ID!) { createStationStaff(name: "冯婷", role: LIAISON_OFFICER, liaisonStationId: $s) { id } }`,
      { s: stationId },
    );
    officerId = officer.createStationStaff.id;
  });

  const CREATE = gql`
    mutation ($s: ID!, $form: ReceptionForm!, $heldOn: LocalDate!, $topic: String, $deputyIds: [ID!], $officer: ID, $visitorCount: Int, $summary: String) {
      createReception(liaisonStationId: $s, form: $form, heldOn: $heldOn, topic: $topic, deputyIds: $deputyIds, liaisonOfficerId: $officer, visitorCount: $visitorCount, summary: $summary) {
        id liaisonStationId liaisonStationName form heldOn topic deputyIds liaisonOfficerId visitorCount summary version
      }
    }
  `;

  it('records a reception with its deputies and liaison officer (ST3)', async () => {
    const res = await req(t, CREATE, {
      s: stationId,
      form: 'THEMED',
      heldOn: '2026-05-20',
      topic: '老旧小区加装电梯',
      deputyIds: deputies,
      officer: officerId,
      visitorCount: 12,
      summary: '收集意见8条，当场答复3条',
    });
    expect(res.createReception).toEqual({
      id: res.createReception.id,
      liaisonStationId: stationId,
      liaisonStationName: '新碶街道代表联络站',
      form: 'THEMED',
      heldOn: '2026-05-20',
      topic: '老旧小区加装电梯',
      deputyIds: deputies,
      liaisonOfficerId: officerId,
      visitorCount: 12,
      summary: '收集意见8条，当场答复3条',
      version: 1,
    });
    const byDeputy = await req(t, gql`query ($d: ID) { allReceptions(filter: { deputyId: $d, form: THEMED }) { topic } }`, { d: deputies[1] });
    expect(byDeputy.allReceptions).toEqual([{ topic: '老旧小区加装电梯' }]);
    const byQ = await req(t, gql`{ allReceptions(filter: { q: "电梯" }) { topic } }`);
    expect(byQ.allReceptions).toEqual([{ topic: '老旧小区加装电梯' }]);
    const upd = await req(
      t,
      gql`mutation ($id: ID!) { updateReception(id: $id, version: 1, visitorCount: 15) { visitorCount deputyIds version } }`,
      { id: res.createReception.id },
    );
    expect(upd.updateReception).toEqual({ visitorCount: 15, deputyIds: deputies, version: 2 });
  });

  it('refuses a non-deputy among the receiving deputies (ST2) and a negative visitor count', async () => {
    const err = await expectError(req(t, CREATE, { s: stationId, form: 'REGULAR', heldOn: '2026-06-01', deputyIds: [deputies[0], cppccMember] }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deputyIds' });
    const neg = await expectError(req(t, CREATE, { s: stationId, form: 'REGULAR', heldOn: '2026-06-01', visitorCount: -1 }));
    expect(neg.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'visitorCount' });
  });

  it('deletes a reception nothing depends on', async () => {
    const res = await req(t, CREATE, { s: stationId, form: 'ONLINE', heldOn: '2026-06-05' });
    const del = await req(t, gql`mutation ($id: ID!) { deleteReception(id: $id) { form } }`, { id: res.createReception.id });
    expect(del.deleteReception).toEqual({ form: 'ONLINE' });
  });
});
