import { Check, Entity, Enum, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Member } from '../../people/member/member.entity.js';
import { Activity } from '../activity/activity.entity.js';
import { Reception } from '../../stations/reception/reception.entity.js';

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  EXCUSED = 'EXCUSED',
  ABSENT = 'ABSENT',
}
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: '出席情况',
  valuesConfig: { PRESENT: { description: '出席' }, EXCUSED: { description: '请假' }, ABSENT: { description: '缺席' } },
});

/** One member at one activity or one reception (never both, never neither). */
@ObjectType({ description: '出席' })
@Entity()
@Unique({ properties: ['member', 'activity'] })
@Unique({ properties: ['member', 'reception'] })
@Check({ name: 'attendance_activity_xor_reception', expression: '(activity_id is null) <> (reception_id is null)' })
export class Attendance extends BaseEntity {
  @Link(() => Member)
  member!: Ref<Member>;

  @Field(() => ID, { description: '委员 / 代表' })
  get memberId(): number {
    return this.member.id;
  }

  @Field(() => String, { nullable: true, description: '委员 / 代表姓名' })
  async memberName(): Promise<string | null> {
    return (await this.member.load())?.name ?? null;
  }

  @Link(() => Activity, { nullable: true })
  activity?: Ref<Activity> | null;

  @Field(() => ID, { nullable: true, description: '履职活动' })
  get activityId(): number | null {
    return this.activity?.id ?? null;
  }

  @Link(() => Reception, { nullable: true })
  reception?: Ref<Reception> | null;

  @Field(() => ID, { nullable: true, description: '接待活动' })
  get receptionId(): number | null {
    return this.reception?.id ?? null;
  }

  @Field(() => AttendanceStatus, { description: '出席情况' })
  @Enum({ items: () => AttendanceStatus })
  status: AttendanceStatus = AttendanceStatus.PRESENT;

  @Field(() => String, { nullable: true, description: '备注（如请假事由）' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
