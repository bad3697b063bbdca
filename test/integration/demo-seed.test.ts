import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { DemoSeeder } from '../../seeds/demo.seeder.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/sessions.js';

let t: TestApp;
let seedMs = 0;
/**
 * The root offices of the five source documents' trees — 000 Jiaxing, 001 Wenzhou (Cangnan), 002
 * Taizhou (Sanmen), 003 Dazhou, 004 Ningbo (Beilun) — each with an office staff session: together they
 * reach all of the demo data (PR3: an account sees its organization's subtree).
 */
const ROOT_CODES = ['JX', 'WZ', 'TZ', 'DZ', 'NB'];
let offices: Array<{ code: string; id: string; client: Awaited<ReturnType<typeof signIn>>['client'] }> = [];
beforeAll(async () => {
  t = await startTestApp();
  const started = Date.now();
  await new DemoSeeder().run(t.orm.em.fork());
  seedMs = Date.now() - started;
  const roots: Array<{ id: number; code: string }> = await t.orm.em
    .getConnection()
    .execute(`select id, code from organization where parent_id is null and code in (${ROOT_CODES.map(() => '?').join(', ')}) order by id`, ROOT_CODES);
  offices = await Promise.all(
    roots.map(async (r) => ({ code: r.code, id: String(r.id), client: (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: r.id })).client })),
  );
  // Jiaxing's office (000) acts where one office is enough
  t.client = offices.find((o) => o.code === 'JX')!.client;
}, 300_000);
afterAll(async () => {
  await t.close();
});

/** The whole demo's count: the sum over the five root offices, whose subtrees do not overlap. */
const count = async (resource: string, filter = '{}') => {
  let total = 0;
  for (const { client } of offices) {
    const res: any = await client.request(`{ _all${resource}Meta(filter: ${filter}) { count } }`);
    total += res[`_all${resource}Meta`].count as number;
  }
  return total;
};

