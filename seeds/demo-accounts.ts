import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../server/src/platform/account/account.entity.js';
import { createAccount, type CreateAccountInput } from '../server/src/platform/account/account.service.js';
import { Role, isAdminRole } from '../server/src/platform/account/role.js';
import { totpUri } from '../server/src/platform/account/totp.js';
import { encrypt } from '../server/src/common/crypto.js';

/**
 * Demo accounts (issue 4 item 8): one per role, signed in with DEMO_PASSWORD and no forced change.
 * Created with the demo data only — never in production mode (server/src/db/demo.ts decides) — since
 * everybody knows the password.
 */
export const DEMO_PASSWORD = 'Lianluo#2026';

/**
 * The three admin accounts must give a TOTP code at login. The demo enrols them with this fixed,
 * published secret (Base32) so a tester can add it to an authenticator app (README: "Demo accounts").
 */
export const DEMO_TOTP_SECRET = 'LIANLUODEMOADMINTOTPSECRET234567';

/** The root city office of the demo: 温州市政协办公室, whose subtree holds 苍南县政协办公室. */
export const DEMO_OFFICE_CODE = 'WZ';
/** The county office under it, with members, constituents, committees, leaders and letters (001). */
export const DEMO_COUNTY_CODE = 'CN';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  organizationId: number;
  /** The record the role is linked to, as `createAccount` takes it. */
  link?: Partial<Pick<CreateAccountInput, 'committeeId' | 'liaisonStationId' | 'memberId' | 'departmentId' | 'leaderId'>>;
  /** For the admins: the otpauth:// URI of DEMO_TOTP_SECRET for this account. */
  otpauthUrl?: string;
}

type Row = Record<string, any>;

async function one(em: EntityManager, sql: string, params: unknown[] = []): Promise<Row> {
  const rows = await em.getConnection().execute<Row[]>(sql, params);
  if (!rows[0]) throw new Error(`demo accounts: the demo data has no record for: ${sql.replace(/\s+/g, ' ').slice(0, 120)}`);
  return rows[0];
}

/** Whether the database holds the demo data the accounts are linked to. */
export async function hasDemoData(em: EntityManager): Promise<boolean> {
  const rows = await em.getConnection().execute<Row[]>(`select count(*)::int as n from organization where code in (?, ?)`, [DEMO_OFFICE_CODE, DEMO_COUNTY_CODE]);
  return rows[0]?.n === 2;
}

/**
 * Who each demo account is, chosen from the demo data so every role sees records: the member with
 * constituents who leads a mailbox and has the most letters, the department with the most letters forwarded to it, the
 * station with the most reception issues, the committee whose sectors hold the most members, the
 * county's principal leader.
 */
export async function demoAccountPlan(em: EntityManager): Promise<DemoAccount[]> {
  const office = await one(em, `select id from organization where code = ?`, [DEMO_OFFICE_CODE]);
  const county = await one(em, `select id, body_id from organization where code = ?`, [DEMO_COUNTY_CODE]);
  const subtree = `with recursive sub as (select id from organization where id = ? union all select o.id from organization o join sub on o.parent_id = sub.id)`;
  const committee = await one(
    em,
    `select c.id, c.name from committee c join committee_sectors cs on cs.committee_id = c.id join member m on m.sector_id = cs.sector_id
      where c.body_id = ? group by c.id, c.name order by count(m.id) desc, c.id limit 1`,
    [county.body_id],
  );
  const member = await one(
    em,
    `${subtree}
     select m.id, m.name, m.organization_id from member m
      where m.organization_id in (select id from sub)
        and exists (select 1 from contact_pairing cp where cp.member_id = m.id and cp.constituent_id is not null)
      order by exists (select 1 from mailbox mb where mb.lead_member_id = m.id) desc, (select count(*) from letter l where l.member_id = m.id) desc, m.id limit 1`,
    [office.id],
  );
  const department = await one(
    em,
    `${subtree}
     select d.id, d.name, d.organization_id from department d join letter l on l.lead_department_id = d.id
      where d.organization_id in (select id from sub)
      group by d.id, d.name, d.organization_id order by count(l.id) desc, d.id limit 1`,
    [office.id],
  );
  const leader = await one(em, `select id, name from leader where body_id = ? order by is_principal desc, id limit 1`, [county.body_id]);
  const station = await one(
    em,
    `select s.id, s.name, s.organization_id from liaison_station s join reception r on r.liaison_station_id = s.id join letter l on l.reception_id = r.id
      group by s.id, s.name, s.organization_id order by count(l.id) desc, s.id limit 1`,
  );
  const admin = (username: string, role: Role, displayName: string): DemoAccount => ({
    username,
    role,
    displayName,
    organizationId: office.id,
    otpauthUrl: totpUri(DEMO_TOTP_SECRET, username),
  });
  return [
    admin('admin', Role.SYSTEM_ADMIN, '演示·系统管理员'),
    admin('security', Role.SECURITY_ADMIN, '演示·安全管理员'),
    admin('auditor', Role.AUDIT_ADMIN, '演示·审计管理员'),
    // the clerk works where the letters, the leader and the departments are, so a letter can be walked to the reply
    { username: 'office', role: Role.OFFICE_STAFF, displayName: '演示·办公室工作人员', organizationId: county.id },
    { username: 'committee', role: Role.COMMITTEE_STAFF, displayName: `演示·${committee.name}工作人员`, organizationId: county.id, link: { committeeId: committee.id } },
    { username: 'station', role: Role.STATION_STAFF, displayName: `演示·${station.name}工作人员`, organizationId: station.organization_id, link: { liaisonStationId: station.id } },
    { username: 'member', role: Role.MEMBER, displayName: `${member.name}（演示·委员）`, organizationId: member.organization_id, link: { memberId: member.id } },
    { username: 'handler', role: Role.DEPARTMENT_HANDLER, displayName: `演示·${department.name}经办人`, organizationId: department.organization_id, link: { departmentId: department.id } },
    { username: 'leader', role: Role.LEADER, displayName: `${leader.name}（演示·领导）`, organizationId: county.id, link: { leaderId: leader.id } },
  ];
}

/**
 * Creates the demo accounts that do not exist yet (so it may run again), with DEMO_PASSWORD, no
 * forced password change, and the admins enrolled in TOTP with DEMO_TOTP_SECRET. Returns the plan.
 */
export async function seedDemoAccounts(em: EntityManager): Promise<DemoAccount[]> {
  const plan = await demoAccountPlan(em);
  for (const a of plan) {
    if (await em.count(Account, { username: a.username })) continue;
    const account = await createAccount(em, {
      username: a.username,
      displayName: a.displayName,
      organizationId: a.organizationId,
      roles: [a.role],
      password: DEMO_PASSWORD,
      ...a.link,
    });
    await em.nativeUpdate(
      Account,
      { id: account.id },
      {
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        ...(isAdminRole(a.role) ? { totpEnabled: true, totpSecretEncrypted: encrypt(DEMO_TOTP_SECRET), totpLastCounter: null } : {}),
      },
    );
  }
  em.clear();
  return plan;
}
