import { Entity, Index, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Link } from '../../common/link.js';
import { Account } from '../account/account.entity.js';

/**
 * One sign-in. Only the SHA-256 of the token is stored; never exposed through GraphQL. Kept in
 * PostgreSQL so every app instance agrees on who is signed in.
 */
@Entity()
export class Session {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text' })
  @Unique()
  tokenHash!: string;

  @Link(() => Account)
  account!: Ref<Account>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  lastSeenAt: Date = new Date();

  /** The idle deadline as of the last touch (lastSeenAt + idle, capped by the maximum lifetime). */
  @Property({ type: 'datetime' })
  @Index()
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  ip?: string | null;

  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;

  /** A TOTP code was checked for this session (at login or when enrolling). */
  @Property({ type: 'boolean', default: false })
  totpVerified: boolean = false;
}
