import { Entity, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Link } from '../../common/link.js';
import { Organization } from '../../platform/organization/organization.entity.js';

/**
 * The last serial number given per organization and year (PV1). Incremented with an upsert inside the
 * registration transaction: the row lock serializes concurrent registrations and a rolled-back
 * registration rolls its number back, so numbers are gap-free and never reused.
 */
@Entity()
@Unique({ properties: ['organization', 'year'] })
export class LetterSerialCounter {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Link(() => Organization)
  organization!: Ref<Organization>;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}
