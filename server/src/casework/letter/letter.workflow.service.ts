import { DeadlineLoader, storeLetterDeadlines } from './letter.deadlines.service.js';
import { todayInChina } from '../../people/member/dates.js';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertReach } from '../../access/access.guard.js';
import { isScopeActor } from '../../access/access.scope.js';
import { ROLE_LABELS } from '../../platform/account/role.js';
import { Account } from '../../platform/account/account.entity.js';
import { Body, BodyKind } from '../../platform/body/body.entity.js';
import type { Context } from '../../common/context.js';
import { MAX_PER_PAGE, resourceRegistry } from '../../common/crud.js';
import { AppError, badInput, conflict, notFound, staleVersion } from '../../common/errors.js';
import { Department } from '../department/department.entity.js';
import { Leader } from '../../people/leader/leader.entity.js';
import { LetterEvent } from '../letter-event/letter-event.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { OpinionReport } from '../../duty/opinion-report/opinion-report.entity.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Proposal, ProposalStatus } from '../../duty/proposal/proposal.entity.js';
import { isSessionActor } from '../../platform/session/session.service.js';
import { Suggestion } from '../../duty/suggestion/suggestion.entity.js';
import { Letter } from './letter.entity.js';
import { letterFields } from './letter.inputs.js';
import { notifyPhase, type Before } from './letter.notify.js';
import { brokenRule, type ActorFacts } from './letter.rules.js';
import { letterText, namedDepartments, type NamedDepartment } from './letter.naming.js';
import {
  EscalationLevel,
  LetterCategory,
  LetterConversion,
  LetterOutcome,
  LetterStatus,
  ReplyMethod,
  Urgency,
} from './letter.enums.js';

import {
  ACTION_LABELS,
  ESCALATION_LADDER,
  MAX_EXTENSION_DAYS,
  REVIEW_WINDOW_DAYS,
  UNRESOLVED_STATUSES,
  flowOf,
  isPrincipalLeader,
  isWithinReviewWindow,
  reviewWindowEnd,
  mayTake,
  nextEscalationLevel,
  transitionFor,
  LetterFlow,
  STATUS_LABELS,
  type LetterAction,
  type Transition,
} from './letter.workflow.js';

/**
 * The workflow verbs of issue 5. Each verb: the letter in the caller's reach (assertReach), its
 * version when given (CONFLICT when stale), the step from the transition table (TRANSITION_NOT_ALLOWED
 * otherwise), the step's roles, the verb's own rules, then the state change and its LetterEvent in one
 * transaction — a refused request writes nothing.
 */

const LETTER = '来信';

/** The actor of a request, with whether their leader is a principal one (PV2: who decides important letters). */
export function acting(ctx: Context): ActorFacts {
  const a = ctx.actor;
  if (isSessionActor(a)) {
    const principal = isScopeActor(a) ? a.leaderIsPrincipal : null;
    return {
      name: a.displayName,
      accountId: a.accountId,
      roles: a.roles,
      departmentId: a.departmentId,
      leaderId: a.leaderId,
      memberId: a.memberId,
      leader: a.leaderId != null && principal != null ? { isPrincipal: principal } : null,
    };
  }
  return { name: a.displayName, accountId: a.accountId ?? null, roles: null, departmentId: null, leaderId: null, memberId: null, leader: null };
}

interface Step {
  em: EntityManager;
  /** The calendar, policies and events of this step, loaded once: its rules and its stored deadlines share them. */
  loader: DeadlineLoader;
  ctx: Context;
  letter: Letter;
  actor: ActorFacts;
  flow: LetterFlow;
  transition: Transition;
}

export interface VerbOptions {
  version?: number | null;
  /** false for internal callers (SV2 from a rating): no reach, role or actor rule is checked. */
  checkAccess?: boolean;
}

const ID_RE = /^[1-9]\d{0,9}$/;
const pkOf = (id: unknown): number | null => (ID_RE.test(String(id)) && Number(id) <= 2147483647 ? Number(id) : null);

/** Loads and locks a letter for a step, in the caller's reach; checks the version. */
async function loadForStep(em: EntityManager, ctx: Context, id: unknown, opts: VerbOptions, field = 'id'): Promise<Letter> {
  const pk = pkOf(id);
  const letter = pk === null ? null : await em.findOne(Letter, { id: pk }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!letter) throw notFound(LETTER, id, field);
  if (opts.checkAccess !== false) await assertReach({ ...ctx, em }, 'Letter', pk, 'write');
  if (opts.version != null && opts.version !== letter.version) throw staleVersion(LETTER, letter.id, opts.version, letter.version);
  return letter;
}

/** The step for the letter and whether the caller may take it: the table's row and roles, then the verb's rules. */
function stepFor(letter: Letter | null, flow: LetterFlow, action: LetterAction, actor: ActorFacts, checkAccess: boolean): Transition {
  const t = transitionFor(flow, letter?.status ?? null, action);
  if (checkAccess && actor.roles && !mayTake(t, actor.roles)) {
    throw new AppError('FORBIDDEN', `${action}（${ACTION_LABELS[action]}）此步骤需要以下角色之一：${t.roles.map((r) => ROLE_LABELS[r]).join('、')}`, {
      reason: 'ROLE_REQUIRED',
      roles: [...t.roles],
    });
  }
  if (letter) {
    const broken = brokenRule(letter, checkAccess ? actor : { ...actor, roles: null }, t, true);
    if (broken) throw broken.refusal(letter, actor);
  }
  return t;
}

function appendEvent(em: EntityManager, letter: Letter, action: string, from: LetterStatus | null, to: LetterStatus, actor: ActorFacts, note: string | null) {
  em.persist(LetterEvent.of(letter, { action, fromStatus: from, toStatus: to, actorName: actor.name, note }));
}

const beforeOf = (letter: Letter): Before => ({ urgency: letter.urgency ?? null });

/**
 * The end of every change of a letter, inside its transaction: the move, its one LetterEvent, the
 * notify phase (letter.notify.ts), then the flush.
 */
async function finishStep(
  em: EntityManager,
  letter: Letter,
  t: Transition,
  actor: ActorFacts,
  before: Before,
  note: string | null,
  loader = new DeadlineLoader(em),
): Promise<void> {
  const from = t.from;
  letter.status = t.to;
  appendEvent(em, letter, t.action, from, t.to, actor, note);
  await storeLetterDeadlines(em, [letter], loader); // DL1: the letter's current due dates, stored in the step's transaction
  await notifyPhase(em, letter, t.action, before, note, actor.accountId);
  await em.flush();
}

