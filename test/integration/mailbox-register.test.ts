import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { gql, type GraphQLClient } from 'graphql-request';
import { Letter } from '../../server/src/casework/letter/letter.entity.js';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { adminClient, signIn, type SignedIn } from '../support/sessions.js';

let t: TestApp;
let admin: GraphQLClient;
let clerk: SignedIn;
let bodyId: string;
let groups: { nanhu: string; haining: string; xiuzhou: string };
let boxes: Record<'m1' | 'm2' | 'm3' | 'm4' | 'm5' | 'm6', string>;
let otherClerk: SignedIn;
let officeId: string;

const call = <T = any>(client: GraphQLClient, doc: string, vars: Record<string, unknown> = {}) => client.request<T>(doc, vars);

async function createOrg(name: string, code: string, parentId?: string, mailboxOpeningPeriodDays?: number): Promise<string> {
  const res = await call(
    admin,
    gql`
      mutation ($name: String!, $code: String!, $bodyId: ID!, $parentId: ID, $p: Int) {
        createOrganization(name: $name, code: $code, kind: OFFICE, bodyId: $bodyId, parentId: $parentId, mailboxOpeningPeriodDays: $p) { id }
      }
    `,
    { name, code, bodyId, parentId, p: mailboxOpeningPeriodDays },
  );
  return res.createOrganization.id;
}

async function member(name: string, organizationId: string): Promise<string> {
  const res = await call(
    clerk.client,
    gql`mutation ($name: String!, $b: ID!, $o: ID!) { createMember(name: $name, kind: CPPCC_MEMBER, bodyId: $b, organizationId: $o, termNumber: 10, termStart: "2022-01-10") { id } }`,
    { name, b: bodyId, o: organizationId },
  );
  return res.createMember.id;
}

async function group(name: string, leaderMemberId: string): Promise<string> {
  const res = await call(clerk.client, gql`mutation ($name: String!, $b: ID!, $l: ID) { createLiaisonGroup(name: $name, bodyId: $b, leaderMemberId: $l) { id } }`, {
    name,
    b: bodyId,
    l: leaderMemberId,
  });
  return res.createLiaisonGroup.id;
}

async function mailbox(m: { code: string; organizationId: string; liaisonGroupId: string; leadMemberId: string; installedOn?: string; openingPeriodDays?: number; isActive?: boolean }): Promise<string> {
  const res = await call(
    clerk.client,
    gql`
      mutation ($code: String!, $organizationId: ID!, $liaisonGroupId: ID, $leadMemberId: ID!, $installedOn: LocalDate, $openingPeriodDays: Int, $isActive: Boolean) {
        createMailbox(name: $code, code: $code, organizationId: $organizationId, liaisonGroupId: $liaisonGroupId, leadMemberId: $leadMemberId,
          installedOn: $installedOn, openingPeriodDays: $openingPeriodDays, isActive: $isActive) { id }
      }
    `,
    m,
  );
  return res.createMailbox.id;
}

async function open(mailboxId: string, openedByMemberId: string, openedOn: string, letterCount: number): Promise<void> {
  await call(
    clerk.client,
    gql`mutation ($m: ID!, $by: ID!, $on: LocalDate!, $n: Int!) { openMailbox(mailboxId: $m, openedByMemberId: $by, openedOn: $on, letterCount: $n) { id } }`,
    { m: mailboxId, by: openedByMemberId, on: openedOn, n: letterCount },
  );
}

