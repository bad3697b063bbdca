import { Entity, Enum, Index, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { SearchableEntity } from '../../common/base.entity.js';
import { Link } from '../../common/link.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Gender } from '../member/member.entity.js';

/**
 * 群众 / 选民 in an office's register. PR1: phone, ID number and address are stored encrypted and
 * shown masked; full values only through `revealConstituent`. Search covers name and community only.
 */
@ObjectType({ description: '群众/选民' })
@Entity()
@Unique({ properties: ['organization', 'idNumberHash'] })
export class Constituent extends SearchableEntity {
  @Field(() => String, { description: '姓名' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Gender, { nullable: true, description: '性别' })
  @Enum({ items: () => Gender, nullable: true })
  gender?: Gender | null;

  @Property({ type: 'text', nullable: true, hidden: true })
  phoneEncrypted?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话（脱敏，如 138****1234）' })
  @Property({ type: 'text', nullable: true })
  phoneMasked?: string | null;

  @Property({ type: 'text', nullable: true, hidden: true })
  idNumberEncrypted?: string | null;

  @Field(() => String, { nullable: true, description: '身份证号（脱敏）' })
  @Property({ type: 'text', nullable: true })
  idNumberMasked?: string | null;

  // keyed hash for exact look-ups of repeat writers (PR1), never exposed
  @Index()
  @Property({ type: 'text', nullable: true, hidden: true })
  idNumberHash?: string | null;

  @Property({ type: 'text', nullable: true, hidden: true })
  addressEncrypted?: string | null;

  @Field(() => String, { nullable: true, description: '住址（脱敏）' })
  @Property({ type: 'text', nullable: true })
  addressMasked?: string | null;

  @Field(() => String, { nullable: true, description: '所在社区/村' })
  @Property({ type: 'text', nullable: true })
  community?: string | null;

  @Field(() => String, { nullable: true, description: '职业' })
  @Property({ type: 'text', nullable: true })
  occupation?: string | null;

  @Link(() => Organization)
  organization!: Ref<Organization>;

  @Field(() => ID, { description: '登记的工作机构（其群众名册）' })
  get organizationId(): number {
    return this.organization.id;
  }

  @Field(() => String, { nullable: true, description: '备注' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  searchText() {
    // never personal fields (PR1)
    return [this.name, this.community];
  }
}