/** One step of one letter: load, check, apply, move, record, notify. `apply` returns the event's note. */
async function step(
  ctx: Context,
  id: unknown,
  action: LetterAction,
  opts: VerbOptions,
  apply: (s: Step) => Promise<string | null> | string | null,
): Promise<Letter> {
  const actor = acting(ctx);
  const checkAccess = opts.checkAccess !== false;
  return ctx.em.transactional(async (em) => {
    const letter = await loadForStep(em, ctx, id, opts);
    const transition = stepFor(letter, flowOf(letter.channel), action, actor, checkAccess);
    const before = beforeOf(letter);
    const loader = new DeadlineLoader(em);
    const note = await apply({ em, loader, ctx: { ...ctx, em }, letter, actor, flow: transition.flow, transition });
    await finishStep(em, letter, transition, actor, before, note, loader);
    return letter;
  });
}

/**
 * registerLetter's step (PV1): the new letter, filled by the caller inside `em`'s transaction, becomes
 * REGISTERED through the table's registration row, with its event and notifications (PV6).
 */
export async function registrationStep(ctx: Context, em: EntityManager, letter: Letter, note: string): Promise<void> {
  const actor = acting({ ...ctx, em });
  const t = stepFor(null, flowOf(letter.channel), 'registerLetter', actor, true);
  await finishStep(em, letter, t, actor, { urgency: null }, note);
}

/**
 * updateLetter's step: the descriptive fields changed by the record's form (crud.ts), inside its
 * transaction; `before` is the letter as it was read. The event names the fields changed.
 */
export async function recordUpdateStep(ctx: Context, em: EntityManager, letter: Letter, before: Before, changed: string[]): Promise<void> {
  const actor = acting({ ...ctx, em });
  const t = stepFor(letter, flowOf(letter.channel), 'updateLetter', actor, true);
  const labels = changed.map((f) => letterFields[f]?.description ?? f);
  await finishStep(em, letter, t, actor, before, `修改登记信息：${labels.join('、') || '无变化'}`);
}

// ── argument rules ──

const withNote = (text: string, note?: string | null) => (note?.trim() ? `${text}；备注：${note.trim()}` : text);

function requiredText(field: string, value: string | null | undefined, label: string): string {
  const v = value?.trim();
  if (!v) throw badInput(field, `须填写${label}`);
  return v;
}

const optionalText = (value: string | null | undefined) => value?.trim() || null;

/** A date that is not in the future and not before `notBefore` (with its label). */
function dateArg(field: string, value: string, notBefore?: [string | null | undefined, string]): string {
  if (value > todayInChina()) throw badInput(field, '日期不能晚于今天');
  if (notBefore?.[0] && value < notBefore[0]) throw badInput(field, `日期不能早于${notBefore[1]}（${notBefore[0]}）`);
  return value;
}

/** The day of a step: the given date, else today. */
const dayOf = (field: string, value: string | null | undefined, notBefore?: [string | null | undefined, string]) =>
  dateArg(field, value ?? todayInChina(), notBefore);

const received = (l: Letter): [string, string] => [l.receivedOn, '收到日期'];

/** The writer is told (LAW 第23条, 第34条) unless they stayed anonymous (PR4) and cannot be reached. */
function writerNotified(letter: Letter, value: string | null | undefined, what: string): string | null {
  if (!value) {
    if (letter.isAnonymous) return null;
    throw badInput('writerNotifiedOn', `实名来信须记录告知来信人${what}的日期`);
  }
  return dateArg('writerNotifiedOn', value, received(letter));
}

/** Records of `resource` by id within the caller's reach for `mode`; a missing one is NOT_FOUND naming `field`. */
async function reachable<T>(ctx: Context, resource: string, label: string, ids: number[], field: string, mode: 'read' | 'write' = 'read'): Promise<T[]> {
  if (!ids.length) return [];
  const def = resourceRegistry.find((d) => d.name === resource)!;
  const found = (await ctx.em.find(def.entity, def.service!.where(ctx, { ids }, mode) as FilterQuery<any>)) as any[];
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw notFound(label, missing.join(','), field);
  return ids.map((id) => found.find((f) => f.id === id));
}

function parseIds(field: string, values: readonly unknown[] | null | undefined): number[] {
  const out: number[] = [];
  for (const v of values ?? []) {
    const pk = pkOf(v);
    if (pk === null) throw badInput(field, `编号 “${String(v)}” 格式不正确`);
    if (!out.includes(pk)) out.push(pk);
  }
  return out;
}

async function bodyOf(em: EntityManager, letter: Letter): Promise<Body> {
  const org = await em.findOneOrFail(Organization, letter.organization.id);
  return em.findOneOrFail(Body, org.body.id);
}

// ── the office flow (003, LAW) ──

export interface AcceptLetterInput extends VerbOptions {
  writerNotifiedOn?: string | null;
  repeatOfLetterId?: string | null;
  note?: string | null;
}

/** 受理 (PV2): the writer is told (LAW 第23条); a matter closed by 复核 is not accepted again (LAW 第36条). */
export function acceptLetter(ctx: Context, id: unknown, input: AcceptLetterInput): Promise<Letter> {
  return step(ctx, id, 'acceptLetter', input, async ({ ctx: c, letter }) => {
    if (input.repeatOfLetterId != null) {
      const [earlierId] = parseIds('repeatOfLetterId', [input.repeatOfLetterId]);
      const [earlier] = await reachable<Letter>(c, 'Letter', LETTER, [earlierId], 'repeatOfLetterId');
      if (earlier.reReviewAnsweredOn) {
        throw badInput('repeatOfLetterId', `同一事项已于 ${earlier.reReviewAnsweredOn} 复核答复（${earlier.serialNumber}），不再受理（LAW 第36条）；请不予受理或合并`, {
          rule: 'PV3',
        });
      }
    }
    letter.writerNotifiedOn = writerNotified(letter, input.writerNotifiedOn, '受理');
    const told = letter.writerNotifiedOn ? `，已于 ${letter.writerNotifiedOn} 告知来信人` : '';
    return withNote(`受理${told}`, input.note);
  });
}

export interface DeclineLetterInput extends VerbOptions {
  reason: string;
  writerNotifiedOn?: string | null;
  note?: string | null;
}

/** 不予受理 (PV2) with its reason; the writer is told (LAW 第23条). */
export function declineLetter(ctx: Context, id: unknown, input: DeclineLetterInput): Promise<Letter> {
  return step(ctx, id, 'declineLetter', input, ({ letter }) => {
    const reason = requiredText('reason', input.reason, '不予受理的理由');
    letter.writerNotifiedOn = writerNotified(letter, input.writerNotifiedOn, '不予受理');
    letter.declineReason = reason;
    const told = letter.writerNotifiedOn ? `，已于 ${letter.writerNotifiedOn} 告知来信人` : '';
    return withNote(`不予受理：${reason}${told}`, input.note);
  });
}

export interface ProposeHandlingInput extends VerbOptions {
  opinion: string;
  note?: string | null;
}

/** 拟办 (PV2): staff propose how to handle the letter. */
export function proposeHandling(ctx: Context, id: unknown, input: ProposeHandlingInput): Promise<Letter> {
  return step(ctx, id, 'proposeHandling', input, ({ letter, actor }) => {
    letter.proposedHandling = requiredText('opinion', input.opinion, '拟办意见');
    letter.proposedBy = actor.name;
    return withNote(`拟办意见：${letter.proposedHandling}`, input.note);
  });
}

