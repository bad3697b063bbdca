import { MaxLength, MinLength } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { createCrudResolver, parseId } from '../../common/crud.js';
import { buildCreateArgs } from '../../common/fields.js';
import { guardWriterProbe } from './letter.disclosure.js';
import { Letter } from './letter.entity.js';
import { letterFields, letterReadFields } from './letter.inputs.js';
import { validateLetter } from './letter.policy.js';
import { registerLetter, revealLetterWriter } from './letter.service.js';
import { acting, recordUpdateStep } from './letter.workflow.service.js';
import { actionableWhere } from './letter.actions.js';

/** Reads and `updateLetter` (descriptive fields only); registration is the verb below. */
export const letterResource = createCrudResolver<Letter>({
  entity: Letter,
  name: 'Letter',
  plural: 'Letters',
  label: '来信',
  capability: 'workflow',
  fields: letterFields,
  readFields: letterReadFields,
  defaultSort: { field: 'id', order: 'DESC' },
  validate: validateLetter,
  guardList: guardWriterProbe,
  filters: {
    actionableByMe: {
      type: () => Boolean,
      description: '我现在有可执行办理步骤的来信（与 myActions 一致）',
      where: (value: boolean, ctx) => (value ? actionableWhere(ctx, acting(ctx)) : { $not: actionableWhere(ctx, acting(ctx)) }) as any,
    },
  },
  // an edit of the register is a step of the letter's workflow: its event, PV6's notice when flagged urgent
  onUpdate: ({ ctx, em, entity, before, changed }) => recordUpdateStep(ctx, em, entity, { urgency: before.urgency ?? null }, changed),
});

const RegisterLetterArgs = buildCreateArgs('Letter', letterFields);

@ObjectType({ description: '来信人身份信息（完整值，仅经授权查看）' })
export class LetterWriterPersonalData {
  @Field(() => String, { nullable: true, description: '姓名' })
  writerName!: string | null;

  @Field(() => String, { nullable: true, description: '电话' })
  writerPhone!: string | null;

  @Field(() => String, { nullable: true, description: '身份证号' })
  writerIdNumber!: string | null;

  @Field(() => String, { nullable: true, description: '住址' })
  writerAddress!: string | null;
}

@ArgsType()
class RevealLetterWriterArgs {
  @Field(() => ID, { description: '来信编号' })
  id!: string;

  @Field(() => String, { description: '查看原因（2–200 字，记入审计）' })
  @MinLength(2, { message: '查看原因不少于 2 个字' })
  @MaxLength(200, { message: '查看原因不能超过 200 个字' })
  reason!: string;
}

@Resolver(() => Letter)
export class LetterVerbResolver {
  @Mutation(() => Letter, { description: '登记来信来访：分配编号（PV1），状态为已登记' })
  async registerLetter(@Args(() => RegisterLetterArgs) args: Record<string, unknown>, @Ctx() ctx: Context) {
    return registerLetter(ctx, args, letterResource.service);
  }

  @Mutation(() => Letter, { description: '新建来信（与 registerLetter 相同的登记）' })
  async createLetter(@Args(() => RegisterLetterArgs) args: Record<string, unknown>, @Ctx() ctx: Context) {
    return registerLetter(ctx, args, letterResource.service);
  }

  @Mutation(() => LetterWriterPersonalData, { description: '查看来信人完整身份信息（须说明原因，PR1）' })
  async revealLetterWriter(@Args(() => RevealLetterWriterArgs) { id, reason }: RevealLetterWriterArgs, @Ctx() ctx: Context) {
    return revealLetterWriter(ctx, parseId(id), reason);
  }
}
