import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';

export enum CalendarDayKind {
  HOLIDAY = 'HOLIDAY',
  MAKEUP_WORKDAY = 'MAKEUP_WORKDAY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: '日历日类别（DL2）',
  valuesConfig: { HOLIDAY: { description: '休息日（法定节假日）' }, MAKEUP_WORKDAY: { description: '调休上班' } },
});

/** 工作日历: a day off or a make-up working day in the official calendar (DL2); weekends are implicit. */
@ObjectType({ description: '工作日历（节假日与调休）' })
@Entity()
export class CalendarDay extends BaseEntity {
  @Field(() => LocalDateResolver, { description: '日期' })
  @Property({ type: 'date' })
  @Unique()
  date!: string;

  @Field(() => CalendarDayKind, { description: '类别' })
  @Enum({ items: () => CalendarDayKind })
  @Index()
  kind!: CalendarDayKind;

  @Field(() => String, { nullable: true, description: '名称，如 春节' })
  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Field(() => Int, { description: '年度（由日期得出）' })
  @Property({ type: 'integer' })
  @Index()
  year!: number;
}
