import { Entity, Enum, Index, Property, type Ref } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Body } from '../../platform/body/body.entity.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Sector } from '../../people/sector/sector.entity.js';

export enum ActivityKind {
  STUDY = 'STUDY',
  MEETING = 'MEETING',
  BRIEFING = 'BRIEFING',
  RESEARCH = 'RESEARCH',
  INSPECTION = 'INSPECTION',
  SECTOR_ACTIVITY = 'SECTOR_ACTIVITY',
  PRACTICAL_DEED = 'PRACTICAL_DEED',
  CONSULTATION = 'CONSULTATION',
}
registerEnumType(ActivityKind, {
  name: 'ActivityKind',
  description: '履职活动类别',
  valuesConfig: {
    STUDY: { description: '学习' },
    MEETING: { description: '会议' },
    BRIEFING: { description: '情况通报' },
    RESEARCH: { description: '调研' },
    INSPECTION: { description: '视察' },
    SECTOR_ACTIVITY: { description: '界别活动' },
    PRACTICAL_DEED: { description: '实事' },
    CONSULTATION: { description: '协商' },
  },
});

/** A duty activity members take part in (LO1, LO2); who was there is recorded as Attendance. */
@ObjectType({ description: '履职活动' })
@Entity()
export class Activity extends SearchableEntity {
  @Field(() => String, { description: '活动名称' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => ActivityKind, { description: '类别' })
  @Enum({ items: () => ActivityKind })
  @Index()
  kind!: ActivityKind;

  @Link(() => Body)
  body!: Ref<Body>;

  @Field(() => ID, { description: '所属机构（政协/人大）' })
  get bodyId(): number {
    return this.body.id;
  }

  @Link(() => Organization, { nullable: true })
  organization?: Ref<Organization> | null;

  @Field(() => ID, { nullable: true, description: '组织单位（如乡镇联络处，LO1）' })
  get organizationId(): number | null {
    return this.organization?.id ?? null;
  }

  @Link(() => LiaisonGroup, { nullable: true })
  liaisonGroup?: Ref<LiaisonGroup> | null;

  @Field(() => ID, { nullable: true, description: '委员活动小组 / 联络组' })
  get liaisonGroupId(): number | null {
    return this.liaisonGroup?.id ?? null;
  }

  @Link(() => Sector, { nullable: true })
  sector?: Ref<Sector> | null;

  @Field(() => ID, { nullable: true, description: '界别（界别活动）' })
  get sectorId(): number | null {
    return this.sector?.id ?? null;
  }

  @Field(() => LocalDateResolver, { description: '活动日期' })
  @Property({ type: 'date' })
  @Index()
  heldOn!: string;

  @Field(() => String, { nullable: true, description: '地点' })
  @Property({ type: 'text', nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true, description: '活动内容' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  searchText() {
    return [this.title, this.location, this.description];
  }
}
