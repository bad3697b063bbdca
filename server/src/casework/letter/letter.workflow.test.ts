import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../common/working-days.js';
import { Role } from '../../platform/account/role.js';
import { OPERATIONS } from '../../access/access.operations.js';
import { AppError } from '../../common/errors.js';
import { EscalationLevel, LetterChannel, LetterStatus } from './letter.enums.js';
import {
  ACTION_LABELS,
  HIGHER_OFFICE_REPORT_STATUSES,
  LETTER_ACTIONS,
  LetterFlow,
  OPEN_STATUSES,
  STATUS_LABELS,
  TRANSITIONS,
  UNRESOLVED_STATUSES,
  allowedActions,
  findTransition,
  flowOf,
  isPrincipalLeader,
  isStepAction,
  SYSTEM_ACTIONS,
  isWithinReviewWindow,
  reviewWindowEnd,
  mayTake,
  nextEscalationLevel,
  transitionFor,
  type Transition,
} from './letter.workflow.js';

const ROLE_OF: Record<string, Role> = { O: Role.OFFICE_STAFF, L: Role.LEADER, M: Role.MEMBER, S: Role.STATION_STAFF, D: Role.DEPARTMENT_HANDLER };

/**
 * The tables as written down from 003 (office), 000 (mailboxes) and 004 (stations): flow, from,
 * action, to, roles (O office staff, L leader, M member, S station/group staff, D department handler),
 * rule. The module's table must be exactly this, row for row.
 */
