import { Role } from '../../platform/account/role.js';
import { computeDeadline } from '../../common/deadline.js';
import { AppError } from '../../common/errors.js';
import type { WorkingCalendar } from '../../common/working-days.js';
import type { LeaderPosition } from '../../people/leader/leader.entity.js';
import { EscalationLevel, LetterChannel, LetterStatus } from './letter.enums.js';

/**
 * The letter handling flows of issue 5 as data: from-status → action → to-status, per flow, with the
 * roles that may take the step and the rule it comes from. Pure: no database, no context. The services
 * (letter.workflow.service.ts) look every step up here; a step that is not here is refused with
 * TRANSITION_NOT_ALLOWED naming the steps that are.
 */

/** Which handling chain a letter follows, decided by its channel. */
export enum LetterFlow {
  /** 003 / LAW: register → accept → propose → decide → forward → handle → conclude → reply (PV2). */
  OFFICE = 'OFFICE',
  /** 000: the member handles first, escalating along member → group → county → city (MB4). */
  MAILBOX = 'MAILBOX',
  /** 004: answered on the spot, or classified → signed and assigned → result to station → voter (ST4, ST5). */
  RECEPTION = 'RECEPTION',
}

export const FLOW_LABELS: Record<LetterFlow, string> = {
  OFFICE: '机关信访',
  MAILBOX: '委员信箱',
  RECEPTION: '代表接待',
};

export function flowOf(channel: LetterChannel): LetterFlow {
  if (channel === LetterChannel.MAILBOX) return LetterFlow.MAILBOX;
  if (channel === LetterChannel.RECEPTION) return LetterFlow.RECEPTION;
  return LetterFlow.OFFICE;
}

/** Every workflow verb; each is the GraphQL mutation of the same name. */
export const LETTER_ACTIONS = [
  'registerLetter',
  'updateLetter',
  'setLetterHigherOfficeDeadline',
  'handOverLetter',
  'acceptLetter',
  'declineLetter',
  'proposeHandling',
  'decideLetter',
  'forwardLetter',
  'recordHandlingResult',
  'recordInvestigation',
  'confirmInvestigation',
  'concludeLetter',
  'replyToLetter',
  'approveHigherOfficeReport',
  'reportToHigherOffice',
  'requestReview',
  'requestReReview',
  'closeLetter',
  'handleLetter',
  'escalateLetter',
  'answerOnTheSpot',
  'classifyLetter',
  'assignLetter',
  'followUpLetter',
  'reportResultToStation',
  'extendDeadline',
  'reopenLetter',
  'mergeLetters',
  'convertLetter',
  'voidLetter',
  'escalateAfterRating',
] as const;
export type LetterAction = (typeof LETTER_ACTIONS)[number];

export const ACTION_LABELS: Record<LetterAction, string> = {
  registerLetter: '登记',
  updateLetter: '修改登记信息',
  setLetterHigherOfficeDeadline: '登记上级机关时限',
  handOverLetter: '移交',
  acceptLetter: '受理',
  declineLetter: '不予受理',
  proposeHandling: '拟办',
  decideLetter: '领导批示',
  forwardLetter: '转办',
  recordHandlingResult: '登记办理结果',
  recordInvestigation: '登记调查核实情况',
  confirmInvestigation: '分管领导签字确认',
  concludeLetter: '办结',
  replyToLetter: '答复来信人',
  approveHigherOfficeReport: '领导审核同意上报',
  reportToHigherOffice: '向上级机关报告办理结果',
  requestReview: '申请复查',
  requestReReview: '申请复核',
  closeLetter: '归档',
  handleLetter: '委员办理',
  escalateLetter: '逐级上报',
  answerOnTheSpot: '当场答复',
  classifyLetter: '梳理分类',
  assignLetter: '签字交办',
  followUpLetter: '协调督办',
  reportResultToStation: '结果反馈联络站',
  extendDeadline: '延长办理期限',
  reopenLetter: '重新办理',
  mergeLetters: '合并重复件',
  convertLetter: '转为提案/社情民意/建议/调研课题',
  voidLetter: '作废',
  escalateAfterRating: '再次不满意，上报领导',
};

export const STATUS_LABELS: Record<LetterStatus, string> = {
  REGISTERED: '已登记',
  ACCEPTED: '已受理',
  DECLINED: '不予受理',
  PROPOSED: '已拟办',
  DECIDED: '已批示',
  FORWARDED: '已转办',
  HANDLED: '已办理',
  CONCLUDED: '已办结',
  REPLIED: '已答复',
  CLOSED: '已归档',
  ESCALATED: '已上报',
  REOPENED: '重新办理',
  MERGED: '已合并',
  VOIDED: '已作废',
  INVESTIGATED: '已调查核实',
  REVIEWING: '复查中',
  REVIEWED: '已复查答复',
  RE_REVIEWING: '复核中',
  RE_REVIEWED: '已复核答复',
  CLASSIFIED: '已梳理分类',
  ASSIGNED: '已签字交办',
  CONVERTED: '已转化',
};