/** A mailbox letter registered over the API, then put in the state the test needs. */
async function letter(organizationId: string, mailboxId: string, receivedOn: string, state: Record<string, unknown> = {}): Promise<string> {
  const res = await call(
    clerk.client,
    gql`
      mutation ($o: ID!, $m: ID!, $on: LocalDate!) {
        registerLetter(organizationId: $o, channel: MAILBOX, mailboxId: $m, title: "楼道堆物", content: "楼道堆放杂物存在消防隐患", receivedOn: $on, isAnonymous: true) { id }
      }
    `,
    { o: organizationId, m: mailboxId, on: receivedOn },
  );
  const id = res.registerLetter.id;
  if (Object.keys(state).length) await t.orm.em.fork().nativeUpdate(Letter, { id: Number(id) }, state as any);
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await adminClient(t);
  bodyId = (await call(admin, gql`mutation { createBody(name: "嘉兴市政协", kind: CPPCC, level: CITY) { id } }`)).createBody.id;
  const office = await createOrg('嘉兴市政协办公室', 'JX');
  officeId = office;
  const llc = await createOrg('嘉兴市政协办公室联络处', 'JXLLC', office);
  // MB2: a county office sets its own period
  const haining = await createOrg('海宁市政协办公室', 'JXHN', office, 10);
  clerk = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: office, displayName: '联络处 周敏' });

  const [a1, a2, b1, b2, c1] = [
    await member('王建国', llc),
    await member('李秀英', llc),
    await member('陈明', haining),
    await member('张丽', haining),
    await member('刘洋', llc),
  ];
  groups = { nanhu: await group('南湖区委员活动小组', a1), haining: await group('海宁市委员联络组', b1), xiuzhou: await group('秀洲区委员活动小组', c1) };
  boxes = {
    m1: await mailbox({ code: 'JX-01', organizationId: llc, liaisonGroupId: groups.nanhu, leadMemberId: a1, installedOn: '2026-01-05' }),
    m2: await mailbox({ code: 'JX-02', organizationId: llc, liaisonGroupId: groups.nanhu, leadMemberId: a2 }),
    m3: await mailbox({ code: 'JX-03', organizationId: haining, liaisonGroupId: groups.haining, leadMemberId: b1 }),
    m4: await mailbox({ code: 'JX-04', organizationId: haining, liaisonGroupId: groups.haining, leadMemberId: b2, openingPeriodDays: 30 }),
    m5: await mailbox({ code: 'JX-05', organizationId: llc, liaisonGroupId: groups.nanhu, leadMemberId: a2, installedOn: '2026-11-01' }),
    m6: await mailbox({ code: 'JX-06', organizationId: llc, liaisonGroupId: groups.nanhu, leadMemberId: a1, isActive: false }),
  };
  // MB3: openings with the letters found
  await open(boxes.m1, a1, '2026-03-01', 2);
  await open(boxes.m1, a1, '2026-11-01', 1);
  await open(boxes.m2, a2, '2025-12-20', 1);
  await open(boxes.m2, a2, '2026-11-10', 0);
  await open(boxes.m3, b1, '2026-11-08', 1);
  await open(boxes.m4, b2, '2026-11-01', 0);

  // 南湖: six letters of 2026 and one of 2025
  await letter(llc, boxes.m1, '2026-03-01');
  // MB5: fed back six weeks after it arrived, past its 15 working days
  await letter(llc, boxes.m1, '2026-03-02', { status: 'REPLIED', handledOn: '2026-04-20', repliedOn: '2026-04-30' });
  await letter(llc, boxes.m1, '2026-03-01', { status: 'HANDLED', handledOn: '2026-03-10' });
  await letter(llc, boxes.m1, '2026-11-01', { status: 'REPLIED', handledOn: '2026-11-05', repliedOn: '2026-11-06' });
  await letter(llc, boxes.m2, '2026-11-10', { status: 'ESCALATED', escalationLevel: 'COUNTY_OFFICE' });
  await letter(llc, boxes.m2, '2026-11-10', { status: 'CONVERTED', convertedTo: 'PROPOSAL' });
  await letter(llc, boxes.m2, '2025-12-20', { status: 'REPLIED', repliedOn: '2025-12-30' });
  // 海宁: one closed after the reply, one taken up by the group itself (not reported on)
  await letter(haining, boxes.m3, '2026-11-08', { status: 'CLOSED', handledOn: '2026-11-09', repliedOn: '2026-11-10' });
  await letter(haining, boxes.m3, '2026-11-08', { status: 'ESCALATED', escalationLevel: 'LIAISON_GROUP' });

  const other = (await call(admin, gql`mutation { createBody(name: "达州市政协", kind: CPPCC, level: CITY) { id } }`)).createBody.id;
  const dz = (await call(admin, gql`mutation ($b: ID!) { createOrganization(name: "达州市政协办公室", code: "DZ", kind: OFFICE, bodyId: $b) { id } }`, { b: other })).createOrganization.id;
  otherClerk = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: dz });
});
afterAll(async () => {
  await t.close();
});