const EXPECTED = `
  OFFICE REGISTERED acceptLetter ACCEPTED O PV2
  OFFICE REGISTERED declineLetter DECLINED O PV2
  OFFICE ACCEPTED proposeHandling PROPOSED O PV2
  OFFICE PROPOSED decideLetter DECIDED L PV2
  OFFICE DECIDED forwardLetter FORWARDED O PV7
  OFFICE REOPENED forwardLetter FORWARDED O PV7
  OFFICE FORWARDED recordHandlingResult HANDLED DO PV2
  OFFICE REOPENED recordHandlingResult HANDLED DO PV2
  OFFICE DECIDED recordInvestigation INVESTIGATED DO PV2
  OFFICE FORWARDED recordInvestigation INVESTIGATED DO PV2
  OFFICE INVESTIGATED confirmInvestigation INVESTIGATED L PV2
  OFFICE HANDLED concludeLetter CONCLUDED O PV2
  OFFICE INVESTIGATED concludeLetter CONCLUDED O PV2
  OFFICE CONCLUDED replyToLetter REPLIED O PV2
  OFFICE CONVERTED replyToLetter REPLIED O PV2
  OFFICE CONCLUDED approveHigherOfficeReport CONCLUDED L PV2
  OFFICE REPLIED approveHigherOfficeReport REPLIED L PV2
  OFFICE CONCLUDED reportToHigherOffice CONCLUDED O PV2
  OFFICE REPLIED reportToHigherOffice REPLIED O PV2
  OFFICE REPLIED requestReview REVIEWING O PV3
  OFFICE REVIEWING replyToLetter REVIEWED O PV3
  OFFICE REVIEWED requestReReview RE_REVIEWING O PV3
  OFFICE RE_REVIEWING replyToLetter RE_REVIEWED O PV3
  OFFICE REPLIED closeLetter CLOSED O PV3
  OFFICE REVIEWED closeLetter CLOSED O PV3
  OFFICE RE_REVIEWED closeLetter CLOSED O PV3
  OFFICE ACCEPTED convertLetter CONVERTED O CT5
  OFFICE REPLIED reopenLetter REOPENED O SV2
  OFFICE REVIEWED reopenLetter REOPENED O SV2
  OFFICE CLOSED reopenLetter REOPENED O SV2
  OFFICE REGISTERED mergeLetters MERGED O PV1
  OFFICE ACCEPTED mergeLetters MERGED O PV1
  OFFICE REGISTERED extendDeadline REGISTERED L PV3
  OFFICE ACCEPTED extendDeadline ACCEPTED L PV3
  OFFICE PROPOSED extendDeadline PROPOSED L PV3
  OFFICE DECIDED extendDeadline DECIDED L PV3
  OFFICE FORWARDED extendDeadline FORWARDED L PV3
  OFFICE INVESTIGATED extendDeadline INVESTIGATED L PV3
  OFFICE HANDLED extendDeadline HANDLED L PV3
  OFFICE CONCLUDED extendDeadline CONCLUDED L PV3
  OFFICE CONVERTED extendDeadline CONVERTED L PV3
  OFFICE REVIEWING extendDeadline REVIEWING L PV3
  OFFICE RE_REVIEWING extendDeadline RE_REVIEWING L PV3
  OFFICE REOPENED extendDeadline REOPENED L PV3
  OFFICE REGISTERED voidLetter VOIDED O PV1
  OFFICE ACCEPTED voidLetter VOIDED O PV1
  OFFICE PROPOSED voidLetter VOIDED O PV1
  OFFICE DECIDED voidLetter VOIDED O PV1
  OFFICE FORWARDED voidLetter VOIDED O PV1
  OFFICE INVESTIGATED voidLetter VOIDED O PV1
  OFFICE HANDLED voidLetter VOIDED O PV1
  OFFICE CONCLUDED voidLetter VOIDED O PV1
  OFFICE REVIEWING voidLetter VOIDED O PV1
  OFFICE RE_REVIEWING voidLetter VOIDED O PV1
  OFFICE REOPENED voidLetter VOIDED O PV1
  MAILBOX REGISTERED handleLetter HANDLED MSO MB4
  MAILBOX ESCALATED handleLetter HANDLED MSO MB4
  MAILBOX REOPENED handleLetter HANDLED MSO MB4
  MAILBOX REGISTERED escalateLetter ESCALATED MSO MB4
  MAILBOX ESCALATED escalateLetter ESCALATED MSO MB4
  MAILBOX REOPENED escalateLetter ESCALATED MSO MB4
  MAILBOX HANDLED concludeLetter CONCLUDED MSO MB4
  MAILBOX CONCLUDED replyToLetter REPLIED MSO MB5
  MAILBOX CONVERTED replyToLetter REPLIED MSO MB5
  MAILBOX REPLIED closeLetter CLOSED MSO MB7
  MAILBOX REGISTERED convertLetter CONVERTED MSO MB6
  MAILBOX ESCALATED convertLetter CONVERTED MSO MB6
  MAILBOX HANDLED convertLetter CONVERTED MSO MB6
  MAILBOX REPLIED reopenLetter REOPENED MSO SV2
  MAILBOX CLOSED reopenLetter REOPENED MSO SV2
  MAILBOX REGISTERED mergeLetters MERGED MSO PV1
  MAILBOX REGISTERED extendDeadline REGISTERED L PV3
  MAILBOX ESCALATED extendDeadline ESCALATED L PV3
  MAILBOX HANDLED extendDeadline HANDLED L PV3
  MAILBOX CONCLUDED extendDeadline CONCLUDED L PV3
  MAILBOX CONVERTED extendDeadline CONVERTED L PV3
  MAILBOX REOPENED extendDeadline REOPENED L PV3
  MAILBOX REGISTERED voidLetter VOIDED O PV1
  MAILBOX ESCALATED voidLetter VOIDED O PV1
  MAILBOX HANDLED voidLetter VOIDED O PV1
  MAILBOX CONCLUDED voidLetter VOIDED O PV1
  MAILBOX REOPENED voidLetter VOIDED O PV1
  RECEPTION REGISTERED answerOnTheSpot CLOSED S ST5
  RECEPTION REGISTERED classifyLetter CLASSIFIED S ST4
  RECEPTION CLASSIFIED assignLetter ASSIGNED S ST4
  RECEPTION REOPENED assignLetter ASSIGNED S ST4
  RECEPTION ASSIGNED followUpLetter ASSIGNED S ST4
  RECEPTION FORWARDED followUpLetter FORWARDED S ST4
  RECEPTION ASSIGNED reportResultToStation HANDLED S ST4
  RECEPTION CLASSIFIED forwardLetter FORWARDED SO ST5
  RECEPTION REOPENED forwardLetter FORWARDED SO ST5
  RECEPTION FORWARDED reportResultToStation HANDLED DS ST5
  RECEPTION HANDLED replyToLetter REPLIED SM ST4
  RECEPTION CONVERTED replyToLetter REPLIED SM ST4
  RECEPTION REPLIED closeLetter CLOSED S ST4
  RECEPTION CLASSIFIED convertLetter CONVERTED SM ST5
  RECEPTION REPLIED reopenLetter REOPENED S SV2
  RECEPTION CLOSED reopenLetter REOPENED S SV2
  RECEPTION REGISTERED mergeLetters MERGED S PV1
  RECEPTION CLASSIFIED mergeLetters MERGED S PV1
  RECEPTION REGISTERED extendDeadline REGISTERED L PV3
  RECEPTION CLASSIFIED extendDeadline CLASSIFIED L PV3
  RECEPTION ASSIGNED extendDeadline ASSIGNED L PV3
  RECEPTION FORWARDED extendDeadline FORWARDED L PV3
  RECEPTION HANDLED extendDeadline HANDLED L PV3
  RECEPTION CONVERTED extendDeadline CONVERTED L PV3
  RECEPTION REOPENED extendDeadline REOPENED L PV3
  RECEPTION REGISTERED voidLetter VOIDED OS PV1
  RECEPTION CLASSIFIED voidLetter VOIDED OS PV1
  RECEPTION ASSIGNED voidLetter VOIDED OS PV1
  RECEPTION FORWARDED voidLetter VOIDED OS PV1
  RECEPTION HANDLED voidLetter VOIDED OS PV1
  RECEPTION REOPENED voidLetter VOIDED OS PV1
  OFFICE null registerLetter REGISTERED OSM PV1
  OFFICE REGISTERED updateLetter REGISTERED OSM PV1
  OFFICE ACCEPTED updateLetter ACCEPTED OSM PV1
  OFFICE PROPOSED updateLetter PROPOSED OSM PV1
  OFFICE DECIDED updateLetter DECIDED OSM PV1
  OFFICE FORWARDED updateLetter FORWARDED OSM PV1
  OFFICE INVESTIGATED updateLetter INVESTIGATED OSM PV1
  OFFICE HANDLED updateLetter HANDLED OSM PV1
  OFFICE CONCLUDED updateLetter CONCLUDED OSM PV1
  OFFICE CONVERTED updateLetter CONVERTED OSM PV1
  OFFICE REVIEWING updateLetter REVIEWING OSM PV1
  OFFICE RE_REVIEWING updateLetter RE_REVIEWING OSM PV1
  OFFICE REOPENED updateLetter REOPENED OSM PV1
  OFFICE DECLINED updateLetter DECLINED OSM PV1
  OFFICE REPLIED updateLetter REPLIED OSM PV1
  OFFICE REVIEWED updateLetter REVIEWED OSM PV1
  OFFICE RE_REVIEWED updateLetter RE_REVIEWED OSM PV1
  OFFICE CLOSED updateLetter CLOSED OSM PV1
  OFFICE REGISTERED setLetterHigherOfficeDeadline REGISTERED O PV3
  OFFICE ACCEPTED setLetterHigherOfficeDeadline ACCEPTED O PV3
  OFFICE PROPOSED setLetterHigherOfficeDeadline PROPOSED O PV3
  OFFICE DECIDED setLetterHigherOfficeDeadline DECIDED O PV3
  OFFICE FORWARDED setLetterHigherOfficeDeadline FORWARDED O PV3
  OFFICE INVESTIGATED setLetterHigherOfficeDeadline INVESTIGATED O PV3
  OFFICE HANDLED setLetterHigherOfficeDeadline HANDLED O PV3
  OFFICE CONCLUDED setLetterHigherOfficeDeadline CONCLUDED O PV3
  OFFICE CONVERTED setLetterHigherOfficeDeadline CONVERTED O PV3
  OFFICE REVIEWING setLetterHigherOfficeDeadline REVIEWING O PV3
  OFFICE RE_REVIEWING setLetterHigherOfficeDeadline RE_REVIEWING O PV3
  OFFICE REOPENED setLetterHigherOfficeDeadline REOPENED O PV3
  OFFICE REPLIED setLetterHigherOfficeDeadline REPLIED O PV3
  OFFICE REGISTERED handOverLetter REGISTERED O PV4
  OFFICE ACCEPTED handOverLetter ACCEPTED O PV4
  OFFICE PROPOSED handOverLetter PROPOSED O PV4
  OFFICE DECIDED handOverLetter DECIDED O PV4
  OFFICE FORWARDED handOverLetter FORWARDED O PV4
  OFFICE INVESTIGATED handOverLetter INVESTIGATED O PV4
  OFFICE HANDLED handOverLetter HANDLED O PV4
  OFFICE CONCLUDED handOverLetter CONCLUDED O PV4
  OFFICE CONVERTED handOverLetter CONVERTED O PV4
  OFFICE REVIEWING handOverLetter REVIEWING O PV4
  OFFICE RE_REVIEWING handOverLetter RE_REVIEWING O PV4
  OFFICE REOPENED handOverLetter REOPENED O PV4
  OFFICE REPLIED escalateAfterRating REPLIED OS SV2
  OFFICE REVIEWED escalateAfterRating REVIEWED OS SV2
  OFFICE RE_REVIEWED escalateAfterRating RE_REVIEWED OS SV2
  OFFICE CLOSED escalateAfterRating CLOSED OS SV2
  MAILBOX null registerLetter REGISTERED OSM PV1
  MAILBOX REGISTERED updateLetter REGISTERED OSM PV1
  MAILBOX ESCALATED updateLetter ESCALATED OSM PV1
  MAILBOX HANDLED updateLetter HANDLED OSM PV1
  MAILBOX CONCLUDED updateLetter CONCLUDED OSM PV1
  MAILBOX CONVERTED updateLetter CONVERTED OSM PV1
  MAILBOX REOPENED updateLetter REOPENED OSM PV1
  MAILBOX REPLIED updateLetter REPLIED OSM PV1
  MAILBOX CLOSED updateLetter CLOSED OSM PV1
  MAILBOX REGISTERED setLetterHigherOfficeDeadline REGISTERED O PV3
  MAILBOX ESCALATED setLetterHigherOfficeDeadline ESCALATED O PV3
  MAILBOX HANDLED setLetterHigherOfficeDeadline HANDLED O PV3
  MAILBOX CONCLUDED setLetterHigherOfficeDeadline CONCLUDED O PV3
  MAILBOX CONVERTED setLetterHigherOfficeDeadline CONVERTED O PV3
  MAILBOX REOPENED setLetterHigherOfficeDeadline REOPENED O PV3
  MAILBOX REPLIED setLetterHigherOfficeDeadline REPLIED O PV3
  MAILBOX REGISTERED handOverLetter REGISTERED MSO PV4
  MAILBOX ESCALATED handOverLetter ESCALATED MSO PV4
  MAILBOX HANDLED handOverLetter HANDLED MSO PV4
  MAILBOX CONCLUDED handOverLetter CONCLUDED MSO PV4
  MAILBOX CONVERTED handOverLetter CONVERTED MSO PV4
  MAILBOX REOPENED handOverLetter REOPENED MSO PV4
  MAILBOX REPLIED escalateAfterRating REPLIED OS SV2
  MAILBOX CLOSED escalateAfterRating CLOSED OS SV2
  RECEPTION null registerLetter REGISTERED OSM PV1
  RECEPTION REGISTERED updateLetter REGISTERED OSM PV1
  RECEPTION CLASSIFIED updateLetter CLASSIFIED OSM PV1
  RECEPTION ASSIGNED updateLetter ASSIGNED OSM PV1
  RECEPTION FORWARDED updateLetter FORWARDED OSM PV1
  RECEPTION HANDLED updateLetter HANDLED OSM PV1
  RECEPTION CONVERTED updateLetter CONVERTED OSM PV1
  RECEPTION REOPENED updateLetter REOPENED OSM PV1
  RECEPTION REPLIED updateLetter REPLIED OSM PV1
  RECEPTION CLOSED updateLetter CLOSED OSM PV1
  RECEPTION REGISTERED setLetterHigherOfficeDeadline REGISTERED O PV3
  RECEPTION CLASSIFIED setLetterHigherOfficeDeadline CLASSIFIED O PV3
  RECEPTION ASSIGNED setLetterHigherOfficeDeadline ASSIGNED O PV3
  RECEPTION FORWARDED setLetterHigherOfficeDeadline FORWARDED O PV3
  RECEPTION HANDLED setLetterHigherOfficeDeadline HANDLED O PV3
  RECEPTION CONVERTED setLetterHigherOfficeDeadline CONVERTED O PV3
  RECEPTION REOPENED setLetterHigherOfficeDeadline REOPENED O PV3
  RECEPTION REPLIED setLetterHigherOfficeDeadline REPLIED O PV3
  RECEPTION REGISTERED handOverLetter REGISTERED SO PV4
  RECEPTION CLASSIFIED handOverLetter CLASSIFIED SO PV4
  RECEPTION ASSIGNED handOverLetter ASSIGNED SO PV4
  RECEPTION FORWARDED handOverLetter FORWARDED SO PV4
  RECEPTION HANDLED handOverLetter HANDLED SO PV4
  RECEPTION CONVERTED handOverLetter CONVERTED SO PV4
  RECEPTION REOPENED handOverLetter REOPENED SO PV4
  RECEPTION REPLIED escalateAfterRating REPLIED OS SV2
  RECEPTION CLOSED escalateAfterRating CLOSED OS SV2
`
  .trim()
  .split('\n')
  .map((line) => {
    const [flow, from, action, to, roles, rule] = line.trim().split(/\s+/);
    return { flow, from: from === 'null' ? null : from, action, to, roles: [...roles].map((r) => ROLE_OF[r]), rule } as unknown as Transition;
  });