export interface DecideLetterInput extends VerbOptions {
  decision: string;
  leaderId?: string | null;
  decidedOn?: string | null;
  note?: string | null;
}

/** 批示 (PV2): a leader of the letter's body; an important letter needs a principal leader. */
export function decideLetter(ctx: Context, id: unknown, input: DecideLetterInput): Promise<Letter> {
  return step(ctx, id, 'decideLetter', input, async ({ em, ctx: c, letter, actor }) => {
    const decision = requiredText('decision', input.decision, '批示意见');
    const given = input.leaderId != null ? pkOf(input.leaderId) : null;
    if (input.leaderId != null && given === null) throw badInput('leaderId', `编号 “${input.leaderId}” 格式不正确`);
    if (given !== null && actor.leaderId != null && given !== actor.leaderId) {
      throw badInput('leaderId', '领导只能以本人名义批示');
    }
    const leaderId = given ?? actor.leaderId;
    if (leaderId == null) throw badInput('leaderId', '须注明批示领导');
    const [leader] = await reachable<Leader>(c, 'Leader', '领导', [leaderId], 'leaderId');
    const body = await bodyOf(em, letter);
    if (leader.body.id !== body.id) throw badInput('leaderId', `批示领导须为${body.name}的领导`);
    if (letter.isImportant && !isPrincipalLeader(leader)) {
      throw badInput('leaderId', `重要来信须送主要领导批示（PV2），${leader.name}不是主要领导`, { rule: 'PV2' });
    }
    letter.decision = decision;
    letter.decidedOn = dayOf('decidedOn', input.decidedOn, received(letter));
    letter.decidedByLeader = em.getReference(Leader, leader.id, { wrapped: true });
    return withNote(`${leader.name}批示：${decision}`, input.note);
  });
}

export interface ForwardLetterInput extends VerbOptions {
  leadDepartmentId: string;
  coHandlerDepartmentIds?: string[] | null;
  /** PV7: the deputy secretary-general who coordinates; required when there are co-handlers. */
  coordinatorLeaderId?: string | null;
  forwardedOn?: string | null;
  /** PV5 (issue 12): the reason to forward to a unit the letter's text names but does not list as involved. */
  confirmNamedDepartment?: string | null;
  note?: string | null;
}

/**
 * 转办 (PV2): one lead department and co-handlers (PV7); never to a unit the letter complains about
 * (PV5, the writer's report is not passed to it).
 */
export function forwardLetter(ctx: Context, id: unknown, input: ForwardLetterInput): Promise<Letter> {
  return step(ctx, id, 'forwardLetter', input, async ({ em, ctx: c, letter }) => {
    const [leadId] = parseIds('leadDepartmentId', [input.leadDepartmentId]);
    const coIds = parseIds('coHandlerDepartmentIds', input.coHandlerDepartmentIds);
    if (coIds.includes(leadId)) throw badInput('coHandlerDepartmentIds', '主办单位不能同时列为协办单位（PV7）', { rule: 'PV7' });
    const [lead] = await reachable<Department>(c, 'Department', '承办单位', [leadId], 'leadDepartmentId');
    const co = await reachable<Department>(c, 'Department', '承办单位', coIds, 'coHandlerDepartmentIds');
    const involved = (await letter.involvedDepartments.load()).map((d) => d.id);
    if (involved.includes(leadId)) {
      throw badInput('leadDepartmentId', `${lead.name}是来信反映（涉及）的单位，不能转其办理（PV5）`, { rule: 'PV5' });
    }
    const bad = co.filter((d) => involved.includes(d.id));
    if (bad.length) {
      throw badInput('coHandlerDepartmentIds', `${bad.map((d) => d.name).join('、')}是来信反映（涉及）的单位，不能转其协办（PV5）`, { rule: 'PV5' });
    }
    // PV5 is only as good as data entry: a unit the letter's text names, though not listed as involved,
    // is forwarded to only with a reason, recorded on the step's event
    const named = await departmentsNamedBy(em, letter, [lead, ...co]);
    const confirmation = input.confirmNamedDepartment?.trim() || null;
    if (named.length && !confirmation) {
      const said = named.map((d) => `${d.name}（来信中写有“${d.matched.join('”“')}”）`).join('、');
      throw badInput('confirmNamedDepartment', `来信内容提到${said}，但未列为涉及单位；确需转其办理的，请填写理由（PV5）`, {
        rule: 'PV5',
        reason: 'NAMED_DEPARTMENT',
        departmentIds: named.map((d) => String(d.id)),
        departmentNames: named.map((d) => d.name),
      });
    }
    // PV7: co-handlers are coordinated by the deputy secretary-general in charge, a leader of the letter's body
    let coordinator: Leader | null = null;
    if (input.coordinatorLeaderId != null) {
      const [coordinatorId] = parseIds('coordinatorLeaderId', [input.coordinatorLeaderId]);
      [coordinator] = await reachable<Leader>(c, 'Leader', '领导', [coordinatorId], 'coordinatorLeaderId');
      const body = await bodyOf(em, letter);
      if (coordinator.body.id !== body.id) throw badInput('coordinatorLeaderId', `协调领导须为${body.name}的领导（PV7）`, { rule: 'PV7' });
    }
    if (co.length && !coordinator) {
      throw badInput('coordinatorLeaderId', '有协办单位时须指定协调主办、协办单位的分管副秘书长（PV7）', { rule: 'PV7' });
    }
    letter.leadDepartment = em.getReference(Department, leadId, { wrapped: true });
    await letter.coHandlerDepartments.init();
    letter.coHandlerDepartments.set(coIds.map((d) => em.getReference(Department, d)));
    letter.coordinatorLeader = coordinator ? em.getReference(Leader, coordinator.id, { wrapped: true }) : null;
    letter.forwardedOn = dayOf('forwardedOn', input.forwardedOn, [letter.decidedOn ?? letter.receivedOn, letter.decidedOn ? '批示日期' : '收到日期']);
    const coText = co.length ? `，${co.map((d) => d.name).join('、')}协办` : '';
    const coordText = coordinator ? `，${coordinator.name}协调` : '';
    const confirmed = named.length ? `；来信提到${named.map((d) => d.name).join('、')}，确认转其办理：${confirmation}` : '';
    return withNote(`转${lead.name}主办${coText}${coordText}${confirmed}`, input.note);
  });
}

/** The units among `targets` that the letter's title, content or involved persons name (letter.naming.ts). */
async function departmentsNamedBy(em: EntityManager, letter: Letter, targets: Department[]): Promise<NamedDepartment[]> {
  // in the step's transaction (em.execute): a second pool connection per step can starve the pool
  const accounts = await em.execute<Array<{ department_id: number; display_name: string }>>(
    `select department_id, display_name from account where is_active and department_id = any(?::int[])`,
    [`{${targets.map((d) => d.id).join(',')}}`],
  );
  return namedDepartments(
    letterText(letter),
    targets.map((d) => ({ id: d.id, name: d.name, accountNames: accounts.filter((a) => Number(a.department_id) === d.id).map((a) => a.display_name) })),
  );
}

