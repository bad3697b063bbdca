import { assertReach, auditReveal } from '../../access/access.guard.js';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { decrypt } from '../../common/crypto.js';
import { badInput } from '../../common/errors.js';
import { parseId } from '../../common/crud.js';
import { Constituent } from './constituent.entity.js';

/** Full personal values of one constituent: not a resource, only the answer to a reveal (PR1). */
@ObjectType({ description: '群众个人信息（查看完整信息时返回，不是列表资源）' })
export class ConstituentPersonalData {
  @Field(() => ID, { description: '群众编号' })
  id!: number;

  @Field(() => String, { description: '姓名' })
  name!: string;

  @Field(() => String, { nullable: true, description: '联系电话' })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: '身份证号' })
  idNumber!: string | null;

  @Field(() => String, { nullable: true, description: '住址' })
  address!: string | null;
}

export const REVEAL_REASON_MIN = 2;
export const REVEAL_REASON_MAX = 200;

const plain = (stored?: string | null) => (stored ? decrypt(stored) : null);

/** PR1: a full value is revealed for one record with a stated reason. */
export async function revealConstituent(ctx: Context, id: unknown, reason: string): Promise<ConstituentPersonalData> {
  const pk = parseId(id);
  const why = reason.trim();
  if (why.length < REVEAL_REASON_MIN || why.length > REVEAL_REASON_MAX) {
    throw badInput('reason', `查看完整个人信息须说明理由（${REVEAL_REASON_MIN}–${REVEAL_REASON_MAX} 个字）`);
  }
  // PR1: only within the caller's reach (the role is checked by the access gate), and audited
  const c = await assertReach<Constituent>(ctx, 'Constituent', pk, 'read');
  await auditReveal(ctx, 'revealConstituent', 'Constituent', c.id, why);
  return {
    id: c.id,
    name: c.name,
    phone: plain(c.phoneEncrypted),
    idNumber: plain(c.idNumberEncrypted),
    address: plain(c.addressEncrypted),
  };
}
