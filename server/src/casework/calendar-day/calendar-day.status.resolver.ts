import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { todayInChina } from '../../people/member/dates.js';
import { CalendarStatus, calendarStatus } from './calendar-day.status.js';

@Resolver()
export class CalendarStatusResolver {
  @Query(() => CalendarStatus, { description: '工作日历状态：自11月1日起，下一年度法定节假日未录入时提醒（DL2）' })
  async calendarStatus(
    @Ctx() ctx: Context,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: '计算日期（默认今天，北京时间）' }) asOf?: string | null,
  ): Promise<CalendarStatus> {
    return calendarStatus(ctx.em, asOf ?? todayInChina());
  }
}
