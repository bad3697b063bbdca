import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { GraphQLClient, gql } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { createApp, type App } from '../../server/src/app.js';
import { createAccount } from '../../server/src/platform/account/account.service.js';
import { Role } from '../../server/src/platform/account/role.js';
import { Body, BodyKind, BodyLevel } from '../../server/src/platform/body/body.entity.js';
import { Organization, OrganizationKind } from '../../server/src/platform/organization/organization.entity.js';
import { parseTrustProxy } from '../../server/src/config.js';

/**
 * Issue 12, item 6: sign-in behind a proxy. Client addresses come from X-Forwarded-For only with
 * TRUST_PROXY; the limits are keyed by username and address, so one attacker can neither lock the
 * owner out nor tell which usernames exist; passwords of 10+ characters, not common, not reused.
 */
let t: TestApp;
/** The same database behind a trusted proxy (TRUST_PROXY=loopback: the test's requests come from 127.0.0.1). */
let proxied: App;
let proxiedUrl: string;
let orgId: number;
const PASSWORD = 'Lianluo#2026';
const sql = (q: string, params: unknown[] = []) => t.orm.em.getConnection().execute(q, params);

const LOGIN = gql`
  mutation ($username: String!, $password: String!) {
    login(username: $username, password: $password) { token mustChangePassword }
  }
`;
const CHANGE_PASSWORD = gql`
  mutation ($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { mustChangePassword }
  }
`;

/** A sign-in through the proxy from `ip` (the proxy's X-Forwarded-For). */
function loginFrom(ip: string, username: string, password: string) {
  return new GraphQLClient(proxiedUrl, { headers: { 'x-forwarded-for': ip } }).request<any>(LOGIN, { username, password });
}

async function account(username: string) {
  const a = await createAccount(t.orm.em.fork(), { username, displayName: username, organizationId: orgId, roles: [Role.OFFICE_STAFF], password: PASSWORD });
  await sql('update account set must_change_password = false where id = ?', [a.id]);
  return a;
}

