import { IsOptional, Max, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { LiaisonStation } from '../liaison-station/liaison-station.entity.js';
import { Member } from '../../people/member/member.entity.js';
import {
  deputiesWithoutReceptionThisYear,
  stationsWithoutRecentReception,
  stationsWithTooFewDeputies,
  type StationReceptionGapValue,
} from './reception.compliance.js';

@ObjectType({ description: '接待活动不足的联络站（ST2：每两个月至少一次）' })
export class StationReceptionGap {
  @Field(() => ID, { description: '代表联络站' })
  liaisonStationId!: number;

  @Field(() => String, { description: '联络站名称' })
  liaisonStationName!: string;

  @Field(() => ID, { description: '所属工作机构' })
  organizationId!: number;

  @Field(() => LocalDateResolver, { nullable: true, description: '最近一次接待日期（从未接待为空）' })
  lastReceptionOn!: string | null;

  @Field(() => LocalDateResolver, { description: '应在此日期以后（含）接待过一次' })
  dueSince!: string;

  static of(v: StationReceptionGapValue): StationReceptionGap {
    return Object.assign(new StationReceptionGap(), {
      liaisonStationId: v.liaisonStation.id,
      liaisonStationName: v.liaisonStation.name,
      organizationId: v.liaisonStation.organization.id,
      lastReceptionOn: v.lastReceptionOn,
      dueSince: v.dueSince,
    });
  }
}

@ArgsType()
class StationComplianceArgs {
  @Field(() => ID, { nullable: true, description: '人大（不填为可见范围内全部）' })
  bodyId?: string | null;
}

@ArgsType()
class RecentReceptionArgs extends StationComplianceArgs {
  @Field(() => LocalDateResolver, { nullable: true, description: '检查日期（默认今天）' })
  asOf?: string | null;
}

@ArgsType()
class DeputyReceptionArgs extends StationComplianceArgs {
  @Field(() => Int, { nullable: true, description: '年度（默认今年）' })
  // without it, the range checks refuse a call that leaves the year out
  @IsOptional()
  @Min(1950, { message: '年度不能早于 1950' })
  @Max(2100, { message: '年度不能晚于 2100' })
  year?: number | null;
}

/** Deputy liaison station compliance (ST1, ST2): shortfalls are listed, never refused. */
@Resolver()
export class ReceptionComplianceResolver {
  @Query(() => [StationReceptionGap], { description: 'ST2：近两个月未开展接待活动的联络站（网上联络站除外）' })
  async stationsWithoutRecentReception(@Args(() => RecentReceptionArgs) args: RecentReceptionArgs, @Ctx() ctx: Context) {
    return (await stationsWithoutRecentReception(ctx, args)).map(StationReceptionGap.of);
  }

  @Query(() => [Member], { description: 'ST2：本年度尚未参加过接待活动的人大代表' })
  async deputiesWithoutReceptionThisYear(@Args(() => DeputyReceptionArgs) args: DeputyReceptionArgs, @Ctx() ctx: Context) {
    return deputiesWithoutReceptionThisYear(ctx, args);
  }

  @Query(() => [LiaisonStation], { description: 'ST1：在任进站代表少于 2 名的联络站' })
  async stationsWithTooFewDeputies(@Args(() => StationComplianceArgs) args: StationComplianceArgs, @Ctx() ctx: Context) {
    return stationsWithTooFewDeputies(ctx, args);
  }
}
