import { todayInChina } from '../../people/member/dates.js';
import { LockMode, ref } from '@mikro-orm/core';
import type { Context } from '../../common/context.js';
import { parseId } from '../../common/crud.js';
import { AppError, badInput, conflict, notFound } from '../../common/errors.js';
import { hitRateLimit, rateLimited } from '../../common/rate-limit.js';
import { assertReach } from '../../access/access.guard.js';
import { pv5Sql } from '../../access/access.scope.js';
import { Letter } from '../letter/letter.entity.js';

import { findTransition, flowOf, RATABLE_STATUSES, STATUS_LABELS } from '../letter/letter.workflow.js';
import { escalateAfterRating, reopenLetter } from '../letter/letter.workflow.service.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { organizationResource } from '../../platform/organization/organization.resolver.js';
import { Reception } from '../../stations/reception/reception.entity.js';
import { requestIp } from '../../platform/session/session.service.js';
import { RatingMethod, RatingSource, SatisfactionRating, SatisfactionSurvey } from './satisfaction-survey.entity.js';

// ───────────────────────────── pure rules ─────────────────────────────

/** SV1: a letter can be rated once its writer has had an answer (a reply, a review's or re-review's answer). */
export { RATABLE_STATUSES };

/** What recorded a rating (SV1): staff record a call or a visit; a writer's paper form; online by tracking code. */
export function ratingMethodFor(source: RatingSource, method: RatingMethod | null | undefined): RatingMethod {
  if (source === RatingSource.STAFF) {
    if (method !== RatingMethod.PHONE && method !== RatingMethod.VISIT) {
      throw badInput('method', '工作人员代录的评价须注明回访方式：电话回访（PHONE）或当面回访（VISIT）（SV1）');
    }
    return method;
  }
  if (method != null && method !== RatingMethod.FORM) {
    throw badInput('method', '来信人自评由工作人员录入时为书面测评表（FORM）；网上评价请凭查询码提交');
  }
  return RatingMethod.FORM;
}

export type RatingConsequence = 'NONE' | 'REOPEN' | 'ESCALATE';

/**
 * SV2: a 不满意 reopens the letter for re-handling once; another 不满意 — or one the letter can no
 * longer be reopened after (复核 answered) — escalates it.
 */
export function ratingConsequence(
  rating: SatisfactionRating,
  letter: { reopenCount: number; earlierDissatisfied: number; canReopen: boolean },
): RatingConsequence {
  if (rating !== SatisfactionRating.DISSATISFIED) return 'NONE';
  if (letter.reopenCount === 0 && letter.earlierDissatisfied === 0 && letter.canReopen) return 'REOPEN';
  return 'ESCALATE';
}

/** A share rounded to 4 decimals (0.8333), or null when nothing was counted. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

/** The tracking code as printed (spaces, dashes and lower case forgiven), or null when it cannot be one. */
export function normalizeTrackingCode(code: string): string | null {
  const c = code.replace(/[\s-]/g, '').toUpperCase();
  return /^[2-9A-HJKMNP-Z]{12}$/.test(c) ? c : null;
}

// ───────────────────────────── rating ─────────────────────────────

export interface RatingInput {
  rating: SatisfactionRating;
  comment?: string | null;
}

export interface StaffRatingInput extends RatingInput {
  source: RatingSource;
  method?: RatingMethod | null;
}


/** The name on the timeline for a rating the writer made online. */
const ONLINE_WRITER = '来信人（网上评价）';

/**
 * Rates a letter inside the caller's transaction (SV1, SV2): the letter row is locked so concurrent
 * ratings queue; one rating per handling round; a 不满意 reopens or escalates.
 */
