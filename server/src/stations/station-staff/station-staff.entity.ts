import { Check, Entity, Enum, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { LiaisonStation } from '../liaison-station/liaison-station.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';

export enum StationStaffRole {
  LIAISON_OFFICER = 'LIAISON_OFFICER',
  CLERK = 'CLERK',
  SENTIMENT_LIAISON = 'SENTIMENT_LIAISON',
  WORK_CONSULTANT = 'WORK_CONSULTANT',
}
registerEnumType(StationStaffRole, {
  name: 'StationStaffRole',
  description: '联络员类别',
  valuesConfig: {
    LIAISON_OFFICER: { description: '联络员' },
    CLERK: { description: '干事' },
    SENTIMENT_LIAISON: { description: '民情联络员' },
    WORK_CONSULTANT: { description: '工作咨询员' },
  },
});

/** 联络员 / 干事: helpers of exactly one station or one group. */
@ObjectType({ description: '联络员/干事' })
@Entity()
@Check({ name: 'station_staff_one_parent_check', expression: '(liaison_station_id is null) <> (liaison_group_id is null)' })
export class StationStaff extends BaseEntity {
  @Field(() => String, { description: '姓名' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => StationStaffRole, { description: '类别' })
  @Enum({ items: () => StationStaffRole })
  role!: StationStaffRole;

  @Link(() => LiaisonStation, { nullable: true })
  liaisonStation?: Ref<LiaisonStation> | null;

  @Field(() => ID, { nullable: true, description: '所在代表联络站（与活动小组二选一）' })
  get liaisonStationId(): number | null {
    return this.liaisonStation?.id ?? null;
  }

  @Link(() => LiaisonGroup, { nullable: true })
  liaisonGroup?: Ref<LiaisonGroup> | null;

  @Field(() => ID, { nullable: true, description: '所在委员活动小组/联络组（与联络站二选一）' })
  get liaisonGroupId(): number | null {
    return this.liaisonGroup?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '联系电话' })
  @Property({ type: 'text', nullable: true })
  contactPhone?: string | null;
}
