import type { ResourceModel, SchemaModel, ValueModel } from './schema.js';

/**
 * Who may read and write each resource: a copy of the role columns of the server's ACCESS table
 * (server/src/access/access.table.ts) and of the CRUD-named rows of its OPERATIONS
 * (access.operations.ts), which the browser bundle cannot import (they carry ORM conditions).
 * test/admin/access.test.ts fails, printing the expected rows, when they drift apart.
 *
 * The console only hides what a role cannot use; the server decides (PR3).
 */
export type Role =
  | 'SYSTEM_ADMIN'
  | 'SECURITY_ADMIN'
  | 'AUDIT_ADMIN'
  | 'OFFICE_STAFF'
  | 'COMMITTEE_STAFF'
  | 'STATION_STAFF'
  | 'MEMBER'
  | 'DEPARTMENT_HANDLER'
  | 'LEADER';

export const ADMIN_ROLES: readonly Role[] = ['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'];

const SYS = 'SYSTEM_ADMIN';
const SEC = 'SECURITY_ADMIN';
const AUD = 'AUDIT_ADMIN';
const OFFICE = 'OFFICE_STAFF';
const COMMITTEE = 'COMMITTEE_STAFF';
const STATION = 'STATION_STAFF';
const MEMBER = 'MEMBER';
const HANDLER = 'DEPARTMENT_HANDLER';
const LEADER = 'LEADER';

export interface AccessColumns {
  read: readonly Role[];
  write: readonly Role[];
}

/** ACCESS: the roles of each resource's read and write columns. */
export const RESOURCE_ACCESS: Record<string, AccessColumns> = {
  Body: { read: [OFFICE, LEADER, COMMITTEE, STATION, MEMBER, HANDLER, SYS, SEC], write: [SYS] },
  Organization: { read: [OFFICE, LEADER, COMMITTEE, STATION, MEMBER, HANDLER, SYS, SEC], write: [SYS] },
  Account: { read: [SYS, SEC], write: [SYS, SEC] },
  AuditEvent: { read: [AUD], write: [] },
  CalendarDay: { read: [OFFICE, LEADER, COMMITTEE, STATION, MEMBER, HANDLER], write: [OFFICE] },
  DeadlinePolicy: { read: [OFFICE, LEADER], write: [OFFICE] },
  ScoringRule: { read: [OFFICE, LEADER, COMMITTEE, MEMBER], write: [OFFICE] },
  Sector: { read: [OFFICE, LEADER, COMMITTEE, STATION, MEMBER], write: [OFFICE] },
  Committee: { read: [OFFICE, LEADER, COMMITTEE, MEMBER], write: [OFFICE] },
  Leader: { read: [OFFICE, LEADER, COMMITTEE, STATION, MEMBER, HANDLER], write: [OFFICE] },
  Department: { read: [OFFICE, LEADER, COMMITTEE, STATION, MEMBER, HANDLER], write: [OFFICE] },
  Member: { read: [OFFICE, LEADER, STATION, COMMITTEE, MEMBER], write: [OFFICE] },
  Constituent: { read: [OFFICE, LEADER, COMMITTEE, MEMBER], write: [OFFICE] },
  ContactPairing: { read: [OFFICE, LEADER, COMMITTEE, MEMBER], write: [OFFICE] },
  ContactVisit: { read: [OFFICE, LEADER, COMMITTEE, MEMBER], write: [OFFICE, COMMITTEE, MEMBER] },
  LiaisonGroup: { read: [OFFICE, LEADER, STATION, MEMBER], write: [OFFICE] },
  LiaisonStation: { read: [OFFICE, LEADER, MEMBER, STATION], write: [OFFICE] },
  StationStaff: { read: [OFFICE, LEADER, STATION], write: [OFFICE] },
  Mailbox: { read: [OFFICE, LEADER, MEMBER, STATION], write: [OFFICE] },
  MailboxOpening: { read: [OFFICE, LEADER, MEMBER, STATION], write: [OFFICE, MEMBER] },
  Reception: { read: [OFFICE, LEADER, MEMBER, STATION], write: [OFFICE, STATION] },
  Attendance: { read: [OFFICE, LEADER, MEMBER, COMMITTEE, STATION], write: [OFFICE, STATION] },
  Letter: { read: [OFFICE, LEADER, MEMBER, HANDLER, STATION], write: [OFFICE, LEADER, MEMBER, HANDLER, STATION] },
  LetterEvent: { read: [OFFICE, LEADER, MEMBER, HANDLER, STATION], write: [] },
  SatisfactionSurvey: { read: [OFFICE, LEADER, MEMBER], write: [OFFICE] },
  Notification: { read: [OFFICE, LEADER, COMMITTEE, STATION, MEMBER, HANDLER], write: [] },
  Activity: { read: [OFFICE, LEADER, COMMITTEE, STATION, MEMBER], write: [OFFICE] },
  Proposal: { read: [OFFICE, LEADER, COMMITTEE, MEMBER], write: [OFFICE, MEMBER] },
  OpinionReport: { read: [OFFICE, LEADER, COMMITTEE, MEMBER], write: [OFFICE, MEMBER] },
  Suggestion: { read: [OFFICE, LEADER, COMMITTEE, MEMBER], write: [OFFICE, MEMBER] },
  WorkPlan: { read: [OFFICE, LEADER, STATION], write: [OFFICE] },
  WorkSummary: { read: [OFFICE, LEADER, STATION], write: [OFFICE] },
  DutyRecord: { read: [OFFICE, LEADER, COMMITTEE, MEMBER], write: [] },
  PerformanceScore: { read: [OFFICE, LEADER, COMMITTEE, MEMBER], write: [] },
};