beforeAll(async () => {
  t = await startTestApp();
  const em = t.orm.em.fork();
  const body = em.create(Body, { name: '嘉兴市政协', kind: BodyKind.CPPCC, level: BodyLevel.CITY });
  const org = em.create(Organization, { name: '嘉兴市政协办公室', code: 'JX', kind: OrganizationKind.OFFICE, body } as any) as Organization;
  await em.flush();
  orgId = org.id;
  proxied = await createApp({ orm: t.orm, trustProxy: parseTrustProxy('loopback') });
  await new Promise<void>((resolve) => proxied.server.listen(0, '127.0.0.1', resolve));
  proxiedUrl = `http://127.0.0.1:${(proxied.server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await proxied?.stop();
  await t?.close();
});
beforeEach(async () => {
  await sql('delete from rate_limit_bucket');
  await sql('delete from login_throttle');
});
afterEach(() => {
  delete process.env.LOGIN_RATE_LIMIT;
});

describe('issue 12 item 6: sign-in behind a proxy', () => {
  it('TRUST_PROXY is off unless set, and reads hops, true and subnets', () => {
    expect([undefined, '', 'false', '0'].map(parseTrustProxy)).toEqual([false, false, false, false]);
    expect([parseTrustProxy('true'), parseTrustProxy('1'), parseTrustProxy('172.28.0.10')]).toEqual([true, 1, '172.28.0.10']);
  });

  it('behind a trusted proxy, 21 people signing in from their own addresses are all admitted (the 21st was refused)', async () => {
    const names = Array.from({ length: 21 }, (_, i) => `staff${String(i).padStart(2, '0')}`);
    for (const n of names) await account(n);
    const tokens: string[] = [];
    for (const [i, n] of names.entries()) tokens.push((await loginFrom(`10.20.0.${i + 1}`, n, PASSWORD)).login.token);
    expect(tokens.map((tk) => tk.length)).toEqual(Array(21).fill(43));
    const ips = await sql(`select distinct ip from session s join account a on a.id = s.account_id where a.username like 'staff%' order by ip`);
    expect(ips).toHaveLength(21);
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: a client cannot pick its own address', async () => {
    process.env.LOGIN_RATE_LIMIT = '3';
    await account('direct');
    for (let i = 1; i <= 3; i++) {
      await new GraphQLClient(t.url, { headers: { 'x-forwarded-for': `10.30.0.${i}` } }).request(LOGIN, { username: 'direct', password: PASSWORD });
    }
    const fourth = await expectError(new GraphQLClient(t.url, { headers: { 'x-forwarded-for': '10.30.0.4' } }).request(LOGIN, { username: 'direct', password: PASSWORD }));
    expect(fourth.extensions.code).toBe('RATE_LIMITED');
    expect(await sql(`select distinct ip from session s join account a on a.id = s.account_id where a.username = 'direct'`)).toEqual([{ ip: '127.0.0.1' }]);
  });

  it('an unknown and an existing username get the same answers, before and after the delay starts (no enumeration)', async () => {
    await account('wangfang');
    const answers = async (username: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) out.push(await expectError(loginFrom('10.40.0.1', username, 'Wrong#Pass2026')));
      return out;
    };
    const existing = await answers('wangfang');
    const unknown = await answers('nobody.here');
    expect(unknown).toEqual(existing);
    expect((existing[4] as any).extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect((existing[5] as any).extensions).toEqual({ code: 'RATE_LIMITED', reason: 'LOGIN_DELAYED', retryAfterSeconds: 30 });
  });

  it('failures from many addresses delay new addresses, never the owner at an address it signed in from; one address cannot lock anyone', async () => {
    await account('chenjing');
    // the owner's office computer
    await loginFrom('10.50.0.1', 'chenjing', PASSWORD);
    // one attacker: delayed at its own address after five guesses, the owner is not
    for (let i = 0; i < 5; i++) await expectError(loginFrom('10.66.0.1', 'chenjing', 'Guess#2026xx'));
    expect((await expectError(loginFrom('10.66.0.1', 'chenjing', PASSWORD))).extensions.reason).toBe('LOGIN_DELAYED');
    expect((await loginFrom('10.50.0.2', 'chenjing', PASSWORD)).login.token).toHaveLength(43);
    // a distributed guess: 20 failures from 20 addresses delay any address the owner never used …
    await sql('delete from login_throttle');
    for (let i = 1; i <= 20; i++) await expectError(loginFrom(`10.70.0.${i}`, 'chenjing', 'Guess#2026xx'));
    const fresh = await expectError(loginFrom('10.80.0.1', 'chenjing', PASSWORD));
    expect(fresh.extensions).toEqual({ code: 'RATE_LIMITED', reason: 'LOGIN_DELAYED', retryAfterSeconds: 30 });
    // … but not the owner's own computer
    expect((await loginFrom('10.50.0.1', 'chenjing', PASSWORD)).login.token).toHaveLength(43);
  });
});

describe('issue 12 item 6: password rules (等保 level 3)', () => {
  it('refuses Abcdefg1 and a common password, and the last 5 passwords; the 6th oldest may come back', async () => {
    await account('lixia');
    const { login } = await loginFrom('10.90.0.1', 'lixia', PASSWORD);
    const me = new GraphQLClient(proxiedUrl, { headers: { authorization: `Bearer ${login.token}`, 'x-forwarded-for': '10.90.0.1' } });
    const change = (currentPassword: string, newPassword: string) => me.request<any>(CHANGE_PASSWORD, { currentPassword, newPassword });

    expect((await expectError(change(PASSWORD, 'Abcdefg1'))).message).toBe('newPassword：密码不能少于 10 位');
    expect((await expectError(change(PASSWORD, 'Password123'))).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'newPassword', reason: 'COMMON_PASSWORD' });

    const history = [PASSWORD, 'Xinmima#2026a', 'Xinmima#2026b', 'Xinmima#2026c', 'Xinmima#2026d'];
    for (let i = 1; i < history.length; i++) await change(history[i - 1], history[i]);
    for (const old of history.slice(0, 4)) {
      const reused = await expectError(change(history[4], old));
      expect(reused).toMatchObject({
        message: 'newPassword：新密码不能与最近 5 次使用过的密码相同',
        extensions: { code: 'BAD_USER_INPUT', field: 'newPassword', reason: 'PASSWORD_REUSED' },
      });
    }
    await change(history[4], 'Xinmima#2026e');
    // now the last five are a–e: the first one may be used again
    expect((await change('Xinmima#2026e', PASSWORD)).changePassword).toEqual({ mustChangePassword: false });
    expect(await sql(`select count(*)::int as n from password_history h join account a on a.id = h.account_id where a.username = 'lixia'`)).toEqual([{ n: 5 }]);
  });
});
