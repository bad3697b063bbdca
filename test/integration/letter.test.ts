import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import {
  createDepartment,
  createMember,
  createOffice,
  createSubOrganization,
  LETTER_FIELDS,
  registerLetter,
  req,
} from '../support/casework-fixtures.js';
import { signIn } from '../support/sessions.js';
import { daysFromToday } from '../support/dates.js';

let t: TestApp;
let bodyId: string;
let jx: string;
let nh: string;
let members: string[];
let housing: string;
let transport: string;

const ID_NUMBER = '330402199001011230';
/** The clerk of the Jiaxing office who registers the letters, and so owns them (PV4). */
const CLERK = '钱芳';

beforeAll(async () => {
  t = await startTestApp();
  ({ bodyId, organizationId: jx } = await createOffice(t, { bodyName: '嘉兴市政协', kind: 'CPPCC', orgName: '嘉兴市政协办公室', code: 'JX' }));
  // the liaison offices are units of the Jiaxing office, whose clerk reaches them (PR3)
  nh = await createSubOrganization(t, { bodyId, parentId: jx, name: '嘉兴市政协南湖区联络处', code: 'NH' });
  t.client = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: jx, displayName: CLERK })).client;
  members = [];
  for (const name of ['王建国', '李秀英', '陈明']) members.push(await createMember(t, { name, bodyId, organizationId: jx }));
  housing = await createDepartment(t, { name: '嘉兴市住房和城乡建设局', code: 'JX-ZJJ', organizationId: jx });
  transport = await createDepartment(t, { name: '嘉兴市交通运输局', code: 'JX-JTJ', organizationId: jx });
});
afterAll(async () => {
  await t.close();
});

const countLetters = async (organizationId: string) =>
  (await req(t, gql`query ($o: ID) { _allLettersMeta(filter: { organizationId: $o }) { count } }`, { o: organizationId }))._allLettersMeta.count;

