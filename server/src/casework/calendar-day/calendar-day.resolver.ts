import { createCrudResolver } from '../../common/crud.js';
import { CalendarDay } from './calendar-day.entity.js';
import { calendarDayFields, calendarDayReadFields } from './calendar-day.inputs.js';
import { validateCalendarDay } from './calendar-day.policy.js';

export const calendarDayResource = createCrudResolver<CalendarDay>({
  entity: CalendarDay,
  name: 'CalendarDay',
  plural: 'CalendarDays',
  label: '工作日历',
  capability: 'reference',
  fields: calendarDayFields,
  readFields: calendarDayReadFields,
  defaultSort: { field: 'date', order: 'ASC' },
  validate: validateCalendarDay,
});
