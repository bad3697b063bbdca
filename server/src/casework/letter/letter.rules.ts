/**
 * The rules a step checks besides the transition table, as pure predicates named by their rule id.
 * Each rule has three faces that must agree: `holds` (a letter in memory: the verb refuses when it
 * fails, and `myActions` leaves the step out), `where` (the same condition in SQL for
 * `actionableByMe`), and `refusal` (the error the verb gives). `applies` says when the rule binds at
 * all (e.g. only for an actor who acts as a department handler).
 */
import type { FilterQuery } from '@mikro-orm/core';
import { Role } from '../../platform/account/role.js';
import { AppError, badInput, conflict } from '../../common/errors.js';
import type { Letter } from './letter.entity.js';
import { EscalationLevel, LetterStatus } from './letter.enums.js';
import type { LetterAction, Transition } from './letter.workflow.js';

/** Who acts, as far as the rules need it. */
export interface ActorFacts {
  accountId: number | null;
  name: string;
  /** null for internal work (no session): no rule about the actor binds. */
  roles: readonly Role[] | null;
  departmentId: number | null;
  leaderId: number | null;
  memberId: number | null;
  /** The actor's leader record, when they are linked to one. */
  leader: { isPrincipal: boolean } | null;
}

export interface LetterRule {
  /** The rule id (docs/rules.md). */
  rule: string;
  applies?: (a: ActorFacts, t: Transition) => boolean;
  holds: (l: Letter, a: ActorFacts) => boolean;
  where: (a: ActorFacts) => FilterQuery<Letter>;
  refusal: (l: Letter, a: ActorFacts) => AppError;
  /** The verb checks the rule itself, after its arguments (which may name someone else); the step does not. */
  checkedByVerb?: true;
}

/** The roles the actor takes a step with: theirs that the step's row names. */
const stepRoles = (a: ActorFacts, t: Transition) => (a.roles ?? []).filter((r) => t.roles.includes(r));
const actsOnlyAs = (role: Role) => (a: ActorFacts, t: Transition) => {
  const roles = stepRoles(a, t);
  return roles.length > 0 && roles.every((r) => r === role);
};
const NONE = { id: null } as FilterQuery<Letter>;
const NO_ACTOR: ActorFacts = { accountId: null, name: '', roles: null, departmentId: null, leaderId: null, memberId: null, leader: null };

/** PV7 (PR2): a department handler records results only for letters their department leads. */
export const PV7_leadDepartmentRecords: LetterRule = {
  rule: 'PV7',
  applies: actsOnlyAs(Role.DEPARTMENT_HANDLER),
  holds: (l, a) => a.departmentId != null && l.leadDepartment?.id === a.departmentId,
  where: (a) => (a.departmentId == null ? NONE : ({ leadDepartment: a.departmentId } as FilterQuery<Letter>)),
  refusal: () => new AppError('FORBIDDEN', '只有主办单位能登记办理结果；协办单位请将情况交主办单位（PV7）', { reason: 'NOT_LEAD_DEPARTMENT', rule: 'PV7' }),
};

/** PV2: an investigation is signed by two different people; the leader confirms with their own account, once. */
export const PV2_secondSigner: LetterRule = {
  rule: 'PV2',
  applies: (a) => a.roles !== null,
  holds: (l, a) =>
    !l.investigationLeaderName &&
    a.accountId != null &&
    l.investigationHandlerAccount?.id !== a.accountId &&
    !(l.investigationHandlerAccount == null && l.investigationHandlerName === a.name),
  where: (a) =>
    a.accountId == null
      ? NONE
      : ({
          investigationLeaderName: null,
          $and: [
            { $or: [{ investigationHandlerAccount: null }, { investigationHandlerAccount: { $ne: a.accountId } }] },
            { $or: [{ investigationHandlerAccount: { $ne: null } }, { investigationHandlerName: null }, { investigationHandlerName: { $ne: a.name } }] },
          ],
        } as FilterQuery<Letter>),
  refusal: (l, a) => {
    if (l.investigationLeaderName) {
      return conflict(`调查记录已由分管领导${l.investigationLeaderName}于 ${l.investigationLeaderSignedOn} 签字确认`, { reason: 'ALREADY_CONFIRMED', rule: 'PV2' });
    }
    if (a.accountId == null) return new AppError('FORBIDDEN', '分管领导须以本人账号签字确认', { reason: 'ACCOUNT_REQUIRED', rule: 'PV2' });
    return new AppError('FORBIDDEN', '调查记录须由承办人和分管领导两人分别签字，承办人不能再确认（PV2）', { reason: 'SAME_SIGNER', rule: 'PV2' });
  },
};