describe('mailboxes past their opening period (MB2)', () => {
  const OVERDUE = gql`
    query ($asOf: LocalDate) {
      overdueMailboxes(asOf: $asOf) { code lastOpenedOn openingDueOn }
      _overdueMailboxesMeta(asOf: $asOf) { count }
    }
  `;

  it("lists the active mailboxes not opened within their period — half a month, a county office's own, or the mailbox's — the longest overdue first (MB2)", async () => {
    const res = await call(clerk.client, OVERDUE, { asOf: '2026-11-20' });
    expect(res.overdueMailboxes).toEqual([
      { code: 'JX-01', lastOpenedOn: '2026-11-01', openingDueOn: '2026-11-16' }, // half a month
      { code: 'JX-05', lastOpenedOn: null, openingDueOn: '2026-11-16' }, // never opened: from its installation
      { code: 'JX-03', lastOpenedOn: '2026-11-08', openingDueOn: '2026-11-18' }, // 海宁: every 10 days
    ]);
    expect(res._overdueMailboxesMeta.count).toBe(3);
    // due on the day is not yet overdue; JX-02 (11-25) and JX-04 (its own 30 days, 12-01) are within their periods
    expect((await call(clerk.client, OVERDUE, { asOf: '2026-11-16' }))._overdueMailboxesMeta.count).toBe(0);
    expect((await call(clerk.client, OVERDUE, { asOf: '2026-12-02' })).overdueMailboxes.map((m: any) => m.code)).toEqual([
      'JX-01',
      'JX-05',
      'JX-03',
      'JX-02',
      'JX-04',
    ]);
  });

  it("keeps to the caller's reach: a group's staff see their group's mailboxes, another office none (MB2, PR3)", async () => {
    const staff = await signIn(t, { roles: ['STATION_STAFF'], organizationId: officeId, liaisonGroupId: groups.haining });
    expect((await call(staff.client, OVERDUE, { asOf: '2026-11-20' })).overdueMailboxes.map((m: any) => m.code)).toEqual(['JX-03']);
    expect(await call(otherClerk.client, OVERDUE, { asOf: '2026-11-20' })).toEqual({ overdueMailboxes: [], _overdueMailboxesMeta: { count: 0 } });
  });
});

const ZERO = { mailboxCount: 0, openingCount: 0, lettersFound: 0, registered: 0, handled: 0, reported: 0, fedBack: 0, fedBackOnTime: 0 };
const STATS = gql`
  query ($b: ID!, $y: Int!) {
    mailboxRegisterStatistics(bodyId: $b, year: $y) {
      bodyName year
      rows { liaisonGroupId liaisonGroupName mailboxCount openingCount lettersFound registered handled reported fedBack fedBackOnTime }
      total { liaisonGroupId liaisonGroupName mailboxCount openingCount lettersFound registered handled reported fedBack fedBackOnTime }
    }
  }
`;