const key = (t: Pick<Transition, 'flow' | 'from' | 'action'>) => `${t.flow} ${t.from} ${t.action}`;
const FLOWS = Object.values(LetterFlow);
const STATUSES = Object.values(LetterStatus);

const refusal = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

/** The row, or the code of the refusal. */
const outcome = (flow: LetterFlow, from: LetterStatus, action: string): Transition | string => {
  try {
    return transitionFor(flow, from, action);
  } catch (e) {
    return (e as AppError).extensions.code as string;
  }
};

/** A calendar without holidays: weekends are the only days off. */
const weekendsOnly = new WorkingCalendar([], [2026]);

describe('the transition tables (PV2, MB4, ST4, ST5)', () => {
  it('are exactly the rows written down from 003, 000 and 004', () => {
    expect(TRANSITIONS.map((t) => ({ ...t, roles: [...t.roles] }))).toEqual(EXPECTED);
  });

  it('have one row per flow, status and action', () => {
    expect(new Set(TRANSITIONS.map(key)).size).toBe(TRANSITIONS.length);
  });

  describe.each(EXPECTED.map((t) => [`${t.flow}: ${t.from} --${t.action}--> ${t.to}`, t] as const))('%s', (_title, row) => {
    it('is found, leads to its status, and is listed among the allowed actions', () => {
      expect(transitionFor(row.flow, row.from, row.action)).toEqual({ ...row, roles: row.roles });
      // registration, the record's form and the system's steps are rows, not buttons
      expect(row.from !== null && allowedActions(row.flow, row.from).includes(row.action)).toBe(row.from !== null && isStepAction(row.action));
    });

    it('is open to its roles and to no other casework role', () => {
      for (const role of [Role.OFFICE_STAFF, Role.LEADER, Role.MEMBER, Role.STATION_STAFF, Role.DEPARTMENT_HANDLER, Role.COMMITTEE_STAFF]) {
        expect(mayTake(row, [role])).toBe(row.roles.includes(role));
      }
    });

    it('is refused in the other flows unless they have the same row', () => {
      for (const flow of FLOWS.filter((f) => f !== row.flow)) {
        const other = EXPECTED.find((t) => t.flow === flow && t.from === row.from && t.action === row.action);
        expect(outcome(flow, row.from, row.action)).toEqual(other ?? 'TRANSITION_NOT_ALLOWED');
      }
    });
  });
});

