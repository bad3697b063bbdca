import { Collection, Entity, ManyToMany, ManyToOne, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Member } from '../../people/member/member.entity.js';

/** 代表联络站 / 接待室: a place (or an online page) where deputies receive voters. */
@ObjectType({ description: '代表联络站' })
@Entity()
export class LiaisonStation extends SearchableEntity {
  @Field(() => String, { description: '名称，如 新碶街道代表联络站' })
  @Property({ type: 'text' })
  name!: string;

  @Link(() => Organization)
  organization!: Ref<Organization>;

  @Field(() => ID, { description: '所属工作机构' })
  get organizationId(): number {
    return this.organization.id;
  }

  @Field(() => Boolean, { description: '是否网上联络站（全天候接待，ST3）' })
  @Property({ type: 'boolean', default: false })
  isOnline: boolean = false;

  @Field(() => String, { nullable: true, description: '地址（公开）' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: '接待时间（ST6 公开）' })
  @Property({ type: 'text', nullable: true })
  receptionSchedule?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话（公开，ST6）' })
  @Property({ type: 'text', nullable: true })
  contactPhone?: string | null;

  @Link(() => Member, { nullable: true })
  deputyInCharge?: Ref<Member> | null;

  @Field(() => ID, { nullable: true, description: '负责代表（站长）' })
  get deputyInChargeId(): number | null {
    return this.deputyInCharge?.id ?? null;
  }

  @Field(() => String, { nullable: true, description: '负责代表姓名（只读）' })
  async deputyInChargeName(): Promise<string | null> {
    return this.deputyInCharge ? ((await this.deputyInCharge.load())?.name ?? null) : null;
  }

  @ManyToMany({ entity: () => Member, pivotEntity: () => LiaisonStationDeputy })
  deputies = new Collection<Member>(this);

  @Field(() => [ID], { description: '进站代表' })
  async deputyIds(): Promise<number[]> {
    return (await this.deputies.load()).map((m) => m.id);
  }

  @Field(() => Boolean, { description: 'ST1：至少 2 名进站代表且已指定负责代表（仅提示，不拒绝）' })
  async meetsStaffingRule(): Promise<boolean> {
    return !!this.deputyInCharge && (await this.deputies.load()).length >= 2;
  }

  @Field(() => String, { nullable: true, description: '公开的工作制度（ST6）' })
  @Property({ type: 'text', nullable: true })
  rules?: string | null;

  searchText() {
    return [this.name, this.address];
  }
}

/** A station's deputies: gone with the station; a deputy cannot be deleted while a station lists them. */
@Entity({ tableName: 'liaison_station_deputies' })
export class LiaisonStationDeputy {
  [PrimaryKeyProp]?: ['liaisonStation', 'member'];

  @ManyToOne({ entity: () => LiaisonStation, primary: true, deleteRule: 'cascade' })
  liaisonStation!: LiaisonStation;

  @ManyToOne({ entity: () => Member, primary: true, deleteRule: 'restrict' })
  member!: Member;
}