export interface Transition {
  flow: LetterFlow;
  /** null: the letter does not exist yet (its registration). */
  from: LetterStatus | null;
  action: LetterAction;
  to: LetterStatus;
  /** Roles that may take this step (any one of them). */
  roles: readonly Role[];
  /** The rule (DOMAIN.md) the step comes from. */
  rule: string;
}

const { OFFICE_STAFF: O, LEADER: L, MEMBER: M, STATION_STAFF: S, DEPARTMENT_HANDLER: D } = Role;
const S_ = LetterStatus;
/** Marks a step that leaves the status as it is (a recorded step, not a move). */
const SAME = 'SAME' as const;

function rows(
  flow: LetterFlow,
  from: LetterStatus | null | LetterStatus[],
  action: LetterAction,
  to: LetterStatus | typeof SAME,
  roles: readonly Role[],
  rule: string,
): Transition[] {
  return (Array.isArray(from) ? from : [from]).map((f) => ({ flow, from: f, action, to: to === SAME ? f! : to, roles, rule }));
}

/** Statuses in which a letter is still being handled: deadlines run, it may be extended or voided. */
export const OPEN_STATUSES: Record<LetterFlow, readonly LetterStatus[]> = {
  OFFICE: [S_.REGISTERED, S_.ACCEPTED, S_.PROPOSED, S_.DECIDED, S_.FORWARDED, S_.INVESTIGATED, S_.HANDLED, S_.CONCLUDED, S_.CONVERTED, S_.REVIEWING, S_.RE_REVIEWING, S_.REOPENED],
  MAILBOX: [S_.REGISTERED, S_.ESCALATED, S_.HANDLED, S_.CONCLUDED, S_.CONVERTED, S_.REOPENED],
  RECEPTION: [S_.REGISTERED, S_.CLASSIFIED, S_.ASSIGNED, S_.FORWARDED, S_.HANDLED, S_.CONVERTED, S_.REOPENED],
};

/** Every status in which a letter still awaits an answer, across flows (the leaders' urgent list, PV6). */
export const UNRESOLVED_STATUSES: readonly LetterStatus[] = [...new Set(Object.values(OPEN_STATUSES).flat())];

/**
 * PV2: once concluded or replied, the office reports the result to the higher office that referred the
 * letter (a recorded step: the status stays). The service also needs the higher office's deadline.
 */
export const HIGHER_OFFICE_REPORT_STATUSES: readonly LetterStatus[] = [S_.CONCLUDED, S_.REPLIED];

const withoutConverted = (list: readonly LetterStatus[]) => list.filter((s) => s !== S_.CONVERTED);

const OFFICE = LetterFlow.OFFICE;
const MAILBOX = LetterFlow.MAILBOX;
const RECEPTION = LetterFlow.RECEPTION;
/** Mailbox letters are handled by the member, the group's staff, or the office the letter reached (MB4). */
const MB = [M, S, O] as const;

/** Every status a letter of the flow can be in, except the two that end its life as a record (merged, voided). */
const LIVE_STATUSES: Record<LetterFlow, readonly LetterStatus[]> = {
  OFFICE: [...OPEN_STATUSES.OFFICE, S_.DECLINED, S_.REPLIED, S_.REVIEWED, S_.RE_REVIEWED, S_.CLOSED],
  MAILBOX: [...OPEN_STATUSES.MAILBOX, S_.REPLIED, S_.CLOSED],
  RECEPTION: [...OPEN_STATUSES.RECEPTION, S_.REPLIED, S_.CLOSED],
};

/** The statuses a writer's rating is taken in (SV1): answered letters. */
export const RATABLE_STATUSES: readonly LetterStatus[] = [S_.REPLIED, S_.REVIEWED, S_.RE_REVIEWED, S_.CLOSED];

