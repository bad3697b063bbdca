import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { createCrudResolver } from '../../common/crud.js';
import type { Context } from '../../common/context.js';
import { datetime, enumOf, ref, text } from '../../common/fields.js';
import { Organization } from '../organization/organization.entity.js';
import { Letter } from '../../casework/letter/letter.entity.js';
import { Notification, NotificationKind } from './notification.entity.js';
import { isSessionActor } from '../session/session.service.js';
import { Role } from '../account/role.js';

export const notificationResource = createCrudResolver<Notification>({
  entity: Notification,
  name: 'Notification',
  plural: 'Notifications',
  label: '通知',
  capability: 'readonly',
  fields: {},
  readFields: {
    title: text('标题'),
    kind: enumOf(NotificationKind, '类别'),
    letterId: ref(() => Letter, '相关来信'),
    organizationId: ref(() => Organization, '接收的工作机构'),
    recipientName: text('接收人', { filter: true }),
    readAt: datetime('阅读时间'),
  },
  filters: {
    // the inbox: what is addressed to my account; for the office also what is addressed to its unit
    // without naming an account (a letter owned by the unit)
    forMe: {
      type: () => Boolean,
      description: '发给我的：发给本人账号的；办公室工作人员还包括发给本机构而未指定账号的',
      where: (forMe: boolean, ctx) => {
        const a = ctx.actor;
        const unit = isSessionActor(a) && a.roles.includes(Role.OFFICE_STAFF) ? [{ recipientAccount: null, organization: a.organizationId }] : [];
        const mine = isSessionActor(a) ? { $or: [{ recipientAccount: a.accountId }, ...unit] } : { id: null };
        return (forMe ? mine : { $not: mine }) as any;
      },
    },
    unread: {
      type: () => Boolean,
      description: '是否未读',
      where: (unread: boolean) => (unread ? { readAt: null } : { readAt: { $ne: null } }),
    },
  },
  defaultSort: { field: 'createdAt', order: 'DESC' },
});

@Resolver(() => Notification)
export class NotificationResolver {
  /** Marks a notification read; reading it again keeps the first time. */
  @Mutation(() => Notification, { description: '标记通知为已读' })
  async markNotificationRead(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Notification> {
    return ctx.em.transactional(async (tx) => {
      const n = await notificationResource.service.findOne({ ...ctx, em: tx }, id);
      n.readAt ??= new Date();
      await tx.flush();
      return n;
    });
  }
}
