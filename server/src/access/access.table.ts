import { raw } from '@mikro-orm/core';
import { Role } from '../platform/account/role.js';
import type { SessionActor } from '../platform/session/session.service.js';


/** Read or write (create, update, delete, and verbs that change a record). */
export type AccessMode = 'read' | 'write';

/** A signed-in actor with the reach of their account (computed once per request, access.scope.ts). */
export interface ScopeActor extends SessionActor {
  /** The account's organization and its whole subtree (PR3). */
  orgIds: number[];
  /** The bodies of those organizations. */
  bodyIds: number[];
  /** COMMITTEE_STAFF: the sectors their committee follows (CT2). */
  committeeSectorIds: number[];
  /** PV5: the names an involved person would be listed under (the member's or leader's own name). */
  personNames: string[];
  /** PV2: whether the linked leader is a principal leader (主要领导), null without a linked leader. */
  leaderIsPrincipal: boolean | null;
}

type Where = Record<string, any>;
/** `true`: the whole scope of the anchor; a function: a narrower condition; `null` from it: nothing. */
export type Reach = true | ((a: ScopeActor) => Where | null);

export interface AccessRow {
  /** How a record reaches the caller's organizations or bodies (the `true` reach). */
  anchor: (a: ScopeActor) => Where;
  read: Partial<Record<Role, Reach>>;
  write: Partial<Record<Role, Reach>>;
  /** Applied after the reach, for every role: what no one may see (PV5). */
  exclude?: (a: ScopeActor) => Where | null;
}

/** Nests a condition under a dotted path: at('letter.organization', x) → { letter: { organization: x } }. */
const at = (path: string, value: unknown): Where =>
  path.split('.').reduceRight<any>((inner, key) => ({ [key]: inner }), value);
const org = (path: string) => (a: ScopeActor) => at(path, { $in: a.orgIds });
const body = (path: string) => (a: ScopeActor) => at(path, { $in: a.bodyIds });
const everything = () => ({});
/** An SQL condition on the row (`alias` is the table's alias in the query). */
const sqlWhere = (fn: (alias: string) => string, params: unknown[]): Where => ({ [raw(fn, params)]: true });

// role-specific reaches
const own = (path: string, key: 'memberId' | 'departmentId' | 'liaisonStationId' | 'liaisonGroupId' | 'committeeId' | 'leaderId'): Reach =>
  (a) => (a[key] == null ? null : at(path, a[key]));
/** COMMITTEE_STAFF reach the members of their committee's sectors (PR3). */
const committeeMembers = (path: string): Reach => (a) => (a.committeeSectorIds.length ? at(path, { sector: { $in: a.committeeSectorIds } }) : null);
/** Constituents paired with the members that `memberCondition` (SQL on `m`) selects. */
const pairedWith = (memberCondition: string, params: unknown[]) =>
  sqlWhere((t) => `${t}.id in (select cp.constituent_id from contact_pairing cp join member m on m.id = cp.member_id where ${memberCondition})`, params);

/** A letter's reach per role, shared with the records that hang off a letter. */
const letterReach: Partial<Record<Role, Reach>> = {
  OFFICE_STAFF: true,
  LEADER: true,
  MEMBER: own('member', 'memberId'),
  // PR2: handlers reach the letters forwarded to their department, as lead or co-handler
  DEPARTMENT_HANDLER: (a) =>
    a.departmentId == null ? null : { $or: [{ leadDepartment: a.departmentId }, { coHandlerDepartments: { $some: { id: a.departmentId } } }] },
  STATION_STAFF: (a) => {
    const or: Where[] = [];
    if (a.liaisonStationId != null) or.push({ reception: { liaisonStation: a.liaisonStationId } });
    if (a.liaisonGroupId != null) or.push({ mailbox: { liaisonGroup: a.liaisonGroupId } });
    return or.length ? { $or: or } : null;
  },
};
/**
 * PV5 (第30条), the one exclusion rule: the letters that do not name the actor as involved — neither
 * its department among the involved units nor its person's name (two characters or more) in the
 * involved persons; null when no letter can name the actor. Every path a letter can show through (the
 * letter, its events, notices, ratings, exports, search, counts, statistics) applies it, under the
 * path to its letter (`PV5_exclude`) or, for hand-written SQL, as the ids it leaves out (pv5Sql,
 * access.scope.ts); the in-memory twin for recipients is `PV5_notInvolved` (letter.rules.ts).
 */