/** Rows that every flow has: registration, the record's own edits, the higher office's date, hand-over, a rating's escalation. */
function common(flow: LetterFlow, registrars: readonly Role[], owners: readonly Role[]): Transition[] {
  const live = LIVE_STATUSES[flow] as LetterStatus[];
  return [
    ...rows(flow, null, 'registerLetter', S_.REGISTERED, registrars, 'PV1'),
    ...rows(flow, live, 'updateLetter', SAME, registrars, 'PV1'),
    // while the letter is handled, and once answered, for the report back (PV2)
    ...rows(flow, [...OPEN_STATUSES[flow], S_.REPLIED], 'setLetterHigherOfficeDeadline', SAME, [O], 'PV3'),
    ...rows(flow, OPEN_STATUSES[flow] as LetterStatus[], 'handOverLetter', SAME, owners, 'PV4'),
    // SV2: a second 不满意 goes to the leaders; taken by the rating, never offered as a button
    ...rows(flow, live.filter((st) => RATABLE_STATUSES.includes(st)), 'escalateAfterRating', SAME, [O, S], 'SV2'),
  ];
}

/** Steps the system takes as the consequence of something else (a rating): never offered to anyone. */
export const SYSTEM_ACTIONS: readonly LetterAction[] = ['escalateAfterRating'];
/** Changes made through the record's own operations (registration, its form), not a step's button. */
export const RECORD_ACTIONS: readonly LetterAction[] = ['registerLetter', 'updateLetter'];

