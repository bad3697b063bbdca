/**
 * Which columns a generic list shows first: per resource, what a clerk reads in the register (a
 * pairing's two sides, an account's username and lock, a reception's station and date); the other
 * readable fields stay one click away behind the columns button. Resources not listed keep the
 * generic rule (the first 7 readable fields). Pure: unit-tested in test/admin/columns.test.ts.
 */
import type { ResourceModel, ValueModel } from '../providers/schema';

/** A column computed from several fields (a pairing's "who keeps in touch" side). */
export interface VirtualColumn {
  name: string;
  label: string;
  text: (record: Record<string, any>) => string;
}

export type Column = { field: ValueModel; virtual?: undefined } | { field?: undefined; virtual: VirtualColumn };

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** ContactPairing: one side is a leader (CT1), a committee (CT2) or a member (CT3); the other a member or a constituent. */
export const VIRTUAL_COLUMNS: Record<string, VirtualColumn> = {
  pairedFrom: { name: 'pairedFrom', label: 'app.common.paired_from', text: (r) => text(r.leaderName || r.committeeName || r.memberName) },
  pairedWith: {
    name: 'pairedWith',
    label: 'app.common.paired_with',
    text: (r) => text(r.constituentName || (r.leaderName || r.committeeName ? r.memberName : '')),
  },
};

/** Shown before the user picks more with the columns button (generic rule). */
export const VISIBLE_COLUMNS = 7;
const HIDDEN_BY_DEFAULT = new Set(['updatedAt', 'version']);

/** The chosen columns, in order (fields the schema lacks are skipped). */
export const LIST_COLUMNS: Record<string, readonly string[]> = {
  Organization: ['name', 'code', 'kind', 'bodyId', 'parentId', 'officePhone'],
  Committee: ['name', 'bodyId', 'sectorIds'],
  Sector: ['name', 'bodyId', 'sortOrder'],
  Leader: ['name', 'position', 'bodyId', 'termNumber', 'termStart', 'termEnd', 'isPrincipal'],
  Member: ['name', 'kind', 'organizationId', 'sectorId', 'liaisonGroupId', 'isStandingMember', 'isCurrent'],
  Constituent: ['name', 'gender', 'community', 'phoneMasked', 'organizationId'],
  ContactPairing: ['kind', 'pairedFrom', 'pairedWith', 'startDate', 'endDate'],
  // one side is a leader, a committee or a member; the other a member or a constituent (CT4)
  ContactVisit: ['visitedOn', 'kind', 'mode', 'leaderId', 'committeeId', 'memberId', 'constituentId', 'outcome'],
  LiaisonGroup: ['name', 'area', 'leaderMemberId', 'organizationId'],
  LiaisonStation: ['name', 'deputyInChargeId', 'address', 'contactPhone', 'isOnline', 'organizationId'],
  StationStaff: ['name', 'role', 'liaisonStationId', 'liaisonGroupId', 'contactPhone'],
  Mailbox: ['name', 'code', 'community', 'leadMemberId', 'lastOpenedOn', 'openingDueOn', 'isActive'],
  MailboxOpening: ['openedOn', 'mailboxId', 'openedByMemberId', 'isSubstitute', 'letterCount'],
  Department: ['name', 'code', 'level', 'parentId', 'contactPerson', 'contactPhone'],
  DeadlinePolicy: ['measure', 'days', 'dayKind', 'channel', 'isDefault', 'organizationId', 'ruleRef'],
  CalendarDay: ['date', 'name', 'kind'],
  ScoringRule: ['year', 'bodyId', 'memberKind', 'measure', 'threshold', 'points', 'maxPoints'],
  Activity: ['heldOn', 'title', 'kind', 'location', 'organizationId'],
  Proposal: ['serialNumber', 'title', 'memberId', 'status', 'submittedOn'],
  OpinionReport: ['submittedOn', 'title', 'memberId', 'isAdopted', 'adoptedBy'],
  Suggestion: ['submittedOn', 'title', 'memberId', 'status', 'respondedOn'],
  WorkPlan: ['year', 'title', 'organizationId', 'filedOn'],
  WorkSummary: ['year', 'title', 'organizationId', 'filedOn'],
  Reception: ['heldOn', 'liaisonStationId', 'form', 'topic', 'deputyIds', 'visitorCount'],
  Attendance: ['memberId', 'activityId', 'receptionId', 'status', 'note'],
  SatisfactionSurvey: ['ratedAt', 'letterId', 'receptionId', 'rating', 'method', 'source', 'comment'],
  DutyRecord: ['year', 'memberId', 'proposals', 'opinionReports', 'research', 'inspections', 'constituentVisits'],
  PerformanceScore: ['year', 'memberId', 'total', 'computedAt'],
  LetterEvent: ['occurredAt', 'letterId', 'actionLabel', 'actorName', 'fromStatus', 'toStatus', 'note'],
  Account: ['username', 'displayName', 'roles', 'organizationId', 'isActive', 'lockedUntil', 'lastLoginAt'],
  AuditEvent: ['occurredAt', 'username', 'action', 'resource', 'recordId', 'result', 'reason'],
};

/**
 * A field with a readable twin (`action` beside `actionLabel`) shows as the twin, and a name twin
 * (`memberName` beside `memberId`) is the link's own text: neither gets a column of its own.
 */
export function readableFields(resource: Pick<ResourceModel, 'fields'>): ValueModel[] {
  const names = new Set(resource.fields.map((f) => f.name));
  const twins = new Set(resource.fields.map((f) => f.nameField).filter(Boolean));
  return resource.fields.filter((f) => f.kind !== 'other' && !names.has(`${f.name}Label`) && !twins.has(f.name));
}

export const columnName = (c: Column) => (c.field ? c.field.name : c.virtual.name);

/** Every column the list offers (chosen ones first) and the names hidden until picked. */
export function listColumns(resource: Pick<ResourceModel, 'name' | 'fields'>): { columns: Column[]; hidden: string[] } {
  const readable = readableFields(resource);
  const chosen = LIST_COLUMNS[resource.name];
  if (!chosen) {
    const shown = readable.filter((c) => !HIDDEN_BY_DEFAULT.has(c.name)).slice(0, VISIBLE_COLUMNS);
    return { columns: readable.map((field) => ({ field })), hidden: readable.filter((c) => !shown.includes(c)).map((c) => c.name) };
  }
  const byName = new Map(readable.map((f) => [f.name, f]));
  const first: Column[] = chosen.flatMap((n): Column[] => {
    if (VIRTUAL_COLUMNS[n]) return [{ virtual: VIRTUAL_COLUMNS[n] }];
    const field = byName.get(n);
    return field ? [{ field }] : [];
  });
  const rest = readable.filter((f) => !chosen.includes(f.name)).map((field): Column => ({ field }));
  return { columns: [...first, ...rest], hidden: rest.map(columnName) };
}

/**
 * A column header is shorter than a form label: brackets that explain (用户名（3–32 位小写字母…）,
 * 锁定至（连续失败过多时）) go; a unit or a short word in brackets stays (信箱开启周期（天）).
 */
export function columnLabel(label: string): string {
  const short = label.replace(/[（(]([^（）()]*)[）)]/g, (m, inner: string) => (inner.trim().length <= 2 ? m : '')).trim();
  return short || label;
}
