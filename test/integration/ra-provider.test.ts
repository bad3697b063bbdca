/**
 * The console talks to the API through the STOCK ra-data-graphql-simple provider, unmodified, with the
 * committed schema as its introspection result (ARCHITECTURE.md "API grammar"). This file builds that
 * provider in Node and drives every resource it finds in schema/schema.graphql through it: reads for
 * all, create/update/delete where the schema has those mutations.
 *
 * A new resource needs one line in FIXTURES below (or records made by another line's seed), or the
 * coverage test fails and says which.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { GraphQLClient } from 'graphql-request';
import type buildDataProviderFn from 'ra-data-graphql-simple';
import { Secret, TOTP } from 'otpauth';
import { startTestApp, type TestApp } from '../support/app.js';
import { createAccount } from '../../server/src/account/account.service.js';
import { Role } from '../../server/src/account/role.js';

/** The id of the first record created for each resource, for links from records created later. */
type Ids = Record<string, string>;
type Data = Record<string, unknown>;
interface Fixture {
  /** Args for createX. `n` is 0 or 1 (two records each); links point to records made earlier (`id.Body`). */
  create?: (id: Ids, n: 0 | 1) => Data;
  /** Fields updateX changes on the first record (sent with the rest of the record, as the console does). */
  update?: Data;
  /**
   * For a resource without createX: makes a record through its workflow verb, returns its id, e.g.
   * `seed: async (api, id) => (await api.request<any>(REGISTER_LETTER, { organizationId: id.Organization })).registerLetter.id`
   */
  seed?: (api: GraphQLClient, id: Ids) => Promise<string>;
}

