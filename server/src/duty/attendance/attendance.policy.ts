import type { WriteContext } from '../../common/crud.js';
import { badInput, conflict } from '../../common/errors.js';
import { Attendance } from './attendance.entity.js';

/** Exactly one of activity or reception; one record per member and occasion. */
export async function validateAttendance({ em, entity, isNew }: WriteContext<Attendance>): Promise<void> {
  if (!isNew) return;
  if (!!entity.activity === !!entity.reception) {
    throw badInput('activityId', '须且只能指定一项：履职活动（activityId）或接待活动（receptionId）');
  }
  const occasion = entity.activity ? { activity: entity.activity.id } : { reception: entity.reception!.id };
  const existing = await em.count(Attendance, { member: entity.member.id, ...occasion });
  if (existing) {
    const field = entity.activity ? 'activityId' : 'receptionId';
    throw conflict(`memberId：该委员 / 代表已有此次${entity.activity ? '活动' : '接待'}的出席记录，请修改原记录`, {
      field: 'memberId',
      fields: ['memberId', field],
    });
  }
}
