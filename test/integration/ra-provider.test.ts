/**
 * The console talks to the API through the STOCK ra-data-graphql-simple provider, unmodified, with the
 * committed schema as its introspection result (ARCHITECTURE.md "API grammar"). This file builds that
 * provider in Node and drives every resource it finds in schema/schema.graphql through it: reads for
 * all, create/update/delete where the schema has those mutations.
 *
 * A new resource needs one line in FIXTURES (test/support/resource-fixtures.ts, shared with the
 * permission matrix), or the coverage test fails and says which.
 *
 * Access control is on (PR3): the provider sends the session of the role that owns each resource
 * (`fixtureRole`): the system administrator for bodies, organizations and accounts, the auditor for the
 * audit log, an office staff account of the fixtures' organization for all casework. Every read is
 * compared with the raw API in the same session, and with the table itself: that session reaches every
 * record there is.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { GraphQLClient } from 'graphql-request';
import type buildDataProviderFn from 'ra-data-graphql-simple';
import { Secret, TOTP } from 'otpauth';
import { startTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/sessions.js';
import { FIXTURES, fixtureRole, type Data, type Ids } from '../support/resource-fixtures.js';
import { createAccount } from '../../server/src/platform/account/account.service.js';
import { Role } from '../../server/src/platform/account/role.js';
import { Body, BodyKind, BodyLevel } from '../../server/src/platform/body/body.entity.js';
import { resourceRegistry } from '../../server/src/common/crud.js';
import { Organization, OrganizationKind } from '../../server/src/platform/organization/organization.entity.js';

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
/**
 * The console's session, as a header (a browser sends the cookie). The provider is built once: each
 * test points this object at the session of the resource it drives (`actAs`).
 */
const HEADERS: Record<string, string> = {};
const provider: any = buildDataProvider({
  // Apollo's HttpLink on Node's global fetch; the url is known once the app listens, the session once
  // someone signs in (a link instance, which the provider keeps as given; it copies plain options; the
  // link reads its headers object on every request)
  clientOptions: { link: new HttpLink({ uri: () => url, headers: HEADERS }) },
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

/** The bearer token of each role that drives resources (fixtureRole). */
const tokens: Partial<Record<Role, string>> = {};
let systemOrganizationId = 0;
/** The raw API in the session of `resource`'s role, the oracle the provider is compared with. */
const rawClient = (resource: string) => new GraphQLClient(t.url, { headers: { authorization: `Bearer ${tokens[fixtureRole(resource)]}` } });
/**
 * Points the provider at the session of `resource`'s role. The office staff account sits in the
 * fixtures' organization, so it is signed in once that organization exists (the Organization line runs
 * before every casework line).
 */
async function actAs(resource: string): Promise<void> {
  const role = fixtureRole(resource);
  if (role === Role.OFFICE_STAFF && !tokens.OFFICE_STAFF) {
    tokens.OFFICE_STAFF = (await signIn(t, { roles: [Role.OFFICE_STAFF], organizationId: firstId.Organization, displayName: '王芳' })).token;
  }
  HEADERS.authorization = `Bearer ${tokens[role]}`;
}
/** The rows of a resource's table, read around the API. */
async function tableCount(resource: string): Promise<number> {
  const def = resourceRegistry.find((d) => d.name === resource)!;
  return t.orm.em.fork().count(def.entity, {});
}

beforeAll(async () => {
  t = await startTestApp();
  url = t.url;
  // the first administrator is bootstrapped (as a seed would: no one may create a body before an
  // administrator exists), with its own office, and completes its first sign-in (new password, TOTP)
  const em = t.orm.em.fork();
  const office = em.create(Body, { name: '系统管理', kind: BodyKind.CPPCC, level: BodyLevel.CITY } as any);
  const org = em.create(Organization, { name: '系统管理室', code: 'XT', kind: OrganizationKind.OTHER, body: office } as any);
  await em.flush();
  systemOrganizationId = org.id;
  const password = 'Lianluo#2026x';
  await createAccount(t.orm.em.fork(), { username: 'xitong', displayName: '系统管理员', organizationId: systemOrganizationId, roles: [Role.SYSTEM_ADMIN], password });
  const login: any = await t.client.request(`mutation { login(username: "xitong", password: "${password}") { token } }`);
  tokens.SYSTEM_ADMIN = login.login.token;
  const admin = new GraphQLClient(t.url, { headers: { authorization: `Bearer ${tokens.SYSTEM_ADMIN}` } });
  await admin.request(`mutation { changePassword(currentPassword: "${password}", newPassword: "Lianluo#2026") { id } }`);
  const { beginTotpEnrollment: enrol }: any = await admin.request(`mutation { beginTotpEnrollment { secret } }`);
  const code = new TOTP({ secret: Secret.fromBase32(enrol.secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
  await admin.request(`mutation ($code: String!) { confirmTotpEnrollment(code: $code) { id } }`, { code });
  // the audit log is read by the auditor alone (三员分立)
  tokens.AUDIT_ADMIN = (await signIn(t, { roles: [Role.AUDIT_ADMIN], organizationId: systemOrganizationId, displayName: '审计管理员' })).token;
});
afterAll(async () => {
  await t?.close();
});

/** Every id of a resource straight from the API, in its role's session (newest first): all the table holds. */
async function rawIds(resource: string): Promise<string[]> {
  const list = byName.get(resource)!.GET_LIST.name as string;
  const res: any = await rawClient(resource).request(
    `{ items: ${list}(sortField: "id", sortOrder: "DESC", perPage: 500) { id } total: _${list}Meta { count } }`,
  );
  expect(res.total.count).toBe(res.items.length);
  expect(res.items.length, `${resource}: the ${fixtureRole(resource)} session reaches every row`).toBe(await tableCount(resource));
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
    await actAs(name);
    if (f.seed) {
      firstId[name] = await f.seed(rawClient(name), firstId, sql);
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
    beforeEach(async () => {
      await actAs(name);
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
    await actAs(name);
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
    await actAs(name);
    const victim = created[name][1];
    const res = await provider.delete(name, { id: victim.id, previousData: victim });
    expect(res.data.id).toBe(victim.id);
    const left = await provider.getMany(name, { ids: [victim.id, firstId[name]] });
    expect(left.data.map((r: Data) => r.id)).toEqual([firstId[name]]);
  });

  it('reports an API error through the provider with its message and code', async () => {
    await actAs('Body');
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