export const TRANSITIONS: readonly Transition[] = [
  // ── the office flow (003, LAW) ──
  ...rows(OFFICE, S_.REGISTERED, 'acceptLetter', S_.ACCEPTED, [O], 'PV2'),
  ...rows(OFFICE, S_.REGISTERED, 'declineLetter', S_.DECLINED, [O], 'PV2'),
  ...rows(OFFICE, S_.ACCEPTED, 'proposeHandling', S_.PROPOSED, [O], 'PV2'),
  ...rows(OFFICE, S_.PROPOSED, 'decideLetter', S_.DECIDED, [L], 'PV2'),
  ...rows(OFFICE, [S_.DECIDED, S_.REOPENED], 'forwardLetter', S_.FORWARDED, [O], 'PV7'),
  ...rows(OFFICE, [S_.FORWARDED, S_.REOPENED], 'recordHandlingResult', S_.HANDLED, [D, O], 'PV2'),
  ...rows(OFFICE, [S_.DECIDED, S_.FORWARDED], 'recordInvestigation', S_.INVESTIGATED, [D, O], 'PV2'),
  ...rows(OFFICE, S_.INVESTIGATED, 'confirmInvestigation', SAME, [L], 'PV2'),
  ...rows(OFFICE, [S_.HANDLED, S_.INVESTIGATED], 'concludeLetter', S_.CONCLUDED, [O], 'PV2'),
  ...rows(OFFICE, [S_.CONCLUDED, S_.CONVERTED], 'replyToLetter', S_.REPLIED, [O], 'PV2'),
  // a result asked for by a higher office is reported back to it, once concluded and approved by a
  // leader (PV2, 003 §三.4: 经领导审查同意后上报); recorded steps
  ...rows(OFFICE, HIGHER_OFFICE_REPORT_STATUSES as LetterStatus[], 'approveHigherOfficeReport', SAME, [L], 'PV2'),
  ...rows(OFFICE, HIGHER_OFFICE_REPORT_STATUSES as LetterStatus[], 'reportToHigherOffice', SAME, [O], 'PV2'),
  ...rows(OFFICE, S_.REPLIED, 'requestReview', S_.REVIEWING, [O], 'PV3'),
  ...rows(OFFICE, S_.REVIEWING, 'replyToLetter', S_.REVIEWED, [O], 'PV3'),
  ...rows(OFFICE, S_.REVIEWED, 'requestReReview', S_.RE_REVIEWING, [O], 'PV3'),
  ...rows(OFFICE, S_.RE_REVIEWING, 'replyToLetter', S_.RE_REVIEWED, [O], 'PV3'),
  ...rows(OFFICE, [S_.REPLIED, S_.REVIEWED, S_.RE_REVIEWED], 'closeLetter', S_.CLOSED, [O], 'PV3'),
  ...rows(OFFICE, S_.ACCEPTED, 'convertLetter', S_.CONVERTED, [O], 'CT5'),
  ...rows(OFFICE, [S_.REPLIED, S_.REVIEWED, S_.CLOSED], 'reopenLetter', S_.REOPENED, [O], 'SV2'),
  ...rows(OFFICE, [S_.REGISTERED, S_.ACCEPTED], 'mergeLetters', S_.MERGED, [O], 'PV1'),
  ...rows(OFFICE, OPEN_STATUSES.OFFICE as LetterStatus[], 'extendDeadline', SAME, [L], 'PV3'),
  ...rows(OFFICE, withoutConverted(OPEN_STATUSES.OFFICE), 'voidLetter', S_.VOIDED, [O], 'PV1'),

  // ── member mailboxes (000) ──
  ...rows(MAILBOX, [S_.REGISTERED, S_.ESCALATED, S_.REOPENED], 'handleLetter', S_.HANDLED, MB, 'MB4'),
  ...rows(MAILBOX, [S_.REGISTERED, S_.ESCALATED, S_.REOPENED], 'escalateLetter', S_.ESCALATED, MB, 'MB4'),
  ...rows(MAILBOX, S_.HANDLED, 'concludeLetter', S_.CONCLUDED, MB, 'MB4'),
  ...rows(MAILBOX, [S_.CONCLUDED, S_.CONVERTED], 'replyToLetter', S_.REPLIED, MB, 'MB5'),
  ...rows(MAILBOX, S_.REPLIED, 'closeLetter', S_.CLOSED, MB, 'MB7'),
  ...rows(MAILBOX, [S_.REGISTERED, S_.ESCALATED, S_.HANDLED], 'convertLetter', S_.CONVERTED, MB, 'MB6'),
  ...rows(MAILBOX, [S_.REPLIED, S_.CLOSED], 'reopenLetter', S_.REOPENED, MB, 'SV2'),
  ...rows(MAILBOX, S_.REGISTERED, 'mergeLetters', S_.MERGED, MB, 'PV1'),
  ...rows(MAILBOX, OPEN_STATUSES.MAILBOX as LetterStatus[], 'extendDeadline', SAME, [L], 'PV3'),
  ...rows(MAILBOX, withoutConverted(OPEN_STATUSES.MAILBOX), 'voidLetter', S_.VOIDED, [O], 'PV1'),

  // ── deputy liaison stations (004) ──
  ...rows(RECEPTION, S_.REGISTERED, 'answerOnTheSpot', S_.CLOSED, [S], 'ST5'),
  ...rows(RECEPTION, S_.REGISTERED, 'classifyLetter', S_.CLASSIFIED, [S], 'ST4'),
  ...rows(RECEPTION, [S_.CLASSIFIED, S_.REOPENED], 'assignLetter', S_.ASSIGNED, [S], 'ST4'),
  ...rows(RECEPTION, [S_.ASSIGNED, S_.FORWARDED], 'followUpLetter', SAME, [S], 'ST4'),
  ...rows(RECEPTION, S_.ASSIGNED, 'reportResultToStation', S_.HANDLED, [S], 'ST4'),
  ...rows(RECEPTION, [S_.CLASSIFIED, S_.REOPENED], 'forwardLetter', S_.FORWARDED, [S, O], 'ST5'),
  ...rows(RECEPTION, S_.FORWARDED, 'reportResultToStation', S_.HANDLED, [D, S], 'ST5'),
  ...rows(RECEPTION, [S_.HANDLED, S_.CONVERTED], 'replyToLetter', S_.REPLIED, [S, M], 'ST4'),
  ...rows(RECEPTION, S_.REPLIED, 'closeLetter', S_.CLOSED, [S], 'ST4'),
  ...rows(RECEPTION, S_.CLASSIFIED, 'convertLetter', S_.CONVERTED, [S, M], 'ST5'),
  ...rows(RECEPTION, [S_.REPLIED, S_.CLOSED], 'reopenLetter', S_.REOPENED, [S], 'SV2'),
  ...rows(RECEPTION, [S_.REGISTERED, S_.CLASSIFIED], 'mergeLetters', S_.MERGED, [S], 'PV1'),
  ...rows(RECEPTION, OPEN_STATUSES.RECEPTION as LetterStatus[], 'extendDeadline', SAME, [L], 'PV3'),
  ...rows(RECEPTION, withoutConverted(OPEN_STATUSES.RECEPTION), 'voidLetter', S_.VOIDED, [O, S], 'PV1'),

  // ── in every flow ──
  ...common(OFFICE, [O, S, M], [O]),
  ...common(MAILBOX, [O, S, M], MB),
  ...common(RECEPTION, [O, S, M], [S, O]),
];

export function findTransition(flow: LetterFlow, from: LetterStatus | null, action: string): Transition | undefined {
  return TRANSITIONS.find((t) => t.flow === flow && t.from === from && t.action === action);
}

/** The steps a letter of `flow` in `status` allows, in table order (the record's own edits and the system's steps aside). */
export function allowedActions(flow: LetterFlow, status: LetterStatus): LetterAction[] {
  return [...new Set(TRANSITIONS.filter((t) => t.flow === flow && t.from === status && isStepAction(t.action)).map((t) => t.action))];
}