/** OPERATIONS rows named create/update/delete<Resource>: they take precedence over the write column. */
export const CRUD_OPERATION_ACCESS: Record<string, readonly Role[]> = {
  createAccount: [SYS, SEC],
  updateAccount: [SYS, SEC],
  createLetter: [OFFICE, STATION, MEMBER],
  updateLetter: [OFFICE, STATION, MEMBER],
};

const holds = (roles: readonly string[], allowed: readonly Role[] | undefined) => !!allowed && roles.some((r) => allowed.includes(r as Role));

export function canRead(roles: readonly string[], resource: string): boolean {
  return holds(roles, RESOURCE_ACCESS[resource]?.read);
}

export function canCall(roles: readonly string[], verb: 'create' | 'update' | 'delete', resource: string): boolean {
  return holds(roles, CRUD_OPERATION_ACCESS[`${verb}${resource}`] ?? RESOURCE_ACCESS[resource]?.write);
}

export const isAdmin = (roles: readonly string[]) => roles.some((r) => ADMIN_ROLES.includes(r as Role));

/**
 * The schema model as a role sees it: only the resources it may read, create/edit/delete only where
 * it may call them, and links to resources it cannot read shown as plain ids (no request that would
 * be refused).
 */
export function modelForRoles(model: SchemaModel, roles: readonly string[]): SchemaModel {
  const readable = new Set(model.resources.filter((r) => canRead(roles, r.name)).map((r) => r.name));
  const unlink = (v: ValueModel): ValueModel => (v.reference && !readable.has(v.reference) ? { ...v, reference: null } : v);
  const resources: ResourceModel[] = model.resources
    .filter((r) => readable.has(r.name))
    .map((r) => ({
      ...r,
      fields: r.fields.map(unlink),
      filters: r.filters.map(unlink),
      createArgs: r.createArgs && canCall(roles, 'create', r.name) ? r.createArgs.map(unlink) : undefined,
      updateArgs: r.updateArgs && canCall(roles, 'update', r.name) ? r.updateArgs.map(unlink) : undefined,
      canDelete: r.canDelete && canCall(roles, 'delete', r.name),
    }));
  return { ...model, resources };
}

/** Whether the signed-in roles (react-admin's permissions) include one of `roles`. */
export const hasRole = (permissions: unknown, roles: readonly string[]) => Array.isArray(permissions) && permissions.some((p) => roles.includes(p));
