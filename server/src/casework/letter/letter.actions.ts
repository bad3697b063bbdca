/**
 * "Which steps may I take on this letter now" (`Letter.myActions`) and "letters where I have a step
 * to take" (`LetterFilter.actionableByMe`). Both run what the verbs run: the table's row for the
 * letter's flow and status, the row's roles (and the operation's, access.operations.ts), the write
 * reach (PR3, PV5) and the verb's rules (letter.rules.ts) — in memory for a page of letters, in SQL
 * for the list.
 */
import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { OPERATIONS } from '../../access/access.operations.js';
import { scopeCondition } from '../../access/access.scope.js';
import type { Context } from '../../common/context.js';
import { AppError } from '../../common/errors.js';
import { Letter } from './letter.entity.js';
import { LetterChannel } from './letter.enums.js';
import { brokenRule, rulesWhere, type ActorFacts } from './letter.rules.js';
import { ACTION_LABELS, flowOf, isPrimaryAction, isStepAction, LetterFlow, TRANSITIONS, type LetterAction, type Transition } from './letter.workflow.js';
import { acting } from './letter.workflow.service.js';

@ObjectType({ description: '我现在可以执行的办理步骤' })
export class LetterActionOption {
  @Field(() => String, { description: '步骤（mutation 名）' })
  action!: string;

  @Field(() => String, { description: '名称' })
  label!: string;

  @Field(() => Boolean, { description: '推进办理的步骤（计入“待我办理”）；否则为随时可做的辅助步骤（延期、移交、作废等）' })
  primary!: boolean;
}

/** Whether the operation's gate lets one of the actor's roles through. */
function gateAllows(action: LetterAction, roles: readonly string[]): boolean {
  const rule = OPERATIONS[action];
  return Array.isArray(rule) && rule.some((r) => roles.includes(r));
}

/** The rows the actor could take by role: steps (not the record's own edits, not the system's), with gate and row roles. */
function rowsFor(actor: ActorFacts): Transition[] {
  const roles = actor.roles ?? [];
  return TRANSITIONS.filter((t) => t.from !== null && isStepAction(t.action) && t.roles.some((r) => roles.includes(r)) && gateAllows(t.action, roles));
}

/** The write scope of letters, or null when the actor may write none (FORBIDDEN). */
function writeScope(ctx: Context): FilterQuery<Letter> | null {
  try {
    return (scopeCondition(ctx, 'Letter', 'write') ?? {}) as FilterQuery<Letter>;
  } catch (e) {
    if (e instanceof AppError && e.extensions.code === 'FORBIDDEN') return null;
    throw e;
  }
}

/** The steps `actor` may take on `letter`, given that it lies in their write reach. */
export function actionsOn(letter: Letter, actor: ActorFacts): LetterActionOption[] {
  const flow = flowOf(letter.channel);
  const out: LetterActionOption[] = [];
  for (const t of rowsFor(actor)) {
    if (t.flow !== flow || t.from !== letter.status || out.some((o) => o.action === t.action)) continue;
    if (brokenRule(letter, actor, t)) continue;
    out.push({ action: t.action, label: ACTION_LABELS[t.action], primary: isPrimaryAction(t.action) });
  }
  return out;
}

const CHANNELS_OF: Record<LetterFlow, LetterChannel[]> = {
  OFFICE: Object.values(LetterChannel).filter((c) => flowOf(c) === LetterFlow.OFFICE),
  MAILBOX: [LetterChannel.MAILBOX],
  RECEPTION: [LetterChannel.RECEPTION],
};

/**
 * `actionableByMe: true` as one SQL condition: some row of a primary step (the letter's next piece of
 * work) the actor may take, its rules holding, in reach.
 */
export function actionableWhere(ctx: Context, actor: ActorFacts): FilterQuery<Letter> {
  const scope = writeScope(ctx);
  const or: FilterQuery<Letter>[] = [];
  for (const t of rowsFor(actor).filter((r) => isPrimaryAction(r.action))) {
    const rules = rulesWhere(actor, t);
    or.push({ channel: { $in: CHANNELS_OF[t.flow] }, status: t.from, ...(Object.keys(rules).length ? { $and: [rules] } : {}) } as FilterQuery<Letter>);
  }
  if (scope === null || or.length === 0) return { id: null } as FilterQuery<Letter>;
  return { $and: [scope, { $or: or }] } as FilterQuery<Letter>;
}

interface RequestActions {
  actor: ActorFacts;
  reach: DataLoader<number, boolean>;
}
const perRequest = new WeakMap<object, RequestActions>();

/** One actor look-up and one reach query per request, whatever the page size. */
function requestActions(ctx: Context): RequestActions {
  const key = (ctx.req ?? ctx) as object;
  let r = perRequest.get(key);
  if (!r) {
    r = {
      actor: acting(ctx),
      reach: new DataLoader<number, boolean>(async (ids) => {
        const scope = writeScope(ctx);
        if (scope === null) return ids.map(() => false);
        const found = await ctx.em.find(Letter, { $and: [{ id: { $in: [...ids] } }, scope] } as FilterQuery<Letter>, { fields: ['id'] });
        const inReach = new Set(found.map((l) => l.id));
        return ids.map((id) => inReach.has(id));
      }),
    };
    perRequest.set(key, r);
  }
  return r;
}

/** Letter.myActions. */
export async function myActions(ctx: Context, letter: Letter): Promise<LetterActionOption[]> {
  const r = requestActions(ctx);
  const actor = await r.actor;
  if (!actor.roles || rowsFor(actor).length === 0) return [];
  if (!(await r.reach.load(letter.id))) return [];
  return actionsOn(letter, actor);
}
