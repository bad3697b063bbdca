import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { createCrudResolver } from '../../common/crud.js';
import { keyedHash } from '../../common/crypto.js';
import { Constituent } from './constituent.entity.js';
import { constituentFields } from './constituent.inputs.js';
import { validateConstituent } from './constituent.policy.js';
import { ConstituentPersonalData, revealConstituent } from './constituent.service.js';

export const constituentResource = createCrudResolver<Constituent>({
  entity: Constituent,
  name: 'Constituent',
  plural: 'Constituents',
  label: '群众',
  capability: 'reference',
  fields: constituentFields,
  filters: {
    // repeat writers: exact match through the keyed hash, never by decrypting (PR1)
    idNumber: {
      type: () => String,
      description: '按身份证号精确查找（不显示明文）',
      where: (value: string) => ({ idNumberHash: keyedHash(String(value)) }),
    },
  },
  pinyinSort: ['name'],
  validate: validateConstituent,
});

@Resolver()
export class ConstituentRevealResolver {
  @Mutation(() => ConstituentPersonalData, { description: '查看某位群众的完整个人信息，须说明理由（PR1）' })
  revealConstituent(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { description: '查看理由（2–200 字）' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<ConstituentPersonalData> {
    // PR1: audited in the access issue
    return revealConstituent(ctx, id, reason);
  }
}
