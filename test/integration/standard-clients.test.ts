import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from 'graphql-request';
import {
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import fs from 'node:fs';
import { DemoSeeder } from '../../seeds/demo.seeder.js';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/sessions.js';
import { operationRule } from '../../server/src/access/access.middleware.js';
import { Role } from '../../server/src/platform/account/role.js';
import { MAX_INTROSPECTION_DEPTH } from '../../server/src/common/introspection-depth.js';
import { ensureOfficialCalendar } from '../../server/src/casework/calendar-day/calendar-day.official.js';
import { computePerformanceScores } from '../../server/src/duty/performance-score/performance-score.service.js';

/**
 * Issue 12, standard clients: the standard introspection query (GraphiQL, codegen, a stock
 * ra-data-graphql-simple; 21 deep) is answered for signed-in staff, anonymous introspection stays
 * refused, deeper selections still are; and every root query, called with only its required
 * arguments by an office or admin account that may call it, answers without an error.
 */
let t: TestApp;
const clients = new Map<Role, GraphQLClient>();
/** The five root offices of the demo (000–004): together they reach all of its records. */
let offices: GraphQLClient[] = [];
let officeId = 0;
let bodyId = 0;
const schema = buildSchema(fs.readFileSync('schema/schema.graphql', 'utf8'));

beforeAll(async () => {
  t = await startTestApp();
  await new DemoSeeder().run(t.orm.em.fork());
  const [jx] = await t.orm.em.getConnection().execute(`select id, body_id from organization where code = 'JX'`);
  officeId = jx.id;
  bodyId = jx.body_id;
  // what the product adds beside the demo: the official calendar (at every start) and the duty
  // records and scores an office computes (computePerformanceScores)
  await ensureOfficialCalendar(t.orm.em.fork());
  await computePerformanceScores(t.orm.em.fork(), bodyId, 2026);
  clients.set(Role.OFFICE_STAFF, (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: officeId })).client);
  const roots: Array<{ id: number }> = await t.orm.em.getConnection().execute(`select id from organization where parent_id is null and code in ('JX', 'WZ', 'TZ', 'DZ', 'NB') order by code = 'JX' desc, id`);
  offices = [clients.get(Role.OFFICE_STAFF)!];
  for (const r of roots.slice(1)) offices.push((await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: r.id })).client);
  for (const role of [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN]) clients.set(role, (await signIn(t, { roles: [role] })).client);
}, 300_000);
afterAll(async () => t?.close());

describe('issue 12 standard clients: introspection', () => {
  it('answers the standard introspection query (depth 21) for signed-in staff', async () => {
    const res: any = await clients.get(Role.OFFICE_STAFF)!.request(getIntrospectionQuery());
    expect(res.__schema.queryType).toMatchObject({ name: 'Query' });
    expect(res.__schema.types.map((x: any) => x.name)).toContain('Letter');
  });

  it('still refuses introspection to anonymous callers', async () => {
    const err = await expectError(t.client.request(getIntrospectionQuery()));
    expect(err.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INTROSPECTION_REQUIRES_SIGN_IN' });
  });

  it('refuses an introspection selection deeper than 24, and a __type selection deeper than the ordinary limit of 12', async () => {
    const nest = (n: number): string => (n === 0 ? 'name' : `ofType { ${nest(n - 1)} }`);
    const deep = await expectError(clients.get(Role.OFFICE_STAFF)!.request(`{ __schema { types { fields { type { ${nest(MAX_INTROSPECTION_DEPTH)} } } } } }`));
    // Apollo gives every validation rule's refusal its own code
    expect(deep.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INTROSPECTION_TOO_DEEP', maxDepth: 24 });
    const typeDeep = await expectError(clients.get(Role.OFFICE_STAFF)!.request(`{ __type(name: "Letter") { fields { type { ${nest(12)} } } } }`));
    expect(typeDeep.message).toMatch(/depth/i);
  });
});

/** Who calls an operation: the office, else the first administrator the access table lets call it. */
function callerOf(op: string): Role {
  const rule = operationRule(op);
  if (!rule) throw new Error(`${op} has no access rule`);
  if (rule.access === 'PUBLIC' || rule.access === 'SESSION' || rule.access.includes(Role.OFFICE_STAFF)) return Role.OFFICE_STAFF;
  const admin = rule.access.find((r) => [Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN].includes(r));
  if (!admin) throw new Error(`${op} is for ${rule.access.join(', ')} only`);
  return admin;
}

/** The leaf fields without required arguments, or __typename. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  if (!isObjectType(type)) return '{ __typename }';
  const leaves = Object.values(type.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)));
  return `{ ${leaves.map((f) => f.name).join(' ') || '__typename'} }`;
}

/** The id of a record for `X(id)` and the caller that reaches it: the first of the callers whose list has one. */
async function someRecord(op: string, callers: GraphQLClient[]): Promise<{ id: string; client: GraphQLClient }> {
  // handOverCandidates takes a letter
  const resource = op === 'handOverCandidates' ? 'Letter' : op;
  const query = schema.getQueryType()!.getFields();
  const plural = Object.keys(query).find((f) => f.startsWith('all') && getNamedType(query[f].type).name === resource)!;
  for (const client of callers) {
    const res: any = await client.request(`{ ${plural}(perPage: 1) { id } }`);
    if (res[plural].length) return { id: res[plural][0].id, client };
  }
  throw new Error(`no ${resource} in the demo data for ${op}`);
}

/** The value of the other required arguments. */
function argument(op: string, name: string, type: GraphQLInputType): unknown {
  if (name === 'organizationId') return String(officeId);
  if (name === 'bodyId') return String(bodyId);
  if (name === 'days') return 5;
  if (name === 'year') return 2026;
  if (name === 'from') return '2026-01-01';
  if (name === 'to') return '2026-12-31';
  throw new Error(`no value for ${op}(${name}: ${getNamedType(type).name})`);
}

describe('issue 12 standard clients: every root query with only its required arguments', () => {
  it('answers every root query without an error for the office or the administrator it is for', async () => {
    const failures: Array<{ op: string; role: Role; error: unknown }> = [];
    const fields = Object.values(schema.getQueryType()!.getFields());
    for (const field of fields) {
      const role = callerOf(field.name);
      let client = clients.get(role)!;
      const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
      const values: Record<string, unknown> = {};
      try {
      for (const a of required) {
        if (a.name === 'id') {
          const found = await someRecord(field.name, role === Role.OFFICE_STAFF ? offices : [client]);
          values.id = found.id;
          client = found.client;
        } else values[a.name] = argument(field.name, a.name, a.type);
      }
      } catch (e) {
        failures.push({ op: field.name, role, error: String(e) });
        continue;
      }
      const defs = required.map((a) => `$${a.name}: ${a.type}`).join(', ');
      const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
      const query = `query${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field)} }`;
      try {
        await client.request(query, values);
      } catch (e: any) {
        failures.push({ op: field.name, role, error: e.response?.errors?.[0] ?? String(e) });
      }
    }
    expect(fields.length).toBe(120);
    expect(failures).toEqual([]);
  }, 120_000);
});
