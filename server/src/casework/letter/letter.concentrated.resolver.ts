import { Max, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { assertReach } from '../../access/access.guard.js';
import type { Context } from '../../common/context.js';
import { parseId } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import {
  DEFAULT_MIN_LETTERS,
  DEFAULT_MIN_SIMILARITY,
  groupConcentratedIssues,
  type IssueGroup,
} from './letter.concentrated.js';
import { Letter } from './letter.entity.js';
import { LetterStatus } from './letter.enums.js';
import { letterResource } from './letter.resolver.js';

/** Letters read for one grouping at most; a longer period is to be narrowed. */
export const MAX_LETTERS_GROUPED = 10_000;

@ObjectType({ description: '反映比较集中的问题：同一社区、内容相近的一组来信，由小组集体办理（000 第四条）' })
export class ConcentratedIssue {
  @Field(() => String, { description: '社区' })
  community!: string;

  @Field(() => [ID], { description: '来信（按编号）' })
  letterIds!: number[];

  @Field(() => Int, { description: '来信件数' })
  letterCount!: number;

  @Field(() => [String], { description: '共同关键词（出现最多的在前）' })
  keyWords!: string[];

  @Field(() => LocalDateResolver, { description: '最早收到日期' })
  firstReceivedOn!: string;

  @Field(() => LocalDateResolver, { description: '最近收到日期' })
  lastReceivedOn!: string;

  static of(g: IssueGroup): ConcentratedIssue {
    return Object.assign(new ConcentratedIssue(), { ...g, letterCount: g.letterIds.length });
  }
}

@ArgsType()
class ConcentratedIssuesArgs {
  @Field(() => ID, { description: '工作机构（含下级机构登记的来信）' })
  organizationId!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: '收到日期不早于' })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: '收到日期不晚于' })
  to?: string | null;

  @Field(() => Int, { defaultValue: DEFAULT_MIN_LETTERS, description: '一组至少几件来信' })
  @Min(2, { message: '不能小于 2' })
  @Max(1000, { message: '不能大于 1000' })
  minLetters!: number;

  @Field(() => Float, { defaultValue: DEFAULT_MIN_SIMILARITY, description: '内容相近的最低相似度（词集合 Jaccard，0–1）' })
  @Min(0.05, { message: '不能小于 0.05' })
  @Max(1, { message: '不能大于 1' })
  minSimilarity!: number;
}

/**
 * concentratedIssues: the letters of an organization (and the units under it) the caller reaches,
 * received in the period, not voided or merged, grouped by community and similar content.
 */
export async function concentratedIssues(ctx: Context, args: ConcentratedIssuesArgs): Promise<ConcentratedIssue[]> {
  const organizationId = parseId(args.organizationId, 'organizationId');
  if (args.from && args.to && args.from > args.to) throw badInput('to', '结束日期不能早于开始日期');
  await assertReach(ctx, 'Organization', organizationId, 'read');
  const sub: Array<{ id: number }> = await ctx.em.getConnection().execute(
    `with recursive sub as (select id from organization where id = ? union all
       select o.id from organization o join sub on o.parent_id = sub.id)
     select id from sub`,
    [organizationId],
  );
  const and: FilterQuery<Letter>[] = [
    letterResource.service.where(ctx, {}),
    {
      organization: { $in: sub.map((r) => Number(r.id)) },
      community: { $ne: null },
      status: { $nin: [LetterStatus.VOIDED, LetterStatus.MERGED] },
    },
  ];
  if (args.from) and.push({ receivedOn: { $gte: args.from } });
  if (args.to) and.push({ receivedOn: { $lte: args.to } });
  const where = { $and: and } as FilterQuery<Letter>;
  if ((await ctx.em.count(Letter, where)) > MAX_LETTERS_GROUPED) {
    throw badInput('from', `期间内来信超过 ${MAX_LETTERS_GROUPED} 件，请缩短期间`);
  }
  const letters = await ctx.em.find(Letter, where, {
    fields: ['id', 'community', 'title', 'content', 'receivedOn'] as any,
    orderBy: { id: 'asc' },
  });
  return groupConcentratedIssues(letters, { minLetters: args.minLetters, minSimilarity: args.minSimilarity }).map(ConcentratedIssue.of);
}

@Resolver()
export class ConcentratedIssueResolver {
  @Query(() => [ConcentratedIssue], { description: '反映比较集中的问题：按社区和内容相似度归并来信，供集体办理（000 第四条）' })
  async concentratedIssues(@Args(() => ConcentratedIssuesArgs) args: ConcentratedIssuesArgs, @Ctx() ctx: Context) {
    return concentratedIssues(ctx, args);
  }
}
