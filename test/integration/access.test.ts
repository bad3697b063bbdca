import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, GraphQLClient } from 'graphql-request';
import pg from 'pg';
import { appRolePassword, appRoleUrl, APP_ROLE, ensureAppRole } from '../../server/src/db/app-role.js';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { createDepartment, createMember, createOffice, REGISTER_LETTER } from '../support/casework-fixtures.js';
import { signIn } from '../support/sessions.js';

let t: TestApp;
let office: GraphQLClient;
let officeToken: string;
let auditor: GraphQLClient;
let orgId: string;
let bodyId: string;
let forwardedTo: string;
let complainedAbout: string;
let letterId: string;

const sql = async (text: string, params: unknown[] = []) => t.orm.em.getConnection().execute(text, params);
const auditRows = async (where: string, params: unknown[] = []) =>
  sql(`select username, action, operation, resource, record_id, result, reason from audit_event where ${where} order by id`, params);

beforeAll(async () => {
  t = await startTestApp();
  ({ bodyId, organizationId: orgId } = await createOffice(t, { bodyName: '嘉兴市政协', kind: 'CPPCC', orgName: '嘉兴市政协办公室', code: 'JX' }));
  const clerk = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: orgId, username: 'bangongshi' });
  office = clerk.client;
  officeToken = clerk.token;
  t.client = office;
  auditor = (await signIn(t, { roles: ['AUDIT_ADMIN'], username: 'shenji' })).client;
  forwardedTo = await createDepartment(t, { name: '嘉兴市住房和城乡建设局', code: 'JX-ZJJ', organizationId: orgId });
  complainedAbout = await createDepartment(t, { name: '嘉兴市城市管理局', code: 'JX-CGJ', organizationId: orgId });
  const letter = await office.request<any>(REGISTER_LETTER, {
    organizationId: orgId,
    channel: 'POST',
    title: '城管执法粗暴',
    content: '某街道城管队员执法粗暴，请求调查',
    receivedOn: '2026-03-02',
    writerName: '张伟',
    writerPhone: '13812345678',
    involvedDepartmentIds: [complainedAbout],
  });
  letterId = letter.registerLetter.id;
  // forwarding is a workflow verb (issue 5); here the letter is simply in the department's hands
  await sql('update letter set lead_department_id = ? where id = ?', [forwardedTo, letterId]);
});
afterAll(async () => {
  await t.close();
});

const LETTER = gql`query ($id: ID!) { Letter(id: $id) { id title writerName writerPhoneMasked } }`;

describe('sign-in required (PR3)', () => {
  it('answers UNAUTHENTICATED to anonymous callers, except { __typename }, login and me', async () => {
    const anonymous = new GraphQLClient(t.url);
    expect(await anonymous.request(gql`{ __typename }`)).toEqual({ __typename: 'Query' });
    expect(await anonymous.request(gql`{ me { id } }`)).toEqual({ me: null });
    const err = await expectError(anonymous.request(gql`{ allLetters { id } }`));
    expect(err.extensions.code).toBe('UNAUTHENTICATED');
    const write = await expectError(anonymous.request(gql`mutation { createSector(name: "经济界", bodyId: "1") { id } }`));
    expect(write.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a role the operation does not list with FORBIDDEN, and audits ACCESS_DENIED', async () => {
    const err = await expectError(auditor.request(gql`{ allLetters { id } }`));
    expect(err.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    expect(await auditRows(`username = 'shenji' and action = 'ACCESS_DENIED'`)).toEqual([
      { username: 'shenji', action: 'ACCESS_DENIED', operation: 'allLetters', resource: null, record_id: null, result: 'DENIED', reason: 'ROLE_REQUIRED' },
    ]);
  });

  it('treats records of another organization as not found, and keeps them out of lists and counts', async () => {
    const other = await createOffice(t, { bodyName: '温州市政协', kind: 'CPPCC', orgName: '温州市政协办公室', code: 'WZ' });
    const wz = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: other.organizationId })).client;
    const err = await expectError(wz.request(LETTER, { id: letterId }));
    expect(err.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await wz.request(gql`{ allLetters { id } _allLettersMeta { count } }`)).toEqual({ allLetters: [], _allLettersMeta: { count: 0 } });
    // a link to a record out of reach is as unknown as a missing one, naming the field
    const link = await expectError(
      wz.request(gql`mutation ($o: ID!, $d: ID!) { createDepartment(name: "温州市住建局", code: "WZ-ZJJ", level: CITY, organizationId: $o, parentId: $d) { id } }`, {
        o: other.organizationId,
        d: forwardedTo,
      }),
    );
    expect(link.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
    expect(await wz.request(gql`{ _allDepartmentsMeta { count } }`)).toEqual({ _allDepartmentsMeta: { count: 0 } });
  });
});

