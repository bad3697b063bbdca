import { Entity, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * An idempotency key of a mutation (issue 12, item 7): the first request with a key records the
 * record it created; a retry with the same key by the same account returns that record and writes
 * nothing. Kept IDEMPOTENCY_RETENTION_HOURS, then pruned (idempotency.service.ts).
 */
@Entity({ tableName: 'idempotency_key' })
@Index({ properties: ['createdAt'] })
export class IdempotencyKey {
  [PrimaryKeyProp]?: ['accountId', 'operation', 'key'];

  @PrimaryKey({ type: 'integer' })
  accountId!: number;

  /** the mutation, e.g. registerLetter */
  @PrimaryKey({ type: 'text' })
  operation!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  /** sha256 of the request's other arguments: the same key with another payload is refused */
  @Property({ type: 'text' })
  requestHash!: string;

  /** the id of the record the first request created (set in its transaction) */
  @Property({ type: 'text', nullable: true })
  recordId?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