/**
 * Steps that are always at hand but are not the letter's next piece of work: a deadline's extension, a
 * hand-over, voiding, merging, turning it into something else, the higher office's date, reopening,
 * registering a writer's request for 复查/复核, a follow-up call, archiving. They are offered
 * (myActions) but do not put a letter on anyone's "to do" list (actionableByMe).
 */
export const SIDE_ACTIONS: readonly LetterAction[] = [
  'extendDeadline',
  'handOverLetter',
  'voidLetter',
  'mergeLetters',
  'convertLetter',
  'setLetterHigherOfficeDeadline',
  'reopenLetter',
  'requestReview',
  'requestReReview',
  'followUpLetter',
  'closeLetter',
];

/** A step that moves the letter on: the work someone has to do next. */
export const isPrimaryAction = (a: LetterAction) => isStepAction(a) && !SIDE_ACTIONS.includes(a);

/** A step someone takes on an existing letter with its own verb (a button in the console). */
export const isStepAction = (a: LetterAction) => !SYSTEM_ACTIONS.includes(a) && !RECORD_ACTIONS.includes(a);

/** TRANSITION_NOT_ALLOWED, naming what the letter's status does allow (in the message and `extensions.allowed`). */
export function transitionNotAllowed(flow: LetterFlow, from: LetterStatus | null, action: string): AppError {
  if (from === null) return new AppError('TRANSITION_NOT_ALLOWED', `${FLOW_LABELS[flow]}来信须先登记（registerLetter）`, { flow, from, action, allowed: ['registerLetter'] });
  const allowed = allowedActions(flow, from);
  const label = ACTION_LABELS[action as LetterAction] ?? action;
  const can = allowed.length
    ? `当前可执行：${allowed.map((a) => `${a}（${ACTION_LABELS[a]}）`).join('、')}`
    : '当前状态下不能再办理任何步骤';
  return new AppError(
    'TRANSITION_NOT_ALLOWED',
    `${FLOW_LABELS[flow]}来信处于「${STATUS_LABELS[from]}」状态，不能执行 ${action}（${label}）；${can}`,
    { flow, from, action, allowed },
  );
}

/** The step, or TRANSITION_NOT_ALLOWED. */
export function transitionFor(flow: LetterFlow, from: LetterStatus | null, action: string): Transition {
  const t = findTransition(flow, from, action);
  if (!t) throw transitionNotAllowed(flow, from, action);
  return t;
}

/** Whether an actor holding `roles` may take the step. */
export const mayTake = (t: Transition, roles: readonly Role[]) => t.roles.some((r) => roles.includes(r));

// ── pure rules the services apply besides the table ──

/** 复查/复核 are asked within 30 days of the previous answer (LAW 第35、36条; calendar days). */
export const REVIEW_WINDOW_DAYS = 30;

/** The last day to ask for 复查/复核: 30 calendar days after the answer, moved off a day off (DL3). */
export const reviewWindowEnd = (answeredOn: string, calendar: WorkingCalendar) =>
  computeDeadline({ start: answeredOn, days: REVIEW_WINDOW_DAYS, dayKind: 'CALENDAR_DAYS', ruleRef: 'LAW 第35、36条：30日' }, calendar).dueOn;

export const isWithinReviewWindow = (answeredOn: string, requestedOn: string, calendar: WorkingCalendar) =>
  requestedOn >= answeredOn && requestedOn <= reviewWindowEnd(answeredOn, calendar);

/** PV3 (LAW 第34条): a deadline is extended once, by at most 30 days. */
export const MAX_EXTENSION_DAYS = 30;

/** MB4: member → liaison group → county office → city office; null after the city office. */
export const ESCALATION_LADDER: readonly EscalationLevel[] = [
  EscalationLevel.MEMBER,
  EscalationLevel.LIAISON_GROUP,
  EscalationLevel.COUNTY_OFFICE,
  EscalationLevel.CITY_OFFICE,
];
export function nextEscalationLevel(current: EscalationLevel | null | undefined): EscalationLevel | null {
  const i = ESCALATION_LADDER.indexOf(current ?? EscalationLevel.MEMBER);
  return ESCALATION_LADDER[i + 1] ?? null;
}

/** 主要领导 (PV2): the chair of a CPPCC, the director of a congress standing committee, or a leader flagged principal. */
export const PRINCIPAL_POSITIONS: readonly LeaderPosition[] = ['CHAIR', 'DIRECTOR'] as LeaderPosition[];
export const isPrincipalLeader = (leader: { position: LeaderPosition; isPrincipal?: boolean | null }) =>
  PRINCIPAL_POSITIONS.includes(leader.position) || leader.isPrincipal === true;