describe('department handlers (PR2, PV5)', () => {
  it('PR2: a handler sees the forwarded letter without the writer, until the office discloses it with a reason', async () => {
    const handler = (await signIn(t, { roles: ['DEPARTMENT_HANDLER'], organizationId: orgId, departmentId: forwardedTo })).client;
    expect(await handler.request(LETTER, { id: letterId })).toEqual({ Letter: { id: letterId, title: '城管执法粗暴', writerName: null, writerPhoneMasked: null } });
    expect(await office.request(LETTER, { id: letterId })).toEqual({ Letter: { id: letterId, title: '城管执法粗暴', writerName: '张伟', writerPhoneMasked: '138****5678' } });
    const disclosed = await office.request<any>(gql`mutation ($id: ID!) { discloseLetterWriter(id: $id, reason: "需向来信人核实情况") { writerDisclosureReason } }`, { id: letterId });
    expect(disclosed.discloseLetterWriter).toEqual({ writerDisclosureReason: '需向来信人核实情况' });
    expect(await handler.request(LETTER, { id: letterId })).toEqual({ Letter: { id: letterId, title: '城管执法粗暴', writerName: '张伟', writerPhoneMasked: '138****5678' } });
    // nor learn who wrote from the order of a list or from which letters share a constituent
    const sorted = await expectError(handler.request(gql`{ allLetters(sortField: "writerName") { id } }`));
    expect(sorted.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'sortField', reason: 'WRITER_HIDDEN' });
    const filtered = await expectError(handler.request(gql`{ _allLettersMeta(filter: { constituentId: "1" }) { count } }`));
    expect(filtered.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'filter.constituentId', reason: 'WRITER_HIDDEN' });
    // a handler may not disclose, nor reveal personal data
    expect((await expectError(handler.request(gql`mutation ($id: ID!) { revealLetterWriter(id: $id, reason: "核实") { writerPhone } }`, { id: letterId }))).extensions.code).toBe('FORBIDDEN');
  });

  it('PV5: the unit a letter complains about never sees it, and the attempt is audited', async () => {
    const involved = await signIn(t, { roles: ['DEPARTMENT_HANDLER'], organizationId: orgId, departmentId: complainedAbout, username: 'chengguan' });
    // even if the letter were put in that department's hands, it stays invisible
    await sql('insert into letter_co_handler_departments (letter_id, department_id) values (?, ?)', [letterId, complainedAbout]);
    const err = await expectError(involved.client.request(LETTER, { id: letterId }));
    expect(err.extensions.code).toBe('NOT_FOUND');
    expect(await involved.client.request(gql`{ allLetters { id } _allLettersMeta { count } }`)).toEqual({ allLetters: [], _allLettersMeta: { count: 0 } });
    expect(await auditRows(`username = 'chengguan'`)).toEqual([
      { username: 'chengguan', action: 'ACCESS_DENIED', operation: 'read Letter', resource: null, record_id: letterId, result: 'DENIED', reason: 'PV5_INVOLVED_PARTY' },
    ]);
    await sql('delete from letter_co_handler_departments where letter_id = ?', [letterId]);
  });
});

describe('audit log (等保 audit)', () => {
  it('records every mutation with who, what, which record and the result — never the values', async () => {
    const created = await office.request<any>(gql`mutation ($b: ID!) { createSector(name: "经济界", bodyId: $b) { id } }`, { b: bodyId });
    const id = created.createSector.id;
    await expectError(office.request(gql`mutation ($id: ID!) { updateSector(id: $id, version: 7, name: "经济界别") { id } }`, { id }));
    expect(await auditRows(`username = 'bangongshi' and operation like '%Sector'`)).toEqual([
      { username: 'bangongshi', action: 'MUTATION', operation: 'createSector', resource: 'Sector', record_id: id, result: 'SUCCEEDED', reason: null },
      { username: 'bangongshi', action: 'MUTATION', operation: 'updateSector', resource: 'Sector', record_id: id, result: 'FAILED', reason: 'CONFLICT' },
    ]);
    const [detail] = await sql(`select detail from audit_event where operation = 'createSector'`);
    expect(detail.detail).toEqual({ arguments: ['name', 'bodyId'] });
  });

  it('PR1: records each reveal of personal data with its reason', async () => {
    const res = await office.request<any>(gql`mutation ($id: ID!) { revealLetterWriter(id: $id, reason: "电话回访来信人") { writerPhone } }`, { id: letterId });
    expect(res.revealLetterWriter).toEqual({ writerPhone: '13812345678' });
    expect(await auditRows(`action = 'REVEAL'`)).toEqual([
      { username: 'bangongshi', action: 'REVEAL', operation: 'revealLetterWriter', resource: 'Letter', record_id: letterId, result: 'SUCCEEDED', reason: '电话回访来信人' },
    ]);
  });

  it('lets the auditor read the log with filters, and nobody change it', async () => {
    const res = await auditor.request<any>(gql`{ allAuditEvents(filter: { action: "REVEAL" }) { username operation reason } }`);
    expect(res.allAuditEvents).toEqual([{ username: 'bangongshi', operation: 'revealLetterWriter', reason: '电话回访来信人' }]);
    expect((await expectError(office.request(gql`{ allAuditEvents { id } }`))).extensions.code).toBe('FORBIDDEN');
  });

  it('connects the app as a role that owns nothing: PostgreSQL refuses it UPDATE, DELETE and TRUNCATE on the log', async () => {
    const password = appRolePassword('test-key');
    await ensureAppRole(t.orm.em.fork(), password);
    const client = new pg.Client({ connectionString: appRoleUrl(t.orm.config.get('clientUrl') as string, password) });
    await client.connect();
    try {
      const who = await client.query('select current_user as u, (select count(*) from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = current_user)::int as owned');
      expect(who.rows).toEqual([{ u: APP_ROLE, owned: 0 }]);
      const read = await client.query('select count(*)::int as n from letter');
      expect(read.rows[0].n).toBeGreaterThan(0);
      for (const statement of ['update audit_event set reason = null', 'delete from audit_event', 'truncate audit_event']) {
        const refused = await client.query(statement).then(
          () => null,
          (e: any) => e.code,
        );
        // 42501: insufficient_privilege — the privilege check fires before the triggers
        expect([statement, refused]).toEqual([statement, '42501']);
      }
      await client.query(`insert into audit_event (action, result) values ('MAINTENANCE', 'SUCCEEDED')`);
    } finally {
      await client.end();
    }
  });
});

