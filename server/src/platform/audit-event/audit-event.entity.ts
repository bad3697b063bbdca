import { Entity, Enum, Formula, Index, Property } from '@mikro-orm/core';
import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';

export enum AuditResult {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  DENIED = 'DENIED',
}
registerEnumType(AuditResult, {
  name: 'AuditResult',
  description: '审计结果',
  valuesConfig: { SUCCEEDED: { description: '成功' }, FAILED: { description: '失败' }, DENIED: { description: '拒绝' } },
});

/** What the log records (open list: features may add their own). */
export const AuditAction = {
  LOGIN_SUCCEEDED: 'LOGIN_SUCCEEDED',
  LOGIN_FAILED: 'LOGIN_FAILED',
  LOGOUT: 'LOGOUT',
  MUTATION: 'MUTATION',
  REVEAL: 'REVEAL',
  ACCESS_DENIED: 'ACCESS_DENIED',
  MAINTENANCE: 'MAINTENANCE',
  /** A list exported as a workbook (resource and row count, never values). */
  EXPORT: 'EXPORT',
} as const;

/**
 * 审计日志: append-only. Rows are written by `audit()` with plain INSERTs; PostgreSQL itself refuses
 * UPDATE, DELETE and TRUNCATE (audit-event.sql.ts). The table is partitioned by month on occurredAt.
 */
@ObjectType({ description: '审计日志' })
@Entity({ readonly: true })
@Index({ properties: ['occurredAt'] })
@Index({ properties: ['accountId', 'occurredAt'] })
@Index({ properties: ['action', 'occurredAt'] })
export class AuditEvent extends BaseEntity {
  @Field(() => Date, { description: '发生时间' })
  @Property({ type: 'datetime', defaultRaw: 'clock_timestamp()' })
  occurredAt: Date = new Date();

  /** A plain column, not a foreign key: the log must accept rows the main transaction has not committed. */
  @Field(() => ID, { nullable: true, description: '操作账号' })
  @Property({ type: 'integer', nullable: true })
  accountId?: number | null;

  /**
   * The acting account's name, read in the same statement as the row (a subquery, no extra request
   * per row): the auditor may not read accounts, yet must see who acted.
   */
  @Field(() => String, { nullable: true, description: '操作账号的显示名称（只读）' })
  @Formula((alias) => `(select acc.display_name from account acc where acc.id = ${alias}.account_id)`, { lazy: false })
  accountName?: string | null;

  @Field(() => String, { nullable: true, description: '用户名（登录失败时为输入的用户名）' })
  @Property({ type: 'text', nullable: true })
  username?: string | null;

  @Field(() => String, { description: '动作：LOGIN_SUCCEEDED、LOGIN_FAILED、MUTATION、REVEAL、ACCESS_DENIED、MAINTENANCE 等' })
  @Property({ type: 'text' })
  action!: string;

  @Field(() => String, { nullable: true, description: '资源类型，如 Account、Letter' })
  @Property({ type: 'text', nullable: true })
  resource?: string | null;

  @Field(() => String, { nullable: true, description: '记录编号' })
  @Property({ type: 'text', nullable: true })
  recordId?: string | null;

  @Field(() => String, { nullable: true, description: '操作（GraphQL 变更名）' })
  @Property({ type: 'text', nullable: true })
  operation?: string | null;

  @Field(() => AuditResult, { description: '结果' })
  @Enum({ items: () => AuditResult })
  result!: AuditResult;

  @Field(() => String, { nullable: true, description: '原因（失败或拒绝的原因、查看原文的理由）' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: '来源 IP' })
  @Property({ type: 'text', nullable: true })
  ip?: string | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: '详情' })
  @Property({ type: 'json', nullable: true })
  detail?: Record<string, unknown> | null;
}
