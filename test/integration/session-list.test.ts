/**
 * 在线会话 (等保 会话管理): the system and security administrators see who is signed in — the
 * sessions still accepted, of the accounts they read — and end them with revokeSessions. The list
 * never carries the token or its hash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type GraphQLClient } from 'graphql-request';
import { getNamedType, isObjectType } from 'graphql';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { signIn, type SignedIn } from '../support/sessions.js';
import { createSchema } from '../../server/src/schema.js';
import { OPERATIONS } from '../../server/src/access/access.operations.js';
import { SESSION_ADMINS } from '../../admin/src/sessions/roles.js';

let t: TestApp;
let security: SignedIn;
let system: SignedIn;
let member: SignedIn;

const sql = (query: string, params: unknown[] = []) => t.orm.em.getConnection().execute(query, params);
const byToken = `token_hash = encode(sha256(?::bytea), 'hex')`;

const ACTIVE = gql`
  query ($accountId: ID) {
    activeSessions(accountId: $accountId) {
      id
      accountId
      username
      displayName
      createdAt
      lastSeenAt
      expiresAt
      ip
    }
  }
`;
const list = async (client: GraphQLClient, accountId?: string) =>
  ((await client.request(ACTIVE, { accountId })) as { activeSessions: Array<Record<string, string | null>> }).activeSessions;
const usernames = async (client: GraphQLClient) => (await list(client)).map((s) => s.username);

/** Whole seconds, so the API's ISO strings can be compared exactly. */
const at = (msFromNow: number) => new Date(Math.floor((Date.now() + msFromNow) / 1000) * 1000);

beforeAll(async () => {
  t = await startTestApp();
  security = await signIn(t, { roles: ['SECURITY_ADMIN'], username: 'anquan', displayName: '安全管理员' });
  system = await signIn(t, { roles: ['SYSTEM_ADMIN'], username: 'xitong', displayName: '系统管理员' });
  member = await signIn(t, { roles: ['OFFICE_STAFF'], username: 'liwei', displayName: '李伟' });
});
afterAll(async () => {
  await t?.close();
});

describe('activeSessions (等保 会话管理)', () => {
  it('shows a session with its account’s username and name, its times and IP, and nothing of the token', async () => {
    const created = at(-3_600_000);
    const seen = at(-120_000);
    const expires = at(1_680_000);
    await sql(`update session set created_at = ?, last_seen_at = ?, expires_at = ?, ip = '10.1.2.3' where ${byToken}`, [created, seen, expires, member.token]);
    const [{ id }] = await sql(`select id from session where ${byToken}`, [member.token]);

    expect(await list(security.client, member.accountId)).toEqual([
      {
        id: String(id),
        accountId: member.accountId,
        username: 'liwei',
        displayName: '李伟',
        createdAt: created.toISOString(),
        lastSeenAt: seen.toISOString(),
        expiresAt: expires.toISOString(),
        ip: '10.1.2.3',
      },
    ]);
    // the type offers exactly these fields: no token, hash, TOTP flag or user agent to select
    const type = getNamedType((await createSchema()).getQueryType()!.getFields().activeSessions.type);
    expect(isObjectType(type) && Object.keys(type.getFields())).toEqual(['id', 'accountId', 'username', 'displayName', 'createdAt', 'lastSeenAt', 'expiresAt', 'ip']);
  });

  it('lists every account’s sessions to both administrators, most recently active first', async () => {
    await sql(`update session set last_seen_at = now() - interval '3 minutes' where ${byToken}`, [member.token]);
    // the administrators' own requests touch their sessions (at most once a minute): make the order certain
    await sql(`update session set last_seen_at = now() - interval '10 minutes' where ${byToken}`, [system.token]);
    await sql(`update session set last_seen_at = now() - interval '30 seconds' where ${byToken}`, [security.token]);
    expect(await usernames(security.client)).toEqual(['anquan', 'liwei', 'xitong']);
    // the system administrator's own request marks its session active now, so it comes first
    expect(await usernames(system.client)).toEqual(['xitong', 'anquan', 'liwei']);
  });

  it('leaves out sessions that are revoked, past their deadline, or of a disabled account', async () => {
    const revoked = await signIn(t, { roles: ['OFFICE_STAFF'], username: 'zhaojie' });
    const expired = await signIn(t, { roles: ['OFFICE_STAFF'], username: 'sunli' });
    const disabled = await signIn(t, { roles: ['OFFICE_STAFF'], username: 'zhouyan' });
    await sql(`update session set revoked_at = now() where ${byToken}`, [revoked.token]);
    await sql(`update session set expires_at = now() - interval '1 second' where ${byToken}`, [expired.token]);
    await sql(`update account set is_active = false where id = ?`, [Number(disabled.accountId)]);
    expect((await usernames(security.client)).sort()).toEqual(['anquan', 'liwei', 'xitong']);
    expect(await list(security.client, revoked.accountId)).toEqual([]);
    expect(await list(security.client, expired.accountId)).toEqual([]);
    expect(await list(security.client, disabled.accountId)).toEqual([]);
  });

  it('no longer lists an account’s sessions once revokeSessions has ended them', async () => {
    const other = await signIn(t, { roles: ['OFFICE_STAFF'], username: 'wangfang', displayName: '王芳' });
    expect((await list(security.client, other.accountId)).map((s) => s.username)).toEqual(['wangfang']);
    expect(await security.client.request(gql`mutation ($id: ID!) { revokeSessions(accountId: $id) }`, { id: other.accountId })).toEqual({ revokeSessions: 1 });
    expect(await list(security.client, other.accountId)).toEqual([]);
    expect(await other.client.request(gql`{ me { id } }`)).toEqual({ me: null });
  });

  it('answers NOT_FOUND for an account that does not exist, BAD_USER_INPUT for a malformed id', async () => {
    expect((await expectError(list(security.client, '999999'))).extensions.code).toBe('NOT_FOUND');
    expect((await expectError(list(security.client, 'abc'))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accountId' });
  });

  it('refuses every other role with FORBIDDEN (the auditor and casework staff included)', async () => {
    const auditor = await signIn(t, { roles: ['AUDIT_ADMIN'] });
    const office = await signIn(t, { roles: ['OFFICE_STAFF'] });
    for (const client of [auditor.client, office.client, member.client]) {
      const err = await expectError(list(client));
      expect(err.extensions).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED', roles: ['SYSTEM_ADMIN', 'SECURITY_ADMIN'] });
    }
  });

  it('is offered by the console (在线会话) to exactly the roles the server lets call it', () => {
    expect([...SESSION_ADMINS].sort()).toEqual([...(OPERATIONS.activeSessions as string[])].sort());
  });
});
