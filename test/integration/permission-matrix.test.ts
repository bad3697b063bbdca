/**
 * The permission matrix (PR3, PR2; issue 4): generated from ONE table — ACCESS (access.table.ts) with
 * OPERATIONS (access.operations.ts), read through `operationRule` as the gate reads them — for every
 * role × every resource × records in and out of the role's reach:
 *
 * - read: `X(id)` of every record, and which of them `allXs` lists and `_allXsMeta` counts;
 * - write, where updateX exists: `updateX(id, version)` sending the record's own version and no change
 *   (A's records, C's first and B's first; one record for a role the gate refuses outright).
 *
 * Expected: a role not listed for the operation → FORBIDDEN; listed, and its reach covers the record →
 * visible / updated (same version: nothing changed); otherwise NOT_FOUND. Nothing is written per cell:
 * the reach comes from the table — `true` is the account's organization subtree and their bodies, a
 * function that asks nothing is installation-wide, one that asks what the anchor asks is the
 * organization, any other is narrower ("their own") — and "their own" from the fixture knowledge below
 * (OWNERS: which records belong to which linked account).
 *
 * The data is the whole FIXTURES set (test/support/resource-fixtures.ts), built three times:
 *   A  the accounts' organization (a city office) — the linked accounts point at A's first records;
 *   C  a county office under A, in the county body: inside A's subtree, but nobody's own records;
 *   B  an unrelated city with its own office: outside every casework account's reach.
 *
 * A new resource or root operation without a row fails the coverage tests; a new narrower reach needs
 * its OWNERS line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from 'graphql-request';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { startTestApp, type TestApp } from '../support/app.js';
import { signIn, TEST_PASSWORD, type SessionSpec } from '../support/sessions.js';
import { FIXTURES, fixtureRole, type Data, type Ids } from '../support/resource-fixtures.js';
import { Role } from '../../server/src/platform/account/role.js';
import { operationRule } from '../../server/src/access/access.middleware.js';
import { OPERATIONS } from '../../server/src/access/access.operations.js';
import { ACCESS, type AccessMode, type Reach, type ScopeActor } from '../../server/src/access/access.table.js';
import { resourceRegistry } from '../../server/src/common/crud.js';
import { createSchema } from '../../server/src/schema.js';
import { recomputeLetterDeadlines } from '../../server/src/casework/letter/letter.deadlines.service.js';

const schema = await createSchema();
const queryFields = schema.getQueryType()!.getFields();
const mutationFields = schema.getMutationType()!.getFields();
const ROOT_FIELDS = [...Object.keys(queryFields), ...Object.keys(mutationFields)];
const ROLES = Object.values(Role);
const RESOURCES = resourceRegistry.map((d) => d.name);
const pluralOf = (resource: string) => resourceRegistry.find((d) => d.name === resource)!.plural;
const UPDATABLE = RESOURCES.filter((r) => `update${r}` in mutationFields);

// ---------------------------------------------------------------- what the table says

type SetName = 'A' | 'C' | 'B';
interface Rec {
  /** `A0`: set A, the FIXTURES line's first record. */
  key: string;
  set: SetName;
  id: string;
}

/** A link of a linked-role account; a record belongs to it (OWNERS), or complains about it (INVOLVES). */
type Owner = 'member' | 'committee' | 'station' | 'group' | 'department' | 'leader';
/** Which links each role's account carries (all pointing at organization A's first records). */
const LINKS: Partial<Record<Role, Owner[]>> = {
  MEMBER: ['member'],
  COMMITTEE_STAFF: ['committee'],
  STATION_STAFF: ['station', 'group'],
  DEPARTMENT_HANDLER: ['department'],
  LEADER: ['leader'],
};

/**
 * Fixture knowledge: which of organization A's records belong to the linked accounts — the member
 * account is Member A0; the committee staff's committee is Committee A0, which follows Sector A0, the
 * sector of Member A0; the station staff's station is LiaisonStation A0 and their group LiaisonGroup A0;
 * the handler's department is Department A0, to which letter A1 is forwarded. Records of C and B belong
 * to none of them. Needed for every resource where some role's reach is narrower than the organization.
 */
