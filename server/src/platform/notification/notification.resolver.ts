import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { createCrudResolver } from '../../common/crud.js';
import type { Context } from '../../common/context.js';
import { datetime, enumOf, ref, text } from '../../common/fields.js';
import { Organization } from '../organization/organization.entity.js';
import { Letter } from '../../casework/letter/letter.entity.js';
import { Notification, NotificationKind } from './notification.entity.js';

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
