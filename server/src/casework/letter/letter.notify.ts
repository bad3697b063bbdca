/**
 * The notify phase of a step (letter.workflow.service.ts): who is told of a letter's change, written
 * in the step's own transaction. One declaration per verb; every recipient passes the letter's PV5
 * exclusion — a unit or person the letter complains about never hears of it (第30条).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ref } from '@mikro-orm/core';
import { Notification, NotificationKind } from '../../platform/notification/notification.entity.js';
import { Account } from '../../platform/account/account.entity.js';
import type { Letter } from './letter.entity.js';
import { Urgency } from './letter.enums.js';
import { PV5_notInvolved } from './letter.rules.js';
import { ACTION_LABELS, type LetterAction } from './letter.workflow.js';

/** Whom a declaration addresses. */
export type NotifyTarget =
  /** the handlers' accounts of the lead and co-handling departments */
  | 'DEPARTMENTS'
  /** the leaders in charge: LEADER accounts of the letter's unit, else of the nearest unit above it */
  | 'LEADERS'
  /** the letter's owner (PV4) */
  | 'OWNER'
  /** the office staff of the registering unit */
  | 'OFFICE';

/** What the letter looked like before the step (what a declaration's condition may compare). */
export interface Before {
  urgency: Urgency | null;
}

export interface NotifyDeclaration {
  to: NotifyTarget;
  kind: NotificationKind;
  /** The tag in the title, e.g. 转办. */
  tag: string;
  /** Only when this holds (after the step's change). */
  when?: (letter: Letter, before: Before) => boolean;
}

const flaggedUrgent = (l: Letter, before: Before) => l.urgency === Urgency.URGENT && before.urgency !== Urgency.URGENT;

/** The notify phase of each verb. */
export const VERB_NOTIFY: Partial<Record<LetterAction, readonly NotifyDeclaration[]>> = {
  // PV6: leaders hear of an urgent matter the moment the flag is set
  registerLetter: [{ to: 'LEADERS', kind: NotificationKind.URGENT_LETTER, tag: '紧急来信', when: flaggedUrgent }],
  updateLetter: [{ to: 'LEADERS', kind: NotificationKind.URGENT_LETTER, tag: '紧急来信', when: flaggedUrgent }],
  forwardLetter: [{ to: 'DEPARTMENTS', kind: NotificationKind.FORWARDED, tag: '转办' }],
  recordHandlingResult: [{ to: 'OFFICE', kind: NotificationKind.RESULT_REPORTED, tag: '办理结果' }],
  reportResultToStation: [
    { to: 'OWNER', kind: NotificationKind.RESULT_REPORTED, tag: '办理结果' },
    { to: 'OFFICE', kind: NotificationKind.RESULT_REPORTED, tag: '办理结果' },
  ],
  reopenLetter: [{ to: 'OWNER', kind: NotificationKind.RETURNED, tag: '重新办理' }],
  escalateAfterRating: [
    { to: 'OWNER', kind: NotificationKind.RETURNED, tag: '再次不满意' },
    { to: 'LEADERS', kind: NotificationKind.RETURNED, tag: '再次不满意' },
  ],
  handOverLetter: [{ to: 'OWNER', kind: NotificationKind.ASSIGNED, tag: '移交给您' }],
  approveHigherOfficeReport: [{ to: 'OWNER', kind: NotificationKind.INFO, tag: '同意上报' }],
};

interface RecipientRow {
  id: number;
  roles: string[];
  organization_id: number;
  department_id: number | null;
  member_name: string | null;
  leader_name: string | null;
  depth: number | null;
}

/**
 * Writes the step's notifications (persisted, flushed with the step). `actorAccountId` is not told of
 * their own step. Two statements at most: the letter's involved units and the candidate accounts.
 */
export async function notifyPhase(
  em: EntityManager,
  letter: Letter,
  action: LetterAction,
  before: Before,
  note: string | null,
  actorAccountId: number | null,
): Promise<Notification[]> {
  const declarations = (VERB_NOTIFY[action] ?? []).filter((d) => !d.when || d.when(letter, before));
  if (!declarations.length) return [];
  const targets = new Set(declarations.map((d) => d.to));
  const departmentIds = targets.has('DEPARTMENTS')
    ? [letter.leadDepartment?.id, ...letter.coHandlerDepartments.getItems().map((d) => d.id)].filter((id): id is number => id != null)
    : [];
  const ownerId = targets.has('OWNER') ? (letter.ownerAccount?.id ?? null) : null;
  const rows = await em.execute<RecipientRow[]>(
    `with recursive up (id, parent_id, depth) as (
       select id, parent_id, 0 from organization where id = ?
       union all
       select o.id, o.parent_id, up.depth + 1 from organization o join up on o.id = up.parent_id where up.depth < 64
     )
     select a.id, a.roles, a.organization_id, a.department_id, m.name as member_name, ld.name as leader_name, up.depth
       from account a
       left join member m on m.id = a.member_id
       left join leader ld on ld.id = a.leader_id
       left join up on up.id = a.organization_id
      where a.is_active and (
            (? and 'LEADER' = any(a.roles) and up.id is not null)
         or (? and 'OFFICE_STAFF' = any(a.roles) and a.organization_id = ?)
         or ('DEPARTMENT_HANDLER' = any(a.roles) and a.department_id = any(?::int[]))
         or a.id = ?)
      order by a.id`,
    [letter.organization.id, targets.has('LEADERS'), targets.has('OFFICE'), letter.organization.id, `{${departmentIds.join(',')}}`, ownerId ?? 0],
  );
  const involvement = {
    involvedDepartmentIds: (await letter.involvedDepartments.load()).map((d) => d.id),
    involvedPersons: letter.involvedPersons,
  };
  const leaderRows = rows.filter((r) => r.roles.includes('LEADER') && r.depth != null);
  const nearestLeaders = leaderRows.length ? Math.min(...leaderRows.map((r) => Number(r.depth))) : null;
  const addressed = (d: NotifyDeclaration, r: RecipientRow): boolean => {
    switch (d.to) {
      case 'DEPARTMENTS':
        return r.roles.includes('DEPARTMENT_HANDLER') && r.department_id != null && departmentIds.includes(Number(r.department_id));
      case 'LEADERS':
        return r.roles.includes('LEADER') && r.depth != null && Number(r.depth) === nearestLeaders;
      case 'OFFICE':
        return r.roles.includes('OFFICE_STAFF') && Number(r.organization_id) === letter.organization.id;
      case 'OWNER':
        return ownerId != null && Number(r.id) === ownerId;
    }
  };
  const written: Notification[] = [];
  const told = new Set<number>();
  for (const d of declarations) {
    for (const r of rows) {
      const id = Number(r.id);
      if (told.has(id) || id === actorAccountId || !addressed(d, r)) continue;
      const who = { departmentId: r.department_id == null ? null : Number(r.department_id), personNames: [r.member_name, r.leader_name].filter((n): n is string => !!n) };
      if (!PV5_notInvolved(involvement, who)) continue; // PV5
      told.add(id);
      const n = new Notification();
      n.kind = d.kind;
      n.title = `【${d.tag}】${letter.serialNumber} ${letter.title}`;
      n.body = note ? `${ACTION_LABELS[action]}：${note}` : ACTION_LABELS[action];
      n.letter = ref(letter);
      n.organization = letter.organization;
      n.recipientAccount = em.getReference(Account, id, { wrapped: true });
      em.persist(n);
      written.push(n);
    }
  }
  return written;
}