export function PV5_notNamingActor(a: Pick<ScopeActor, 'departmentId' | 'personNames'>): Where | null {
  const and: Where[] = [];
  if (a.departmentId != null) and.push({ involvedDepartments: { $none: { id: a.departmentId } } });
  for (const name of a.personNames) {
    if (name.length < 2) continue;
    const like = `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // `$not` is a logical operator in MikroORM: it wraps a condition and may not sit under a property
    // ({ involvedPersons: { $not: … } } fails with 'The operator "not" is not permitted')
    and.push({ $or: [{ involvedPersons: null }, { $not: { involvedPersons: { $ilike: like } } }] });
  }
  return and.length ? { $and: and } : null;
}

/**
 * PV5 as the scope condition of a record reached through `path` to its letter ('' for the letter
 * itself); `nullable`: records about no letter stay. Plain conditions (no raw fragments), so a
 * service may use one condition for a count and a find.
 */
export function PV5_exclude(a: ScopeActor, path: string, { nullable = false } = {}): Where | null {
  const cond = PV5_notNamingActor(a);
  if (cond === null) return null;
  if (!path) return cond;
  return nullable ? { $or: [at(path, null), at(path, cond)] } : at(path, cond);
}
const letterExclude = (a: ScopeActor): Where | null => PV5_exclude(a, '');

/** Reaches of a record that belongs to a letter: the letter's, under `letter`. */
const viaLetter = (path: string): Partial<Record<Role, Reach>> =>
  Object.fromEntries(
    Object.entries(letterReach).map(([role, reach]) => [
      role,
      (a: ScopeActor) => {
        const r = reach === true ? { organization: { $in: a.orgIds } } : reach(a);
        return r === null ? null : at(path, r);
      },
    ]),
  );

/**
 * Who reads a letter's tracking code: the roles that register letters face to face and hand the writer
 * the receipt with it (PV1, SV1) — the office and the station staff. Everyone else gets null: with the
 * code a department handler could rate its own handling as the writer (issue 12).
 */
export const TRACKING_CODE_READERS: readonly Role[] = [Role.OFFICE_STAFF, Role.STATION_STAFF];

const CASEWORK_READ = { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: true, STATION_STAFF: true, MEMBER: true, DEPARTMENT_HANDLER: true } as const;

/**
 * One row per resource: who reads and who writes which records (PR3). Roles not listed get FORBIDDEN;
 * records outside the reach are NOT_FOUND and never in lists or counts. The permission-matrix test is
 * generated from this table and fails for a resource without a row.
 */
export const ACCESS: Record<string, AccessRow> = {
  // ---------------------------------------------------------------- installation and accounts
  Body: {
    anchor: body('id'),
    read: { ...CASEWORK_READ, SYSTEM_ADMIN: everything, SECURITY_ADMIN: everything },
    write: { SYSTEM_ADMIN: everything },
  },
  Organization: {
    anchor: org('id'),
    read: { ...CASEWORK_READ, SYSTEM_ADMIN: everything, SECURITY_ADMIN: everything },
    write: { SYSTEM_ADMIN: everything },
  },
  Account: { anchor: org('organization'), read: { SYSTEM_ADMIN: everything, SECURITY_ADMIN: everything }, write: { SYSTEM_ADMIN: everything, SECURITY_ADMIN: everything } },
  // the auditor reads the log and nothing else; an auditor holds no casework role nor link (三员分立,
  // account.policy.ts), so no letter can name it as involved (PV5)
  AuditEvent: { anchor: everything, read: { AUDIT_ADMIN: everything }, write: {} },
  // ---------------------------------------------------------------- reference data of an office
  // DL2: one national calendar, edited by the office
  CalendarDay: { anchor: everything, read: CASEWORK_READ, write: { OFFICE_STAFF: true } },
  DeadlinePolicy: { anchor: org('organization'), read: { OFFICE_STAFF: true, LEADER: true }, write: { OFFICE_STAFF: true } },
  ScoringRule: { anchor: body('body'), read: { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: true, MEMBER: true }, write: { OFFICE_STAFF: true } },
  Sector: { anchor: body('body'), read: { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: true, STATION_STAFF: true, MEMBER: true }, write: { OFFICE_STAFF: true } },
  Committee: { anchor: body('body'), read: { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: true, MEMBER: true }, write: { OFFICE_STAFF: true } },
  Leader: { anchor: body('body'), read: CASEWORK_READ, write: { OFFICE_STAFF: true } },
  Department: {
    anchor: org('organization'),
    read: { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: true, STATION_STAFF: true, MEMBER: true, DEPARTMENT_HANDLER: own('id', 'departmentId') },
    write: { OFFICE_STAFF: true },
  },
  // ---------------------------------------------------------------- people and pairings
  Member: {
    anchor: org('organization'),
    read: { OFFICE_STAFF: true, LEADER: true, STATION_STAFF: true, COMMITTEE_STAFF: committeeMembersSelf, MEMBER: own('id', 'memberId') },
    write: { OFFICE_STAFF: true },
  },
  Constituent: {
    anchor: org('organization'),
    read: {
      OFFICE_STAFF: true,
      LEADER: true,
      // one placeholder per sector: the driver expands an array parameter into a list (`any(1, 2)` is invalid SQL)
      COMMITTEE_STAFF: (a) =>
        a.committeeSectorIds.length ? pairedWith(`m.sector_id in (${a.committeeSectorIds.map(() => '?').join(', ')})`, a.committeeSectorIds) : null,
      MEMBER: (a) => (a.memberId == null ? null : pairedWith('m.id = ?', [a.memberId])),
    },
    write: { OFFICE_STAFF: true },
  },
  ContactPairing: {
    anchor: org('member.organization'),
    read: { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: committeeMembers('member'), MEMBER: own('member', 'memberId') },
    write: { OFFICE_STAFF: true },
  },
  // committees track their members' visits; members log their own
  ContactVisit: {
    anchor: org('member.organization'),
    read: { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: committeeMembers('member'), MEMBER: own('member', 'memberId') },
    write: { OFFICE_STAFF: true, COMMITTEE_STAFF: committeeMembers('member'), MEMBER: own('member', 'memberId') },
  },
  // ---------------------------------------------------------------- stations, groups, mailboxes
  LiaisonGroup: { anchor: body('body'), read: { OFFICE_STAFF: true, LEADER: true, STATION_STAFF: true, MEMBER: true }, write: { OFFICE_STAFF: true } },
  LiaisonStation: {
    anchor: org('organization'),
    read: { OFFICE_STAFF: true, LEADER: true, MEMBER: true, STATION_STAFF: own('id', 'liaisonStationId') },
    write: { OFFICE_STAFF: true },
  },
  StationStaff: {
    anchor: (a) => ({ $or: [{ liaisonStation: { organization: { $in: a.orgIds } } }, { liaisonGroup: { body: { $in: a.bodyIds } } }] }),
    read: { OFFICE_STAFF: true, LEADER: true, STATION_STAFF: own('liaisonStation', 'liaisonStationId') },
    write: { OFFICE_STAFF: true },
  },
  Mailbox: {
    anchor: org('organization'),
    read: { OFFICE_STAFF: true, LEADER: true, MEMBER: mailboxOfMember(''), STATION_STAFF: own('liaisonGroup', 'liaisonGroupId') },
    write: { OFFICE_STAFF: true },
  },
  MailboxOpening: {
    anchor: org('mailbox.organization'),
    read: { OFFICE_STAFF: true, LEADER: true, MEMBER: mailboxOfMember('mailbox'), STATION_STAFF: own('mailbox.liaisonGroup', 'liaisonGroupId') },
    write: { OFFICE_STAFF: true, MEMBER: mailboxOfMember('mailbox') },
  },
  Reception: {
    anchor: org('liaisonStation.organization'),
    read: { OFFICE_STAFF: true, LEADER: true, MEMBER: true, STATION_STAFF: own('liaisonStation', 'liaisonStationId') },
    write: { OFFICE_STAFF: true, STATION_STAFF: own('liaisonStation', 'liaisonStationId') },
  },
  Attendance: {
    anchor: org('member.organization'),
    read: {
      OFFICE_STAFF: true,
      LEADER: true,
      MEMBER: own('member', 'memberId'),
      COMMITTEE_STAFF: committeeMembers('member'),
      STATION_STAFF: own('reception.liaisonStation', 'liaisonStationId'),
    },
    write: { OFFICE_STAFF: true, STATION_STAFF: own('reception.liaisonStation', 'liaisonStationId') },
  },
  // ---------------------------------------------------------------- casework
  Letter: { anchor: org('organization'), read: letterReach, write: letterReach, exclude: letterExclude },
  LetterEvent: { anchor: org('letter.organization'), read: viaLetter('letter'), write: {}, exclude: (a) => PV5_exclude(a, 'letter') },
  SatisfactionSurvey: {
    anchor: (a) => ({ $or: [{ letter: { organization: { $in: a.orgIds } } }, { reception: { liaisonStation: { organization: { $in: a.orgIds } } } }] }),
    read: { OFFICE_STAFF: true, LEADER: true, MEMBER: own('letter.member', 'memberId') },
    write: { OFFICE_STAFF: true },
    // PV5: a rating of a letter that names the reader as involved (a reception's rating names no one)
    exclude: (a) => PV5_exclude(a, 'letter', { nullable: true }),
  },
  // the office and leaders see their organizations' notices; everyone else only those addressed to
  // them (a notice may name a letter they must not see, PR2/PV5)
  Notification: {
    anchor: org('organization'),
    read: { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: addressedToMe, STATION_STAFF: addressedToMe, MEMBER: addressedToMe, DEPARTMENT_HANDLER: addressedToMe },
    write: {},
    // PV5: nor a notice about a letter that names the reader as involved
    exclude: (a) => PV5_exclude(a, 'letter', { nullable: true }),
  },
  // ---------------------------------------------------------------- duties and performance
  Activity: { anchor: body('body'), read: { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: true, STATION_STAFF: true, MEMBER: true }, write: { OFFICE_STAFF: true } },
  Proposal: dutyPaper(),
  OpinionReport: dutyPaper(),
  Suggestion: dutyPaper(),
  WorkPlan: { anchor: org('organization'), read: { OFFICE_STAFF: true, LEADER: true, STATION_STAFF: true }, write: { OFFICE_STAFF: true } },
  WorkSummary: { anchor: org('organization'), read: { OFFICE_STAFF: true, LEADER: true, STATION_STAFF: true }, write: { OFFICE_STAFF: true } },
  // computed by computePerformanceScores: read only (PF2: a member sees their own breakdown)
  DutyRecord: { anchor: org('member.organization'), read: { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: committeeMembers('member'), MEMBER: own('member', 'memberId') }, write: {} },
  PerformanceScore: { anchor: org('member.organization'), read: { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: committeeMembers('member'), MEMBER: own('member', 'memberId') }, write: {} },
};

function addressedToMe(a: ScopeActor): Where {
  return { recipientAccount: a.accountId };
}

function committeeMembersSelf(a: ScopeActor): Where | null {
  return a.committeeSectorIds.length ? { sector: { $in: a.committeeSectorIds } } : null;
}

/** A member's mailboxes: as lead, assisting or rotating member (MB1, MB3). */
function mailboxOfMember(path: string): Reach {
  return (a) => {
    if (a.memberId == null) return null;
    const m = a.memberId;
    const cond = { $or: [{ leadMember: m }, { assistMember: m }, { rotationMembers: { $some: { id: m } } }] };
    return path ? at(path, cond) : cond;
  };
}

/** Proposals, opinion reports and suggestions: the office's, and each member's own. */
function dutyPaper(): AccessRow {
  return {
    anchor: body('body'),
    read: { OFFICE_STAFF: true, LEADER: true, COMMITTEE_STAFF: committeeMembers('member'), MEMBER: own('member', 'memberId') },
    write: { OFFICE_STAFF: true, MEMBER: own('member', 'memberId') },
  };
}
