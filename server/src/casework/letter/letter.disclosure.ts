import { MaxLength, MinLength } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Int, Mutation, Resolver } from 'type-graphql';
import { assertReach } from '../../access/access.guard.js';
import { Role } from '../../platform/account/role.js';
import type { Context } from '../../common/context.js';
import { AppError, staleVersion } from '../../common/errors.js';
import { isScopeActor } from '../../access/access.scope.js';
import { TRACKING_CODE_READERS } from '../../access/access.table.js';
import { Letter } from './letter.entity.js';

/** The Letter fields that identify the writer (PR2). */
export const WRITER_IDENTITY_FIELDS: ReadonlySet<string> = new Set([
  'writerName',
  'writerUnit',
  'writerPhoneMasked',
  'writerIdNumberMasked',
  'writerAddressMasked',
  'constituentId',
  'writerPhone',
  'writerIdNumber',
]);

/** Roles that work with the writer and so see who wrote (masked where personal, PR1). */
const SEES_WRITER: readonly Role[] = [Role.OFFICE_STAFF, Role.LEADER, Role.MEMBER, Role.STATION_STAFF];

/**
 * PR2: a department handler sees a letter forwarded to them without the writer's identity, unless the
 * office disclosed it. Asked for every writer field of every letter a response carries.
 */
export function hidesWriterFrom(ctx: Context, letter: Letter): boolean {
  return !seesWriters(ctx) && !letter.writerDisclosedAt;
}

/** What the other roles read in place of a tracking code. */
export const TRACKING_CODE_MASK = '********';

/** The tracking code only for the roles that give it to writers (TRACKING_CODE_READERS, access.table.ts). */
export function hidesTrackingCodeFrom(ctx: Context): boolean {
  const actor = ctx.actor;
  return isScopeActor(actor) && !actor.roles.some((r) => TRACKING_CODE_READERS.includes(r));
}

function seesWriters(ctx: Context): boolean {
  const actor = ctx.actor;
  return !isScopeActor(actor) || actor.roles.some((r) => SEES_WRITER.includes(r));
}

/**
 * PR2: whoever may not see writers may not sort or filter letters by them either (the order of a
 * list, or which letters share a constituent, would tell who wrote).
 */
export function guardWriterProbe(ctx: Context, args: { sortField?: string | null; filter?: Record<string, unknown> | null }): void {
  if (seesWriters(ctx)) return;
  if (args.sortField && WRITER_IDENTITY_FIELDS.has(args.sortField)) {
    throw new AppError('FORBIDDEN', `sortField：不能按来信人信息排序（PR2）`, { field: 'sortField', reason: 'WRITER_HIDDEN' });
  }
  const probe = Object.keys(args.filter ?? {}).find((k) => WRITER_IDENTITY_FIELDS.has(k));
  if (probe) throw new AppError('FORBIDDEN', `filter.${probe}：不能按来信人信息筛选（PR2）`, { field: `filter.${probe}`, reason: 'WRITER_HIDDEN' });
}

@ArgsType()
class DiscloseLetterWriterArgs {
  @Field(() => ID, { description: '来信编号' })
  id!: string;

  @Field(() => Int, { nullable: true, description: '版本号（发现并发修改）' })
  version?: number;

  @Field(() => String, { description: '披露理由（2–200 字，记入审计）' })
  @MinLength(2, { message: '披露理由不少于 2 个字' })
  @MaxLength(200, { message: '披露理由不能超过 200 个字' })
  reason!: string;
}

@Resolver(() => Letter)
export class LetterDisclosureResolver {
  @Mutation(() => Letter, { description: '向承办单位披露来信人身份（须说明理由，PR2）' })
  async discloseLetterWriter(@Args(() => DiscloseLetterWriterArgs) { id, version, reason }: DiscloseLetterWriterArgs, @Ctx() ctx: Context) {
    return ctx.em.transactional(async (tx) => {
      const letter = await assertReach<Letter>({ ...ctx, em: tx }, 'Letter', id, 'write');
      if (version != null && version !== letter.version) throw staleVersion('来信', letter.id, version, letter.version);
      letter.writerDisclosedAt = new Date();
      letter.writerDisclosureReason = reason.trim();
      await tx.flush();
      return letter;
    });
  }
}
