import { todayInChina } from '../../people/member/dates.js';
/**
 * Deadline reminders (DL1–DL3, PV3): in-app notifications to a letter's owner (PV4) and the leaders of
 * the owner's unit when a step is 2 working days from its due date, and when it has passed — each once.
 * Run daily (main.ts starts a timer; `npm run reminders` runs it by hand); running it again the same
 * day, or on several app instances at once, writes nothing new: every message carries a unique key.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Notification, NotificationKind } from '../../platform/notification/notification.entity.js';
import { MEASURE_LABELS, type LetterDeadlineValue } from './letter.deadlines.js';
import { DeadlineLoader, scanOpenLetters, type DeadlineSubject } from './letter.deadlines.service.js';
import { startDaily } from '../../common/daily.js';
import { PV5_notInvolved } from './letter.rules.js';

/** A step this many working days (or fewer) from its due date is reminded of. */
export const NEAR_WORKING_DAYS = 2;

export interface ReminderResult {
  /** open steps due within NEAR_WORKING_DAYS working days, and past their due date */
  near: number;
  passed: number;
  /** notifications written by this run (0 when every one was already sent) */
  written: number;
}

interface Recipient {
  accountId: number | null;
  name: string;
  /** stable part of the once-only key */
  key: string;
}

interface AccountRow {
  id: number;
  organization_id: number;
  display_name: string;
  roles: string[];
  department_id: number | null;
  member_name: string | null;
  leader_name: string | null;
}

function message(kind: NotificationKind, letter: DeadlineSubject, d: LetterDeadlineValue): { title: string; body: string } {
  const step = MEASURE_LABELS[d.measure];
  const when =
    kind === NotificationKind.DEADLINE_PASSED
      ? `已于 ${d.dueOn} 到期，现已超期`
      : d.daysLeft === 0
        ? `今天（${d.dueOn}）到期`
        : `将于 ${d.dueOn} 到期，还剩 ${d.daysLeft} 个工作日`;
  return {
    title: `${kind === NotificationKind.DEADLINE_PASSED ? '【已超期】' : '【即将到期】'}${letter.serialNumber} ${step}`,
    body: `来信“${letter.title}”的${step}时限${when}。依据：${d.ruleRef}${d.provisional ? '（暂定：所涉年度的法定节假日尚未录入，DL2）' : ''}`,
  };
}

/**
 * Writes the reminders due on `today` (YYYY-MM-DD, Beijing time) for every open letter; returns what
 * it found and wrote. Internal work: not limited to anyone's reach.
 */
