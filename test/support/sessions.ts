import { randomBytes } from 'node:crypto';
import { GraphQLClient } from 'graphql-request';
import { Account } from '../../server/src/platform/account/account.entity.js';
import { createAccount } from '../../server/src/platform/account/account.service.js';
import type { Role } from '../../server/src/platform/account/role.js';
import { Body, BodyKind, BodyLevel } from '../../server/src/platform/body/body.entity.js';
import { Organization, OrganizationKind } from '../../server/src/platform/organization/organization.entity.js';
import { createSession } from '../../server/src/platform/session/session.service.js';
import type { TestApp } from './app.js';

export interface SessionSpec {
  roles: Array<Role | `${Role}`>;
  /** The account's organization (PR3); admins may leave it out (a system organization is made). */
  organizationId?: string | number;
  committeeId?: string | number;
  liaisonStationId?: string | number;
  liaisonGroupId?: string | number;
  memberId?: string | number;
  departmentId?: string | number;
  leaderId?: string | number;
  displayName?: string;
  username?: string;
}

export interface SignedIn {
  /** A GraphQL client sending this account's session as `Authorization: Bearer`. */
  client: GraphQLClient;
  token: string;
  accountId: string;
  username: string;
}

export const TEST_PASSWORD = 'Lianluo#2026';

const systemOrgs = new WeakMap<TestApp, Promise<number>>();

/** The organization that holds the administrators of a test database (made once per TestApp). */
function systemOrganization(t: TestApp): Promise<number> {
  let found = systemOrgs.get(t);
  if (!found) {
    found = (async () => {
      const em = t.orm.em.fork();
      const body = em.create(Body, { name: '系统管理', kind: BodyKind.CPPCC, level: BodyLevel.CITY } as any);
      const org = em.create(Organization, { name: '系统管理组', code: 'SYS', kind: OrganizationKind.OFFICE, body } as any);
      await em.flush();
      return org.id;
    })();
    systemOrgs.set(t, found);
  }
  return found;
}

/**
 * An account with a full session (no forced password change, TOTP already verified), written straight
 * to the database: logging in over the API is tested in account.test.ts, and the per-IP login rate
 * limit would otherwise count every test's sign-ins.
 */
export async function signIn(t: TestApp, spec: SessionSpec): Promise<SignedIn> {
  const username = spec.username ?? `u${randomBytes(5).toString('hex')}`;
  const organizationId = spec.organizationId ?? (await systemOrganization(t));
  const em = t.orm.em.fork();
  const { roles, displayName, username: _u, organizationId: _o, ...links } = spec;
  const account = await createAccount(em, {
    username,
    displayName: displayName ?? username,
    organizationId,
    roles: roles as Role[],
    password: TEST_PASSWORD,
    ...links,
  });
  await em.nativeUpdate(Account, { id: account.id }, { mustChangePassword: false });
  const sessions = em.fork();
  const fresh = await sessions.findOneOrFail(Account, { id: account.id });
  const { token } = createSession(sessions, fresh, { ip: '127.0.0.1', userAgent: 'vitest', totpVerified: true });
  await sessions.flush();
  return {
    client: new GraphQLClient(t.url, { headers: { authorization: `Bearer ${token}` } }),
    token,
    accountId: String(account.id),
    username,
  };
}

/** A system administrator's client (accounts, bodies and organizations). */
export async function adminClient(t: TestApp): Promise<GraphQLClient> {
  return (await signIn(t, { roles: ['SYSTEM_ADMIN'], displayName: '系统管理员' })).client;
}