describe('refusals name the allowed actions', () => {
  it('refuses every action not in the table with TRANSITION_NOT_ALLOWED and the allowed list', () => {
    let refused = 0;
    for (const flow of FLOWS) {
      for (const status of STATUSES) {
        const rows = EXPECTED.filter((t) => t.flow === flow && t.from === status).map((t) => t.action);
        const allowed = [...new Set(rows.filter(isStepAction))];
        expect(allowedActions(flow, status)).toEqual(allowed);
        for (const action of LETTER_ACTIONS.filter((a) => !rows.includes(a))) {
          const e = refusal(() => transitionFor(flow, status, action));
          expect(e).toBeInstanceOf(AppError);
          expect(e.extensions).toEqual({ code: 'TRANSITION_NOT_ALLOWED', flow, from: status, action, allowed });
          refused++;
        }
      }
    }
    const fromNull = TRANSITIONS.filter((t) => t.from === null).length;
    expect(refused).toBe(FLOWS.length * STATUSES.length * LETTER_ACTIONS.length - (TRANSITIONS.length - fromNull));
  });

  it('says in Chinese which steps the status allows', () => {
    const e = refusal(() => transitionFor(LetterFlow.OFFICE, LetterStatus.REGISTERED, 'forwardLetter'));
    expect(e.message).toBe(
      '机关信访来信处于「已登记」状态，不能执行 forwardLetter（转办）；当前可执行：acceptLetter（受理）、declineLetter（不予受理）、mergeLetters（合并重复件）、extendDeadline（延长办理期限）、voidLetter（作废）、setLetterHigherOfficeDeadline（登记上级机关时限）、handOverLetter（移交）',
    );
    const done = refusal(() => transitionFor(LetterFlow.MAILBOX, LetterStatus.VOIDED, 'reopenLetter'));
    expect(done.message).toBe('委员信箱来信处于「已作废」状态，不能执行 reopenLetter（重新办理）；当前状态下不能再办理任何步骤');
    expect(done.extensions.allowed).toEqual([]);
  });

  it('gives nothing to do once declined, merged or voided, and nothing after 复核 but archiving', () => {
    for (const flow of FLOWS) {
      for (const s of [LetterStatus.DECLINED, LetterStatus.MERGED, LetterStatus.VOIDED]) expect(allowedActions(flow, s)).toEqual([]);
    }
    expect(allowedActions(LetterFlow.OFFICE, LetterStatus.RE_REVIEWED)).toEqual(['closeLetter']);
    for (const flow of FLOWS) expect(transitionFor(flow, null, 'registerLetter').to).toBe(LetterStatus.REGISTERED);
  });
});