const OWNERS: Record<string, Record<string, Owner[]>> = {
  Department: { A0: ['department'], A1: [] },
  Member: { A0: ['member', 'committee'], A1: [] },
  // Constituent A0 is paired with Member A0 (ContactPairing A0)
  Constituent: { A0: ['member', 'committee'], A1: [] },
  ContactPairing: { A0: ['member', 'committee'], A1: ['member', 'committee'] },
  ContactVisit: { A0: ['member', 'committee'], A1: ['member', 'committee'] },
  LiaisonStation: { A0: ['station'], A1: [] },
  // StationStaff A1 is a clerk of LiaisonGroup A0: station staff reach the staff of their station only
  StationStaff: { A0: ['station'], A1: [] },
  Mailbox: { A0: ['member', 'group'], A1: ['member'] },
  MailboxOpening: { A0: ['member', 'group'] },
  Reception: { A0: ['station'], A1: ['station'] },
  // Attendance A0 is Member A0 at Activity A0; A1 is Member A0 at Reception A0 (LiaisonStation A0)
  Attendance: { A0: ['member', 'committee'], A1: ['member', 'committee', 'station'] },
  // Letter A0 came from Mailbox A0 (LiaisonGroup A0) for Member A0, and involves Department A0 (PV5);
  // Letter A1 is forwarded to Department A0 (PR2)
  Letter: { A0: ['member', 'group'], A1: ['department'] },
  // each letter's registration event belongs where its letter does
  LetterEvent: { A0: ['member', 'group'], A1: ['department'] },
  SatisfactionSurvey: { A0: ['member'] },
  Proposal: { A0: ['member', 'committee'], A1: ['group'] },
  OpinionReport: { A0: ['member', 'committee'], A1: ['group'] },
  Suggestion: { A0: ['member', 'committee'], A1: [] },
  // Notification A0 is addressed to no account: only the office and leaders reach it
  Notification: { A0: [] },
  DutyRecord: { A0: ['member', 'committee'] },
  PerformanceScore: { A0: ['member', 'committee'] },
};

/**
 * Fixture knowledge for the table's exclusions (PV5): the records that complain about a linked account.
 * Letter A0 involves Department A0 (its FIXTURES line); letter X1 of every set names 陈建华, the name of
 * Leader A0 (set up below). Needed for every resource whose row has an `exclude`.
 */
const INVOLVES: Record<string, Record<string, Owner[]>> = {
  Letter: { A0: ['department'], A1: ['leader'], C1: ['leader'], B1: ['leader'] },
  LetterEvent: { A0: ['department'], A1: ['leader'], C1: ['leader'], B1: ['leader'] },
  // Notification A0 is about Letter A0, which complains about Department A0 (PV5)
  Notification: { A0: ['department'] },
  // SatisfactionSurvey A0 rates Letter A0 (issue 12: ratings follow their letter's PV5 exclusion)
  SatisfactionSurvey: { A0: ['department'] },
};

/** A scope actor with every link, to tell the table's reaches apart (never sent anywhere). */
const PROBE = {
  roles: ROLES,
  organizationId: 1,
  orgIds: [1],
  bodyIds: [1],
  committeeSectorIds: [1],
  personNames: [],
  memberId: 1,
  committeeId: 1,
  liaisonStationId: 1,
  liaisonGroupId: 1,
  departmentId: 1,
  leaderId: 1,
} as unknown as ScopeActor;
const asksNothing = (w: Record<string, unknown> | null) => w !== null && Object.keys(w).length === 0 && Object.getOwnPropertySymbols(w).length === 0;

type ReachKind = 'installation' | 'organization' | 'own';
/**
 * `true` is the anchor: the organization, unless the anchor asks nothing. A function is installation-wide
 * when it asks nothing, the organization when it asks what the anchor asks (records of a letter spell
 * out the letter's `true`), and otherwise narrower: their own.
 */
function reachKind(resource: string, reach: Reach): ReachKind {
  const anchor = ACCESS[resource].anchor(PROBE);
  const where = reach === true ? anchor : reach(PROBE);
  if (asksNothing(where)) return 'installation';
  return JSON.stringify(where) === JSON.stringify(anchor) ? 'organization' : 'own';
}

type Outcome = 'VISIBLE' | 'NOT_FOUND' | 'FORBIDDEN';
const mine = (role: Role, owners: Owner[] | undefined) => (owners ?? []).some((o) => (LINKS[role] ?? []).includes(o));

