import { Entity, Index, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Link } from '../../common/link.js';
import { Account } from './account.entity.js';

/**
 * The hashes of an account's recent passwords (等保 level 3: no reuse of the last 5), written each
 * time a password is set; only the newest PASSWORD_HISTORY are kept. Never exposed through GraphQL.
 */
@Entity({ tableName: 'password_history' })
@Index({ properties: ['account', 'createdAt'] })
export class PasswordHistory {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Link(() => Account, { deleteRule: 'cascade' })
  account!: Ref<Account>;

  @Property({ type: 'text' })
  passwordHash!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