describe('the shape of the flows', () => {
  it.each(FLOWS)('every status used in the %s flow is reached from REGISTERED', (flow) => {
    const rows = EXPECTED.filter((t) => t.flow === flow);
    const reached = new Set<string>([LetterStatus.REGISTERED]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of rows) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    const used = new Set(rows.flatMap((t) => [t.from, t.to]).filter((st) => st !== null));
    expect([...used].filter((s) => !reached.has(s))).toEqual([]);
  });

  it('routes channels to flows: mailbox letters (MB4), reception issues (ST4), everything else to the office (PV2)', () => {
    expect(Object.fromEntries(Object.values(LetterChannel).map((c) => [c, flowOf(c)]))).toEqual({
      MAILBOX: 'MAILBOX',
      POST: 'OFFICE',
      VISIT: 'OFFICE',
      PHONE: 'OFFICE',
      ONLINE: 'OFFICE',
      RECEPTION: 'RECEPTION',
      CONTACT_VISIT: 'OFFICE',
      REFERRED: 'OFFICE',
    });
  });

  it('lets the deadline be extended in exactly the open statuses, and voided in those not yet converted (PV3)', () => {
    for (const flow of FLOWS) {
      expect(EXPECTED.filter((t) => t.flow === flow && t.action === 'extendDeadline').map((t) => t.from)).toEqual(OPEN_STATUSES[flow]);
      expect(EXPECTED.filter((t) => t.flow === flow && t.action === 'voidLetter').map((t) => t.from)).toEqual(
        OPEN_STATUSES[flow].filter((s) => s !== LetterStatus.CONVERTED),
      );
    }
    expect(new Set(UNRESOLVED_STATUSES)).toEqual(new Set(FLOWS.flatMap((f) => OPEN_STATUSES[f])));
    expect(UNRESOLVED_STATUSES).not.toContain(LetterStatus.REPLIED);
    expect(UNRESOLVED_STATUSES).not.toContain(LetterStatus.CLOSED);
  });

  it('needs a leader for 批示, the signature of the investigation and every extension (PV2, PV3)', () => {
    for (const action of ['decideLetter', 'confirmInvestigation', 'extendDeadline']) {
      expect(new Set(EXPECTED.filter((t) => t.action === action).flatMap((t) => t.roles))).toEqual(new Set([Role.LEADER]));
    }
  });

  it('has a Chinese label for every action and status', () => {
    for (const a of LETTER_ACTIONS) expect(ACTION_LABELS[a]).toMatch(/\p{Script=Han}/u);
    for (const s of STATUSES) expect(STATUS_LABELS[s]).toMatch(/\p{Script=Han}/u);
    expect(new Set(TRANSITIONS.map((t) => t.action))).toEqual(new Set(LETTER_ACTIONS));
  });

  it('registers each verb in OPERATIONS with exactly the roles of its rows', () => {
    for (const action of LETTER_ACTIONS.filter((a) => !SYSTEM_ACTIONS.includes(a))) {
      const roles = new Set(TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.roles));
      expect([action, new Set(OPERATIONS[action] as Role[])]).toEqual([action, roles]);
    }
    // the system's steps are taken by what causes them (a rating), never called
    expect(SYSTEM_ACTIONS.map((a) => OPERATIONS[a])).toEqual([undefined]);
    expect(OPERATIONS.urgentLetters).toEqual([Role.LEADER, Role.OFFICE_STAFF]);
  });

  it('finds no row for an unknown action', () => {
    expect(findTransition(LetterFlow.OFFICE, LetterStatus.REGISTERED, 'deleteLetter')).toBeUndefined();
  });
});

