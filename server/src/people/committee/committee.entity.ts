import { Collection, Entity, ManyToMany, ManyToOne, PrimaryKeyProp, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Body } from '../../platform/body/body.entity.js';
import { Sector } from '../sector/sector.entity.js';

/** 专委会: a specialized committee; it keeps in touch with the members of the sectors it follows (CT2). */
@ObjectType({ description: '专门委员会' })
@Entity()
@Unique({ properties: ['body', 'name'] })
export class Committee extends BaseEntity {
  @Field(() => String, { description: '名称，如 提案委员会' })
  @Property({ type: 'text' })
  name!: string;

  @Link(() => Body)
  body!: Ref<Body>;

  @Field(() => ID, { description: '所属政协/人大' })
  get bodyId(): number {
    return this.body.id;
  }

  @ManyToMany({ entity: () => Sector, pivotEntity: () => CommitteeSector })
  sectors = new Collection<Sector>(this);

  @Field(() => [ID], { description: '联系的界别（CT2）' })
  async sectorIds(): Promise<number[]> {
    return (await this.sectors.load()).map((s) => s.id);
  }

  @Field(() => String, { nullable: true, description: '职责说明' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;
}

/** The sectors a committee follows: gone with the committee; a followed sector cannot be deleted. */
@Entity({ tableName: 'committee_sectors' })
export class CommitteeSector {
  [PrimaryKeyProp]?: ['committee', 'sector'];

  @ManyToOne({ entity: () => Committee, primary: true, deleteRule: 'cascade' })
  committee!: Committee;

  @ManyToOne({ entity: () => Sector, primary: true, deleteRule: 'restrict' })
  sector!: Sector;
}