describe('personal data per role (PR1)', () => {
  it('shows phone numbers masked to every role that reads the person, and full values only to the roles that may reveal them', async () => {
    const constituent = await office.request<any>(
      gql`mutation ($o: ID!) { createConstituent(name: "林阿婆", organizationId: $o, community: "新兴街道", phone: "13912345678") { id phoneMasked } }`,
      { o: orgId },
    );
    const id = constituent.createConstituent.id;
    expect(constituent.createConstituent.phoneMasked).toBe('139****5678');
    const memberId = await createMember(t, { name: '王建军', bodyId, organizationId: orgId });
    await office.request(
      gql`mutation ($m: ID!, $c: ID!) { createContactPairing(kind: MEMBER_CONSTITUENT, memberId: $m, constituentId: $c, startDate: "2026-01-01") { id } }`,
      { m: memberId, c: id },
    );
    const member = (await signIn(t, { roles: ['MEMBER'], organizationId: orgId, memberId })).client;
    const chair = await office.request<any>(gql`mutation ($b: ID!) { createLeader(name: "陈建华", bodyId: $b, position: CHAIR, isPrincipal: true) { id } }`, { b: bodyId });
    const leader = (await signIn(t, { roles: ['LEADER'], organizationId: orgId, leaderId: chair.createLeader.id })).client;
    const handler = (await signIn(t, { roles: ['DEPARTMENT_HANDLER'], organizationId: orgId, departmentId: forwardedTo })).client;
    const READ = gql`query ($id: ID!) { Constituent(id: $id) { name phoneMasked } }`;
    const REVEAL = gql`mutation ($id: ID!) { revealConstituent(id: $id, reason: "走访前电话联系") { phone } }`;
    for (const client of [office, member, leader]) {
      expect(await client.request(READ, { id })).toEqual({ Constituent: { name: '林阿婆', phoneMasked: '139****5678' } });
    }
    // handlers do not work with constituents at all
    expect((await expectError(handler.request(READ, { id }))).extensions.code).toBe('FORBIDDEN');
    // the office and the member paired with the person may reveal; a leader reads figures, not phone numbers
    for (const client of [office, member]) {
      expect(await client.request(REVEAL, { id })).toEqual({ revealConstituent: { phone: '13912345678' } });
    }
    expect((await expectError(leader.request(REVEAL, { id }))).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const reveals = await sql(`select count(*)::int as n from audit_event where action = 'REVEAL' and operation = 'revealConstituent' and record_id = ?`, [id]);
    expect(reveals[0].n).toBe(2);
  });
});

describe('GraphQL hardening', () => {
  it('gives introspection to signed-in staff only', async () => {
    const anonymous = new GraphQLClient(t.url);
    const err = await expectError(anonymous.request(gql`{ __schema { queryType { name } } }`));
    expect(err.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INTROSPECTION_REQUIRES_SIGN_IN' });
    expect(await office.request(gql`{ __schema { queryType { name } } }`)).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses too deep and too many aliased queries with 400 and a code, and gives no field suggestions', async () => {
    const post = (query: string) =>
      fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${officeToken}` }, body: JSON.stringify({ query }) }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as any,
      }));
    // records link by ids, so only introspection nests deeply: 14 levels, the limit is 12
    let deep = 'name';
    for (let i = 0; i < 11; i++) deep = `ofType { ${deep} }`;
    const tooDeep = await post(`{ __type(name: "Query") { fields { type { ${deep} } } } }`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: me { id }`).join(' ');
    const tooMany = await post(`{ ${aliases} }`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await post(`{ allLeters { id } }`);
    expect(typo.status).toBe(400);
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('blocks CSRF-able requests (a GET or a form post without a preflight header)', async () => {
    const get = await fetch(`${t.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const form = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(form.status).toBe(400);
  });
});
