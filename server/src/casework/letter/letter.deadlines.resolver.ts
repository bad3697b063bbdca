import { todayInChina } from '../../people/member/dates.js';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LetterDeadlineMeasure } from './letter.deadline-measure.js';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context.js';
import { ListMetadata, MAX_PER_PAGE } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Letter } from './letter.entity.js';
import { setLetterHigherOfficeDeadline } from './letter.workflow.service.js';

import { letterResource } from './letter.resolver.js';
import { raw } from '@mikro-orm/core';
import { shiftDate, type WorkingCalendar } from '../../common/working-days.js';
import { type LetterDeadlineValue } from './letter.deadlines.js';
import { OPEN_LETTER_SQL, deadlineLoader } from './letter.deadlines.service.js';

export { LetterDeadlineMeasure } from './letter.deadline-measure.js';

@ObjectType({ description: '来信的一项办理时限（DL1–DL3）' })
export class LetterDeadline {
  @Field(() => LetterDeadlineMeasure, { description: '时限事项' })
  measure!: LetterDeadlineMeasure;

  @Field(() => LocalDateResolver, { description: '起算日期（当日不计入）' })
  startOn!: string;

  @Field(() => LocalDateResolver, { description: '到期日期' })
  dueOn!: string;

  @Field(() => String, { description: '依据（DL1），如 “MB5：来信处理结果15个工作日内反馈”' })
  ruleRef!: string;

  @Field(() => Int, { nullable: true, description: '剩余工作日（到期当日为 0，超期为负）；已完成为空' })
  daysLeft!: number | null;

  @Field(() => Boolean, { description: '是否超期（未完成且已过到期日期）' })
  overdue!: boolean;

  @Field(() => Boolean, { description: '是否暂定：涉及的年度尚未录入节假日（DL2）' })
  provisional!: boolean;

  @Field(() => Boolean, { description: '此项是否已完成' })
  done!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: '完成日期（有记录时）' })
  doneOn!: string | null;

  @Field(() => Boolean, { description: '是否逾期完成' })
  late!: boolean;

  @Field(() => Boolean, { description: '是否为登记时选定的主要时限（可延期一次、可被上级时限取代，PV3）' })
  main!: boolean;

  @Field(() => Boolean, { description: '是否已延期（PV3）' })
  extended!: boolean;

  @Field(() => LocalDateResolver, { nullable: true, description: '按天数计算的届满日遇节假日顺延前的日期（DL3）' })
  rolledFrom!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '被上级机关时限取代的本机关到期日期（PV3）' })
  localDueOn!: string | null;
}

const asOfArg = { nullable: true, description: '计算日期（默认今天，北京时间）' } as const;

function paging(page?: number | null, perPage?: number | null): { offset: number; limit: number } {
  if (page != null && page < 0) throw badInput('page', '页码从 0 开始，不能为负数');
  if (perPage != null && (perPage < 1 || perPage > MAX_PER_PAGE)) {
    throw badInput('perPage', `每页条数须在 1 到 ${MAX_PER_PAGE} 之间`, { max: MAX_PER_PAGE });
  }
  const limit = perPage ?? MAX_PER_PAGE;
  return { offset: (page ?? 0) * limit, limit };
}

/** The dates deadlines are counted for: the span the counting calendar covers. */
export function checkAsOf(asOf: string | null | undefined): string {
  const day = asOf ?? todayInChina();
  if (day < '1900-01-01' || day > '2100-12-31') throw badInput('asOf', '计算日期须在 1900 年至 2100 年之间');
  return day;
}

