import { enumOf, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Member } from '../../people/member/member.entity.js';
import { Activity } from '../activity/activity.entity.js';
import { Reception } from '../../stations/reception/reception.entity.js';
import { AttendanceStatus } from './attendance.entity.js';

/** Who and where are fixed once recorded; only status and note change afterwards. */
export const attendanceFields: FieldSpecs = {
  memberId: ref(() => Member, '委员 / 代表', { required: true, updatable: false }),
  activityId: ref(() => Activity, '履职活动（与接待活动二选一）', { updatable: false }),
  receptionId: ref(() => Reception, '接待活动（与履职活动二选一）', { updatable: false }),
  status: enumOf(AttendanceStatus, '出席情况', { required: true }),
  note: text('备注', { max: 500 }),
};