/** PV2: an investigated letter is concluded only once the leader in charge has signed. */
export const PV2_investigationSigned: LetterRule = {
  rule: 'PV2',
  holds: (l) => l.status !== LetterStatus.INVESTIGATED || !!l.investigationLeaderName,
  where: () => ({ $or: [{ status: { $ne: LetterStatus.INVESTIGATED } }, { investigationLeaderName: { $ne: null } }] }) as FilterQuery<Letter>,
  refusal: () =>
    conflict('调查记录尚未经分管领导签字确认（confirmInvestigation），不能办结（PV2）', { reason: 'INVESTIGATION_NOT_CONFIRMED', rule: 'PV2' }),
};

/**
 * PV2: an important letter is decided by a principal leader. A leader account linked to a leader
 * decides in that leader's name; one without a link names the leader (checked with the argument).
 */
export const PV2_principalDecidesImportant: LetterRule = {
  rule: 'PV2',
  applies: (a, t) => a.leader != null && actsOnlyAs(Role.LEADER)(a, t),
  holds: (l, a) => !l.isImportant || a.leader!.isPrincipal,
  where: (a) => (a.leader!.isPrincipal ? {} : ({ isImportant: false } as FilterQuery<Letter>)),
  refusal: (_l, a) => badInput('leaderId', `重要来信须送主要领导批示（PV2），${a.name}不是主要领导`, { rule: 'PV2' }),
  // decideLetter checks the leader it is given (its own check is this one for a linked leader)
  checkedByVerb: true,
};

/** PV2: only a letter a higher office referred (with its date) is reported back to it, and once. */
export const PV2_higherOfficeAwaitsReport: LetterRule = {
  rule: 'PV2',
  holds: (l) => !!l.higherOfficeDueOn && !l.reportedToHigherOfficeOn,
  where: () => ({ higherOfficeDueOn: { $ne: null }, reportedToHigherOfficeOn: null }) as FilterQuery<Letter>,
  refusal: (l) =>
    l.reportedToHigherOfficeOn
      ? conflict(`已于 ${l.reportedToHigherOfficeOn} 向${l.higherOfficeName?.trim() || '上级机关'}报告办理结果（PV2）`, { reason: 'ALREADY_REPORTED', rule: 'PV2' })
      : conflict('来信没有上级机关交办的时限，无需向上级机关报告（PV2）；请先登记上级机关时限（setLetterHigherOfficeDeadline）', {
          reason: 'NO_HIGHER_OFFICE_DEADLINE',
          rule: 'PV2',
        }),
};

/** PV2 (003 §三.4): the report goes up only after a leader reviewed and approved it (经领导审查同意后上报). */
export const PV2_reportApproved: LetterRule = {
  rule: 'PV2',
  holds: (l) => !!l.higherOfficeReportApprovedOn,
  where: () => ({ higherOfficeReportApprovedOn: { $ne: null } }) as FilterQuery<Letter>,
  refusal: () => conflict('向上级机关的报告须先经领导审核同意（approveHigherOfficeReport，PV2）', { reason: 'REPORT_NOT_APPROVED', rule: 'PV2' }),
};

/** PV2: a report is approved once. */
export const PV2_reportNotYetApproved: LetterRule = {
  rule: 'PV2',
  holds: (l) => !l.higherOfficeReportApprovedOn,
  where: () => ({ higherOfficeReportApprovedOn: null }) as FilterQuery<Letter>,
  refusal: (l) =>
    conflict(`报告已由${l.higherOfficeReportApprovedBy}于 ${l.higherOfficeReportApprovedOn} 审核同意（PV2）`, { reason: 'ALREADY_APPROVED', rule: 'PV2' }),
};

/** PV3 (LAW 第34条): a deadline is extended once. */
export const PV3_extendedOnce: LetterRule = {
  rule: 'PV3',
  holds: (l) => l.deadlineExtendedDays == null,
  where: () => ({ deadlineExtendedDays: null }) as FilterQuery<Letter>,
  refusal: (l) =>
    conflict(`办理期限只能延长一次（PV3），已由${l.deadlineExtensionApprovedBy}批准延长 ${l.deadlineExtendedDays} 日`, { reason: 'ALREADY_EXTENDED', rule: 'PV3' }),
};

