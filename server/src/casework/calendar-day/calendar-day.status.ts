/**
 * Whether the working calendar (DL2) holds next year's official holidays (issue 12 item 9). The
 * State Council publishes them around November and the `chinese-days` data ends with the last year it
 * knew: without them, deadlines counted into next year treat the Spring Festival as working days. From
 * 1 November the office is warned (dashboard and a notification) until it enters them.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Role } from '../../platform/account/role.js';
import { todayInChina } from '../../people/member/dates.js';
import { startDaily } from '../../common/daily.js';
import { Notification, NotificationKind } from '../../platform/notification/notification.entity.js';

/** The day of the year from which next year's holidays are expected (国务院办公厅 notice, usually in November). */
export const WARN_FROM_MONTH_DAY = '11-01';

@ObjectType({ description: '工作日历状态：下一年度的法定节假日是否已录入（DL2）' })
export class CalendarStatus {
  @Field(() => LocalDateResolver, { description: '计算日期' })
  asOf!: string;

  @Field(() => Int, { description: '下一年度' })
  nextYear!: number;

  @Field(() => Boolean, { description: '下一年度的法定节假日已录入' })
  holidaysKnown!: boolean;

  @Field(() => Int, { nullable: true, description: '已录入节假日的最后年度' })
  lastKnownYear!: number | null;

  @Field(() => LocalDateResolver, { description: '自此日起未录入即提醒' })
  warnFrom!: string;

  @Field(() => Boolean, { description: '需要提醒办公室录入下一年度节假日' })
  warning!: boolean;

  @Field(() => String, { nullable: true, description: '提醒内容' })
  message!: string | null;
}

export async function calendarStatus(em: EntityManager, asOf: string): Promise<CalendarStatus> {
  const year = Number(asOf.slice(0, 4));
  const nextYear = year + 1;
  const [row] = await em.getConnection().execute<{ known: boolean; last: number | null }[]>(
    `select exists (select 1 from calendar_day where year = ? and kind = 'HOLIDAY') as known, max(year) as last from calendar_day where kind = 'HOLIDAY'`,
    [nextYear],
  );
  const warnFrom = `${year}-${WARN_FROM_MONTH_DAY}`;
  const warning = !row.known && asOf >= warnFrom;
  return {
    asOf,
    nextYear,
    holidaysKnown: Boolean(row.known),
    lastKnownYear: row.last == null ? null : Number(row.last),
    warnFrom,
    warning,
    message: warning
      ? `工作日历尚未录入 ${nextYear} 年法定节假日：跨年的办理时限会把节假日算作工作日。请按国务院办公厅通知在“工作日历”中录入（DL2）。`
      : null,
  };
}

/**
 * From 1 November, while next year's holidays are missing: one notification to each active office
 * account (once per year and account). Returns how many were written.
 */
export async function sendCalendarWarnings(em: EntityManager, asOf: string): Promise<number> {
  const status = await calendarStatus(em, asOf);
  if (!status.warning) return 0;
  const accounts = await em
    .getConnection()
    .execute<{ id: number; organization_id: number; display_name: string }[]>(
      `select id, organization_id, display_name from account where is_active and ? = any(roles)`,
      [Role.OFFICE_STAFF],
    );
  const key = (id: number) => `CALENDAR_MISSING:${status.nextYear}:a${id}`;
  const sent = new Set(
    (await em.getConnection().execute<{ dedupe_key: string }[]>(`select dedupe_key from notification where dedupe_key like ?`, [`CALENDAR_MISSING:${status.nextYear}:%`])).map(
      (r) => r.dedupe_key,
    ),
  );
  const due = accounts.filter((a) => !sent.has(key(Number(a.id))));
  for (const a of due) {
    em.create(Notification, {
      title: `请录入 ${status.nextYear} 年法定节假日`,
      body: status.message,
      kind: NotificationKind.INFO,
      organization: Number(a.organization_id),
      recipientName: a.display_name,
      recipientAccount: Number(a.id),
      dedupeKey: key(Number(a.id)),
    });
  }
  await em.flush();
  return due.length;
}

/** Checks once a day (and shortly after start) and warns the office; stopped with the server. */
export function startCalendarWarnings(orm: MikroORM, log: (msg: string) => void = console.log): { stop(): void } {
  return startDaily(
    'calendar',
    todayInChina,
    async (today) => {
      const written = await sendCalendarWarnings(orm.em.fork(), today);
      return written ? `next year's holidays are not entered; ${written} office accounts notified` : null;
    },
    { firstAfterMs: 10_000, log },
  );
}
