import { createCrudResolver } from '../../common/crud.js';
import { CalendarDay } from './calendar-day.entity.js';
import { calendarDayFields, calendarDayReadFields } from './calendar-day.inputs.js';
import { validateCalendarDay } from './calendar-day.policy.js';
import { enqueueCalendarRecompute } from '../letter/letter.deadlines.service.js';

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
  // DL2, DL3: a day off added, moved or removed moves the due dates that span it; recomputed in the background
  afterWrite: async ({ em, entity, before }) => void (await enqueueCalendarRecompute(em, [entity.date, before?.date])),
});