async function rateLetterIn(ctx: Context, letterId: number, input: RatingInput & { source: RatingSource; method: RatingMethod; recordedByName: string | null }): Promise<SatisfactionSurvey> {
  const { em } = ctx;
  const letter = await em.findOne(Letter, { id: letterId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!letter) throw notFound('来信', letterId, 'letterId');
  if (!RATABLE_STATUSES.includes(letter.status)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', `letterId：来信处于「${STATUS_LABELS[letter.status]}」状态，答复来信人后才能评价（SV1）`, {
      field: 'letterId',
      from: letter.status,
      action: 'rateLetter',
    });
  }
  const round = letter.reopenCount + 1;
  if (await em.count(SatisfactionSurvey, { letter: letterId, round })) {
    throw conflict(`letterId：来信第 ${round} 轮办理已经评价，每轮办理只评价一次（SV2）`, { field: 'letterId', round });
  }
  const earlierDissatisfied = await em.count(SatisfactionSurvey, { letter: letterId, rating: SatisfactionRating.DISSATISFIED });

  const survey = new SatisfactionSurvey();
  survey.letter = ref(letter);
  survey.rating = input.rating;
  survey.comment = input.comment?.trim() || null;
  survey.source = input.source;
  survey.method = input.method;
  survey.recordedByName = input.recordedByName;
  survey.round = round;
  em.persist(survey);

  // after 复核 the same matter is not handled again (LAW 第36条): a 不满意 can only escalate
  const canReopen = !letter.reReviewAnsweredOn && !!findTransition(flowOf(letter.channel), letter.status, 'reopenLetter');
  const consequence = ratingConsequence(input.rating, { reopenCount: letter.reopenCount, earlierDissatisfied, canReopen });
  const said = survey.comment ? `：${survey.comment}` : '';
  if (consequence === 'REOPEN') {
    survey.reopenedLetter = true;
    await em.flush();
    // an internal step of the rating: reopenLetter checks neither reach nor roles (the rating did)
    const actor = { ...ctx.actor, displayName: input.recordedByName ?? ONLINE_WRITER };
    await reopenLetter({ ...ctx, actor }, letterId, `来信人对第 ${round} 轮办理不满意${said}`);
  } else if (consequence === 'ESCALATE') {
    survey.escalatedLetter = true;
    await em.flush();
    const actor = { ...ctx.actor, displayName: input.recordedByName ?? ONLINE_WRITER };
    await escalateAfterRating({ ...ctx, actor }, letterId, `来信人对第 ${round} 轮办理仍不满意，上报领导${said}`);
  }
  await em.flush();
  return survey;
}

/** rateLetter: staff record a writer's rating of a replied letter, made by phone, in person or on a form (SV1, SV2). */
export async function rateLetter(ctx: Context, args: StaffRatingInput & { letterId: string }): Promise<SatisfactionSurvey> {
  const letterId = parseId(args.letterId, 'letterId');
  const method = ratingMethodFor(args.source, args.method);
  await assertReach(ctx, 'Letter', letterId, 'write');
  return ctx.em.transactional((em) =>
    rateLetterIn({ ...ctx, em }, letterId, { ...args, method, recordedByName: ctx.actor.displayName }),
  );
}

/** Attempts of the public rating per IP address and window: tracking codes are not to be guessed. */
export const PUBLIC_RATING_LIMIT = { limit: 20, windowSeconds: 600 };

/**
 * SV1: a rating with source WRITER made by the writer themself comes only through the public portal
 * (a later issue); the staff API refuses it with this error, naming the field.
 */
export function writerRatingRefused(): AppError {
  return new AppError('FORBIDDEN', 'source：来信人本人的评价（WRITER）只能经公开门户提交；工作人员代录请用 rateLetter', {
    field: 'source',
    reason: 'WRITER_RATING_PORTAL_ONLY',
    rule: 'SV1',
  });
}

/**
 * rateLetterByTrackingCode (SV1): the writer rates their replied letter online with its tracking code —
 * the public portal's operation (a later issue); the staff API no longer calls it (writerRatingRefused).: the writer rates their replied letter online with its
 * tracking code. An unknown code and a known one answer alike until the code matches.
 */
