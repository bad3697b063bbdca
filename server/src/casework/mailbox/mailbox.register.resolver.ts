import { todayInChina } from '../../people/member/dates.js';
import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { ListMetadata } from '../../common/crud.js';

import { Mailbox } from './mailbox.entity.js';
import {
  countOverdueMailboxes,
  mailboxRegisterStatistics,
  openingDueOn,
  overdueMailboxes,
  type MailboxRegisterRowValue,
  type MailboxRegisterValue,
} from './mailbox.register.js';

@ObjectType({ description: '委员活动小组（联络组）的信箱工作台账一行（MB7）' })
export class MailboxRegisterRow {
  @Field(() => ID, { nullable: true, description: '委员活动小组（合计行为空）' })
  liaisonGroupId!: number | null;

  @Field(() => String, { description: '小组名称' })
  liaisonGroupName!: string;

  @Field(() => Int, { description: '信箱数（启用中）' })
  mailboxCount!: number;

  @Field(() => Int, { description: '开启次数（MB3）' })
  openingCount!: number;

  @Field(() => Int, { description: '开启时收到的信件数（MB3）' })
  lettersFound!: number;

  @Field(() => Int, { description: '登记来信数' })
  registered!: number;

  @Field(() => Int, { description: '已办理' })
  handled!: number;

  @Field(() => Int, { description: '已报送（转提案、社情民意、调研课题，或上报县、市政协）' })
  reported!: number;

  @Field(() => Int, { description: '已反馈来信人（MB5）' })
  fedBack!: number;

  @Field(() => Int, { description: '按时反馈：在反馈（答复）时限内反馈来信人（MB5：15个工作日）' })
  fedBackOnTime!: number;
}

@ObjectType({ description: '委员信箱年度统计（MB7：次年1月上旬报市政协办公室联络处）' })
export class MailboxRegisterStatistics {
  @Field(() => ID)
  bodyId!: number;

  @Field(() => String, { description: '政协/人大名称' })
  bodyName!: string;

  @Field(() => Int, { description: '年度' })
  year!: number;

  @Field(() => [MailboxRegisterRow], { description: '各小组（按拼音排序）' })
  rows!: MailboxRegisterRowValue[];

  @Field(() => MailboxRegisterRow, { description: '合计' })
  total!: MailboxRegisterRowValue;
}

const asOfArg = { nullable: true, description: '计算日期（默认今天，北京时间）' } as const;

@Resolver(() => Mailbox)
export class MailboxRegisterResolver {
  @FieldResolver(() => LocalDateResolver, { description: '下次应开启日期：最近开启（或设立）日期加开启周期（MB2）' })
  async openingDueOn(@Root() mailbox: Mailbox): Promise<string> {
    return openingDueOn(mailbox);
  }

  @Query(() => [Mailbox], { description: '超过开启周期未开启的信箱（默认半个月，机构可另行规定，MB2），超期最久的在前' })
  async overdueMailboxes(
    @Ctx() ctx: Context,
    @Arg('page', () => Int, { nullable: true }) page?: number,
    @Arg('perPage', () => Int, { nullable: true }) perPage?: number,
    @Arg('asOf', () => LocalDateResolver, asOfArg) asOf?: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: '所属工作机构' }) organizationId?: string | null,
  ): Promise<Mailbox[]> {
    return overdueMailboxes(ctx, asOf ?? todayInChina(), { page, perPage }, organizationId ? { organizationId } : undefined);
  }

  @Query(() => ListMetadata, { description: '超期未开启的信箱数（MB2）' })
  async _overdueMailboxesMeta(
    @Ctx() ctx: Context,
    @Arg('page', () => Int, { nullable: true }) _page?: number,
    @Arg('perPage', () => Int, { nullable: true }) _perPage?: number,
    @Arg('asOf', () => LocalDateResolver, asOfArg) asOf?: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: '所属工作机构' }) organizationId?: string | null,
  ): Promise<ListMetadata> {
    return { count: await countOverdueMailboxes(ctx, asOf ?? todayInChina(), organizationId ? { organizationId } : undefined) };
  }

  @Query(() => MailboxRegisterStatistics, {
    description: '委员信箱年度统计：各小组登记、办理、报送、反馈来信数（MB7）；表格下载 GET /export/mailbox-register.xlsx?bodyId=&year=',
  })
  async mailboxRegisterStatistics(
    @Ctx() ctx: Context,
    @Arg('bodyId', () => ID, { description: '政协/人大' }) bodyId: string,
    @Arg('year', () => Int, { description: '年度' }) year: number,
  ): Promise<MailboxRegisterValue> {
    return mailboxRegisterStatistics(ctx, bodyId, year);
  }
}