describe('reporting back to a higher office (PV2)', () => {
  it('lets the office report to the higher office once the letter is concluded or replied, leaving the status as it is (PV2)', () => {
    const rows = TRANSITIONS.filter((t) => t.action === 'reportToHigherOffice');
    expect(rows.map((t) => [t.flow, t.from, t.to, t.roles, t.rule])).toEqual([
      [LetterFlow.OFFICE, LetterStatus.CONCLUDED, LetterStatus.CONCLUDED, [Role.OFFICE_STAFF], 'PV2'],
      [LetterFlow.OFFICE, LetterStatus.REPLIED, LetterStatus.REPLIED, [Role.OFFICE_STAFF], 'PV2'],
    ]);
    expect(HIGHER_OFFICE_REPORT_STATUSES).toEqual([LetterStatus.CONCLUDED, LetterStatus.REPLIED]);
    for (const s of [LetterStatus.FORWARDED, LetterStatus.HANDLED, LetterStatus.INVESTIGATED]) {
      expect(refusal(() => transitionFor(LetterFlow.OFFICE, s, 'reportToHigherOffice')).extensions.code).toBe('TRANSITION_NOT_ALLOWED');
    }
    expect(findTransition(LetterFlow.MAILBOX, LetterStatus.REPLIED, 'reportToHigherOffice')).toBeUndefined();
    expect(OPERATIONS.reportToHigherOffice).toEqual([Role.OFFICE_STAFF]);
  });
});

