import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { CalendarDayKind, type CalendarDay } from './calendar-day.entity.js';

const isWeekend = (isoDate: string) => [0, 6].includes(new Date(`${isoDate}T00:00:00Z`).getUTCDay());

/** Keeps `year` in step with the date; a make-up working day (调休) replaces a weekend day (DL2). */
export function validateCalendarDay({ entity }: WriteContext<CalendarDay>): void {
  entity.year = Number(entity.date.slice(0, 4));
  if (entity.kind === CalendarDayKind.MAKEUP_WORKDAY && !isWeekend(entity.date)) {
    throw badInput('kind', `${entity.date} 不是周末，不能设为调休上班日（DL2）`);
  }
}
