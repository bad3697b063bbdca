import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { createCrudResolver } from '../../common/crud.js';
import { Member } from './member.entity.js';
import { memberFields } from './member.inputs.js';
import { validateMember } from './member.policy.js';
import { CT3_MINIMUM, constituentCountOf } from './member.service.js';
import { todayInChina } from './dates.js';

export const memberResource = createCrudResolver<Member>({
  entity: Member,
  name: 'Member',
  plural: 'Members',
  label: '委员/代表',
  capability: 'reference',
  fields: memberFields,
  filters: {
    isCurrent: {
      type: () => Boolean,
      description: '是否在任（任期结束日为空或不早于今天）',
      where: (value: boolean) =>
        value
          ? { $or: [{ termEnd: null }, { termEnd: { $gte: todayInChina() } }] }
          : { termEnd: { $lt: todayInChina() } },
    },
  },
  pinyinSort: ['name'],
  validate: validateMember,
});

/** CT3 figures on every member, counted for a whole page at once (no N+1). */
@Resolver(() => Member)
export class MemberConstituentResolver {
  @FieldResolver(() => Int, { description: '当前联系的群众人数（CT3）' })
  constituentCount(@Root() member: Member, @Ctx() ctx: Context): Promise<number> {
    return constituentCountOf(ctx, member.id);
  }

  @FieldResolver(() => Boolean, { description: `CT3：联系群众不少于 ${CT3_MINIMUM} 人（不足仅提示，不拒绝）` })
  async meetsConstituentMinimum(@Root() member: Member, @Ctx() ctx: Context): Promise<boolean> {
    return (await constituentCountOf(ctx, member.id)) >= CT3_MINIMUM;
  }
}
