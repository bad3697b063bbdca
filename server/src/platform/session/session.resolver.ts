import { Arg, Ctx, ID, ObjectType, Field, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { assertReach } from '../../access/access.guard.js';
import { scopeCondition } from '../../access/access.scope.js';
import type { Context } from '../../common/context.js';
import { parseId } from '../../common/crud.js';
import { Session } from './session.entity.js';

/**
 * 在线会话: one sign-in that is still valid, as the security administrator sees it (等保 会话管理).
 * Not the entity: the token's hash, the TOTP flag and the user agent stay on the server.
 */
@ObjectType({ description: '在线会话（未过期、未结束；不含令牌）' })
export class ActiveSession {
  @Field(() => ID, { description: '会话编号' })
  id!: number;

  @Field(() => ID, { description: '账号' })
  accountId!: number;

  @Field(() => String, { description: '用户名' })
  username!: string;

  @Field(() => String, { description: '姓名' })
  displayName!: string;

  @Field(() => Date, { description: '登录时间' })
  createdAt!: Date;

  @Field(() => Date, { description: '最近活动' })
  lastSeenAt!: Date;

  @Field(() => Date, { description: '到期时间（无操作超时，且不超过最长会话时间）' })
  expiresAt!: Date;

  @Field(() => String, { nullable: true, description: '登录 IP' })
  ip?: string | null;

  static of(s: Session): ActiveSession {
    const account = s.account.getEntity();
    return Object.assign(new ActiveSession(), {
      id: s.id,
      accountId: account.id,
      username: account.username,
      displayName: account.displayName,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      ip: s.ip ?? null,
    });
  }
}

/**
 * The sessions that would still be accepted — not revoked, not past their deadline, of an active
 * account — of the accounts the caller reads (the Account row of access.table.ts), most recently
 * active first; with `accountId`, that account's only (NOT_FOUND outside the caller's reach).
 */
export async function activeSessions(ctx: Context, accountId?: string | null): Promise<ActiveSession[]> {
  const and: FilterQuery<Session>[] = [{ revokedAt: null, expiresAt: { $gt: new Date() }, account: { isActive: true } }];
  if (accountId != null) {
    const id = parseId(accountId, 'accountId');
    await assertReach(ctx, 'Account', id, 'read');
    and.push({ account: id });
  }
  const reach = scopeCondition(ctx, 'Account', 'read');
  if (reach && Object.keys(reach).length) and.push({ account: reach } as FilterQuery<Session>);
  const sessions = await ctx.em.find(Session, { $and: and }, { populate: ['account'], orderBy: { lastSeenAt: 'DESC', id: 'DESC' } });
  return sessions.map(ActiveSession.of);
}

@Resolver()
export class SessionResolver {
  @Query(() => [ActiveSession], { description: '在线会话（系统/安全管理员）：未过期、未结束的会话，最近活动的在前' })
  async activeSessions(
    @Ctx() ctx: Context,
    @Arg('accountId', () => ID, { nullable: true, description: '只看此账号的会话' }) accountId?: string | null,
  ): Promise<ActiveSession[]> {
    return activeSessions(ctx, accountId);
  }
}