export async function rateLetterByTrackingCode(
  ctx: Context,
  args: RatingInput & { trackingCode: string },
): Promise<SatisfactionSurvey> {
  const hit = await hitRateLimit(ctx.em, `rate-letter:ip:${requestIp(ctx.req) ?? 'unknown'}`, PUBLIC_RATING_LIMIT);
  if (!hit.allowed) throw rateLimited(hit.retryAfterSeconds);
  const code = normalizeTrackingCode(args.trackingCode);
  const letter = code ? await ctx.em.findOne(Letter, { trackingCode: code }, { fields: ['id'] as any }) : null;
  if (!letter) throw new AppError('NOT_FOUND', 'trackingCode：查询码不正确，请核对后重试', { field: 'trackingCode' });
  return ctx.em.transactional((em) =>
    rateLetterIn({ ...ctx, em }, letter.id, {
      rating: args.rating,
      comment: args.comment,
      source: RatingSource.WRITER,
      method: RatingMethod.ONLINE,
      recordedByName: null,
    }),
  );
}

/** rateReception (SV1): a voter's rating of a reception that has been held, recorded by staff; each voter may rate. */
export async function rateReception(ctx: Context, args: StaffRatingInput & { receptionId: string }): Promise<SatisfactionSurvey> {
  const receptionId = parseId(args.receptionId, 'receptionId');
  const method = ratingMethodFor(args.source, args.method);
  await assertReach(ctx, 'Reception', receptionId, 'write');
  return ctx.em.transactional(async (em) => {
    const reception = await em.findOneOrFail(Reception, { id: receptionId });
    if (reception.heldOn > todayInChina()) throw badInput('receptionId', `接待活动定于 ${reception.heldOn}，举行后才能评价（SV1）`);
    const survey = new SatisfactionSurvey();
    survey.reception = ref(reception);
    survey.rating = args.rating;
    survey.comment = args.comment?.trim() || null;
    survey.source = args.source;
    survey.method = method;
    survey.recordedByName = ctx.actor.displayName;
    em.persist(survey);
    await em.flush();
    return survey;
  });
}

// ───────────────────────────── rates (SV3) ─────────────────────────────

export interface RateFigures {
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  satisfactionRate: number | null;
  concluded: number;
  resolved: number;
  resolutionRate: number | null;
}

export interface SatisfactionRatesValue extends RateFigures {
  organizationId: number | null;
  departmentId: number | null;
  from: string;
  to: string;
  /** Letter figures per lead department (letters not forwarded to a department are not listed). */
  departments: Array<RateFigures & { departmentId: number }>;
}

function figures(r: { satisfied?: unknown; basically?: unknown; dissatisfied?: unknown; concluded?: unknown; resolved?: unknown } | undefined): RateFigures {
  const satisfied = Number(r?.satisfied ?? 0);
  const basicallySatisfied = Number(r?.basically ?? 0);
  const dissatisfied = Number(r?.dissatisfied ?? 0);
  const rated = satisfied + basicallySatisfied + dissatisfied;
  const concluded = Number(r?.concluded ?? 0);
  const resolved = Number(r?.resolved ?? 0);
  return {
    rated,
    satisfied,
    basicallySatisfied,
    dissatisfied,
    satisfactionRate: rate(satisfied + basicallySatisfied, rated),
    concluded,
    resolved,
    resolutionRate: rate(resolved, concluded),
  };
}

/**
 * SV3, per organization (with its subtree), lead department and period — computed in SQL:
 * - satisfaction rate = (满意 + 基本满意) / rated, over the ratings made in the period (dates in China
 *   time) of letters and, unless a department is asked for, of receptions;
 * - resolution rate = resolved / concluded, over the letters concluded in the period (办结日期), a
 *   letter being resolved when its conclusion's outcome is RESOLVED.
 * Without an organization: every organization the caller reaches.
 */