/** What `op` on `record` must answer to `role`, from the table and the fixture knowledge only. */
function expected(role: Role, op: string, resource: string, mode: AccessMode, record: Rec): Outcome {
  const access = operationRule(op)!.access;
  if (access !== 'PUBLIC' && access !== 'SESSION' && !access.includes(role)) return 'FORBIDDEN';
  const row = ACCESS[resource];
  const reach = row[mode][role];
  // listed for the operation, but without a reach in the row: the service refuses
  if (reach === undefined) return 'FORBIDDEN';
  const kind = reachKind(resource, reach);
  const reached = kind === 'installation' || (kind === 'organization' ? record.set !== 'B' : record.set === 'A' && mine(role, OWNERS[resource]?.[record.key]));
  // PV5: what complains about the account is hidden from it, whatever its reach
  const excluded = row.exclude !== undefined && mine(role, INVOLVES[resource]?.[record.key]);
  return reached && !excluded ? 'VISIBLE' : 'NOT_FOUND';
}

// ---------------------------------------------------------------- the data: A, C (under A) and B

let t: TestApp;
const records: Record<string, Rec[]> = Object.fromEntries(RESOURCES.map((r) => [r, []]));
/** Each record's version when the matrix starts, for `updateX(id, version)`. */
const versions = new Map<string, number>();
/** The matrix accounts' bearer tokens and usernames, one account per role, all in organization A. */
const tokens = {} as Record<Role, string>;
const usernames = {} as Record<Role, string>;
const sql = (query: string, params: unknown[] = []): Promise<any[]> => t.orm.em.getConnection().execute(query, params);

interface Answer {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; [k: string]: unknown } }>;
}
/** One request in a session (or none), answered with data and errors side by side. */
async function gql(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const res = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer;
}
const clientOf = (token: string) => new GraphQLClient(t.url, { headers: { authorization: `Bearer ${token}` } });

/** `createX(<the fixture's args>) { id }`, typed from the schema. */
async function create(token: string, op: string, data: Data): Promise<string> {
  const field = mutationFields[op];
  const unknown = Object.keys(data).filter((k) => !field.args.some((a) => a.name === k));
  expect(unknown, `${op} has no arguments ${unknown.join(', ')}`).toEqual([]);
  const args = field.args.filter((a) => a.name in data);
  const doc = `mutation (${args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')}) { ${op}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')}) { id } }`;
  const res = await gql(token, doc, data);
  expect(res.errors, `${op} ${JSON.stringify(data)}`).toBeUndefined();
  return res.data![op].id;
}

/** Values unique across the installation (codes, usernames, body names, calendar dates) differ per set. */
function vary(resource: string, data: Data, set: SetName): Data {
  if (set === 'A') return data;
  const out = { ...data };
  if (typeof out.code === 'string') out.code = `${out.code}${set}`;
  if (typeof out.username === 'string') out.username = `${out.username}${set.toLowerCase()}`;
  if (resource === 'Body') out.name = `${out.name}（${set}）`;
  // years whose calendar falls on the same weekdays as 2026 (a make-up working day is a weekend day)
  if (resource === 'CalendarDay') out.date = String(out.date).replace('2026', set === 'B' ? '2037' : '2043');
  return out;
}

/** The session that makes a resource's fixture records in one set (fixtureRole). */
type Builder = (role: ReturnType<typeof fixtureRole>) => Promise<string>;