export interface RecordResultInput extends VerbOptions {
  result: string;
  handledOn?: string | null;
  note?: string | null;
}

/** 办理结果: the lead department (or the office for it) records what was done. */
export function recordHandlingResult(ctx: Context, id: unknown, input: RecordResultInput): Promise<Letter> {
  return step(ctx, id, 'recordHandlingResult', input, (s) => {
    const { letter } = s;
    letter.handlingResult = requiredText('result', input.result, '办理结果');
    letter.handledOn = dayOf('handledOn', input.handledOn, received(letter));
    return withNote(`办理结果：${letter.handlingResult}`, input.note);
  });
}

export interface RecordInvestigationInput extends VerbOptions {
  findings: string;
  /** A handler without an account: name and date of the signature on paper. */
  handlerName?: string | null;
  handlerSignedOn?: string | null;
  /** A leader in charge without an account: name and date; otherwise the leader confirms in the system. */
  leaderName?: string | null;
  leaderSignedOn?: string | null;
  note?: string | null;
}

/**
 * 调查核实 (PV2): the findings and result, signed by the handler and the leader in charge — two
 * different people. The handler signs as the caller's account unless a name and date are recorded; the
 * leader signs by name and date here or later with their own account (confirmInvestigation).
 */
export function recordInvestigation(ctx: Context, id: unknown, input: RecordInvestigationInput): Promise<Letter> {
  return step(ctx, id, 'recordInvestigation', input, (s) => {
    const { letter, actor } = s;
    const findings = requiredText('findings', input.findings, '调查核实情况');
    const handlerName = optionalText(input.handlerName);
    const leaderName = optionalText(input.leaderName);
    if (!handlerName && input.handlerSignedOn) throw badInput('handlerName', '填写了签字日期，须同时填写签字的承办人姓名');
    if (!leaderName && input.leaderSignedOn) throw badInput('leaderName', '填写了签字日期，须同时填写签字的分管领导姓名');
    letter.investigationFindings = findings;
    if (handlerName) {
      if (!input.handlerSignedOn) throw badInput('handlerSignedOn', '未在系统中签字的承办人须记录签字日期');
      letter.investigationHandlerName = handlerName;
      letter.investigationHandlerSignedOn = dateArg('handlerSignedOn', input.handlerSignedOn, received(letter));
      letter.investigationHandlerAccount = null;
    } else {
      if (actor.accountId == null) throw badInput('handlerName', '须记录签字的承办人姓名和日期');
      letter.investigationHandlerName = actor.name;
      letter.investigationHandlerSignedOn = todayInChina();
      letter.investigationHandlerAccount = s.em.getReference(Account, actor.accountId, { wrapped: true });
    }
    letter.investigationLeaderName = null;
    letter.investigationLeaderSignedOn = null;
    letter.investigationLeaderAccount = null;
    if (leaderName) {
      if (!input.leaderSignedOn) throw badInput('leaderSignedOn', '未在系统中签字的分管领导须记录签字日期');
      if (leaderName === letter.investigationHandlerName) {
        throw badInput('leaderName', '调查记录须由承办人和分管领导两人分别签字（PV2）', { rule: 'PV2' });
      }
      letter.investigationLeaderName = leaderName;
      letter.investigationLeaderSignedOn = dateArg('leaderSignedOn', input.leaderSignedOn, received(letter));
    }
    const signed = `承办人${letter.investigationHandlerName}签字${letter.investigationLeaderName ? `，分管领导${letter.investigationLeaderName}签字` : '，待分管领导签字确认'}`;
    return withNote(`调查核实：${findings}（${signed}）`, input.note);
  });
}

/** 分管领导签字确认 (PV2): a leader's own account, not the handler's. */
export function confirmInvestigation(ctx: Context, id: unknown, input: VerbOptions & { note?: string | null }): Promise<Letter> {
  return step(ctx, id, 'confirmInvestigation', input, ({ em, letter, actor }) => {
    // PV2_secondSigner (letter.rules.ts) was checked by the step
    letter.investigationLeaderName = actor.name;
    letter.investigationLeaderSignedOn = todayInChina();
    letter.investigationLeaderAccount = em.getReference(Account, actor.accountId!, { wrapped: true });
    return withNote(`分管领导${actor.name}签字确认调查记录`, input.note);
  });
}

export interface ConcludeLetterInput extends VerbOptions {
  outcome: LetterOutcome;
  conclusion?: string | null;
  concludedOn?: string | null;
  note?: string | null;
}

const OUTCOME_LABELS: Record<LetterOutcome, string> = { RESOLVED: '已解决', EXPLAINED: '已解释说明', NOT_RESOLVABLE: '暂不能解决' };

/** 办结 with its outcome; an investigated letter needs both signatures first (PV2). */
export function concludeLetter(ctx: Context, id: unknown, input: ConcludeLetterInput): Promise<Letter> {
  return step(ctx, id, 'concludeLetter', input, ({ letter }) => {
    letter.outcome = input.outcome;
    letter.conclusion = optionalText(input.conclusion);
    letter.concludedOn = dayOf('concludedOn', input.concludedOn, received(letter));
    return withNote(`办结：${OUTCOME_LABELS[input.outcome]}${letter.conclusion ? `，${letter.conclusion}` : ''}`, input.note);
  });
}

export interface ReplyToLetterInput extends VerbOptions {
  method: ReplyMethod;
  repliedOn: string;
  content: string;
  note?: string | null;
}

const METHOD_LABELS: Record<ReplyMethod, string> = { IN_PERSON: '当面', PHONE: '电话', WRITTEN: '书面', SMS: '短信', ONLINE: '网上' };

/** 答复: how and when the writer was told; in 复查/复核 the answer of the review. */
export function replyToLetter(ctx: Context, id: unknown, input: ReplyToLetterInput): Promise<Letter> {
  return step(ctx, id, 'replyToLetter', input, ({ letter }) => {
    const content = requiredText('content', input.content, '答复内容');
    const how = METHOD_LABELS[input.method];
    if (letter.status === LetterStatus.REVIEWING) {
      letter.reviewAnsweredOn = dateArg('repliedOn', input.repliedOn, [letter.reviewRequestedOn, '申请复查日期']);
      letter.reviewAnswer = content;
      return withNote(`${how}答复复查意见：${content}`, input.note);
    }
    if (letter.status === LetterStatus.RE_REVIEWING) {
      letter.reReviewAnsweredOn = dateArg('repliedOn', input.repliedOn, [letter.reReviewRequestedOn, '申请复核日期']);
      letter.reReviewAnswer = content;
      return withNote(`${how}答复复核意见（同一事项不再受理）：${content}`, input.note);
    }
    letter.repliedOn = dateArg('repliedOn', input.repliedOn, received(letter));
    letter.replyMethod = input.method;
    letter.replyContent = content;
    return withNote(`${how}答复来信人：${content}`, input.note);
  });
}

