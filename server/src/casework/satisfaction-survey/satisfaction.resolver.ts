import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { RatingMethod, RatingSource, SatisfactionRating, SatisfactionSurvey } from './satisfaction-survey.entity.js';
import {
  rateLetter,
  writerRatingRefused,
  rateReception,
  satisfactionRates,
  type RateFigures,
} from './satisfaction.service.js';

@ArgsType()
class RatingArgs {
  @Field(() => SatisfactionRating, { description: '评价：满意 / 基本满意 / 不满意' })
  rating!: SatisfactionRating;

  @Field(() => String, { nullable: true, description: '意见（不满意时请说明原因）' })
  @IsOptional()
  @MaxLength(1000, { message: '不能超过 1000 个字' })
  comment?: string | null;
}

@ArgsType()
class StaffRatingArgs extends RatingArgs {
  @Field(() => RatingSource, { description: '评价来源：工作人员回访代录（STAFF）或来信人书面测评表（WRITER）' })
  source!: RatingSource;

  @Field(() => RatingMethod, { nullable: true, description: '评价方式：代录须为电话回访（PHONE）或当面回访（VISIT）；书面测评表为 FORM' })
  method?: RatingMethod | null;
}

@ArgsType()
class RateLetterArgs extends StaffRatingArgs {
  @Field(() => ID, { description: '来信（已答复）' })
  letterId!: string;
}

@ArgsType()
class RateReceptionArgs extends StaffRatingArgs {
  @Field(() => ID, { description: '接待活动（已举行）' })
  receptionId!: string;
}

@ArgsType()
class RateByTrackingCodeArgs extends RatingArgs {
  @Field(() => String, { description: '查询码（登记时告知来信人的 12 位码）' })
  @MinLength(1, { message: '不能为空' })
  @MaxLength(40, { message: '查询码格式不正确' })
  trackingCode!: string;
}

@ObjectType({ description: '网上评价回执（不含来信内容）' })
export class WriterRatingReceipt {
  @Field(() => SatisfactionRating, { description: '评价' })
  rating!: SatisfactionRating;

  @Field(() => Int, { description: '评价的办理轮次' })
  round!: number;

  @Field(() => Date, { description: '评价时间' })
  ratedAt!: Date;

  @Field(() => Boolean, { description: '来信将重新办理（第一次不满意，SV2）' })
  reopenedLetter!: boolean;

  @Field(() => Boolean, { description: '来信已上报领导（再次不满意，SV2）' })
  escalatedLetter!: boolean;
}

@ObjectType({ description: '满意率与解决率的计数（SV3）' })
class RateFiguresType implements RateFigures {
  @Field(() => Int, { description: '评价数' })
  rated!: number;

  @Field(() => Int, { description: '满意' })
  satisfied!: number;

  @Field(() => Int, { description: '基本满意' })
  basicallySatisfied!: number;

  @Field(() => Int, { description: '不满意' })
  dissatisfied!: number;

  @Field(() => Float, { nullable: true, description: '满意率 =（满意 + 基本满意）/ 评价数；无评价为空' })
  satisfactionRate!: number | null;

  @Field(() => Int, { description: '期间办结的来信数' })
  concluded!: number;

  @Field(() => Int, { description: '其中办结结果为已解决的' })
  resolved!: number;

  @Field(() => Float, { nullable: true, description: '解决率 = 已解决 / 办结数；无办结为空' })
  resolutionRate!: number | null;
}

@ObjectType({ description: '一个承办单位的满意率与解决率（SV3）' })
export class DepartmentSatisfactionRates extends RateFiguresType {
  @Field(() => ID, { description: '主办单位' })
  departmentId!: number;
}

@ObjectType({ description: '满意率与解决率（SV3，领导关注的主要指标）' })
export class SatisfactionRates extends RateFiguresType {
  @Field(() => ID, { nullable: true, description: '工作机构（含下级）；空为可见的全部机构' })
  organizationId!: number | null;

  @Field(() => ID, { nullable: true, description: '主办单位；空为全部（含接待活动评价）' })
  departmentId!: number | null;

  @Field(() => LocalDateResolver, { description: '期间开始' })
  from!: string;

  @Field(() => LocalDateResolver, { description: '期间结束（含）' })
  to!: string;

  @Field(() => [DepartmentSatisfactionRates], { description: '按主办单位' })
  departments!: DepartmentSatisfactionRates[];
}

@ArgsType()
class SatisfactionRatesArgs {
  @Field(() => ID, { nullable: true, description: '工作机构（含下级）' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: '主办单位' })
  departmentId?: string | null;

  @Field(() => LocalDateResolver, { description: '期间开始' })
  from!: string;

  @Field(() => LocalDateResolver, { description: '期间结束（含）' })
  to!: string;
}

@Resolver()
export class SatisfactionResolver {
  @Mutation(() => SatisfactionSurvey, {
    description: '录入来信的满意度评价（SV1）：仅限已答复的来信，每轮办理一次；不满意重新办理一次，再次不满意上报（SV2）',
  })
  async rateLetter(@Args(() => RateLetterArgs) args: RateLetterArgs, @Ctx() ctx: Context) {
    return rateLetter(ctx, args);
  }

  @Mutation(() => SatisfactionSurvey, { description: '录入接待活动的满意度评价（SV1）' })
  async rateReception(@Args(() => RateReceptionArgs) args: RateReceptionArgs, @Ctx() ctx: Context) {
    return rateReception(ctx, args);
  }

  @Mutation(() => WriterRatingReceipt, {
    description: '（已停用）来信人凭查询码评价：来信人本人的评价只经公开门户提交（后续版本）；工作人员代录请用 rateLetter',
    deprecationReason: '来信人（WRITER）的评价只经公开门户提交；工作人员代录评价请用 rateLetter。此操作一律拒绝（WRITER_RATING_PORTAL_ONLY）',
  })
  async rateLetterByTrackingCode(@Args(() => RateByTrackingCodeArgs) _args: RateByTrackingCodeArgs, @Ctx() _ctx: Context): Promise<WriterRatingReceipt> {
    // issue 12: anyone who could read a code (a department handler) could rate its own handling as the
    // writer; refused before any look-up, so the route cannot probe codes either
    throw writerRatingRefused();
  }

  @Query(() => SatisfactionRates, { description: 'SV3：满意率与解决率，按工作机构、主办单位和期间' })
  async satisfactionRates(@Args(() => SatisfactionRatesArgs) args: SatisfactionRatesArgs, @Ctx() ctx: Context) {
    return satisfactionRates(ctx, args);
  }
}
