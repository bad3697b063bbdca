import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import { createCrudResolver } from '../../common/crud.js';
import type { Context } from '../../common/context.js';
import { buildCreateArgs } from '../../common/fields.js';
import { Attendance } from './attendance.entity.js';
import { attendanceFields } from './attendance.inputs.js';
import { validateAttendance } from './attendance.policy.js';

export const attendanceResource = createCrudResolver<Attendance>({
  entity: Attendance,
  name: 'Attendance',
  plural: 'Attendances',
  label: '出席记录',
  capability: 'workflow',
  // createAttendance is the same registration as recordAttendance (stock provider)
  workflowCreate: true,
  fields: attendanceFields,
  validate: validateAttendance,
});

const RecordAttendanceArgs = buildCreateArgs('RecordAttendance', attendanceFields);

@Resolver(() => Attendance)
export class AttendanceVerbResolver {
  @Mutation(() => Attendance, { description: '登记出席（履职活动或接待活动二选一）' })
  async recordAttendance(@Args(() => RecordAttendanceArgs) args: Record<string, unknown>, @Ctx() ctx: Context) {
    return attendanceResource.service.create(ctx, args);
  }
}
