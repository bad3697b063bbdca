import { Check, Collection, Entity, Enum, Index, ManyToMany, Property, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { LiaisonStation } from '../liaison-station/liaison-station.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { StationStaff } from '../station-staff/station-staff.entity.js';

export enum ReceptionForm {
  REGULAR = 'REGULAR',
  THEMED = 'THEMED',
  APPOINTMENT = 'APPOINTMENT',
  MOBILE = 'MOBILE',
  HOME_VISIT = 'HOME_VISIT',
  ONLINE = 'ONLINE',
}
registerEnumType(ReceptionForm, {
  name: 'ReceptionForm',
  description: '接待形式（ST3）',
  valuesConfig: {
    REGULAR: { description: '常态化接待' },
    THEMED: { description: '主题接待' },
    APPOINTMENT: { description: '预约接待' },
    MOBILE: { description: '流动接待' },
    HOME_VISIT: { description: '上门走访' },
    ONLINE: { description: '网上接待' },
  },
});

/** 接待活动: deputies receiving voters at a station (ST2, ST3). */
@ObjectType({ description: '接待活动' })
@Entity()
@Check({ name: 'reception_visitor_count_check', expression: 'visitor_count is null or visitor_count >= 0' })
export class Reception extends SearchableEntity {
  @Link(() => LiaisonStation)
  liaisonStation!: Ref<LiaisonStation>;

  @Field(() => ID, { description: '代表联络站' })
  get liaisonStationId(): number {
    return this.liaisonStation.id;
  }

  @Field(() => String, { nullable: true, description: '联络站名称' })
  async liaisonStationName(): Promise<string | null> {
    return (await this.liaisonStation.load())?.name ?? null;
  }

  @Field(() => ReceptionForm, { description: '接待形式（ST3）' })
  @Enum({ items: () => ReceptionForm })
  form!: ReceptionForm;

  @Field(() => LocalDateResolver, { description: '接待日期' })
  @Property({ type: 'date' })
  @Index()
  heldOn!: string;

  @Field(() => String, { nullable: true, description: '主题' })
  @Property({ type: 'text', nullable: true })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: '地点' })
  @Property({ type: 'text', nullable: true })
  location?: string | null;

  @ManyToMany(() => Member)
  deputies = new Collection<Member>(this);

  @Field(() => [ID], { description: '接待代表' })
  async deputyIds(): Promise<number[]> {
    return (await this.deputies.load()).map((m) => m.id);
  }

  @Link(() => StationStaff, { nullable: true })
  liaisonOfficer?: Ref<StationStaff> | null;

  @Field(() => ID, { nullable: true, description: '联络员' })
  get liaisonOfficerId(): number | null {
    return this.liaisonOfficer?.id ?? null;
  }

  @Field(() => Int, { nullable: true, description: '接待群众人数' })
  @Property({ type: 'integer', nullable: true })
  visitorCount?: number | null;

  @Field(() => String, { nullable: true, description: '接待情况小结' })
  @Property({ type: 'text', nullable: true })
  summary?: string | null;

  searchText() {
    return [this.topic, this.location, this.summary];
  }
}