export async function sendDeadlineReminders(em: EntityManager, today: string): Promise<ReminderResult> {
  const loader = new DeadlineLoader(em);
  const scanned = await scanOpenLetters(em, loader, {}, today);
  const due: Array<{ letter: DeadlineSubject; d: LetterDeadlineValue; kind: NotificationKind }> = [];
  for (const { letter, deadlines } of scanned) {
    for (const d of deadlines) {
      if (d.done) continue;
      if (d.overdue) due.push({ letter, d, kind: NotificationKind.DEADLINE_PASSED });
      else if (d.daysLeft !== null && d.daysLeft <= NEAR_WORKING_DAYS) due.push({ letter, d, kind: NotificationKind.DEADLINE_NEAR });
    }
  }
  const result: ReminderResult = {
    near: due.filter((x) => x.kind === NotificationKind.DEADLINE_NEAR).length,
    passed: due.filter((x) => x.kind === NotificationKind.DEADLINE_PASSED).length,
    written: 0,
  };
  if (!due.length) return result;

  // the owners' accounts and every active leader's, with the organization tree: two statements
  const ownerIds = [...new Set(due.map((x) => x.letter.ownerAccountId).filter((id): id is number => id != null))];
  const letterIds = [...new Set(due.map((x) => x.letter.id))];
  const [tree, accounts, involvements] = await Promise.all([
    loader.tree(),
    em.execute<AccountRow[]>(
      `select a.id, a.organization_id, a.display_name, a.roles, a.department_id, m.name as member_name, ld.name as leader_name
         from account a left join member m on m.id = a.member_id left join leader ld on ld.id = a.leader_id
        where a.is_active and ('LEADER' = any(a.roles) or a.id = any(?::int[]))`,
      [`{${ownerIds.join(',')}}`],
    ),
    em.execute<Array<{ id: number; involved_persons: string | null; department_ids: number[] }>>(
      `select l.id, l.involved_persons, array(select x.department_id from letter_involved_departments x where x.letter_id = l.id) as department_ids
         from letter l where l.id = any(?::int[])`,
      [`{${letterIds.join(',')}}`],
    ),
  ]);
  const involvementOf = new Map(
    involvements.map((r) => [Number(r.id), { involvedDepartmentIds: (r.department_ids ?? []).map(Number), involvedPersons: r.involved_persons }]),
  );
  /** PV5: a reminder never goes to an account the letter names as involved, owner or leader. */
  const mayHear = (letterId: number, a: AccountRow) =>
    PV5_notInvolved(involvementOf.get(letterId) ?? { involvedDepartmentIds: [], involvedPersons: null }, {
      departmentId: a.department_id == null ? null : Number(a.department_id),
      personNames: [a.member_name, a.leader_name].filter((n): n is string => !!n),
    });
  const byId = new Map(accounts.map((a) => [Number(a.id), a]));
  const leadersByOrg = new Map<number, AccountRow[]>();
  for (const a of accounts) {
    if (!a.roles.includes('LEADER')) continue;
    const org = Number(a.organization_id);
    leadersByOrg.set(org, [...(leadersByOrg.get(org) ?? []), a]);
  }
  /** The leaders of a unit: its own LEADER accounts, else the nearest parent unit's. */
  const leadersOf = (organizationId: number): AccountRow[] => {
    for (const org of tree.ancestry(organizationId)) {
      const found = leadersByOrg.get(org);
      if (found?.length) return found;
    }
    return [];
  };

  const rows: Array<Record<string, unknown>> = [];
  for (const { letter, d, kind } of due) {
    const owner = letter.ownerAccountId != null ? byId.get(letter.ownerAccountId) : undefined;
    const recipients: Recipient[] = [];
    if (owner) {
      if (mayHear(letter.id, owner)) recipients.push({ accountId: Number(owner.id), name: owner.display_name, key: `a${owner.id}` });
    } else if (letter.ownerName) recipients.push({ accountId: null, name: letter.ownerName, key: `n${letter.ownerName}` });
    for (const leader of leadersOf(owner ? Number(owner.organization_id) : letter.organizationId)) {
      if (mayHear(letter.id, leader) && !recipients.some((r) => r.accountId === Number(leader.id))) {
        recipients.push({ accountId: Number(leader.id), name: leader.display_name, key: `a${leader.id}` });
      }
    }
    const { title, body } = message(kind, letter, d);
    for (const r of recipients) {
      rows.push({
        title,
        body,
        kind,
        letter: letter.id,
        organization: letter.organizationId,
        recipientName: r.name,
        recipientAccount: r.accountId,
        dueOn: d.dueOn,
        dedupeKey: `${kind}:${letter.id}:${d.measure}:${d.dueOn}:${r.key}`,
      });
    }
  }
  // each once: the keys already written are skipped here, a concurrent run's by the unique index
  const sent = new Set(
    (
      await em.execute<Array<{ dedupe_key: string }>>(`select dedupe_key from notification where dedupe_key = any(?::text[])`, [
        toPgArray(rows.map((r) => r.dedupeKey as string)),
      ])
    ).map((r) => r.dedupe_key),
  );
  const fresh = rows.filter((r) => !sent.has(r.dedupeKey as string));
  for (let i = 0; i < fresh.length; i += 1000) {
    const res = await em
      .createQueryBuilder(Notification)
      .insert(fresh.slice(i, i + 1000) as any)
      .onConflict('dedupeKey' as any)
      .ignore()
      .execute('run');
    result.written += Number((res as { affectedRows?: number }).affectedRows ?? 0);
  }
  return result;
}

/** A PostgreSQL text[] literal. */
function toPgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * The daily run inside the server: checks every hour and sends the reminders once the day (Beijing
 * time) has changed, and once at start-up. Several instances may all run it: the keys keep it once.
 */
export function startDeadlineReminders(orm: MikroORM, log: (msg: string) => void = console.log): { stop(): void } {
  return startDaily(
    'reminders',
    todayInChina,
    async (today) => {
      const r = await sendDeadlineReminders(orm.em.fork(), today);
      return `${r.near} due soon, ${r.passed} overdue, ${r.written} notifications written`;
    },
    { firstAfterMs: 5_000, log },
  );
}