describe('the yearly mailbox register (MB7)', () => {
  it('counts per liaison group the letters registered, handled, reported, fed back and fed back on time in the year, in pinyin order, with the total (MB7, MB3, MB5)', async () => {
    const res = await call(clerk.client, STATS, { b: bodyId, y: 2026 });
    expect(res.mailboxRegisterStatistics).toEqual({
      bodyName: '嘉兴市政协',
      year: 2026,
      rows: [
        // 海宁 (hǎi), 南湖 (nán), 秀洲 (xiù)
        { liaisonGroupId: groups.haining, liaisonGroupName: '海宁市委员联络组', mailboxCount: 2, openingCount: 2, lettersFound: 1, registered: 2, handled: 1, reported: 0, fedBack: 1, fedBackOnTime: 1 },
        { liaisonGroupId: groups.nanhu, liaisonGroupName: '南湖区委员活动小组', mailboxCount: 3, openingCount: 3, lettersFound: 3, registered: 6, handled: 3, reported: 2, fedBack: 2, fedBackOnTime: 1 },
        { liaisonGroupId: groups.xiuzhou, liaisonGroupName: '秀洲区委员活动小组', ...ZERO },
      ],
      total: { liaisonGroupId: null, liaisonGroupName: '合计', mailboxCount: 5, openingCount: 5, lettersFound: 4, registered: 8, handled: 4, reported: 2, fedBack: 3, fedBackOnTime: 2 },
    });
    const lastYear = (await call(clerk.client, STATS, { b: bodyId, y: 2025 })).mailboxRegisterStatistics;
    expect(lastYear.total).toEqual({ liaisonGroupId: null, liaisonGroupName: '合计', mailboxCount: 5, openingCount: 1, lettersFound: 1, registered: 1, handled: 1, reported: 0, fedBack: 1, fedBackOnTime: 1 });
  });

  it("counts only what the caller reaches: a group's staff their group, another office not the body at all (MB7, PR3)", async () => {
    const staff = await signIn(t, { roles: ['STATION_STAFF'], organizationId: officeId, liaisonGroupId: groups.haining });
    const mine = (await call(staff.client, STATS, { b: bodyId, y: 2026 })).mailboxRegisterStatistics;
    expect(mine.rows.map((r: any) => [r.liaisonGroupName, r.registered, r.mailboxCount, r.fedBackOnTime])).toEqual([
      ['海宁市委员联络组', 2, 2, 1],
      ['南湖区委员活动小组', 0, 0, 0],
      ['秀洲区委员活动小组', 0, 0, 0],
    ]);
    expect((await expectError(call(otherClerk.client, STATS, { b: bodyId, y: 2026 }))).extensions.code).toBe('NOT_FOUND');
    const c = await call(clerk.client, gql`mutation ($b: ID!, $o: ID!) { createMember(name: "赵强", kind: CPPCC_MEMBER, bodyId: $b, organizationId: $o, termNumber: 10, termStart: "2022-01-10") { id } }`, { b: bodyId, o: officeId });
    const memberAccount = await signIn(t, { roles: ['MEMBER'], organizationId: officeId, memberId: c.createMember.id });
    expect((await expectError(call(memberAccount.client, STATS, { b: bodyId, y: 2026 }))).extensions.code).toBe('FORBIDDEN');
    expect((await expectError(call(clerk.client, STATS, { b: bodyId, y: 1999 }))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('the register as a spreadsheet (MB7)', () => {
  const exportUrl = (query: string) => `${t.url.replace(/\/graphql$/, '')}/export/mailbox-register.xlsx?${query}`;
  const cells = (ws: ExcelJS.Worksheet, row: number) => Array.from({ length: 10 }, (_v, i) => ws.getCell(row, i + 1).value ?? null);

  it('downloads the yearly register as .xlsx with Chinese headers, one row per group and the total, fed back on time included (MB7, MB5)', async () => {
    const res = await fetch(exportUrl(`bodyId=${bodyId}&year=2026`), { headers: { authorization: `Bearer ${clerk.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="mailbox-register-2026.xlsx"; filename*=UTF-8''${encodeURIComponent('嘉兴市政协2026年度委员信箱工作统计.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['信箱台账']);
    const ws = wb.getWorksheet('信箱台账')!;
    expect(ws.rowCount).toBe(6);
    expect(ws.getCell('A1').value).toBe('嘉兴市政协2026年度委员信箱工作统计');
    expect(ws.getCell('J1').isMerged).toBe(true);
    expect(cells(ws, 2)).toEqual(['序号', '委员活动小组（联络组）', '信箱数', '开启次数', '收到信件', '登记来信', '已办理', '已报送', '已反馈', '按时反馈']);
    expect(cells(ws, 3)).toEqual([1, '海宁市委员联络组', 2, 2, 1, 2, 1, 0, 1, 1]);
    expect(cells(ws, 4)).toEqual([2, '南湖区委员活动小组', 3, 3, 3, 6, 3, 2, 2, 1]);
    expect(cells(ws, 5)).toEqual([3, '秀洲区委员活动小组', 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(cells(ws, 6)).toEqual([null, '合计', 5, 5, 4, 8, 4, 2, 3, 2]);
  });

  it('refuses without a session (401), for a role without the register (403), a body out of reach (404) and a missing year (400)', async () => {
    const anonymous = await fetch(exportUrl(`bodyId=${bodyId}&year=2026`));
    expect([anonymous.status, (await anonymous.json()).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const expired = await fetch(exportUrl(`bodyId=${bodyId}&year=2026`), { headers: { authorization: 'Bearer not-a-session' } });
    expect(expired.status).toBe(401);
    const dept = await call(clerk.client, gql`mutation ($o: ID!) { createDepartment(name: "嘉兴市住房和城乡建设局", code: "JX-ZJJ", organizationId: $o, level: CITY) { id } }`, {
      o: officeId,
    });
    const handler = await signIn(t, { roles: ['DEPARTMENT_HANDLER'], organizationId: officeId, departmentId: dept.createDepartment.id });
    const forbidden = await fetch(exportUrl(`bodyId=${bodyId}&year=2026`), { headers: { authorization: `Bearer ${handler.token}` } });
    expect([forbidden.status, (await forbidden.json()).errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    const outOfReach = await fetch(exportUrl(`bodyId=${bodyId}&year=2026`), { headers: { authorization: `Bearer ${otherClerk.token}` } });
    expect([outOfReach.status, (await outOfReach.json()).errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    const noYear = await fetch(exportUrl(`bodyId=${bodyId}`), { headers: { authorization: `Bearer ${clerk.token}` } });
    expect([noYear.status, (await noYear.json()).errors[0].extensions.field]).toEqual([400, 'year']);
  });
});