// One line per resource, dependencies first. The bodies are people's congresses: liaison stations and
// receptions need deputies (DEPUTY members of a CONGRESS body), and a member's kind follows its body.
const FIXTURES: Array<[resource: string, fixture: Fixture]> = [
  ['Body', { create: (id, n) => [{ name: '嘉兴市人大常委会', kind: 'CONGRESS', level: 'CITY', region: '嘉兴市' }, { name: '南湖区人大常委会', kind: 'CONGRESS', level: 'COUNTY', parentId: id.Body }][n], update: { region: '浙江省嘉兴市' } }],
  ['Organization', { create: (id, n) => [{ name: '嘉兴市人大常委会办公室', code: 'JX', kind: 'OFFICE', bodyId: id.Body, mailboxOpeningPeriodDays: 15 }, { name: '嘉兴市人大常委会研究室', code: 'JXYJ', kind: 'RESEARCH_OFFICE', bodyId: id.Body, parentId: id.Organization }][n], update: { address: '嘉兴市南湖区中环东路1号' } }],
  ['CalendarDay', { create: (_id, n) => [{ date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' }, { date: '2026-10-10', kind: 'MAKEUP_WORKDAY', name: '国庆节调休上班' }][n], update: { name: '国庆节假期' } }],
  ['Sector', { create: (id, n) => [{ name: '经济界', bodyId: id.Body, sortOrder: 1 }, { name: '教育界', bodyId: id.Body, sortOrder: 2 }][n], update: { name: '经济界别' } }],
  ['Committee', { create: (id, n) => [{ name: '财政经济委员会', bodyId: id.Body, sectorIds: [id.Sector], description: '联系经济界' }, { name: '教育科学文化卫生委员会', bodyId: id.Body }][n], update: { description: '联系经济界代表' } }],
  ['Department', { create: (id, n) => [{ name: '嘉兴市住房和城乡建设局', code: 'JXZJ', level: 'CITY', organizationId: id.Organization, contactPerson: '李强', contactPhone: '13812345678' }, { name: '嘉兴市住建局城建科', code: 'JXZJCJ', level: 'CITY', organizationId: id.Organization, parentId: id.Department }][n], update: { contactPerson: '王强' } }],
  ['DeadlinePolicy', { create: (id, n) => [{ organizationId: id.Organization, measure: 'HANDLE', days: 60, dayKind: 'CALENDAR_DAYS', ruleRef: '信访工作条例第三十二条' }, { organizationId: id.Organization, measure: 'ACCEPTANCE_DECISION', days: 15, dayKind: 'CALENDAR_DAYS', ruleRef: '信访工作条例第二十二条' }][n], update: { ruleRef: '《信访工作条例》第三十二条' } }],
  ['LiaisonGroup', { create: (id, n) => [{ name: '南湖片代表联络组', bodyId: id.Body, area: '南湖区', organizationId: id.Organization }, { name: '秀洲片代表联络组', bodyId: id.Body, area: '秀洲区' }][n], update: { area: '南湖区城区' } }],
  ['Member', { create: (id, n) => [{ name: '张建国', kind: 'DEPUTY', bodyId: id.Body, organizationId: id.Organization, liaisonGroupId: id.LiaisonGroup, sectorId: id.Sector, isStandingMember: true, termNumber: 16, termStart: '2023-01-01', phone: '13812345678', workUnit: '嘉兴市某公司' }, { name: '李秀英', kind: 'DEPUTY', bodyId: id.Body, organizationId: id.Organization, termNumber: 15, termStart: '2018-01-01', termEnd: '2022-12-31' }][n], update: { workUnit: '嘉兴市某集团公司董事长' } }],
  ['Leader', { create: (id, n) => [{ name: '陈建华', position: 'DIRECTOR', bodyId: id.Body, termNumber: 16, termStart: '2023-01-01' }, { name: '刘明', position: 'DEPUTY_DIRECTOR', bodyId: id.Body }][n], update: { name: '陈建华（主任）' } }],
  ['Constituent', { create: (id, n) => [{ name: '周敏', organizationId: id.Organization, community: '灵溪镇', gender: 'FEMALE', phone: '13912345678', idNumber: '11010519491231002X', occupation: '教师' }, { name: '吴刚', organizationId: id.Organization, community: '新兴街道' }][n], update: { occupation: '退休教师' } }],
  ['ContactPairing', { create: (id, n) => [{ kind: 'MEMBER_CONSTITUENT', memberId: id.Member, constituentId: id.Constituent, startDate: '2025-01-01', endDate: '2025-12-31' }, { kind: 'LEADER_STANDING', leaderId: id.Leader, memberId: id.Member, startDate: '2025-01-01' }][n], update: { note: '每季度走访一次' } }],
  ['ContactVisit', { create: (id, n) => [{ kind: 'MEMBER_CONSTITUENT', mode: 'VISIT', memberId: id.Member, constituentId: id.Constituent, visitedOn: '2026-02-01', summary: '了解老旧小区改造意见' }, { kind: 'LEADER_STANDING', mode: 'TALK', leaderId: id.Leader, memberId: id.Member, visitedOn: '2026-03-01' }][n], update: { summary: '了解老旧小区加装电梯意见' } }],
  ['LiaisonStation', { create: (id, n) => [{ name: '新兴街道代表联络站', organizationId: id.Organization, deputyIds: [id.Member], deputyInChargeId: id.Member, address: '新兴街道新兴路1号', contactPhone: '13812345678' }, { name: '网上代表联络站', organizationId: id.Organization, isOnline: true }][n], update: { receptionSchedule: '每月第一个周三上午' } }],
  ['StationStaff', { create: (id, n) => [{ name: '冯婷', role: 'LIAISON_OFFICER', liaisonStationId: id.LiaisonStation, contactPhone: '13812345678' }, { name: '许丹', role: 'CLERK', liaisonGroupId: id.LiaisonGroup }][n], update: { contactPhone: '13912345678' } }],
  ['Reception', { create: (id, n) => [{ liaisonStationId: id.LiaisonStation, form: 'REGULAR', heldOn: '2026-03-04', topic: '老旧小区改造', deputyIds: [id.Member], liaisonOfficerId: id.StationStaff, visitorCount: 5 }, { liaisonStationId: id.LiaisonStation, form: 'THEMED', heldOn: '2026-04-01' }][n], update: { summary: '收集意见5条' } }],
  ['Activity', { create: (id, n) => [{ title: '视察老旧小区改造', kind: 'INSPECTION', bodyId: id.Body, heldOn: '2026-03-10', organizationId: id.Organization, location: '南湖区' }, { title: '代表学习会', kind: 'STUDY', bodyId: id.Body, heldOn: '2026-04-10', liaisonGroupId: id.LiaisonGroup }][n], update: { description: '视察南湖区老旧小区改造进度' } }],
  ['Attendance', { create: (id, n) => [{ memberId: id.Member, activityId: id.Activity, status: 'PRESENT' }, { memberId: id.Member, receptionId: id.Reception, status: 'EXCUSED', note: '出差' }][n], update: { note: '全程参加' } }],
  ['Mailbox', { create: (id, n) => [{ name: '新兴街道代表信箱', code: 'XX01', organizationId: id.Organization, leadMemberId: id.Member, liaisonGroupId: id.LiaisonGroup, community: '新兴街道', installedOn: '2025-01-01' }, { name: '灵溪镇代表信箱', code: 'LX01', organizationId: id.Organization, leadMemberId: id.Member }][n], update: { address: '新兴街道新兴路1号' } }],
  // openMailbox is the only way to record an opening
  ['MailboxOpening', {
    seed: async (api, id) => (await api.request<any>(`mutation ($m: ID!, $by: ID!) { openMailbox(mailboxId: $m, openedByMemberId: $by, openedOn: "2026-03-01", letterCount: 2) { id } }`, { m: id.Mailbox, by: id.Member })).openMailbox.id,
    update: { notes: '信件完好' },
  }],
  ['Letter', { create: (id, n) => [{ organizationId: id.Organization, channel: 'MAILBOX', title: '老旧小区加装电梯', content: '希望尽快加装电梯', receivedOn: '2026-03-02', writerName: '张伟', writerPhone: '13812345678', mailboxId: id.Mailbox, mailboxOpeningId: id.MailboxOpening, memberId: id.Member, involvedDepartmentIds: [id.Department] }, { organizationId: id.Organization, channel: 'POST', title: '路灯不亮', content: '新兴路路灯不亮', receivedOn: '2026-03-03', isAnonymous: true }][n], update: { community: '新兴街道' } }],
  // registering a letter writes its first event
  ['LetterEvent', { seed: async (api, id) => (await api.request<any>(`query ($l: ID) { allLetterEvents(filter: { letterId: $l }) { id } }`, { l: id.Letter })).allLetterEvents[0].id }],
  // no verb rates a letter yet (the writer's rating by tracking code comes later): one row written directly
  ['SatisfactionSurvey', {
    seed: async (_api, id) => (await sql(`insert into satisfaction_survey (letter_id, rating, source, rated_at) values (?, 'SATISFIED', 'STAFF', now()) returning id`, [id.Letter]))[0].id.toString(),
    update: { comment: '办理及时' },
  }],
  // no verb sends a notification yet (deadline reminders come later): one row written directly
  ['Notification', { seed: async (_api, id) => (await sql(`insert into notification (title, kind, letter_id, organization_id) values ('紧急来信', 'URGENT_LETTER', ?, ?) returning id`, [id.Letter, id.Organization]))[0].id.toString() }],
  ['OpinionReport', { create: (id, n) => [{ title: '关于老旧小区加装电梯的建议', bodyId: id.Body, submittedOn: '2026-03-05', memberId: id.Member, sourceLetterId: id.Letter }, { title: '关于路灯维护的建议', bodyId: id.Body, submittedOn: '2026-03-06', liaisonGroupId: id.LiaisonGroup }][n], update: { content: '建议简化加装电梯审批' } }],
  ['Proposal', { create: (id, n) => [{ title: '关于加快老旧小区改造的建议', bodyId: id.Body, year: 2026, memberId: id.Member, serialNumber: '2026-001', submittedOn: '2026-01-10' }, { title: '关于完善路灯维护机制的建议', bodyId: id.Body, year: 2026, liaisonGroupId: id.LiaisonGroup }][n], update: { content: '建议设立专项资金' } }],
  ['Suggestion', { create: (id, n) => [{ title: '改进代表学习培训方式', bodyId: id.Body, memberId: id.Member, submittedOn: '2026-05-01' }, { title: '增加联络站开放时间', bodyId: id.Body }][n], update: { content: '建议增加线上培训' } }],
  ['WorkPlan', { create: (id, n) => [{ organizationId: id.Organization, year: 2026, title: '2026年度工作计划', filedOn: '2026-01-10' }, { organizationId: id.Organization, year: 2027, title: '2027年度工作计划' }][n], update: { content: '每季度至少开展一次活动' } }],
  ['WorkSummary', { create: (id, n) => [{ organizationId: id.Organization, year: 2025, title: '2025年度工作总结', filedOn: '2026-01-10' }, { organizationId: id.Organization, year: 2026, title: '2026年度工作总结' }][n], update: { content: '全年开展活动12次' } }],
  ['ScoringRule', { create: (id, n) => [{ bodyId: id.Body, year: 2026, memberKind: 'DEPUTY', measure: 'INSPECTIONS', threshold: 1, points: 10, ruleRef: '代表履职考核办法' }, { bodyId: id.Body, year: 2026, memberKind: 'DEPUTY', measure: 'RECEPTIONS_ATTENDED', threshold: 2, points: 10 }][n], update: { ruleRef: '代表履职考核办法第五条' } }],
  // computePerformanceScores writes a duty record and score for each member serving that year (the
  // second member's term ended in 2022, so nothing refers to them and they can be deleted)
  ['DutyRecord', {
    seed: async (api, id) => {
      await api.request(`mutation ($b: ID!) { computePerformanceScores(bodyId: $b, year: 2026) }`, { b: id.Body });
      return (await api.request<any>(`query ($m: ID) { allDutyRecords(filter: { memberId: $m }) { id } }`, { m: id.Member })).allDutyRecords[0].id;
    },
  }],
  ['PerformanceScore', { seed: async (api, id) => (await api.request<any>(`query ($m: ID) { allPerformanceScores(filter: { memberId: $m }) { id } }`, { m: id.Member })).allPerformanceScores[0].id }],
  // account administration needs an administrator's full session: the provider sends ADMIN_HEADERS
  ['Account', { create: (id, n) => [{ username: 'wangfang', displayName: '王芳', organizationId: id.Organization, roles: ['OFFICE_STAFF'], password: 'Lianluo#2026x' }, { username: 'zhangjianguo', displayName: '张建国', organizationId: id.Organization, roles: ['MEMBER'], memberId: id.Member, password: 'Lianluo#2026x' }][n], update: { displayName: '王芳（办公室）' } }],
  // sign-ins and account changes are audited
  ['AuditEvent', { seed: async (api) => (await api.request<any>(`{ allAuditEvents(filter: { action: "LOGIN_SUCCEEDED" }) { id } }`)).allAuditEvents[0].id }],
];

// ---------------------------------------------------------------- the provider, as the console builds it
// The package's CommonJS build: its ESM build imports named exports from @apollo/client 3, which
// Node's ESM loader cannot see in that CommonJS package (Vite resolves it for the console).
const require = createRequire(import.meta.url);
const buildDataProvider: typeof buildDataProviderFn = require('ra-data-graphql-simple').default;
// Apollo warns (dev builds only) when a refetched list replaces a cached one; lists are always
// fetched network-only, so that warning is noise here
require('@apollo/client').setLogVerbosity('error');
const { HttpLink } = require('@apollo/client');
const schemaSdl = fs.readFileSync(path.resolve('schema/schema.graphql'), 'utf8');
const introspection = introspectionFromSchema(buildSchema(schemaSdl)).__schema;
let url = '';
/** The console's session, as a header (a browser sends the cookie): an administrator's, for createAccount. */
const ADMIN_HEADERS: Record<string, string> = {};
const provider: any = buildDataProvider({
  // Apollo's HttpLink on Node's global fetch; the url is known once the app listens, the session once
  // the administrator signs in (a link instance, which the provider keeps as given; it copies plain options)
  clientOptions: { link: new HttpLink({ uri: () => url, headers: ADMIN_HEADERS }) },
  introspection: { schema: introspection as any },
});

interface Resource {
  type: { name: string; fields: Array<{ name: string; type: any }> };
  [fetchType: string]: any;
}
const { resources } = (await provider.getIntrospection()) as { resources: Resource[] };
const byName = new Map(resources.map((r) => [r.type.name, r]));
const names = resources.map((r) => r.type.name);
const creatable = names.filter((n) => byName.get(n)!.CREATE);
const updatable = names.filter((n) => byName.get(n)!.UPDATE);
const deletable = names.filter((n) => byName.get(n)!.DELETE);
const fixture = new Map(FIXTURES);
// fixture order is dependency order
const inFixtureOrder = (list: string[]) =>
  FIXTURES.map(([n]) => n).filter((n) => list.includes(n));

const fieldNames = (resource: string) => new Set(byName.get(resource)!.type.fields.map((f) => f.name));
/** The part of `data` that comes back as fields of the record (personal inputs come back masked). */
const echoed = (resource: string, data: Data) => {
  const fields = fieldNames(resource);
  return Object.fromEntries(Object.entries(data).filter(([k]) => fields.has(k)));
};
const byId = (a: string, b: string) => Number(b) - Number(a);

// ---------------------------------------------------------------- app and the raw API as the oracle
let t: TestApp;
const firstId: Ids = {};
const created: Record<string, Data[]> = {};
/** SQL on the test database, for the few records no verb makes yet. */
const sql = (query: string, params: unknown[] = []): Promise<any[]> => t.orm.em.getConnection().execute(query, params);
beforeAll(async () => {
  t = await startTestApp();
  url = t.url;
  // the first administrator is bootstrapped (as a seed would), with its own office, and completes its
  // first sign-in (new password, TOTP)
  const office: any = await t.client.request(`mutation { createBody(name: "系统管理", kind: CPPCC, level: CITY) { id } }`);
  const org: any = await t.client.request(`mutation ($b: ID!) { createOrganization(name: "系统管理室", code: "XT", kind: OTHER, bodyId: $b) { id } }`, { b: office.createBody.id });
  const organizationId = Number(org.createOrganization.id);
  const password = 'Lianluo#2026x';
  await createAccount(t.orm.em.fork(), { username: 'xitong', displayName: '系统管理员', organizationId, roles: [Role.SYSTEM_ADMIN], password });
  const login: any = await t.client.request(`mutation { login(username: "xitong", password: "${password}") { token } }`);
  ADMIN_HEADERS.authorization = `Bearer ${login.login.token}`;
  const admin = new GraphQLClient(t.url, { headers: ADMIN_HEADERS });
  await admin.request(`mutation { changePassword(currentPassword: "${password}", newPassword: "Lianluo#2026") { id } }`);
  const { beginTotpEnrollment: enrol }: any = await admin.request(`mutation { beginTotpEnrollment { secret } }`);
  const code = new TOTP({ secret: Secret.fromBase32(enrol.secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
  await admin.request(`mutation ($code: String!) { confirmTotpEnrollment(code: $code) { id } }`, { code });
});
afterAll(async () => {
  await t?.close();
});

/** Every id of a resource straight from the API (newest first). */
async function rawIds(resource: string): Promise<string[]> {
  const list = byName.get(resource)!.GET_LIST.name as string;
  const res: any = await t.client.request(
    `{ items: ${list}(sortField: "id", sortOrder: "DESC", perPage: 500) { id } total: _${list}Meta { count } }`,
  );
  expect(res.total.count).toBe(res.items.length);
  return res.items.map((r: { id: string }) => r.id);
}

describe('stock ra-data-graphql-simple provider against the API', () => {
  it('finds the resources of the committed schema, each with the full read grammar', () => {
    expect(names).toEqual(expect.arrayContaining(['Body', 'Organization']));
    for (const name of names) {
      const r = byName.get(name)!;
      expect([name, r.GET_LIST?.name, r.GET_ONE?.name, r.GET_MANY?.name]).toEqual([
        name,
        expect.stringMatching(/^all/),
        name,
        r.GET_LIST?.name,
      ]);
    }
  });

  it('has a fixture line for every resource it can create, and none for unknown resources', () => {
    const missing = creatable.filter((n) => !fixture.get(n)?.create);
    expect(missing, `add FIXTURES lines for: ${missing.join(', ')}`).toEqual([]);
    const noUpdate = updatable.filter((n) => creatable.includes(n) && !fixture.get(n)?.update);
    expect(noUpdate, `add \`update\` data to the FIXTURES lines of: ${noUpdate.join(', ')}`).toEqual([]);
    const unknown = FIXTURES.map(([n]) => n).filter((n) => !byName.has(n));
    expect(unknown, 'FIXTURES names resources the schema does not have').toEqual([]);
    expect(new Set(FIXTURES.map(([n]) => n)).size).toBe(FIXTURES.length);
  });

  it.each(FIXTURES.map(([n]) => n))('create: %s through the provider (two records)', async (name) => {
    const f = fixture.get(name)!;
    if (f.seed) {
      firstId[name] = await f.seed(t.client, firstId);
      return;
    }
    created[name] = [];
    for (const n of [0, 1] as const) {
      const data = f.create!(firstId, n);
      const res = await provider.create(name, { data });
      expect(res.data).toMatchObject(echoed(name, data));
      expect(res.data.id).toMatch(/^\d+$/);
      if (n === 0) firstId[name] = res.data.id;
      created[name].push(res.data);
    }
  });

  describe.each(names)('%s', (name) => {
    let ids: string[] = [];
    let all: Data[] = [];
    beforeAll(async () => {
      ids = await rawIds(name);
    });

    it('has records to read (a FIXTURES line creates or seeds them)', () => {
      expect(ids.length, `no ${name} records: add a FIXTURES line that makes one`).toBeGreaterThan(0);
    });

    it('getList returns every record sorted by id DESC, with the total', async () => {
      const res = await provider.getList(name, {
        pagination: { page: 1, perPage: 500 },
        sort: { field: 'id', order: 'DESC' },
        filter: {},
      });
      all = res.data;
      expect(res.data.map((r: Data) => r.id)).toEqual(ids);
      expect([...ids].sort(byId)).toEqual(ids);
      expect(res.total).toBe(ids.length);
    });

    it('getList pages (page is 1-based in the provider, 0-based in the API)', async () => {
      const page = (p: number) =>
        provider.getList(name, { pagination: { page: p, perPage: 1 }, sort: { field: 'id', order: 'DESC' }, filter: {} });
      const [first, second] = await Promise.all([page(1), page(2)]);
      expect(first.data.map((r: Data) => r.id)).toEqual(ids.slice(0, 1));
      expect(second.data.map((r: Data) => r.id)).toEqual(ids.slice(1, 2));
      expect([first.total, second.total]).toEqual([ids.length, ids.length]);
    });

    it('getList filters by ids', async () => {
      const wanted = [...new Set([ids[ids.length - 1], ids[0]])];
      const res = await provider.getList(name, {
        pagination: { page: 1, perPage: 25 },
        sort: { field: 'id', order: 'DESC' },
        filter: { ids: wanted },
      });
      expect(res.data.map((r: Data) => r.id)).toEqual([...wanted].sort(byId));
      expect(res.total).toBe(wanted.length);
    });

    it('getOne returns the same record as the list', async () => {
      const res = await provider.getOne(name, { id: ids[0] });
      expect(res.data).toEqual(all[0]);
    });

    it('getMany returns all the asked ids (no perPage sent)', async () => {
      const res = await provider.getMany(name, { ids });
      expect(res.data.map((r: Data) => r.id).sort(byId)).toEqual(ids);
      expect(new Map(res.data.map((r: Data) => [r.id, r]))).toEqual(new Map(all.map((r) => [r.id, r])));
    });

    it('getManyReference finds the records by each link they carry', async () => {
      const filter = schemaFilterFields(name);
      for (const field of byName.get(name)!.type.fields.map((f) => f.name)) {
        // to-one `xId` and to-many `xIds`, each filterable as `xId`
        const target = field.endsWith('Ids') ? field.slice(0, -1) : field;
        if (!/Id$/.test(target) || !filter.has(target)) continue;
        const valuesOf = (r: Data) => (Array.isArray(r[field]) ? (r[field] as string[]) : r[field] != null ? [r[field] as string] : []);
        for (const value of new Set(all.flatMap(valuesOf))) {
          const res = await provider.getManyReference(name, {
            target,
            id: value,
            pagination: { page: 1, perPage: 500 },
            sort: { field: 'id', order: 'DESC' },
            filter: {},
          });
          const expected = all.filter((r) => valuesOf(r).includes(value)).map((r) => r.id);
          expect([target, value, res.data.map((r: Data) => r.id)]).toEqual([target, value, expected]);
          expect(res.total).toBe(expected.length);
        }
      }
    });
  });

  it.each(inFixtureOrder(updatable))('update: %s through the provider, sending the whole record back', async (name) => {
    const previous = (await provider.getOne(name, { id: firstId[name] })).data;
    const change = fixture.get(name)!.update!;
    const res = await provider.update(name, { id: previous.id, data: { ...previous, ...change }, previousData: previous });
    expect(res.data).toMatchObject({ ...echoed(name, change), id: previous.id });
    expect(res.data.version).toBe((previous.version as number) + 1);
    // the whole record went back: nothing else changed
    const { updatedAt: _a, version: _v, ...rest } = previous;
    expect(res.data).toMatchObject({ ...rest, ...echoed(name, change) });
  });

  it.each(inFixtureOrder(deletable).reverse())('delete: %s through the provider (the second record)', async (name) => {
    const victim = created[name][1];
    const res = await provider.delete(name, { id: victim.id, previousData: victim });
    expect(res.data.id).toBe(victim.id);
    const left = await provider.getMany(name, { ids: [victim.id, firstId[name]] });
    expect(left.data.map((r: Data) => r.id)).toEqual([firstId[name]]);
  });

  it('reports an API error through the provider with its message and code', async () => {
    const err = await provider.getList('Body', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'noSuchField', order: 'ASC' },
      filter: {},
    }).then(
      () => null,
      (e: any) => e,
    );
    expect(err.message).toMatch(/^sortField：不能按 “noSuchField” 排序；可用：id, /);
    expect(err.body.graphQLErrors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });
  });
});

function schemaFilterFields(resource: string): Set<string> {
  const filter = introspection.types.find((ty) => ty.name === `${resource}Filter`) as any;
  return new Set((filter?.inputFields ?? []).map((f: { name: string }) => f.name));
}
