import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { createCrudResolver } from '../../common/crud.js';
import type { Context } from '../../common/context.js';
import { requestIp } from '../session/session.service.js';
import { currentActor, requireActor, requireRoles } from '../session/session.guard.js';
import { Account } from './account.entity.js';
import { accountFields, accountReadFields, CreateAccountArgs, LoginResult, TotpEnrollment, UpdateAccountArgs } from './account.inputs.js';
import * as accounts from './account.service.js';
import { ACCOUNT_ADMIN_ROLES, Role } from './role.js';

/**
 * Reads: `Account`, `allAccounts`, `_allAccountsMeta`. Writes are the verbs below (the password is an
 * argument of createAccount only; accounts are disabled, never deleted).
 */
export const accountResource = createCrudResolver<Account>({
  entity: Account,
  name: 'Account',
  plural: 'Accounts',
  label: '账号',
  capability: 'readonly',
  fields: accountFields,
  readFields: accountReadFields,
  filters: {
    role: { type: () => Role, description: '拥有的角色', where: (role: Role) => ({ roles: { $contains: [role] } }) },
  },
  pinyinSort: ['displayName'],
  defaultSort: { field: 'username', order: 'ASC' },
});

const by = (ctx: Context, actor: { accountId: number; username: string }) => ({
  accountId: actor.accountId,
  username: actor.username,
  ip: requestIp(ctx.req),
});

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: '当前登录的账号（未登录为空）' })
  async me(@Ctx() ctx: Context): Promise<Account | null> {
    const actor = await currentActor(ctx);
    return actor ? ctx.em.findOne(Account, { id: actor.accountId }) : null;
  }

  @Mutation(() => LoginResult, { description: '登录：连续失败过多锁定账号；管理员须动态口令' })
  async login(
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: Context,
    @Arg('totpCode', () => String, { nullable: true, description: '动态口令（已绑定时必填）' }) totpCode?: string | null,
  ): Promise<LoginResult> {
    return accounts.login(ctx, { username, password, totpCode });
  }

  @Mutation(() => Boolean, { description: '退出登录（结束当前会话）' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const actor = await currentActor(ctx);
    return actor ? accounts.logout(ctx, actor) : false;
  }

  @Mutation(() => Account, { description: '修改本人密码（清除“须修改密码”，其他会话随之结束）' })
  async changePassword(
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<Account> {
    const actor = await requireActor(ctx, { allow: ['CHANGE_PASSWORD', 'TOTP'] });
    return accounts.changePassword(ctx, actor, currentPassword, newPassword);
  }

  @Mutation(() => TotpEnrollment, { description: '开始绑定动态口令（TOTP）：返回密钥' })
  async beginTotpEnrollment(@Ctx() ctx: Context): Promise<TotpEnrollment> {
    const actor = await requireActor(ctx, { allow: ['CHANGE_PASSWORD', 'TOTP'] });
    return accounts.beginTotpEnrollment(ctx, actor);
  }

  @Mutation(() => Account, { description: '提交一个动态口令，完成绑定' })
  async confirmTotpEnrollment(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<Account> {
    const actor = await requireActor(ctx, { allow: ['CHANGE_PASSWORD', 'TOTP'] });
    return accounts.confirmTotpEnrollment(ctx, actor, code);
  }

  @Mutation(() => Account, { description: '新建账号（系统/安全管理员）；首次登录须修改密码' })
  async createAccount(@Args(() => CreateAccountArgs) args: CreateAccountArgs, @Ctx() ctx: Context): Promise<Account> {
    const actor = await requireRoles(ctx, ACCOUNT_ADMIN_ROLES, 'createAccount');
    return accounts.createAccount(ctx.em, args as unknown as accounts.CreateAccountInput, by(ctx, actor));
  }

  @Mutation(() => Account, { description: '修改账号（系统/安全管理员；不含密码）' })
  async updateAccount(@Args(() => UpdateAccountArgs) args: UpdateAccountArgs, @Ctx() ctx: Context): Promise<Account> {
    const actor = await requireRoles(ctx, ACCOUNT_ADMIN_ROLES, 'updateAccount');
    return accounts.updateAccount(ctx.em, args as Record<string, any>, by(ctx, actor));
  }

  @Mutation(() => Account, { description: '重置密码（系统/安全管理员）：须在下次登录时修改，现有会话全部结束' })
  async resetAccountPassword(
    @Arg('id', () => ID) id: string,
    @Arg('newPassword', () => String) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<Account> {
    const actor = await requireRoles(ctx, ACCOUNT_ADMIN_ROLES, 'resetAccountPassword');
    return accounts.resetAccountPassword(ctx.em, id, newPassword, by(ctx, actor));
  }

  @Mutation(() => Account, { description: '解除登录锁定（系统/安全管理员）' })
  async unlockAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Account> {
    const actor = await requireRoles(ctx, ACCOUNT_ADMIN_ROLES, 'unlockAccount');
    return accounts.unlockAccount(ctx.em, id, by(ctx, actor));
  }

  @Mutation(() => Int, { description: '结束某账号的全部会话（系统/安全管理员）；返回结束的会话数' })
  async revokeSessions(@Arg('accountId', () => ID) accountId: string, @Ctx() ctx: Context): Promise<number> {
    const actor = await requireRoles(ctx, ACCOUNT_ADMIN_ROLES, 'revokeSessions');
    return accounts.revokeSessionsOf(ctx.em, accountId, by(ctx, actor));
  }
}