export async function satisfactionRates(
  ctx: Context,
  args: { organizationId?: string | null; departmentId?: string | null; from: string; to: string },
): Promise<SatisfactionRatesValue> {
  if (args.from > args.to) throw badInput('to', '结束日期不能早于开始日期');
  const organizationId = args.organizationId == null ? null : parseId(args.organizationId, 'organizationId');
  const departmentId = args.departmentId == null ? null : parseId(args.departmentId, 'departmentId');
  if (organizationId !== null) await assertReach(ctx, 'Organization', organizationId, 'read');
  if (departmentId !== null) await assertReach(ctx, 'Department', departmentId, 'read');

  const visible = await ctx.em.find(Organization, organizationResource.service.where(ctx, {}), { fields: ['id'] as any });
  let orgIds = visible.map((o) => o.id);
  if (organizationId !== null) {
    const sub: Array<{ id: number }> = await ctx.em.getConnection().execute(
      `with recursive sub as (select id from organization where id = ? union all
         select o.id from organization o join sub on o.parent_id = sub.id)
       select id from sub`,
      [organizationId],
    );
    const inSub = new Set(sub.map((r) => Number(r.id)));
    orgIds = orgIds.filter((id) => inSub.has(id));
  }

  // PV5: letters that name the caller as involved count in none of its figures
  const pv5 = await pv5Sql(ctx, 'l.id');
  const rows: Array<{ is_total: boolean; department_id: number | null; satisfied: string; basically: string; dissatisfied: string; concluded: string; resolved: string }> =
    await ctx.em.getConnection().execute(
      `with params as (
         select ?::int[] as org_ids, ?::int as dept, (?::date)::timestamp at time zone 'Asia/Shanghai' as t0,
                (?::date + 1)::timestamp at time zone 'Asia/Shanghai' as t1, ?::date as d0, ?::date as d1
       ),
       ratings as (
         select l.lead_department_id as department_id, s.rating
         from satisfaction_survey s join letter l on l.id = s.letter_id, params p
         where l.organization_id = any(p.org_ids) and s.rated_at >= p.t0 and s.rated_at < p.t1
           and (p.dept is null or l.lead_department_id = p.dept) and ${pv5.sql}
         union all
         select null, s.rating
         from satisfaction_survey s join reception r on r.id = s.reception_id
           join liaison_station st on st.id = r.liaison_station_id, params p
         where st.organization_id = any(p.org_ids) and s.rated_at >= p.t0 and s.rated_at < p.t1 and p.dept is null
       ),
       concluded as (
         select l.lead_department_id as department_id, l.outcome
         from letter l, params p
         where l.organization_id = any(p.org_ids) and l.concluded_on between p.d0 and p.d1
           and (p.dept is null or l.lead_department_id = p.dept) and ${pv5.sql}
       ),
       facts as (
         select department_id, rating, null::text as outcome, false as is_concluded from ratings
         union all
         select department_id, null, outcome, true from concluded
       )
       select grouping(department_id) = 1 as is_total, department_id,
         count(*) filter (where rating = 'SATISFIED') as satisfied,
         count(*) filter (where rating = 'BASICALLY_SATISFIED') as basically,
         count(*) filter (where rating = 'DISSATISFIED') as dissatisfied,
         count(*) filter (where is_concluded) as concluded,
         count(*) filter (where is_concluded and outcome = 'RESOLVED') as resolved
       from facts group by grouping sets ((), (department_id))
       order by department_id`,
      [`{${orgIds.join(',')}}`, departmentId, args.from, args.to, args.from, args.to, ...pv5.params, ...pv5.params],
    );
  // the grand total is the row of the empty grouping set; then one row per lead department (null: none)
  const total = rows.find((r) => r.is_total);
  const perGroup = rows.filter((r) => !r.is_total);
  return {
    organizationId,
    departmentId,
    from: args.from,
    to: args.to,
    ...figures(total),
    departments: perGroup.filter((r) => r.department_id !== null).map((r) => ({ departmentId: Number(r.department_id), ...figures(r) })),
  };
}