export interface ApproveHigherOfficeReportInput extends VerbOptions {
  opinion: string;
  approvedOn?: string | null;
  note?: string | null;
}

/**
 * 领导审核同意上报 (PV2, 003 §三.4): before the result goes to the higher office that referred the
 * letter, a leader reviews and approves the report (经领导审查同意后上报). The status stays.
 */
export function approveHigherOfficeReport(ctx: Context, id: unknown, input: ApproveHigherOfficeReportInput): Promise<Letter> {
  return step(ctx, id, 'approveHigherOfficeReport', input, ({ letter, actor }) => {
    const opinion = requiredText('opinion', input.opinion, '审核意见');
    letter.higherOfficeReportApprovedOn = dayOf('approvedOn', input.approvedOn, letter.concludedOn ? [letter.concludedOn, '办结日期'] : received(letter));
    letter.higherOfficeReportApprovedBy = actor.name;
    letter.higherOfficeReportApproval = opinion;
    return withNote(`${actor.name}审核同意向${letter.higherOfficeName?.trim() || '上级机关'}报告办理结果：${opinion}`, input.note);
  });
}

export interface ReportToHigherOfficeInput extends VerbOptions {
  reportedOn: string;
  summary: string;
  note?: string | null;
}

/**
 * 向上级机关报告 (PV2): the result a higher office asked for (its deadline, setLetterHigherOfficeDeadline)
 * is reported back to it, once, after the letter is concluded or replied. The status stays.
 */
export function reportToHigherOffice(ctx: Context, id: unknown, input: ReportToHigherOfficeInput): Promise<Letter> {
  return step(ctx, id, 'reportToHigherOffice', input, ({ letter }) => {
    const office = letter.higherOfficeName?.trim() || '上级机关';
    const summary = requiredText('summary', input.summary, '报告的办理结果');
    const on = dateArg('reportedOn', input.reportedOn, [letter.higherOfficeReportApprovedOn, '领导审核同意日期']);
    letter.reportedToHigherOfficeOn = on;
    letter.higherOfficeReportSummary = summary;
    const late = on > letter.higherOfficeDueOn! ? `（逾期，时限为 ${letter.higherOfficeDueOn}）` : '';
    return withNote(`向${office}报告办理结果${late}：${summary}`, input.note);
  });
}

export interface RequestReviewInput extends VerbOptions {
  requestedOn: string;
  reason: string;
  note?: string | null;
}

/** 复查 (LAW 第35条): asked within 30 days of the answer. */
export function requestReview(ctx: Context, id: unknown, input: RequestReviewInput): Promise<Letter> {
  return step(ctx, id, 'requestReview', input, async ({ letter, loader }) => {
    const reason = requiredText('reason', input.reason, '复查理由');
    const answered = letter.repliedOn!;
    const on = dateArg('requestedOn', input.requestedOn);
    if (!isWithinReviewWindow(answered, on, await loader.calendar())) {
      throw badInput('requestedOn', `复查须在答复之日（${answered}）起 ${REVIEW_WINDOW_DAYS} 日内申请（LAW 第35条），${on} 已逾期`, { rule: 'PV3' });
    }
    letter.reviewRequestedOn = on;
    letter.reviewReason = reason;
    return withNote(`申请复查：${reason}`, input.note);
  });
}

/** 复核 (LAW 第36条): asked within 30 days of the review's answer; afterwards nothing more. */
export function requestReReview(ctx: Context, id: unknown, input: RequestReviewInput): Promise<Letter> {
  return step(ctx, id, 'requestReReview', input, async ({ letter, loader }) => {
    const reason = requiredText('reason', input.reason, '复核理由');
    const answered = letter.reviewAnsweredOn!;
    const on = dateArg('requestedOn', input.requestedOn);
    if (!isWithinReviewWindow(answered, on, await loader.calendar())) {
      throw badInput('requestedOn', `复核须在复查答复之日（${answered}）起 ${REVIEW_WINDOW_DAYS} 日内申请（LAW 第36条），${on} 已逾期`, { rule: 'PV3' });
    }
    letter.reReviewRequestedOn = on;
    letter.reReviewReason = reason;
    return withNote(`申请复核：${reason}`, input.note);
  });
}

export interface CloseLetterInput extends VerbOptions {
  closedOn?: string | null;
  note?: string | null;
}

/** 归档. An office letter is archived once its writer can no longer ask for 复查/复核 (30 days, PV3). */
export function closeLetter(ctx: Context, id: unknown, input: CloseLetterInput): Promise<Letter> {
  return step(ctx, id, 'closeLetter', input, async ({ letter, loader }) => {
    const on = dayOf('closedOn', input.closedOn, [letter.reReviewAnsweredOn ?? letter.reviewAnsweredOn ?? letter.repliedOn, '答复日期']);
    const open =
      letter.status === LetterStatus.REPLIED && flowOf(letter.channel) === LetterFlow.OFFICE
        ? letter.repliedOn
        : letter.status === LetterStatus.REVIEWED
          ? letter.reviewAnsweredOn
          : null;
    if (open && on <= reviewWindowEnd(open, await loader.calendar())) {
      throw conflict(`答复（${open}）后 ${REVIEW_WINDOW_DAYS} 日内来信人可申请${letter.status === LetterStatus.REVIEWED ? '复核' : '复查'}，期满后方可归档（PV3）`, {
        reason: 'REVIEW_WINDOW_OPEN',
        rule: 'PV3',
      });
    }
    letter.closedOn = on;
    return withNote('归档', input.note);
  });
}

// ── member mailboxes (000) ──

/** 委员办理 (MB4): the member (or the level the letter reached) handles it. */
export function handleLetter(ctx: Context, id: unknown, input: RecordResultInput): Promise<Letter> {
  return step(ctx, id, 'handleLetter', input, ({ letter }) => {
    letter.handlingResult = requiredText('result', input.result, '办理情况');
    letter.handledOn = dayOf('handledOn', input.handledOn, received(letter));
    const level = letter.escalationLevel ? `（${LEVEL_LABELS[letter.escalationLevel]}）` : '';
    return withNote(`办理${level}：${letter.handlingResult}`, input.note);
  });
}

export const LEVEL_LABELS: Record<EscalationLevel, string> = {
  MEMBER: '委员自行办理',
  LIAISON_GROUP: '委员活动小组（联络组）',
  COUNTY_OFFICE: '县（市、区）政协',
  CITY_OFFICE: '市政协',
};

export interface EscalateLetterInput extends VerbOptions {
  reason: string;
  /** A level above the current one (default: the next rung). */
  level?: EscalationLevel | null;
  note?: string | null;
}

