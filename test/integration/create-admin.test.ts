import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient, gql } from 'graphql-request';
import { Secret, TOTP } from 'otpauth';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { createFirstAdmin, UsageError } from '../../server/src/cli/create-admin.js';
import { Role } from '../../server/src/platform/account/role.js';

let t: TestApp;
const PASSWORD = 'Initial#Pass2026';
const sql = (query: string, params: unknown[] = []) => t.orm.em.getConnection().execute(query, params);
const counts = async () => {
  const [row] = await sql(`select (select count(*)::int from body) as bodies, (select count(*)::int from organization) as organizations, (select count(*)::int from account) as accounts`);
  return row;
};
const totpCode = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('npm run create-admin: the first administrator of a production installation', () => {
  it('asks for the root organization and body names when the database has no organization, writing nothing', async () => {
    const refusal = createFirstAdmin(t.orm.em.fork(), { username: 'root', organizationCode: 'JX', password: PASSWORD });
    await expect(refusal).rejects.toBeInstanceOf(UsageError);
    await expect(refusal).rejects.toThrow('the database has no organization yet: give --organization-name and --body-name to create the root ones');
    expect(await counts()).toEqual({ bodies: 0, organizations: 0, accounts: 0 });
  });

  it('refuses a weak initial password and a casework role before writing anything', async () => {
    await expect(
      createFirstAdmin(t.orm.em.fork(), { username: 'root', organizationCode: 'JX', organizationName: '嘉兴市政协办公室', bodyName: '嘉兴市政协', password: 'short' }),
    ).rejects.toThrow('password：密码不能少于 10 位'); // 10 since issue 12 item 6 (等保 level 3)
    await expect(
      createFirstAdmin(t.orm.em.fork(), { username: 'root', organizationCode: 'JX', organizationName: '嘉兴市政协办公室', bodyName: '嘉兴市政协', password: PASSWORD, role: Role.OFFICE_STAFF }),
    ).rejects.toThrow('--role must be one of SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN (got OFFICE_STAFF)');
    expect(await counts()).toEqual({ bodies: 0, organizations: 0, accounts: 0 });
  });

  it('creates the root Body and Organization, then a system administrator who must change the password and enrol TOTP', async () => {
    const result = await createFirstAdmin(t.orm.em.fork(), {
      username: 'root',
      displayName: '张管理',
      organizationCode: 'JX',
      organizationName: '嘉兴市政协办公室',
      bodyName: '嘉兴市政协',
      region: '嘉兴市',
      password: PASSWORD,
    });
    expect(result).toMatchObject({ username: 'root', role: 'SYSTEM_ADMIN', createdBody: true, createdOrganization: true });
    expect(await counts()).toEqual({ bodies: 1, organizations: 1, accounts: 1 });
    const [org] = await sql(`select o.name, o.code, o.kind, o.parent_id, b.name as body, b.kind as body_kind, b.level, b.region from organization o join body b on b.id = o.body_id`);
    expect(org).toEqual({ name: '嘉兴市政协办公室', code: 'JX', kind: 'OFFICE', parent_id: null, body: '嘉兴市政协', body_kind: 'CPPCC', level: 'CITY', region: '嘉兴市' });
    const [account] = await sql(`select username, display_name, roles, organization_id, must_change_password, totp_enabled from account`);
    expect(account).toEqual({ username: 'root', display_name: '张管理', roles: ['SYSTEM_ADMIN'], organization_id: result.organizationId, must_change_password: true, totp_enabled: false });
  });

  it('signs the new administrator in over the API: password change and TOTP enrolment first, then the installation', async () => {
    const login: any = await t.client.request(
      gql`
        mutation ($username: String!, $password: String!) {
          login(username: $username, password: $password) {
            token
            mustChangePassword
            totpRequired
          }
        }
      `,
      { username: 'root', password: PASSWORD },
    );
    expect(login.login).toMatchObject({ mustChangePassword: true, totpRequired: true });
    const client = new GraphQLClient(t.url, { headers: { authorization: `Bearer ${login.login.token}` } });
    const blocked = await expectError(client.request(`{ allOrganizations { id } }`));
    expect(blocked.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });

    await client.request(`mutation { changePassword(currentPassword: "${PASSWORD}", newPassword: "Changed#Pass2026") { id } }`);
    const stillBlocked = await expectError(client.request(`{ allOrganizations { id } }`));
    expect(stillBlocked.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TOTP_ENROLLMENT_REQUIRED' });

    const begin: any = await client.request(`mutation { beginTotpEnrollment { secret otpauthUrl } }`);
    expect(begin.beginTotpEnrollment.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*root\?/);
    await client.request(`mutation ($code: String!) { confirmTotpEnrollment(code: $code) { totpEnabled } }`, { code: totpCode(begin.beginTotpEnrollment.secret) });

    const res: any = await client.request(`{ me { username roles mustChangePassword totpEnabled } allOrganizations { code name } }`);
    expect(res).toEqual({
      me: { username: 'root', roles: ['SYSTEM_ADMIN'], mustChangePassword: false, totpEnabled: true },
      allOrganizations: [{ code: 'JX', name: '嘉兴市政协办公室' }],
    });
  });

  it('adds another administrator to an existing organization without creating a body or organization', async () => {
    const result = await createFirstAdmin(t.orm.em.fork(), { username: 'security1', organizationCode: 'JX', password: PASSWORD, role: Role.SECURITY_ADMIN, bodyName: 'ignored' });
    expect(result).toMatchObject({ username: 'security1', role: 'SECURITY_ADMIN', createdBody: false, createdOrganization: false });
    expect(await counts()).toEqual({ bodies: 1, organizations: 1, accounts: 2 });
    const [row] = await sql(`select display_name, roles, must_change_password from account where username = 'security1'`);
    expect(row).toEqual({ display_name: '安全管理员', roles: ['SECURITY_ADMIN'], must_change_password: true });
  });

  it('refuses an unknown organization code (naming the root organizations) and a taken username', async () => {
    await expect(createFirstAdmin(t.orm.em.fork(), { username: 'other', organizationCode: 'XX', password: PASSWORD })).rejects.toThrow(
      'no organization has the code XX; root organizations: JX (嘉兴市政协办公室)',
    );
    await expect(createFirstAdmin(t.orm.em.fork(), { username: 'root', organizationCode: 'JX', password: PASSWORD })).rejects.toThrow('username root is already taken');
    expect(await counts()).toEqual({ bodies: 1, organizations: 1, accounts: 2 });
  });
});
