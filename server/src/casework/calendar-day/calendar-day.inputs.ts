import { date, enumOf, int, text, type FieldSpecs } from '../../common/fields.js';
import { CalendarDayKind } from './calendar-day.entity.js';

export const calendarDayFields: FieldSpecs = {
  date: date('日期', { required: true }),
  kind: enumOf(CalendarDayKind, '类别', { required: true }),
  name: text('名称', { max: 50 }),
};

export const calendarDayReadFields: FieldSpecs = {
  year: int('年度'),
};