/** 逐级上报 (MB4): member → group → county office → city office, each step with its reason. */
export function escalateLetter(ctx: Context, id: unknown, input: EscalateLetterInput): Promise<Letter> {
  return step(ctx, id, 'escalateLetter', input, ({ letter }) => {
    const reason = requiredText('reason', input.reason, '上报理由');
    const current = letter.escalationLevel ?? EscalationLevel.MEMBER;
    const next = nextEscalationLevel(current);
    const target = input.level ?? next!; // MB4_belowTopOfLadder was checked by the step
    if (ESCALATION_LADDER.indexOf(target) <= ESCALATION_LADDER.indexOf(current)) {
      throw badInput('level', `须上报到高于${LEVEL_LABELS[current]}的层级（MB4）`, { rule: 'MB4' });
    }
    letter.escalationLevel = target;
    letter.escalationReason = reason;
    return withNote(`上报至${LEVEL_LABELS[target]}：${reason}`, input.note);
  });
}

// ── deputy liaison stations (004) ──

export interface AnswerOnTheSpotInput extends VerbOptions {
  answer: string;
  answeredBy?: string | null;
  note?: string | null;
}

/** 当场答复 (ST5): answered during the reception and closed at once. */
export function answerOnTheSpot(ctx: Context, id: unknown, input: AnswerOnTheSpotInput): Promise<Letter> {
  return step(ctx, id, 'answerOnTheSpot', input, ({ letter }) => {
    const answer = requiredText('answer', input.answer, '答复内容');
    const by = optionalText(input.answeredBy);
    letter.replyMethod = ReplyMethod.IN_PERSON;
    letter.repliedOn = letter.receivedOn;
    letter.replyContent = answer;
    letter.closedOn = letter.receivedOn;
    return withNote(`接待中当场答复并办结${by ? `，答复人${by}` : ''}：${answer}`, input.note);
  });
}

export interface ClassifyLetterInput extends VerbOptions {
  category: LetterCategory;
  summary?: string | null;
  note?: string | null;
}

const CATEGORY_LABELS: Record<LetterCategory, string> = {
  CONSULTATION: '咨询',
  SUGGESTION: '建议',
  COMPLAINT: '投诉',
  REQUEST: '申诉求决',
  REPORT: '检举',
  OTHER: '其他',
};

/** 梳理分类 (ST4). */
export function classifyLetter(ctx: Context, id: unknown, input: ClassifyLetterInput): Promise<Letter> {
  return step(ctx, id, 'classifyLetter', input, ({ letter }) => {
    letter.category = input.category;
    const summary = optionalText(input.summary);
    return withNote(`归类为「${CATEGORY_LABELS[input.category]}」${summary ? `：${summary}` : ''}`, input.note);
  });
}

export interface AssignLetterInput extends VerbOptions {
  signedBy: string;
  assignedTo: string;
  signedOn?: string | null;
  note?: string | null;
}

/** 签字交办 (ST4): the street office head signs the assignment. */
export function assignLetter(ctx: Context, id: unknown, input: AssignLetterInput): Promise<Letter> {
  return step(ctx, id, 'assignLetter', input, ({ letter }) => {
    letter.assignmentSignedBy = requiredText('signedBy', input.signedBy, '签字交办的街道办事处负责人');
    letter.assignedTo = requiredText('assignedTo', input.assignedTo, '落实单位');
    letter.assignmentSignedOn = dayOf('signedOn', input.signedOn, received(letter));
    return withNote(`${letter.assignmentSignedBy}签字交办${letter.assignedTo}落实`, input.note);
  });
}

/** 协调督办 (ST4): a follow-up of an assigned or forwarded issue. */
export function followUpLetter(ctx: Context, id: unknown, input: VerbOptions & { note: string }): Promise<Letter> {
  return step(ctx, id, 'followUpLetter', input, ({ letter }) => {
    const note = requiredText('note', input.note, '督办情况');
    letter.followUpCount += 1;
    return `第 ${letter.followUpCount} 次督办：${note}`;
  });
}

/** 结果反馈联络站 (ST4): the result comes back to the station (from the street, or the lead department, ST5). */
export function reportResultToStation(ctx: Context, id: unknown, input: RecordResultInput): Promise<Letter> {
  return step(ctx, id, 'reportResultToStation', input, (s) => {
    const { letter } = s;
    letter.handlingResult = requiredText('result', input.result, '办理结果');
    letter.handledOn = dayOf('handledOn', input.handledOn, received(letter));
    return withNote(`办理结果反馈联络站：${letter.handlingResult}`, input.note);
  });
}

// ── across the flows ──

export interface SetHigherOfficeDeadlineInput extends VerbOptions {
  dueOn?: string | null;
  office?: string | null;
}

/** 上级机关交办时限 (PV3): a higher office's date overrides the local main deadline; none given withdraws it. */
export function setLetterHigherOfficeDeadline(ctx: Context, id: unknown, input: SetHigherOfficeDeadlineInput): Promise<Letter> {
  return step(ctx, id, 'setLetterHigherOfficeDeadline', input, ({ letter }) => {
    const { dueOn } = input;
    const name = input.office?.trim() ?? '';
    if (dueOn) {
      if (dueOn < letter.receivedOn) throw badInput('dueOn', `办结日期不能早于收到日期 ${letter.receivedOn}`);
      if (dueOn > '2100-12-31') throw badInput('dueOn', '办结日期不能晚于 2100 年');
      if (name.length < 2 || name.length > 100) throw badInput('office', '请填写交办的上级机关（2–100 字，PV3）');
    }
    letter.higherOfficeDueOn = dueOn ?? null;
    letter.higherOfficeName = dueOn ? name : null;
    return dueOn ? `${name}要求 ${dueOn} 前办结（上级机关时限优先）` : '撤销上级机关交办时限';
  });
}

export interface HandOverLetterInput extends VerbOptions {
  toAccountId: string;
  reason: string;
  note?: string | null;
}

/**
 * 移交 (PV4): whoever first took the letter owns it until they hand it on; the hand-over names the new
 * owner — an active casework account that may work on the letter — and is recorded. Deadline
 * reminders follow the owner.
 */