/** Runs every FIXTURES line for one set (`skip` names lines the set takes from elsewhere). */
async function buildSet(set: SetName, ids: Ids, builder: Builder, skip: string[]): Promise<Ids> {
  for (const [resource, f] of FIXTURES) {
    if (skip.includes(resource)) continue;
    const token = await builder(fixtureRole(resource));
    if (f.seed) {
      ids[resource] = await f.seed(clientOf(token), ids, sql);
      records[resource].push({ key: `${set}0`, set, id: ids[resource] });
      continue;
    }
    for (const n of [0, 1] as const) {
      const id = await create(token, `create${resource}`, vary(resource, f.create!(ids, n), set));
      if (n === 0) ids[resource] = id;
      records[resource].push({ key: `${set}${n}`, set, id });
    }
  }
  return ids;
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = (await signIn(t, { roles: [Role.SYSTEM_ADMIN], displayName: '系统管理员' })).token;
  const auditor = (await signIn(t, { roles: [Role.AUDIT_ADMIN], displayName: '审计管理员' })).token;
  /** Each set's casework is made by an office staff account of the set's organization, signed in once it exists. */
  const builder = (officeOf: () => string): Builder => {
    let office: Promise<string> | undefined;
    return async (role) => {
      if (role === Role.SYSTEM_ADMIN) return admin;
      if (role === Role.AUDIT_ADMIN) return auditor;
      office ??= (async () => {
        const account = await signIn(t, { roles: [Role.OFFICE_STAFF], organizationId: officeOf(), displayName: '办公室工作人员' });
        // the audit log's fixture is a sign-in over the API
        const login = await gql(null, `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: account.username, p: TEST_PASSWORD });
        expect(login.errors).toBeUndefined();
        return account.token;
      })();
      return office;
    };
  };

  const a: Ids = {};
  const b: Ids = {};
  // A's office staff also builds C: C lies in A's subtree
  const buildA = builder(() => a.Organization);
  const buildB = builder(() => b.Organization);
  await Promise.all([
    (async () => {
      await buildSet('A', a, buildA, []);
      // C: a county office in the county body (Body A1) under A's office — in A's subtree, nobody's own
      const bodyA1 = records.Body.find((r) => r.key === 'A1')!.id;
      const orgC = await create(admin, 'createOrganization', { name: '南湖区人大常委会办公室', code: 'NH', kind: 'OFFICE', bodyId: bodyA1, parentId: a.Organization });
      records.Organization.push({ key: 'C0', set: 'C', id: orgC });
      await buildSet('C', { Body: bodyA1, Organization: orgC }, buildA, ['Body', 'Organization', 'AuditEvent']);
    })(),
    // B is independent of A: built at the same time
    buildSet('B', b, buildB, ['AuditEvent']),
  ]);
  // each letter's registration event (LetterEvent X0 is letter X0's, made by the FIXTURES line)
  for (const letter of records.Letter.filter((r) => r.key.endsWith('1'))) {
    const [event] = await sql(`select id from letter_event where letter_id = ? order by id limit 1`, [letter.id]);
    records.LetterEvent.push({ key: letter.key, set: letter.set, id: String(event.id) });
  }
  // records in the order A, C, B, whatever order they were made in
  const order: Record<SetName, number> = { A: 0, C: 1, B: 2 };
  for (const list of Object.values(records)) list.sort((x, y) => order[x.set] - order[y.set] || x.key.localeCompare(y.key));
  // PV5: letter X1 of every set complains about 陈建华 — the leader account's own name (INVOLVES)
  for (const letter of records.Letter.filter((r) => r.key.endsWith('1'))) {
    const office = await (letter.set === 'B' ? buildB : buildA)(Role.OFFICE_STAFF);
    const res = await gql(office, `mutation ($id: ID!) { updateLetter(id: $id, involvedPersons: "陈建华") { involvedPersons } }`, { id: letter.id });
    expect(res).toEqual({ data: { updateLetter: { involvedPersons: '陈建华' } } });
  }
  // letter A1 goes to Department A0, the handler's department (PR2), set directly (the walk of the
  // flows is letter-workflow.test.ts'), with its stored deadlines recomputed as a step would (DL1)
  const [letterA1, deptA0] = [records.Letter.find((r) => r.key === 'A1')!.id, records.Department.find((r) => r.key === 'A0')!.id];
  await sql(`update letter set lead_department_id = ?, status = 'FORWARDED' where id = ?`, [deptA0, letterA1]);
  await recomputeLetterDeadlines(t.orm.em.fork(), [Number(letterA1)]);

  // the matrix accounts, one per role, in organization A; linked roles point at A's first records
  const first = (resource: string) => records[resource].find((r) => r.key === 'A0')!.id;
  const links: Partial<Record<Role, Partial<SessionSpec>>> = {
    MEMBER: { memberId: first('Member') },
    COMMITTEE_STAFF: { committeeId: first('Committee') },
    STATION_STAFF: { liaisonStationId: first('LiaisonStation'), liaisonGroupId: first('LiaisonGroup') },
    DEPARTMENT_HANDLER: { departmentId: first('Department') },
    LEADER: { leaderId: first('Leader') },
  };
  await Promise.all(
    ROLES.map(async (role) => {
      const account = await signIn(t, { roles: [role], organizationId: a.Organization, ...links[role] });
      tokens[role] = account.token;
      usernames[role] = account.username;
    }),
  );

  for (const def of resourceRegistry.filter((d) => UPDATABLE.includes(d.name))) {
    const table = t.orm.getMetadata().get(def.entity.name).tableName;
    const ids = records[def.name].map((r) => Number(r.id));
    const rows = await sql(`select id, version from "${table}" where id in (${ids.map(() => '?').join(', ')})`, ids);
    for (const row of rows) versions.set(`${def.name}:${row.id}`, row.version);
  }
});
afterAll(async () => {
  await t?.close();
});

// ---------------------------------------------------------------- the table covers everything

describe('the access table covers the whole API (PR3)', () => {
  it('has a rule for every root Query and Mutation field (OPERATIONS, or its resource’s ACCESS row)', () => {
    expect(ROOT_FIELDS.filter((op) => !operationRule(op))).toEqual([]);
  });

  it('has an ACCESS row for every resource, and no row or OPERATIONS entry for something the API lacks', () => {
    expect(RESOURCES.filter((r) => !ACCESS[r])).toEqual([]);
    expect(Object.keys(ACCESS).filter((r) => !RESOURCES.includes(r))).toEqual([]);
    expect(Object.keys(OPERATIONS).filter((op) => !ROOT_FIELDS.includes(op))).toEqual([]);
  });

  it('has fixture records for every resource: in A, and in C and B wherever the reach is bounded by organization', () => {
    const bounded = RESOURCES.filter((r) => !asksNothing(ACCESS[r].anchor(PROBE)));
    const lacking = (set: SetName, list: string[]) => list.filter((r) => !records[r].some((x) => x.set === set));
    expect(lacking('A', RESOURCES), 'add FIXTURES lines for these').toEqual([]);
    // C takes its body from A (Body A1, the county body)
    expect(lacking('C', bounded)).toEqual(['Body']);
    expect(lacking('B', bounded)).toEqual([]);
  });

  it('knows whose records are whose wherever a role’s reach is narrower than its organization', () => {
    const narrow = RESOURCES.filter((r) =>
      (['read', 'write'] as const).some((mode) => Object.values(ACCESS[r][mode]).some((reach) => reachKind(r, reach!) === 'own')),
    );
    expect(Object.keys(OWNERS).sort(), 'OWNERS lists exactly the resources with a narrower reach').toEqual([...narrow].sort());
    for (const r of narrow) {
      expect([r, Object.keys(OWNERS[r])]).toEqual([r, records[r].filter((x) => x.set === 'A').map((x) => x.key)]);
    }
    // every narrower reach belongs to a role whose account carries links
    const linkless = RESOURCES.flatMap((r) =>
      (['read', 'write'] as const).flatMap((mode) =>
        (Object.entries(ACCESS[r][mode]) as Array<[Role, Reach]>).filter(([role, reach]) => reachKind(r, reach) === 'own' && !LINKS[role]).map(([role]) => `${r}.${mode}.${role}`),
      ),
    );
    expect(linkless).toEqual([]);
  });

  it('knows which records complain about whom wherever a row excludes them (PV5)', () => {
    expect(Object.keys(INVOLVES).sort()).toEqual(RESOURCES.filter((r) => ACCESS[r].exclude).sort());
  });
});

// ---------------------------------------------------------------- anonymous callers

/** A value of an input type that passes GraphQL validation (the gate runs before the resolver). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, sample(f.type)]));
  }
  const scalars: Record<string, unknown> = { ID: '1', String: 'x', Int: 1, Float: 1, Boolean: true, LocalDate: '2026-01-05', DateTimeISO: '2026-01-05T00:00:00.000Z', JSONObject: {} };
  if (!isScalarType(type) || !(type.name in scalars)) throw new Error(`no sample value for ${String(type)}`);
  return scalars[type.name];
}
/** The smallest valid call of a root field: its required arguments, `__typename` of an object result. */
function smallestCall(op: string): { query: string; variables: Record<string, unknown> } {
  const kind = op in mutationFields ? 'mutation' : 'query';
  const field: GraphQLField<unknown, unknown> = kind === 'mutation' ? mutationFields[op] : queryFields[op];
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const decl = args.length ? `(${args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
  const pass = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const select = isObjectType(getNamedType(getNullableType(field.type))) ? ' { __typename }' : '';
  return { query: `${kind} ${decl} { ${op}${pass}${select} }`, variables: Object.fromEntries(args.map((a) => [a.name, sample(a.type)])) };
}

describe('anonymous callers (PR3)', () => {
  const isPublic = (op: string) => operationRule(op)?.access === 'PUBLIC';

  /** What the gate answers a caller without a session. */
  const refusal = (a: Answer) => (a.errors ?? []).filter((e) => e.extensions.code === 'UNAUTHENTICATED' && e.message === '请先登录').length;
  const call = (op: string) => gql(null, smallestCall(op).query, smallestCall(op).variables);

  it('get UNAUTHENTICATED from every operation that is not PUBLIC', async () => {
    const gated = ROOT_FIELDS.filter((op) => !isPublic(op));
    const answers = await Promise.all(gated.map(call));
    const got = Object.fromEntries(gated.map((op, i) => [op, { errors: answers[i].errors?.length, refused: refusal(answers[i]) }]));
    expect(got).toEqual(Object.fromEntries(gated.map((op) => [op, { errors: 1, refused: 1 }])));
  });

  it('pass the gate of every PUBLIC operation: me is null, login signs in', async () => {
    const open = ROOT_FIELDS.filter(isPublic);
    expect(open).toEqual(expect.arrayContaining(['login', 'me']));
    const answers = await Promise.all(open.map(call));
    expect(Object.fromEntries(open.map((op, i) => [op, refusal(answers[i])]))).toEqual(Object.fromEntries(open.map((op) => [op, 0])));
    expect(await gql(null, `{ me { id } }`)).toEqual({ data: { me: null } });
    const login = await gql(null, `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, {
      u: usernames.OFFICE_STAFF,
      p: TEST_PASSWORD,
    });
    expect(login.errors).toBeUndefined();
    expect(login.data!.login.token).toMatch(/^\S{20,}$/);
  });
});

// ---------------------------------------------------------------- the matrix

const codesOf = (a: Answer, field?: string) =>
  [...new Set((a.errors ?? []).filter((e) => field === undefined || e.path?.[0] === field).map((e) => e.extensions.code))].join(',');
/** Whether the gate lets `role` call `op` at all (the table; records aside). */
function listed(role: Role, op: string): boolean {
  const access = operationRule(op)!.access;
  return access === 'PUBLIC' || access === 'SESSION' || access.includes(role);
}

// each role's cells run side by side (vitest's maxConcurrency): requests wait on the database
interface ReadAnswer {
  /** Per record: VISIBLE, or the error code of `X(id)`. */
  one: Record<string, string>;
  /** The records `allXs` returns (by key), or its error code. */
  list: string[] | string;
  /** What `_allXsMeta` counts, or its error code. */
  count: number | string;
}

/**
 * Every read of one role, in few requests: `X(id)` of the n-th record of every resource in the n-th
 * request (nullable fields, each answering alone; no aliases needed), the lists and counts the role may
 * call together, and each list or count it may not call apart (a refused non-null root field nulls the
 * whole answer and hides the others' errors).
 */
async function readsOf(role: Role): Promise<Map<string, ReadAnswer>> {
  const token = tokens[role];
  const depth = Math.max(...RESOURCES.map((r) => records[r].length));
  const singles = await Promise.all(
    Array.from({ length: depth }, (_x, n) => {
      const present = RESOURCES.filter((r) => records[r][n]);
      return gql(token, `{ ${present.map((r) => `${r}(id: "${records[r][n].id}") { id }`).join(' ')} }`);
    }),
  );
  const ids = (r: string) => JSON.stringify(records[r].map((x) => x.id));
  const fields = RESOURCES.flatMap((r) => [
    { resource: r, kind: 'list' as const, name: `all${pluralOf(r)}`, query: `all${pluralOf(r)}(perPage: 500, filter: { ids: ${ids(r)} }) { id }` },
    { resource: r, kind: 'count' as const, name: `_all${pluralOf(r)}Meta`, query: `_all${pluralOf(r)}Meta(filter: { ids: ${ids(r)} }) { count }` },
  ]);
  const together = fields.filter((f) => listed(role, f.name));
  const apart = fields.filter((f) => !listed(role, f.name));
  const [main, ...rest] = await Promise.all([
    together.length ? gql(token, `{ ${together.map((f) => f.query).join(' ')} }`) : Promise.resolve({ data: {} } as Answer),
    ...apart.map((f) => gql(token, `{ ${f.query} }`)),
  ]);
  const answerOf = (f: (typeof fields)[number]) => (together.includes(f) ? main : rest[apart.indexOf(f)]);
  return new Map(
    RESOURCES.map((r) => {
      const recs = records[r];
      const keyOf = (id: string) => recs.find((x) => x.id === id)?.key ?? `unknown ${id}`;
      const [list, count] = fields.filter((f) => f.resource === r);
      const [listed_, counted] = [answerOf(list), answerOf(count)];
      return [
        r,
        {
          one: Object.fromEntries(recs.map((x, n) => [x.key, singles[n].data?.[r]?.id === x.id ? 'VISIBLE' : codesOf(singles[n], r)])),
          list: listed_.data?.[list.name] ? listed_.data[list.name].map((x: { id: string }) => keyOf(x.id)).sort() : codesOf(listed_, list.name),
          count: counted.data?.[count.name] ? counted.data[count.name].count : codesOf(counted, count.name),
        },
      ];
    }),
  );
}

/** What the table says one role reads of one resource. */
function expectedReads(role: Role, resource: string): ReadAnswer {
  const recs = records[resource];
  const plural = pluralOf(resource);
  const visible = (op: string) => {
    const outcomes = recs.map((r) => expected(role, op, resource, 'read', r));
    return outcomes.includes('FORBIDDEN') ? 'FORBIDDEN' : recs.filter((_r, i) => outcomes[i] === 'VISIBLE').map((r) => r.key).sort();
  };
  const counted = visible(`_all${plural}Meta`);
  return {
    one: Object.fromEntries(recs.map((r) => [r.key, expected(role, resource, resource, 'read', r)])),
    list: visible(`all${plural}`),
    count: typeof counted === 'string' ? counted : counted.length,
  };
}

// each role's cells run side by side (vitest's maxConcurrency): requests wait on the database
describe.concurrent.each(ROLES)('%s', (role) => {
  let reads: Map<string, ReadAnswer>;
  beforeAll(async () => {
    reads = await readsOf(role);
  });

  it.for(RESOURCES)('reads %s: X(id), allXs and _allXsMeta answer as the ACCESS table says (PR3)', (resource, { expect }) => {
    expect(reads.get(resource)).toEqual(expectedReads(role, resource));
  });

  it.for(UPDATABLE)('updates %s with its own version and no change as the table says (PR3)', async (resource, { expect }) => {
    // A's records (theirs or not), C's first (A's subtree) and B's first (outside); a role the table
    // does not list is refused before any record is looked at, which one record shows
    const recs = listed(role, `update${resource}`) ? records[resource].filter((r) => !['C1', 'B1'].includes(r.key)) : records[resource].slice(0, 1);
    const answers = await Promise.all(
      recs.map((r) => gql(tokens[role], `mutation { update${resource}(id: "${r.id}", version: ${versions.get(`${resource}:${r.id}`)}) { id version } }`)),
    );
    const actual = Object.fromEntries(
      recs.map((r, i) => {
        const got = answers[i].data?.[`update${resource}`];
        // nothing changed, so the version stays
        return [r.key, answers[i].errors ? codesOf(answers[i]) : got.id === r.id && got.version === versions.get(`${resource}:${r.id}`) ? 'UPDATED' : JSON.stringify(got)];
      }),
    );
    const want = (r: Rec) => {
      const outcome = expected(role, `update${resource}`, resource, 'write', r);
      return outcome === 'VISIBLE' ? 'UPDATED' : outcome;
    };
    expect(actual).toEqual(Object.fromEntries(recs.map((r) => [r.key, want(r)])));
  });
});
