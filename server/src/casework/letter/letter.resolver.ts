import { MaxLength, MinLength } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { createCrudResolver, parseId } from '../../common/crud.js';
import { buildCreateArgs, normalizedForHash } from '../../common/fields.js';
import { keyedHash } from '../../common/crypto.js';
import { guardWriterProbe } from './letter.disclosure.js';
import { Letter } from './letter.entity.js';
import { letterFields, letterReadFields } from './letter.inputs.js';
import { validateLetter } from './letter.policy.js';
import { registerLetter, revealLetterWriter } from './letter.service.js';
import { acting, recordUpdateStep } from './letter.workflow.service.js';
import { actionableWhere } from './letter.actions.js';
import type { FilterQuery } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import { badInput } from '../../common/errors.js';
import { todayInChina } from '../../people/member/dates.js';
import { OPEN_LETTER } from './letter.deadlines.service.js';
import { idempotent } from '../../platform/idempotency/idempotency.service.js';

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
      description: '待我办理：我现在有推进办理的步骤可执行的来信（myActions 中 primary 为真的步骤）',
      where: (value: boolean, ctx) => (value ? actionableWhere(ctx, acting(ctx)) : { $not: actionableWhere(ctx, acting(ctx)) }) as any,
    },
    overdue: {
      type: () => Boolean,
      description: '是否超期：有未完成的时限已过到期日期（按 asOf，默认今天，北京时间）',
      where: (value: boolean, _ctx, filter) => overdueCondition(value, overdueAsOf(filter.asOf)),
    },
    // dashboards (station staff, members): the letters still in hand, by the same test the deadline lists use
    open: {
      type: () => Boolean,
      description: '办理中：尚未办结归档（或仍待向上级报告结果，PV2）的来信',
      where: (value: boolean) => (value ? OPEN_LETTER : ({ $not: OPEN_LETTER } as FilterQuery<Letter>)),
    },
    // repeat writers (PV1 registration): exact match through the keyed hash, never by decrypting (PR1);
    // refused like every writer probe to roles that do not see writers (PR2, guardWriterProbe)
    writerPhone: {
      type: () => String,
      description: '按来信人电话精确查找（查重复来信人，不显示明文）',
      where: (value: string) => ({ writerPhoneHash: keyedHash(normalizedForHash('phone', String(value))) }),
    },
    writerIdNumber: {
      type: () => String,
      description: '按来信人身份证号精确查找（查重复来信人，不显示明文）',
      where: (value: string) => ({ writerIdNumberHash: keyedHash(normalizedForHash('idNumber', String(value))) }),
    },
    asOf: {
      type: () => LocalDateResolver,
      description: '判断是否超期（overdue）的日期，默认今天（北京时间）',
      where: () => ({}),
    },
  },
  // an edit of the register is a step of the letter's workflow: its event, PV6's notice when flagged urgent
  onUpdate: ({ ctx, em, entity, before, changed }) => recordUpdateStep(ctx, em, entity, { urgency: before.urgency ?? null }, changed),
});

/** The day `overdue` is judged on: the filter's asOf, else today in China. */
function overdueAsOf(asOf: string | null | undefined): string {
  const day = asOf ?? todayInChina();
  if (day < '1900-01-01' || day > '2100-12-31') throw badInput('filter.asOf', '计算日期须在 1900 年至 2100 年之间');
  return day;
}

/** overdue: an open letter (by status) whose earliest unfinished due date is before `asOf`; false: the others. */
function overdueCondition(overdue: boolean, asOf: string): FilterQuery<Letter> {
  const yes = { $and: [{ nextDueOn: { $lt: asOf } }, OPEN_LETTER] } as FilterQuery<Letter>;
  if (overdue) return yes;
  return { $or: [{ nextDueOn: null }, { nextDueOn: { $gte: asOf } }, { $not: OPEN_LETTER }] } as FilterQuery<Letter>;
}

const CreateLetterArgs = buildCreateArgs('Letter', letterFields);

@ArgsType()
class RegisterLetterArgs extends CreateLetterArgs {
  @Field(() => String, {
    nullable: true,
    description: '幂等键（8–100 个字符，由客户端生成）：同一账号以同一键重试时返回首次登记的来信，不再重复登记',
  })
  idempotencyKey?: string | null;
}

/** Registration with the optional idempotency key (issue 12): a retry after a lost answer returns the first letter. */
function registerOnce(ctx: Context, operation: string, { idempotencyKey, ...args }: Record<string, any>) {
  return idempotent(ctx, operation, idempotencyKey, args, (c) => registerLetter(c, args, letterResource.service), (em, id) =>
    em.findOneOrFail(Letter, id),
  );
}

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
    return registerOnce(ctx, 'registerLetter', args);
  }

  @Mutation(() => Letter, { description: '新建来信（与 registerLetter 相同的登记）' })
  async createLetter(@Args(() => RegisterLetterArgs) args: Record<string, unknown>, @Ctx() ctx: Context) {
    return registerOnce(ctx, 'createLetter', args);
  }

  @Mutation(() => LetterWriterPersonalData, { description: '查看来信人完整身份信息（须说明原因，PR1）' })
  async revealLetterWriter(@Args(() => RevealLetterWriterArgs) { id, reason }: RevealLetterWriterArgs, @Ctx() ctx: Context) {
    return revealLetterWriter(ctx, parseId(id), reason);
  }
}
