import { BeforeCreate, BeforeUpdate, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { FullTextType } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { searchDocument } from './segment.js';

/** Every record: id, optimistic-lock version, timestamps. One class is table and GraphQL type. */
@ObjectType()
export abstract class BaseEntity {
  [OptionalProps]?: 'version' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => Int, { description: '版本号：更新时原样回传，以发现并发修改' })
  @Property({ type: 'integer', version: true })
  version!: number;

  @Field(() => Date, { description: '创建时间' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: '更新时间' })
  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * A record searchable by the `q` filter: its text, cut into Chinese words, is kept in a
 * tsvector('simple') column on every write (ARCHITECTURE.md), indexed with GIN.
 */
@ObjectType()
export abstract class SearchableEntity extends BaseEntity {
  @Index({ type: 'fulltext' })
  @Property({ type: FullTextType, nullable: true, lazy: true, hidden: true })
  searchVector?: string | null;

  /** The texts the `q` filter searches. */
  abstract searchText(): Array<string | null | undefined>;

  @BeforeCreate()
  @BeforeUpdate()
  refreshSearchVector(): void {
    this.searchVector = searchDocument(...this.searchText()) || null;
  }
}
