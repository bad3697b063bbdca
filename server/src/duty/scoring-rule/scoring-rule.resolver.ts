import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { createCrudResolver, parseId } from '../../common/crud.js';
import type { Context } from '../../common/context.js';
import { scopeCondition } from '../../access/access.scope.js';
import { badInput, notFound } from '../../common/errors.js';
import { Body } from '../../platform/body/body.entity.js';
import { ScoringRule } from './scoring-rule.entity.js';
import { scoringRuleFields } from './scoring-rule.inputs.js';
import { validateScoringRule } from './scoring-rule.policy.js';
import { defaultScoringRules } from './scoring-rule.defaults.js';

export const scoringRuleResource = createCrudResolver<ScoringRule>({
  entity: ScoringRule,
  name: 'ScoringRule',
  plural: 'ScoringRules',
  label: '考核规则',
  capability: 'reference',
  fields: scoringRuleFields,
  validate: validateScoringRule,
});

@Resolver(() => ScoringRule)
export class ScoringRuleDefaultsResolver {
  /** PF1: fills a body's year with the default rules of its kind, keeping rules already there. */
  @Mutation(() => [ScoringRule], { description: '为某机构某年度补齐默认考核规则（已有的指标不变），返回该年度全部规则' })
  async installDefaultScoringRules(
    @Arg('bodyId', () => ID) bodyId: string,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: Context,
  ): Promise<ScoringRule[]> {
    if (year < 1949 || year > 2100) throw badInput('year', '年度须在 1949 到 2100 之间');
    const id = parseId(bodyId, 'bodyId');
    return ctx.em.transactional(async (tx) => {
      // PR3 (fix): only a body within the caller's reach; any body of the installation was filled before
      const scope = scopeCondition(ctx, 'Body', 'read');
      const body = await tx.findOne(Body, scope ? { $and: [{ id }, scope] } : { id });
      if (!body) throw notFound('机构', bodyId, 'bodyId');
      const existing = await tx.find(ScoringRule, { body: id, year });
      for (const t of defaultScoringRules(body.kind)) {
        if (existing.some((r) => r.memberKind === t.memberKind && r.measure === t.measure)) continue;
        tx.persist(Object.assign(new ScoringRule(), t, { body: tx.getReference(Body, id, { wrapped: true }), year }));
      }
      await tx.flush();
      return tx.find(ScoringRule, { body: id, year }, { orderBy: { id: 'asc' } });
    });
  }
}