describe('the rules besides the table', () => {
  it('takes a 复查 or 复核 request within 30 days of the previous answer, not before it (PV3)', () => {
    expect(isWithinReviewWindow('2026-03-02', '2026-03-02', weekendsOnly)).toBe(true);
    expect(isWithinReviewWindow('2026-03-02', '2026-04-01', weekendsOnly)).toBe(true);
    expect(isWithinReviewWindow('2026-03-02', '2026-04-02', weekendsOnly)).toBe(false);
    expect(isWithinReviewWindow('2026-03-02', '2026-03-01', weekendsOnly)).toBe(false);
  });

  it('moves the last day of the 30 to the next working day when it is a day off (DL3, PV3)', () => {
    // answered Friday 27 February: day 30 is Sunday 29 March, so Monday 30 March is still in time
    expect(reviewWindowEnd('2026-02-27', weekendsOnly)).toBe('2026-03-30');
    expect(isWithinReviewWindow('2026-02-27', '2026-03-30', weekendsOnly)).toBe(true);
    expect(isWithinReviewWindow('2026-02-27', '2026-03-31', weekendsOnly)).toBe(false);
  });

  it('climbs the mailbox ladder one rung at a time and stops at the city office (MB4)', () => {
    expect(nextEscalationLevel(null)).toBe(EscalationLevel.LIAISON_GROUP);
    expect(nextEscalationLevel(EscalationLevel.MEMBER)).toBe(EscalationLevel.LIAISON_GROUP);
    expect(nextEscalationLevel(EscalationLevel.LIAISON_GROUP)).toBe(EscalationLevel.COUNTY_OFFICE);
    expect(nextEscalationLevel(EscalationLevel.COUNTY_OFFICE)).toBe(EscalationLevel.CITY_OFFICE);
    expect(nextEscalationLevel(EscalationLevel.CITY_OFFICE)).toBeNull();
  });

  it('takes the chair and the director, or a leader flagged principal, as principal leaders (PV2)', () => {
    expect(isPrincipalLeader({ position: 'CHAIR' as any })).toBe(true);
    expect(isPrincipalLeader({ position: 'DIRECTOR' as any })).toBe(true);
    expect(isPrincipalLeader({ position: 'SECRETARY_GENERAL' as any, isPrincipal: false })).toBe(false);
    expect(isPrincipalLeader({ position: 'VICE_CHAIR' as any, isPrincipal: true })).toBe(true);
    expect(isPrincipalLeader({ position: 'DEPUTY_DIRECTOR' as any })).toBe(false);
  });
});