export function handOverLetter(ctx: Context, id: unknown, input: HandOverLetterInput): Promise<Letter> {
  return step(ctx, id, 'handOverLetter', input, async ({ em, ctx: c, letter, transition }) => {
    const reason = requiredText('reason', input.reason, '移交原因');
    const [toId] = parseIds('toAccountId', [input.toAccountId]);
    // PR3: the new owner works in the caller's units (accounts are not a resource office staff read)
    const units = isScopeActor(c.actor) ? { organization: { $in: c.actor.orgIds } } : {};
    const to = await em.findOne(Account, { id: toId, ...units });
    if (!to) throw notFound('账号', input.toAccountId, 'toAccountId');
    if (!to.isActive) throw badInput('toAccountId', `${to.displayName}的账号已停用，不能接收移交（PV4）`, { rule: 'PV4' });
    if (!to.roles.some((r) => transition.roles.includes(r))) {
      throw badInput('toAccountId', `${to.displayName}不是${transition.roles.map((r) => ROLE_LABELS[r]).join('、')}，不能负责此来信（PV4）`, { rule: 'PV4' });
    }
    if (letter.ownerAccount?.id === to.id) throw badInput('toAccountId', `${to.displayName}已是首问责任人`, { rule: 'PV4' });
    const from = letter.ownerName ?? '（无）';
    letter.ownerAccount = em.getReference(Account, to.id, { wrapped: true });
    letter.ownerName = to.displayName;
    return withNote(`由${from}移交${to.displayName}负责：${reason}`, input.note);
  });
}


/** A hand-over's possible new owner, as the console lists it (accounts are not a resource office staff read). */
export interface HandOverCandidateValue {
  id: number;
  displayName: string;
  organizationName: string;
}

/**
 * PV4: whom the caller may hand the letter over to — the active accounts of the caller's units (PR3)
 * holding a role that owns letters of its flow, its owner aside: what handOverLetter accepts.
 */
export async function handOverCandidates(ctx: Context, id: unknown): Promise<HandOverCandidateValue[]> {
  const pk = pkOf(id);
  if (pk === null) throw notFound(LETTER, id, 'id');
  const letter = await assertReach<Letter>(ctx, 'Letter', pk, 'write');
  const t = transitionFor(flowOf(letter.channel), letter.status, 'handOverLetter');
  const units = isScopeActor(ctx.actor) ? { organization: { $in: ctx.actor.orgIds } } : {};
  const accounts = await ctx.em.find(Account, { ...units, isActive: true }, { populate: ['organization'], orderBy: { displayName: 'asc', id: 'asc' } });
  return accounts
    .filter((a) => a.id !== letter.ownerAccount?.id && a.roles.some((r) => t.roles.includes(r)))
    .map((a) => ({ id: a.id, displayName: a.displayName, organizationName: a.organization.getEntity().name }));
}

export interface ExtendDeadlineInput extends VerbOptions {
  days: number;
  reason: string;
  writerNotifiedOn?: string | null;
  note?: string | null;
}

/** 延期 (PV3, LAW 第34条): approved by the leader who calls it, at most 30 days, once per letter, writer told. */
export function extendDeadline(ctx: Context, id: unknown, input: ExtendDeadlineInput): Promise<Letter> {
  return step(ctx, id, 'extendDeadline', input, ({ letter, actor }) => {
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_EXTENSION_DAYS) {
      throw badInput('days', `延长天数须在 1 至 ${MAX_EXTENSION_DAYS} 日之间（PV3）`, { rule: 'PV3' });
    }
    const reason = requiredText('reason', input.reason, '延期理由');
    letter.deadlineExtensionNotifiedOn = writerNotified(letter, input.writerNotifiedOn, '延期');
    letter.deadlineExtendedDays = input.days;
    letter.deadlineExtensionReason = reason;
    letter.deadlineExtensionApprovedBy = actor.name;
    const told = letter.deadlineExtensionNotifiedOn ? `，已于 ${letter.deadlineExtensionNotifiedOn} 告知来信人` : '';
    return withNote(`${actor.name}批准延长办理期限 ${input.days} 日：${reason}${told}`, input.note);
  });
}

function reopen(ctx: Context, id: unknown, note: string, opts: VerbOptions): Promise<Letter> {
  return step(ctx, id, 'reopenLetter', opts, ({ letter }) => {
    const why = requiredText('reason', note, '重新办理的原因');
    letter.reopenCount += 1;
    return `重新办理：${why}`;
  });
}

/**
 * SV2: reopens a replied or closed letter for re-handling, once. For internal callers such as the
 * satisfaction survey (a 不满意 rating): the caller has authorized the request, so neither the reach
 * nor the step's roles are checked; the event carries `ctx.actor.displayName`. Refused (CONFLICT)
 * when the letter was reopened before (a second 不满意 escalates instead) or went through 复核.
 */
export function reopenLetter(ctx: Context, letterId: number | string, note: string): Promise<Letter> {
  return reopen(ctx, letterId, note, { checkAccess: false });
}

/**
 * SV2: a second 不满意 goes to the leaders — a recorded step of the rating (satisfaction.service.ts),
 * which authorized it: neither reach nor roles are checked; the event carries the rater.
 */
export function escalateAfterRating(ctx: Context, letterId: number, note: string): Promise<Letter> {
  return step(ctx, letterId, 'escalateAfterRating', { checkAccess: false }, () => note);
}

/** The reopenLetter mutation: staff reopen a letter in their reach. */
export function reopenLetterByStaff(ctx: Context, id: unknown, input: VerbOptions & { reason: string }): Promise<Letter> {
  return reopen(ctx, id, input.reason, { version: input.version });
}

export interface MergeLettersInput {
  mainLetterId: string;
  letterIds: string[];
  version?: number | null;
  note?: string | null;
}

/**
 * 合并重复件: repeat letters on the same matter become MERGED, linked to the main letter, which
 * carries on. Same registering organization; each repeat letter's status must allow merging.
 */
export async function mergeLetters(ctx: Context, input: MergeLettersInput): Promise<Letter> {
  const actor = acting(ctx);
  const [mainId] = parseIds('mainLetterId', [input.mainLetterId]);
  const ids = parseIds('letterIds', input.letterIds);
  if (!ids.length) throw badInput('letterIds', '须列出要并入的重复来信');
  if (ids.includes(mainId)) throw badInput('letterIds', '主件不能并入自身');
  return ctx.em.transactional(async (em) => {
    const main = await loadForStep(em, ctx, mainId, { version: input.version }, 'mainLetterId');
    if ([LetterStatus.MERGED, LetterStatus.VOIDED, LetterStatus.DECLINED].includes(main.status)) {
      throw badInput('mainLetterId', `主件${main.serialNumber}处于「${STATUS_LABELS[main.status]}」状态，不能接收合并`);
    }
    const merged: Letter[] = [];
    for (const id of ids.sort((a, b) => a - b)) {
      const letter = await loadForStep(em, ctx, id, {}, 'letterIds');
      if (letter.organization.id !== main.organization.id) throw badInput('letterIds', `${letter.serialNumber}与主件不是同一登记机构的来信`);
      const t = stepFor(letter, flowOf(letter.channel), 'mergeLetters', actor, true);
      const from = letter.status;
      letter.mergedInto = em.getReference(Letter, main.id, { wrapped: true });
      letter.status = t.to;
      appendEvent(em, letter, 'mergeLetters', from, t.to, actor, withNote(`作为重复件并入${main.serialNumber}`, input.note));
      merged.push(letter);
    }
    // the main letter records what it received (its status stays: a recorded step, not a move)
    appendEvent(em, main, 'mergeLetters', main.status, main.status, actor, withNote(`并入重复件 ${merged.map((l) => l.serialNumber).join('、')}`, input.note));
    await storeLetterDeadlines(em, [main, ...merged]); // issue 9: stored deadlines (the merged ones have none left)
    await em.flush();
    return main;
  });
}

