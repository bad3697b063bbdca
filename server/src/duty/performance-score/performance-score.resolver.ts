import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { createCrudResolver, parseId } from '../../common/crud.js';
import type { Context } from '../../common/context.js';
import { scopeCondition } from '../../access/access.scope.js';
import { float, int, ref } from '../../common/fields.js';
import { Member } from '../../people/member/member.entity.js';
import { PerformanceScore } from './performance-score.entity.js';
import { computePerformanceScores } from './performance-score.service.js';

export const performanceScoreResource = createCrudResolver<PerformanceScore>({
  entity: PerformanceScore,
  name: 'PerformanceScore',
  plural: 'PerformanceScores',
  label: '考核得分',
  capability: 'readonly',
  fields: {},
  readFields: {
    memberId: ref(() => Member, '委员 / 代表'),
    year: int('年度'),
    total: float('总分'),
  },
  filters: {
    bodyId: { type: () => ID, description: '所属机构（政协/人大）', where: (v) => ({ member: { body: parseId(v, 'filter.bodyId') } }) },
  },
  defaultSort: { field: 'total', order: 'DESC' },
});

@Resolver(() => PerformanceScore)
export class PerformanceScoreResolver {
  @Mutation(() => Int, { description: '按考核规则重新计算某机构某年度全体委员 / 代表的履职档案与得分，返回计分人数（LO3、PF1、PF2）' })
  async computePerformanceScores(
    @Arg('bodyId', () => ID) bodyId: string,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: Context,
  ): Promise<number> {
    // PR3 (fix): only a body within the caller's reach; any body of the installation was scored before
    return computePerformanceScores(ctx.em, parseId(bodyId, 'bodyId'), year, scopeCondition(ctx, 'Body', 'read'));
  }
}