/** SV2: a letter is reopened once; after 复核 the same matter is not handled again (LAW 第36条). */
export const SV2_reopenedOnce: LetterRule = {
  rule: 'SV2',
  holds: (l) => !l.reReviewAnsweredOn && (l.reopenCount ?? 0) < 1,
  where: () => ({ reReviewAnsweredOn: null, reopenCount: { $lt: 1 } }) as FilterQuery<Letter>,
  refusal: (l) =>
    l.reReviewAnsweredOn
      ? conflict(`同一事项已于 ${l.reReviewAnsweredOn} 复核答复，不再受理（LAW 第36条）`, { reason: 'RE_REVIEWED', rule: 'PV3' })
      : conflict('来信已重新办理过一次；再次不满意应上报处理（SV2）', { reason: 'ALREADY_REOPENED', rule: 'SV2' }),
};

/** MB4: the ladder ends at the city office. */
export const MB4_belowTopOfLadder: LetterRule = {
  rule: 'MB4',
  holds: (l) => l.escalationLevel !== EscalationLevel.CITY_OFFICE,
  where: () => ({ $or: [{ escalationLevel: null }, { escalationLevel: { $ne: EscalationLevel.CITY_OFFICE } }] }) as FilterQuery<Letter>,
  refusal: () => conflict('已上报至市政协，不能再上报（MB4）', { reason: 'TOP_OF_LADDER', rule: 'MB4' }),
};

/** PV4: the owner hands a letter on; the office may hand over any letter in its reach. */
export const PV4_ownerHandsOver: LetterRule = {
  rule: 'PV4',
  applies: (a, t) => !stepRoles(a, t).includes(Role.OFFICE_STAFF) && a.roles !== null,
  holds: (l, a) => a.accountId != null && l.ownerAccount?.id === a.accountId,
  where: (a) => (a.accountId == null ? NONE : ({ ownerAccount: a.accountId } as FilterQuery<Letter>)),
  refusal: () => new AppError('FORBIDDEN', '只有首问责任人或办公室能移交来信（PV4）', { reason: 'NOT_OWNER', rule: 'PV4' }),
};

/** The rules each verb checks before it changes anything, in order. */
export const VERB_RULES: Partial<Record<LetterAction, readonly LetterRule[]>> = {
  recordHandlingResult: [PV7_leadDepartmentRecords],
  recordInvestigation: [PV7_leadDepartmentRecords],
  reportResultToStation: [PV7_leadDepartmentRecords],
  confirmInvestigation: [PV2_secondSigner],
  concludeLetter: [PV2_investigationSigned],
  decideLetter: [PV2_principalDecidesImportant],
  approveHigherOfficeReport: [PV2_higherOfficeAwaitsReport, PV2_reportNotYetApproved],
  reportToHigherOffice: [PV2_higherOfficeAwaitsReport, PV2_reportApproved],
  extendDeadline: [PV3_extendedOnce],
  reopenLetter: [SV2_reopenedOnce],
  escalateLetter: [MB4_belowTopOfLadder],
  handOverLetter: [PV4_ownerHandsOver],
};

const bound = (t: Transition, a: ActorFacts) => (VERB_RULES[t.action] ?? []).filter((r) => !r.applies || r.applies(a, t));

/** The first rule of the step that the letter breaks for the actor, or null; `byStep`: only those the step checks. */
export function brokenRule(l: Letter, a: ActorFacts, t: Transition, byStep = false): LetterRule | null {
  return bound(t, a).find((r) => !(byStep && r.checkedByVerb) && !r.holds(l, a)) ?? null;
}

/** Whether the rules of `action` that ask nothing of the actor hold for the letter (allowedActions). */
export function letterAllows(l: Letter, action: LetterAction): boolean {
  return (VERB_RULES[action] ?? []).filter((r) => !r.applies).every((r) => r.holds(l, NO_ACTOR));
}

/** The step's rules as one SQL condition for the actor ({} when none binds). */
export function rulesWhere(a: ActorFacts, t: Transition): FilterQuery<Letter> {
  const conds = bound(t, a).map((r) => r.where(a));
  return (conds.length === 0 ? {} : conds.length === 1 ? conds[0] : { $and: conds }) as FilterQuery<Letter>;
}

/** PV5: a person or unit the letter names as involved never hears of it (第30条). */
export function PV5_notInvolved(
  letter: { involvedDepartmentIds: readonly number[]; involvedPersons: string | null | undefined },
  who: { departmentId: number | null; personNames: readonly string[] },
): boolean {
  if (who.departmentId != null && letter.involvedDepartmentIds.includes(who.departmentId)) return false;
  const persons = letter.involvedPersons ?? '';
  // the same test as the read scope (access.table.ts): a name of two or more characters appearing in the text
  return !who.personNames.some((n) => n.length >= 2 && persons.includes(n));
}
