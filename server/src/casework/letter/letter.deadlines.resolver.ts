import { todayInChina } from '../../people/member/dates.js';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../common/context.js';
import { ListMetadata, MAX_PER_PAGE } from '../../common/crud.js';
import { AppError, badInput, staleVersion } from '../../common/errors.js';
import { DeadlineMeasure } from '../deadline-policy/deadline-policy.entity.js';
import { LetterEvent } from '../letter-event/letter-event.entity.js';
import { Letter } from './letter.entity.js';
import { setLetterHigherOfficeDeadline } from './letter.workflow.service.js';
import { LetterStatus } from './letter.enums.js';

import { letterResource } from './letter.resolver.js';
import { MEASURE_LABELS, dueWithin, earliestDue, overdue, type LetterDeadlineValue } from './letter.deadlines.js';
import { deadlineLoader, scanOpenLetters, type ScannedLetter } from './letter.deadlines.service.js';

/** What a deadline entry of a letter is about: the policies' measures and (PV2) the report to a higher office. */
export const LetterDeadlineMeasure = { ...DeadlineMeasure, HIGHER_OFFICE_REPORT: 'HIGHER_OFFICE_REPORT' } as const;
export type LetterDeadlineMeasure = (typeof LetterDeadlineMeasure)[keyof typeof LetterDeadlineMeasure];
registerEnumType(LetterDeadlineMeasure, {
  name: 'LetterDeadlineMeasure',
  description: '来信时限事项：办理时限的各项，及向上级机关报告办理结果（PV2）',
  valuesConfig: Object.fromEntries(Object.keys(LetterDeadlineMeasure).map((k) => [k, { description: MEASURE_LABELS[k as LetterDeadlineMeasure] }])),
});

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

const scans = new WeakMap<object, Map<string, Promise<ScannedLetter[]>>>();

/** The open letters in the caller's reach (PR3) with their deadlines, scanned once per request (a list and its count share it). */
function scanFor(ctx: Context, asOf: string, organizationId?: string | null): Promise<ScannedLetter[]> {
  const key = ctx.req ?? ctx;
  let cache = scans.get(key);
  if (!cache) scans.set(key, (cache = new Map()));
  const k = `${organizationId ?? ''}|${asOf}`;
  let found = cache.get(k);
  if (!found) {
    const where = letterResource.service.where(ctx, organizationId ? { organizationId } : undefined) as FilterQuery<Letter>;
    found = scanOpenLetters(ctx.em, deadlineLoader(ctx), where, asOf);
    cache.set(k, found);
  }
  return found;
}

/**
 * The letters in the caller's reach (PR3) with an open step that `keep` selects, earliest due date
 * first (then by id): [{ id, dueOn }].
 */
async function dueLetterIds(
  ctx: Context,
  keep: (d: LetterDeadlineValue) => boolean,
  asOf: string,
  organizationId?: string | null,
): Promise<Array<{ id: number; dueOn: string }>> {
  const scanned = await scanFor(ctx, asOf, organizationId);
  const out: Array<{ id: number; dueOn: string }> = [];
  for (const { letter, deadlines } of scanned) {
    const dueOn = earliestDue(deadlines, keep);
    if (dueOn) out.push({ id: letter.id, dueOn });
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id - b.id));
}

async function pageOfLetters(ctx: Context, ids: Array<{ id: number }>, page?: number | null, perPage?: number | null): Promise<Letter[]> {
  const { offset, limit } = paging(page, perPage);
  const wanted = ids.slice(offset, offset + limit).map((r) => r.id);
  if (!wanted.length) return [];
  const letters = await ctx.em.find(Letter, { id: { $in: wanted } });
  const byId = new Map(letters.map((l) => [l.id, l]));
  return wanted.map((id) => byId.get(id)).filter((l): l is Letter => !!l);
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
    const ids = await dueLetterIds(ctx, overdue, checkAsOf(asOf), organizationId);
    return pageOfLetters(ctx, ids, page, perPage);
  }

  @Query(() => ListMetadata, { description: '超期来信总数' })
  async _overdueLettersMeta(
    @Ctx() ctx: Context,
    @Arg('page', () => Int, { nullable: true }) _page?: number,
    @Arg('perPage', () => Int, { nullable: true }) _perPage?: number,
    @Arg('asOf', () => LocalDateResolver, asOfArg) asOf?: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: '登记机构' }) organizationId?: string | null,
  ): Promise<ListMetadata> {
    return { count: (await dueLetterIds(ctx, overdue, checkAsOf(asOf), organizationId)).length };
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
    const ids = await dueLetterIds(ctx, dueWithin(days), checkAsOf(asOf), organizationId);
    return pageOfLetters(ctx, ids, page, perPage);
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
    return { count: (await dueLetterIds(ctx, dueWithin(days), checkAsOf(asOf), organizationId)).length };
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