function checkDays(days: number): void {
  if (days < 0 || days > 366) throw badInput('days', '天数须在 0 到 366 之间');
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days `asOf` … on which a deadline is due within `days` working days (daysLeft <= days, not
 * overdue): the working calendar turns the bound into dates once, the query then matches stored due dates.
 */
export function dueWithinWindow(calendar: WorkingCalendar, asOf: string, days: number): string[] {
  const out: string[] = [];
  for (let d = asOf; d <= '2100-12-31' && calendar.workingDaysBetween(asOf, d) <= days; d = shiftDate(d, 1)) out.push(d);
  return out;
}

type DueQuery = { kind: 'overdue' } | { kind: 'dueWithin'; window: string[] };

/**
 * The letters in the caller's reach (PR3) with an open step that is overdue on `asOf` or due in the
 * window, from the stored deadlines (one indexed statement), earliest due date first (then by id).
 */
function dueQuery(ctx: Context, q: DueQuery, asOf: string, organizationId?: string | null) {
  if (!DAY_RE.test(asOf)) throw badInput('asOf', '日期格式应为 YYYY-MM-DD');
  const where = letterResource.service.where(ctx, organizationId ? { organizationId } : undefined) as FilterQuery<Letter>;
  const qb = ctx.em.createQueryBuilder(Letter, 'l').where(where as any).andWhere(OPEN_LETTER_SQL);
  if (q.kind === 'overdue') {
    // the earliest unfinished due date is past: the letter has an overdue step, and that is its earliest
    qb.andWhere(`l.next_due_on < '${asOf}'`);
    return { qb, dueOn: 'l.next_due_on' };
  }
  qb.andWhere(`l.open_due_dates && '{${q.window.join(',')}}'::date[]`);
  // the earliest due date not yet past is the earliest in the window
  return { qb, dueOn: `case when l.next_due_on >= '${asOf}' then l.next_due_on else (select min(d) from unnest(l.open_due_dates) d where d >= '${asOf}') end` };
}

async function countDue(ctx: Context, q: DueQuery, asOf: string, organizationId?: string | null): Promise<number> {
  const { qb } = dueQuery(ctx, q, asOf, organizationId);
  return qb.getCount();
}

async function pageOfDue(ctx: Context, q: DueQuery, asOf: string, organizationId: string | null | undefined, page?: number | null, perPage?: number | null): Promise<Letter[]> {
  const { offset, limit } = paging(page, perPage);
  const { qb, dueOn } = dueQuery(ctx, q, asOf, organizationId);
  const rows = await qb
    .select([raw('l.id as id')])
    .orderBy([{ [raw(dueOn)]: 'asc' }, { id: 'asc' }] as any)
    .limit(limit)
    .offset(offset)
    .execute<Array<{ id: number }>>('all', false);
  const wanted = rows.map((r) => Number(r.id));
  if (!wanted.length) return [];
  const letters = await ctx.em.find(Letter, { id: { $in: wanted } });
  const byId = new Map(letters.map((l) => [l.id, l]));
  return wanted.map((id) => byId.get(id)).filter((l): l is Letter => !!l);
}

async function windowOf(ctx: Context, asOf: string, days: number): Promise<DueQuery> {
  return { kind: 'dueWithin', window: dueWithinWindow(await deadlineLoader(ctx).calendar(), asOf, days) };
}

/** Deadlines on letters (DL1–DL4, PV3): the `deadlines` field, the overdue and due-soon lists, the calendar check. */
@Resolver(() => Letter)
export class LetterDeadlinesResolver {
  @FieldResolver(() => [LetterDeadline], { description: '办理时限：每项注明依据、到期日期、剩余工作日、是否超期、是否暂定（DL1–DL3）' })
  async deadlines(
    @Root() letter: Letter,
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDateResolver, asOfArg) asOf?: string | null,
  ): Promise<LetterDeadlineValue[]> {
    return deadlineLoader(ctx).deadlinesOf(letter, checkAsOf(asOf));
  }

  @Query(() => [Letter], { description: '超期来信：有未完成的时限已过到期日期，最早到期的在前（DL1–DL3）' })
  async overdueLetters(
    @Ctx() ctx: Context,
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
    @Arg('asOf', () => LocalDateResolver, asOfArg) asOf?: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: '登记机构' }) organizationId?: string | null,
  ): Promise<Letter[]> {
    return pageOfDue(ctx, { kind: 'overdue' }, checkAsOf(asOf), organizationId, page, perPage);
  }

  @Query(() => ListMetadata, { description: '超期来信总数' })
  async _overdueLettersMeta(
    @Ctx() ctx: Context,
    @Arg('page', () => Int, { nullable: true }) _page?: number,
    @Arg('perPage', () => Int, { nullable: true }) _perPage?: number,
    @Arg('asOf', () => LocalDateResolver, asOfArg) asOf?: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: '登记机构' }) organizationId?: string | null,
  ): Promise<ListMetadata> {
    return { count: await countDue(ctx, { kind: 'overdue' }, checkAsOf(asOf), organizationId) };
  }

  @Query(() => [Letter], { description: '临近到期的来信：有未完成的时限在 days 个工作日内到期（尚未超期），最早到期的在前' })
  async lettersDueWithin(
    @Ctx() ctx: Context,
    @Arg('days', () => Int, { description: '工作日数（0 为今天到期）' }) days: number,
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
    @Arg('asOf', () => LocalDateResolver, asOfArg) asOf?: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: '登记机构' }) organizationId?: string | null,
  ): Promise<Letter[]> {
    checkDays(days);
    const day = checkAsOf(asOf);
    return pageOfDue(ctx, await windowOf(ctx, day, days), day, organizationId, page, perPage);
  }

  @Query(() => ListMetadata, { description: '临近到期的来信总数' })
  async _lettersDueWithinMeta(
    @Ctx() ctx: Context,
    @Arg('days', () => Int, { description: '工作日数' }) days: number,
    @Arg('page', () => Int, { nullable: true }) _page?: number,
    @Arg('perPage', () => Int, { nullable: true }) _perPage?: number,
    @Arg('asOf', () => LocalDateResolver, asOfArg) asOf?: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: '登记机构' }) organizationId?: string | null,
  ): Promise<ListMetadata> {
    checkDays(days);
    const day = checkAsOf(asOf);
    return { count: await countDue(ctx, await windowOf(ctx, day, days), day, organizationId) };
  }

  @Query(() => [Int], {
    description: '尚未录入法定节假日的年度（本年和下一年）：其中的时限为暂定，请办公室及时录入工作日历（DL2）',
  })
  async calendarYearsMissing(@Ctx() ctx: Context, @Arg('asOf', () => LocalDateResolver, asOfArg) asOf?: string | null): Promise<number[]> {
    const year = Number((checkAsOf(asOf)).slice(0, 4));
    const rows = await ctx.em.execute<Array<{ year: number }>>(
      `select distinct year from calendar_day where kind = 'HOLIDAY' and year in (?, ?)`,
      [year, year + 1],
    );
    const entered = new Set(rows.map((r) => Number(r.year)));
    return [year, year + 1].filter((y) => !entered.has(y));
  }

  @Mutation(() => Letter, { description: '登记上级机关交办的办结时限：取代本机关的主要时限（PV3）；dueOn 为空则撤销' })
  async setLetterHigherOfficeDeadline(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '来信编号' }) id: string,
    @Arg('dueOn', () => LocalDateResolver, { nullable: true, description: '上级机关要求的办结日期' }) dueOn?: string | null,
    @Arg('office', () => String, { nullable: true, description: '交办的上级机关，如 四川省政协办公厅' }) office?: string | null,
    @Arg('version', () => Int, { nullable: true, description: '版本号（发现并发修改）' }) version?: number | null,
  ): Promise<Letter> {
    return setLetterHigherOfficeDeadline(ctx, id, { dueOn, office, version });
  }
}