describe('demo data (seeds/)', () => {
  it('models the five source documents at province-office scale', async () => {
    console.log(`demo seed took ${seedMs} ms`);
    expect(offices.map((o) => o.code).sort()).toEqual([...ROOT_CODES].sort());
    // 000: the first batch of 28 community mailboxes, and the demo member's mailbox in Cangnan (MB1)
    expect(await count('Mailboxes')).toBe(29);
    expect(await count('Members')).toBeGreaterThanOrEqual(500);
    expect(await count('Constituents')).toBeGreaterThanOrEqual(1000);
    expect(await count('Letters')).toBeGreaterThanOrEqual(2000);
    expect(await count('LiaisonStations')).toBeGreaterThanOrEqual(15);
    expect(await count('Receptions')).toBeGreaterThanOrEqual(60);
    expect(await count('WorkPlans')).toBe(16); // 002: eight township offices, two years
  });

  it('has the office register in every workflow state (003)', async () => {
    const res: any = await t.client.request(gql`
      {
        __type(name: "LetterStatus") {
          enumValues {
            name
          }
        }
      }
    `);
    for (const { name } of res.__type.enumValues) {
      expect(await count('Letters', `{ status: ${name} }`), name).toBeGreaterThan(0);
    }
  });

  it('stores personal data encrypted and shows it masked (PR1)', async () => {
    const res: any = await t.client.request(gql`
      {
        allConstituents(perPage: 3) {
          name
          phoneMasked
          idNumberMasked
        }
      }
    `);
    for (const c of res.allConstituents) {
      expect(c.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(c.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
    const rows = await t.orm.em.getConnection().execute(`select phone_encrypted from constituent limit 1`);
    expect(rows[0].phone_encrypted).toMatch(/^v1:/);
  });

  it('gives every letter a unique serial number per organization and year (PV1)', async () => {
    const rows = await t.orm.em
      .getConnection()
      .execute(`select count(*)::int as n, count(distinct serial_number)::int as d from letter`);
    expect(rows[0].n).toBe(rows[0].d);
    const jx = offices.find((o) => o.code === 'JX')!.id;
    const next: any = await t.client.request(gql`
      mutation ($jx: ID!) {
        registerLetter(organizationId: $jx, channel: POST, title: "测试", content: "小区路灯不亮", receivedOn: "2026-11-20", writerName: "张三") {
          serialNumber
        }
      }
    `, { jx });
    const [{ last }] = await t.orm.em
      .getConnection()
      .execute(`select last from letter_serial_counter c join organization o on o.id = c.organization_id where o.id = ? and c.year = 2026`, [Number(jx)]);
    expect(next.registerLetter.serialNumber).toBe(`JX-2026-${String(last).padStart(6, '0')}`);
  });
});

// ---------------------------------------------------------------- demo accounts (issue 4 item 8)
// (imports are hoisted; kept beside the block they serve so the file above stays as it is)
import { ClientError, GraphQLClient } from 'graphql-request';
import { Secret, TOTP } from 'otpauth';
import { DEMO_COUNTY_CODE, DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemoAccounts, type DemoAccount } from '../../seeds/demo-accounts.js';

describe('demo accounts: one per role, password Lianluo#2026, admins with the published demo TOTP secret', () => {
  let plan: DemoAccount[];
  const sessions = new Map<string, GraphQLClient>();
  const logins = new Map<string, { mustChangePassword: boolean; totpRequired: boolean }>();
  const sql = (query: string, params: unknown[] = []) => t.orm.em.getConnection().execute(query, params);
  const totpNow = () => new TOTP({ secret: Secret.fromBase32(DEMO_TOTP_SECRET), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
  const LOGIN = `mutation ($username: String!, $password: String!, $totpCode: String) {
    login(username: $username, password: $password, totpCode: $totpCode) { token mustChangePassword totpRequired }
  }`;
  /** Signed out: only login (and me) answer. */
  const anonymous = () => new GraphQLClient(t.url);
  const as = (username: string) => sessions.get(username)!;
  const linked = (username: string) => plan.find((a) => a.username === username)!;
  const metaCount = async (username: string, resource: string, filter = '{}') => {
    const res: any = await as(username).request(`{ _all${resource}Meta(filter: ${filter}) { count } }`);
    return res[`_all${resource}Meta`].count as number;
  };
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof ClientError) return e.response.errors?.[0]?.extensions?.code;
      throw e;
    }
    return 'SUCCEEDED';
  };

  beforeAll(async () => {
    plan = await seedDemoAccounts(t.orm.em.fork());
    for (const a of plan) {
      const admin = ['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'].includes(a.role);
      const res: any = await anonymous().request(LOGIN, { username: a.username, password: DEMO_PASSWORD, totpCode: admin ? totpNow() : null });
      logins.set(a.username, { mustChangePassword: res.login.mustChangePassword, totpRequired: res.login.totpRequired });
      sessions.set(a.username, new GraphQLClient(t.url, { headers: { authorization: `Bearer ${res.login.token}` } }));
    }
  }, 120_000);

  it('signs each of the nine in over the API with no forced password change or enrolment', async () => {
    expect(plan.map((a) => [a.username, a.role])).toEqual([
      ['admin', 'SYSTEM_ADMIN'],
      ['security', 'SECURITY_ADMIN'],
      ['auditor', 'AUDIT_ADMIN'],
      ['office', 'OFFICE_STAFF'],
      ['committee', 'COMMITTEE_STAFF'],
      ['station', 'STATION_STAFF'],
      ['member', 'MEMBER'],
      ['handler', 'DEPARTMENT_HANDLER'],
      ['leader', 'LEADER'],
    ]);
    for (const a of plan) {
      expect(logins.get(a.username), a.username).toEqual({ mustChangePassword: false, totpRequired: false });
      const res: any = await as(a.username).request(`{ me { username roles mustChangePassword totpEnabled organizationId } }`);
      const admin = ['admin', 'security', 'auditor'].includes(a.username);
      expect(res.me, a.username).toEqual({ username: a.username, roles: [a.role], mustChangePassword: false, totpEnabled: admin, organizationId: String(a.organizationId) });
    }
    expect(plan.filter((a) => a.otpauthUrl).map((a) => a.otpauthUrl)).toEqual(
      ['admin', 'security', 'auditor'].map((u) => `otpauth://totp/%E8%81%94%E7%BB%9C%20Lianluo:${u}?issuer=%E8%81%94%E7%BB%9C%20Lianluo&secret=${DEMO_TOTP_SECRET}&algorithm=SHA1&digits=6&period=30`),
    );
  });

  it('asks the admin accounts for the TOTP code of the demo secret', async () => {
    const res = await refusal(anonymous().request(LOGIN, { username: 'auditor', password: DEMO_PASSWORD }));
    expect(res).toBe('UNAUTHENTICATED');
  });

  it('gives office staff of the county office, where its leader and departments work, the letters of its subtree', async () => {
    const [{ n }] = await sql(
      `with recursive sub as (select id from organization where code = ? union all select o.id from organization o join sub on o.parent_id = sub.id)
       select count(*)::int as n from letter where organization_id in (select id from sub)`,
      [DEMO_COUNTY_CODE],
    );
    expect(n).toBeGreaterThan(50);
    expect(await metaCount('office', 'Letters')).toBe(n);
    expect(await metaCount('office', 'Members')).toBeGreaterThan(100);
  });

  it('shows the member only their own letters and the constituents paired with them', async () => {
    const memberId = linked('member').link!.memberId;
    const [{ letters, constituents }] = await sql(
      `select (select count(*)::int from letter where member_id = ?) as letters,
              (select count(distinct constituent_id)::int from contact_pairing where member_id = ? and constituent_id is not null) as constituents`,
      [memberId, memberId],
    );
    expect(letters).toBeGreaterThan(0);
    expect(constituents).toBeGreaterThan(0);
    const res: any = await as('member').request(`{ allLetters(perPage: 500) { memberId } _allLettersMeta { count } _allConstituentsMeta { count } }`);
    expect(res._allLettersMeta.count).toBe(letters);
    expect(new Set(res.allLetters.map((l: any) => l.memberId))).toEqual(new Set([String(memberId)]));
    expect(res._allConstituentsMeta.count).toBe(constituents);
  });

  it('lets the member read the mailbox they lead, due to be opened (MB1, MB2)', async () => {
    const res: any = await as('member').request(`{ allMailboxes { name leadMemberId lastOpenedOn openingDueOn } _allMailboxOpeningsMeta { count } }`);
    expect(res.allMailboxes).toEqual([
      { name: '灵溪镇渡龙社区政协委员信箱', leadMemberId: String(linked('member').link!.memberId), lastOpenedOn: '2026-11-02', openingDueOn: '2026-11-17' },
    ]);
    expect(res._allMailboxOpeningsMeta.count).toBe(4);
  });

  it('shows the department handler only the letters forwarded to their department', async () => {
    const departmentId = linked('handler').link!.departmentId;
    const [{ n }] = await sql(
      `select count(*)::int as n from letter l
        where (l.lead_department_id = ? or exists (select 1 from letter_co_handler_departments c where c.letter_id = l.id and c.department_id = ?))
          and not exists (select 1 from letter_involved_departments i where i.letter_id = l.id and i.department_id = ?)`,
      [departmentId, departmentId, departmentId],
    );
    expect(n).toBeGreaterThan(0);
    const res: any = await as('handler').request(`{ allLetters(perPage: 500) { leadDepartmentId coHandlerDepartmentIds } _allLettersMeta { count } }`);
    expect(res._allLettersMeta.count).toBe(n);
    for (const l of res.allLetters) expect(l.leadDepartmentId === String(departmentId) || l.coHandlerDepartmentIds.includes(String(departmentId))).toBe(true);
  });

  it('shows the station staff the receptions of their station and the issues raised there', async () => {
    const stationId = linked('station').link!.liaisonStationId;
    const [{ receptions, letters }] = await sql(
      `select (select count(*)::int from reception where liaison_station_id = ?) as receptions,
              (select count(*)::int from letter l join reception r on r.id = l.reception_id where r.liaison_station_id = ?) as letters`,
      [stationId, stationId],
    );
    expect(letters).toBeGreaterThan(0);
    expect(await metaCount('station', 'Receptions')).toBe(receptions);
    expect(await metaCount('station', 'Letters')).toBe(letters);
  });

  it('shows the committee staff the members of the sectors their committee follows', async () => {
    const committeeId = linked('committee').link!.committeeId;
    const [{ n }] = await sql(`select count(*)::int as n from member m join committee_sectors cs on cs.sector_id = m.sector_id where cs.committee_id = ?`, [committeeId]);
    expect(n).toBeGreaterThan(0);
    expect(await metaCount('committee', 'Members')).toBe(n);
  });

  it('shows the leader the letters of their county, and no accounts', async () => {
    const [{ n }] = await sql(`select count(*)::int as n from letter where organization_id = ?`, [linked('leader').organizationId]);
    expect(n).toBeGreaterThan(0);
    expect(await metaCount('leader', 'Letters')).toBe(n);
    expect(await refusal(as('leader').request(`{ _allAccountsMeta { count } }`))).toBe('FORBIDDEN');
  });

  it('lets the auditor read the audit log (the demo sign-ins are in it) and nothing else', async () => {
    const res: any = await as('auditor').request(`{ _allAuditEventsMeta { count } }`);
    expect(res._allAuditEventsMeta.count).toBeGreaterThanOrEqual(9);
    expect(await refusal(as('auditor').request(`{ allLetters { id } }`))).toBe('FORBIDDEN');
    expect(await refusal(as('auditor').request(`{ allAccounts { id } }`))).toBe('FORBIDDEN');
  });

  it('lets the system and security administrators manage the accounts, not read letters', async () => {
    for (const u of ['admin', 'security']) {
      const res: any = await as(u).request(`{ allAccounts(perPage: 100) { username } }`);
      expect(res.allAccounts.map((a: any) => a.username), u).toEqual(expect.arrayContaining(plan.map((a) => a.username)));
      expect(await refusal(as(u).request(`{ allLetters { id } }`)), u).toBe('FORBIDDEN');
    }
  });

  it('may run again without duplicating or changing the accounts', async () => {
    const before = await sql(`select username, password_hash from account order by username`);
    await seedDemoAccounts(t.orm.em.fork());
    expect(await sql(`select username, password_hash from account order by username`)).toEqual(before);
  });
});