describe('registering letters (PV1)', () => {
  it('numbers letters JX-2026-000001, 000002 … per organization and year, as REGISTERED with a first event (PV1, PV4)', async () => {
    const a = await registerLetter(t, { organizationId: jx, title: '小区路灯不亮', content: '幸福小区东门路灯已坏一月有余' });
    const b = await registerLetter(t, { organizationId: jx, title: '公交线路调整', content: '建议恢复12路公交站点' });
    const otherOrg = await registerLetter(t, { organizationId: nh, title: '菜场噪音', content: '凌晨卸货噪音扰民' });
    const lastYear = await registerLetter(t, { organizationId: jx, title: '年底来信', content: '去年收到的来信', receivedOn: '2025-12-30' });
    expect([a.serialNumber, b.serialNumber, otherOrg.serialNumber, lastYear.serialNumber]).toEqual([
      'JX-2026-000001',
      'JX-2026-000002',
      'NH-2026-000001',
      'JX-2025-000001',
    ]);
    expect(a).toMatchObject({ year: 2026, status: 'REGISTERED', ownerName: CLERK, organizationId: jx, category: 'OTHER', urgency: 'NORMAL', version: 1 });
    expect(lastYear.year).toBe(2025);
    expect(a.trackingCode).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(a.trackingCode).not.toBe(b.trackingCode);

    const events = await req(
      t,
      gql`query ($id: ID) { allLetterEvents(filter: { letterId: $id }) { letterId action fromStatus toStatus actorName note } }`,
      { id: a.id },
    );
    expect(events.allLetterEvents).toEqual([
      { letterId: a.id, action: 'registerLetter', fromStatus: null, toStatus: 'REGISTERED', actorName: CLERK, note: '登记，编号 JX-2026-000001' },
    ]);
  });

  it('createLetter is the same registration, numbered in the same sequence (PV1)', async () => {
    const res = await req(
      t,
      gql`
        mutation ($o: ID!) {
          createLetter(organizationId: $o, channel: VISIT, title: "来访反映拆迁补偿", content: "补偿标准不清", receivedOn: "2026-04-01", writerName: "刘洋") {
            serialNumber status
          }
        }
      `,
      { o: jx },
    );
    expect(res.createLetter).toEqual({ serialNumber: 'JX-2026-000003', status: 'REGISTERED' });
  });

  it('gives 20 concurrent registrations 20 distinct consecutive numbers (PV1)', async () => {
    const org = await createSubOrganization(t, { bodyId, parentId: jx, name: '嘉兴市政协海宁联络处', code: 'HN' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => registerLetter(t, { organizationId: org, title: `并发来信${i + 1}`, content: '同时登记' })),
    );
    const serials = results.map((r) => r.serialNumber).sort();
    expect(serials).toEqual(Array.from({ length: 20 }, (_, i) => `HN-2026-${String(i + 1).padStart(6, '0')}`));
    expect(await countLetters(org)).toBe(20);
  });

  it('a refused registration writes nothing and uses up no number (PV1)', async () => {
    const before = await countLetters(nh);
    const err = await expectError(registerLetter(t, { organizationId: nh, title: '无名来信', content: '内容', writerName: null }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'writerName' });
    expect(await countLetters(nh)).toBe(before);
    const next = await registerLetter(t, { organizationId: nh, title: '实名来信', content: '内容' });
    expect(next.serialNumber).toBe('NH-2026-000002');
  });

  it('refuses an anonymous letter that carries writer identity, naming the field (PR4)', async () => {
    const before = await countLetters(jx);
    for (const [field, value] of [
      ['writerName', '赵敏'],
      ['writerPhone', '13812345678'],
      ['writerIdNumber', ID_NUMBER],
      ['writerAddress', '南湖区幸福路1号'],
      ['writerUnit', '嘉兴某厂'],
    ]) {
      const err = await expectError(
        registerLetter(t, { organizationId: jx, title: '匿名反映', content: '内容', isAnonymous: true, writerName: null, [field]: value }),
      );
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await countLetters(jx)).toBe(before);
    const ok = await registerLetter(t, { organizationId: jx, channel: 'ONLINE', title: '匿名反映', content: '网上匿名来信', isAnonymous: true, writerName: null });
    expect(ok).toMatchObject({ isAnonymous: true, writerName: null, writerPhoneMasked: null, serialNumber: 'JX-2026-000004' });
  });

  it('refuses a mailbox letter without its mailbox (MB3)', async () => {
    const err = await expectError(registerLetter(t, { organizationId: jx, channel: 'MAILBOX', title: '信箱来信', content: '内容' }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mailboxId' });
  });

  it('validates writer phone and ID number formats and refuses a future received date', async () => {
    const err = await expectError(
      registerLetter(t, { organizationId: jx, title: '格式', content: '内容', writerPhone: '12345', writerIdNumber: '330402199001011234' }),
    );
    expect(err.extensions.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.fields.map((f: any) => f.field).sort()).toEqual(['writerIdNumber', 'writerPhone']);
    const future = await expectError(registerLetter(t, { organizationId: jx, title: '未来', content: '内容', receivedOn: daysFromToday(1) }));
    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedOn' });
  });
});

describe('writer personal data (PR1)', () => {
  let id: string;

  it('stores writer contact details encrypted and shows them masked', async () => {
    const letter = await registerLetter(t, {
      organizationId: jx,
      title: '楼道堆物',
      content: '楼道堆放杂物存在消防隐患',
      writerName: '周丽',
      writerPhone: '13812345678',
      writerIdNumber: ID_NUMBER,
      writerAddress: '浙江省嘉兴市南湖区幸福路12号',
    });
    id = letter.id;
    expect(letter).toMatchObject({
      writerName: '周丽',
      writerPhoneMasked: '138****5678',
      writerIdNumberMasked: '330402********1230',
      writerAddressMasked: '浙江省嘉兴市****',
    });
    const rows = await t.orm.em.fork().getConnection().execute('select * from letter where id = ?', [Number(id)]);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain('13812345678');
    expect(stored).not.toContain(ID_NUMBER);
    expect(stored).not.toContain('幸福路12号');
    const err = await expectError(req(t, gql`query ($id: ID!) { Letter(id: $id) { writerPhone } }`, { id }));
    expect(err.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('never finds a letter by its writer’s phone with q (PR1)', async () => {
    const res = await req(t, gql`{ allLetters(filter: { q: "13812345678" }) { id } }`);
    expect(res.allLetters).toEqual([]);
  });

  it('finds a repeat writer’s earlier letters by phone (spaces or dashes ignored) or ID number at registration, and refuses the lookup to a department (PV1, PR2)', async () => {
    // in a unit of their own, so the serial numbers the tests below expect stay as they are
    const xz = await createSubOrganization(t, { bodyId, parentId: jx, name: '嘉兴市政协秀洲区联络处', code: 'XZ' });
    const again = await registerLetter(t, { organizationId: xz, title: '楼道堆物仍未清理', content: '上次反映的杂物还在', writerName: '周丽', writerPhone: '13812345678' });
    const other = await registerLetter(t, { organizationId: xz, title: '路灯', content: '路灯不亮', writerName: '吴强', writerPhone: '13900001111' });
    const find = (filter: Record<string, string>) => req(t, gql`query ($f: LetterFilter) { allLetters(filter: $f, sortField: "id", sortOrder: "ASC") { id } }`, { f: filter });
    expect((await find({ writerPhone: '13812345678' })).allLetters).toEqual([{ id }, { id: again.id }]);
    expect((await find({ writerPhone: '138-1234 5678' })).allLetters).toEqual([{ id }, { id: again.id }]);
    expect((await find({ writerIdNumber: ID_NUMBER })).allLetters).toEqual([{ id }]);
    expect((await find({ writerPhone: '13900001111' })).allLetters).toEqual([{ id: other.id }]);
    expect((await find({ writerPhone: '13700000000' })).allLetters).toEqual([]);
    const handler = (await signIn(t, { roles: ['DEPARTMENT_HANDLER'], organizationId: jx, departmentId: housing })).client;
    const refused = await expectError(handler.request(gql`{ allLetters(filter: { writerPhone: "13812345678" }) { id } }`));
    expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'filter.writerPhone', reason: 'WRITER_HIDDEN' });
  });

  it('revealLetterWriter returns the full values with a reason of 2–200 characters (PR1)', async () => {
    const reveal = gql`
      mutation ($id: ID!, $reason: String!) {
        revealLetterWriter(id: $id, reason: $reason) { writerName writerPhone writerIdNumber writerAddress }
      }
    `;
    const res = await req(t, reveal, { id, reason: '电话回访来信人，告知办理结果' });
    expect(res.revealLetterWriter).toEqual({
      writerName: '周丽',
      writerPhone: '13812345678',
      writerIdNumber: ID_NUMBER,
      writerAddress: '浙江省嘉兴市南湖区幸福路12号',
    });
    const short = await expectError(req(t, reveal, { id, reason: '看' }));
    expect(short.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const long = await expectError(req(t, reveal, { id, reason: '查'.repeat(201) }));
    expect(long.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const missing = await expectError(req(t, reveal, { id: '99999', reason: '核实身份' }));
    expect(missing.extensions.code).toBe('NOT_FOUND');
  });
});

describe('updating letters', () => {
  const UPDATE = gql`
    mutation ($id: ID!, $version: Int, $title: String, $urgency: Urgency, $involvedDepartmentIds: [ID!], $writerUnit: String) {
      updateLetter(id: $id, version: $version, title: $title, urgency: $urgency, involvedDepartmentIds: $involvedDepartmentIds, writerUnit: $writerUnit) {
        title urgency involvedDepartmentIds writerUnit status serialNumber version
      }
    }
  `;

  it('changes descriptive fields only: status, serial number and writer are not arguments', async () => {
    const letter = await registerLetter(t, { organizationId: jx, title: '占道经营', content: '夜市占道' });
    const ok = await req(t, UPDATE, { id: letter.id, version: 1, title: '夜市占道经营', urgency: 'URGENT', involvedDepartmentIds: [housing, transport] });
    expect(ok.updateLetter).toEqual({
      title: '夜市占道经营',
      urgency: 'URGENT',
      involvedDepartmentIds: [housing, transport],
      writerUnit: null,
      status: 'REGISTERED',
      serialNumber: letter.serialNumber,
      version: 2,
    });
    for (const arg of ['status: CLOSED', 'serialNumber: "JX-2026-999999"', 'ownerName: "某人"', 'writerName: "别人"', 'organizationId: "2"']) {
      const err = await expectError(req(t, `mutation { updateLetter(id: "${letter.id}", ${arg}) { id } }`));
      expect(err.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('refuses a stale version with CONFLICT and keeps the record', async () => {
    const letter = await registerLetter(t, { organizationId: jx, title: '井盖缺失', content: '人民路井盖缺失' });
    await req(t, UPDATE, { id: letter.id, version: 1, title: '人民路井盖缺失' });
    const err = await expectError(req(t, UPDATE, { id: letter.id, version: 1, title: '旧版本覆盖' }));
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const after = await req(t, gql`query ($id: ID!) { Letter(id: $id) { title version } }`, { id: letter.id });
    expect(after.Letter).toEqual({ title: '人民路井盖缺失', version: 2 });
  });

  it('refuses writer identity on an anonymous letter also on update (PR4)', async () => {
    const letter = await registerLetter(t, { organizationId: jx, channel: 'ONLINE', title: '匿名', content: '匿名反映', isAnonymous: true, writerName: null });
    const err = await expectError(req(t, UPDATE, { id: letter.id, writerUnit: '某单位' }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'writerUnit' });
  });

  it('has no deleteLetter: a letter is never deleted', async () => {
    const err = await expectError(req(t, gql`mutation { deleteLetter(id: "1") { id } }`));
    expect(err.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses to delete a department a letter lists as involved (PV5)', async () => {
    const err = await expectError(req(t, gql`mutation ($id: ID!) { deleteDepartment(id: $id) { id } }`, { id: housing }));
    expect(err.extensions.code).toBe('CONFLICT');
  });
});

describe('finding letters', () => {
  it('finds a letter by a Chinese word of its content with q', async () => {
    const letter = await registerLetter(t, {
      organizationId: nh,
      title: '道路问题',
      content: '小区门口道路积水严重，雨天无法通行',
      community: '建设街道',
    });
    const found = await req(t, gql`{ allLetters(filter: { q: "积水" }) { id } }`);
    expect(found.allLetters).toEqual([{ id: letter.id }]);
    const byCommunity = await req(t, gql`{ allLetters(filter: { q: "建设街道" }) { id } }`);
    expect(byCommunity.allLetters).toEqual([{ id: letter.id }]);
    const none = await req(t, gql`{ allLetters(filter: { q: "停车难" }) { id } }`);
    expect(none.allLetters).toEqual([]);
  });

  it('filters by status, channel, exact serial number, received date range and year', async () => {
    const q = gql`query ($f: LetterFilter) { allLetters(filter: $f, sortField: "serialNumber", sortOrder: "ASC") { serialNumber } }`;
    const serials = async (f: Record<string, unknown>) => (await req(t, q, { f })).allLetters.map((l: any) => l.serialNumber);
    expect(await serials({ serialNumber: 'JX-2026-000002' })).toEqual(['JX-2026-000002']);
    expect(await serials({ year: 2025 })).toEqual(['JX-2025-000001']);
    expect(await serials({ organizationId: jx, channel: 'VISIT' })).toEqual(['JX-2026-000003']);
    expect(await serials({ organizationId: jx, receivedOn_gte: '2026-04-01', receivedOn_lte: '2026-04-30' })).toEqual(['JX-2026-000003']);
    expect(await serials({ organizationId: nh, status: 'REGISTERED' })).toEqual(['NH-2026-000001', 'NH-2026-000002', 'NH-2026-000003']);
    expect(await serials({ organizationId: nh, status: 'CLOSED' })).toEqual([]);
    expect(await serials({ involvedDepartmentId: transport })).toEqual(['JX-2026-000006']);
  });
});

describe('satisfaction surveys (SV1)', () => {
  it('rate exactly one subject and take comment-only updates', async () => {
    const em = t.orm.em.fork();
    const conn = em.getConnection();
    const [letter] = await conn.execute(`select id from letter where serial_number = 'JX-2026-000001'`);
    const [survey] = await conn.execute(
      `insert into satisfaction_survey (letter_id, rating, source, rated_at) values (?, 'DISSATISFIED', 'WRITER', now()) returning id`,
      [letter.id],
    );
    await expect(
      conn.execute(`insert into satisfaction_survey (rating, source, rated_at) values ('SATISFIED', 'STAFF', now())`),
    ).rejects.toThrow(/satisfaction_survey_subject_check/);
    const upd = await req(
      t,
      gql`mutation ($id: ID!) { updateSatisfactionSurvey(id: $id, comment: "答复不够具体") { letterId receptionId rating source round comment } }`,
      { id: String(survey.id) },
    );
    expect(upd.updateSatisfactionSurvey).toEqual({
      letterId: String(letter.id),
      receptionId: null,
      rating: 'DISSATISFIED',
      source: 'WRITER',
      round: 1,
      comment: '答复不够具体',
    });
    const err = await expectError(req(t, gql`mutation { updateSatisfactionSurvey(id: "1", rating: SATISFIED) { id } }`));
    expect(err.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('no N+1 when listing letters', () => {
  it('issues the same small number of SQL statements for 10 and for 100 letters', async () => {
    const org = await createSubOrganization(t, { bodyId, parentId: jx, name: '嘉兴市政协平湖联络处', code: 'PH' });
    for (let chunk = 0; chunk < 10; chunk++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          registerLetter(t, {
            organizationId: org,
            title: `批量来信${chunk * 10 + i}`,
            content: '批量登记的来信',
            writerName: `写信人${chunk * 10 + i}`,
            memberId: members[i % 3],
            involvedDepartmentIds: i % 2 ? [housing, transport] : [housing],
          }),
        ),
      );
    }
    await t.orm.em.fork().getConnection().execute('update letter set lead_department_id = ? where organization_id = ?', [Number(transport), Number(org)]);
    const list = gql`
      query ($perPage: Int, $o: ID) {
        allLetters(perPage: $perPage, filter: { organizationId: $o }) {
          id organizationName memberName leadDepartmentName writerName involvedDepartmentIds
        }
      }
    `;
    // a fresh session: its lastSeenAt is touched at most once a minute, so not during the two counts
    const clerk = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: jx })).client;
    const ten = await t.countQueries(() => clerk.request<any>(list, { perPage: 10, o: org }));
    const hundred = await t.countQueries(() => clerk.request<any>(list, { perPage: 100, o: org }));
    expect(ten.result.allLetters).toHaveLength(10);
    expect(hundred.result.allLetters).toHaveLength(100);
    expect(hundred.result.allLetters[0]).toMatchObject({
      organizationName: '嘉兴市政协平湖联络处',
      leadDepartmentName: '嘉兴市交通运输局',
    });
    expect(new Set(hundred.result.allLetters.map((l: any) => l.memberName))).toEqual(new Set(['王建国', '李秀英', '陈明']));
    expect(hundred.count).toBe(ten.count);
    // the session and the caller's scope (PR3), then the letters, their involved units, organizations,
    // members and lead departments
    expect(ten.count).toBe(7);
  });
});

// the letter fields shared by the fixtures stay queryable as one selection
it('exposes the documented letter fields', async () => {
  const res = await req(t, `{ allLetters(perPage: 1) { ${LETTER_FIELDS} organizationName memberName leadDepartmentName } }`);
  expect(res.allLetters).toHaveLength(1);
});