export interface ConvertLetterInput extends VerbOptions {
  into: LetterConversion;
  title?: string | null;
  memberId?: string | null;
  liaisonGroupId?: string | null;
  researchTopic?: string | null;
  note?: string | null;
}

const CONVERSION_LABELS: Record<LetterConversion, string> = {
  PROPOSAL: '提案',
  OPINION_REPORT: '社情民意信息',
  SUGGESTION: '代表建议',
  RESEARCH_TOPIC: '调研课题',
};

/**
 * MB6 (CT5, ST5): the letter becomes a proposal or a public-opinion report (CPPCC), a deputy's
 * suggestion (congress), or a research topic, in a member's or a group's name; the new record's
 * `sourceLetterId` keeps the link, the letter records what it became.
 */
export function convertLetter(ctx: Context, id: unknown, input: ConvertLetterInput): Promise<Letter> {
  return step(ctx, id, 'convertLetter', input, async ({ em, ctx: c, letter }) => {
    const body = await bodyOf(em, letter);
    const fits: Record<BodyKind, LetterConversion[]> = {
      CPPCC: [LetterConversion.PROPOSAL, LetterConversion.OPINION_REPORT, LetterConversion.RESEARCH_TOPIC],
      CONGRESS: [LetterConversion.SUGGESTION, LetterConversion.RESEARCH_TOPIC],
    };
    if (!fits[body.kind].includes(input.into)) {
      throw badInput('into', `${body.name}的来信可转为：${fits[body.kind].map((k) => CONVERSION_LABELS[k]).join('、')}`);
    }
    // in the group's name when a group is named; else in the member's, by default the letter's member
    const groupPk = input.liaisonGroupId != null ? parseIds('liaisonGroupId', [input.liaisonGroupId])[0] : null;
    const memberPk = input.memberId != null ? parseIds('memberId', [input.memberId])[0] : groupPk == null ? (letter.member?.id ?? null) : null;
    const [member] = memberPk != null ? await reachable<Member>(c, 'Member', '委员/代表', [memberPk], 'memberId') : [];
    const [group] = groupPk != null ? await reachable<LiaisonGroup>(c, 'LiaisonGroup', '委员活动小组', [groupPk], 'liaisonGroupId') : [];
    if (member && member.body.id !== body.id) throw badInput('memberId', `${member.name}不是${body.name}的委员/代表`);
    if (group && group.body.id !== body.id) throw badInput('liaisonGroupId', `${group.name}不属于${body.name}`);
    if (input.into === LetterConversion.SUGGESTION && !member) throw badInput('memberId', '代表建议须注明提出的代表（ST5）');
    if (input.into !== LetterConversion.RESEARCH_TOPIC && !member && !group) {
      throw badInput('memberId', '须以委员个人或委员活动小组（联络组）的名义提出（MB6）', { rule: 'MB6' });
    }
    const title = optionalText(input.title) ?? letter.title;
    const today = todayInChina();
    const who = group?.name ?? member?.name ?? null;
    const memberRef = member ? em.getReference(Member, member.id, { wrapped: true }) : null;
    const groupRef = group ? em.getReference(LiaisonGroup, group.id, { wrapped: true }) : null;
    const source = em.getReference(Letter, letter.id, { wrapped: true });
    const bodyRef = em.getReference(Body, body.id, { wrapped: true });
    let record: Proposal | OpinionReport | Suggestion | null = null;
    switch (input.into) {
      case LetterConversion.PROPOSAL:
        record = em.create(Proposal, {
          title, content: letter.content, member: memberRef, liaisonGroup: groupRef, body: bodyRef,
          year: Number(today.slice(0, 4)), status: ProposalStatus.DRAFT, sourceLetter: source,
        } as any);
        break;
      case LetterConversion.OPINION_REPORT:
        record = em.create(OpinionReport, {
          title, content: letter.content, member: memberRef, liaisonGroup: groupRef, body: bodyRef, submittedOn: today, sourceLetter: source,
        } as any);
        break;
      case LetterConversion.SUGGESTION:
        record = em.create(Suggestion, { title, content: letter.content, member: memberRef, body: bodyRef, submittedOn: today, sourceLetter: source } as any);
        break;
      case LetterConversion.RESEARCH_TOPIC:
        letter.researchTopic = optionalText(input.researchTopic) ?? title;
        break;
    }
    if (record) await em.flush();
    letter.convertedTo = input.into;
    letter.convertedRecordId = record?.id ?? null;
    const named = input.into === LetterConversion.RESEARCH_TOPIC ? `「${letter.researchTopic}」${who ? `（${who}）` : ''}` : `「${title}」（以${who}名义）`;
    return withNote(`转为${CONVERSION_LABELS[input.into]}${named}`, input.note);
  });
}

/** 作废 with its reason: letters are never deleted (PV1). */
export function voidLetter(ctx: Context, id: unknown, input: VerbOptions & { reason: string; note?: string | null }): Promise<Letter> {
  return step(ctx, id, 'voidLetter', input, ({ letter }) => {
    letter.voidReason = requiredText('reason', input.reason, '作废理由');
    return withNote(`作废：${letter.voidReason}`, input.note);
  });
}

export interface UrgentLettersInput {
  organizationId?: string | null;
  includeNonUrgent?: boolean | null;
  page?: number | null;
  perPage?: number | null;
}

/**
 * PV6: the leaders' list — unresolved urgent letters first (important ones first among them, then the
 * oldest), within the caller's reach; with `includeNonUrgent` the other unresolved letters follow.
 */
export async function urgentLetters(ctx: Context, input: UrgentLettersInput): Promise<Letter[]> {
  const { page, perPage } = input;
  if (page != null && page < 0) throw badInput('page', '页码从 0 开始，不能为负数');
  if (perPage != null && (perPage < 1 || perPage > MAX_PER_PAGE)) throw badInput('perPage', `每页条数须在 1 到 ${MAX_PER_PAGE} 之间`);
  const def = resourceRegistry.find((d) => d.name === 'Letter')!;
  const scope = def.service!.where(ctx, input.organizationId != null ? { organizationId: input.organizationId } : {}, 'read');
  const own: FilterQuery<Letter> = { status: { $in: [...UNRESOLVED_STATUSES] } };
  if (!input.includeNonUrgent) own.urgency = Urgency.URGENT;
  const limit = perPage ?? 50;
  return ctx.em.find(Letter, { $and: [scope as FilterQuery<Letter>, own] }, {
    orderBy: [{ urgency: 'desc' }, { isImportant: 'desc' }, { receivedOn: 'asc' }, { id: 'asc' }],
    limit,
    offset: (page ?? 0) * limit,
  });
}
