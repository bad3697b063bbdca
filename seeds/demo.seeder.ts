import type { Faker } from '@faker-js/faker';
import { runRecompute } from '../server/src/casework/letter/letter.deadlines.service.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Activity, ActivityKind } from '../server/src/duty/activity/activity.entity.js';
import { Attendance, AttendanceStatus } from '../server/src/duty/attendance/attendance.entity.js';
import { Body, BodyKind, BodyLevel } from '../server/src/platform/body/body.entity.js';
import { Committee } from '../server/src/people/committee/committee.entity.js';
import { Constituent } from '../server/src/people/constituent/constituent.entity.js';
import { ContactPairing } from '../server/src/people/contact-pairing/contact-pairing.entity.js';
import { ContactPairingKind } from '../server/src/people/contact-pairing/pairing-kind.js';
import { ContactVisit, ContactVisitMode, ContactVisitOutcome } from '../server/src/people/contact-visit/contact-visit.entity.js';
import { DayKind, DeadlineMeasure, DeadlinePolicy } from '../server/src/casework/deadline-policy/deadline-policy.entity.js';
import { Department, DepartmentLevel } from '../server/src/casework/department/department.entity.js';
import { Leader, LeaderPosition } from '../server/src/people/leader/leader.entity.js';
import { LetterEvent } from '../server/src/casework/letter-event/letter-event.entity.js';
import { LetterSerialCounter } from '../server/src/casework/letter/letter-serial-counter.entity.js';
import { Letter } from '../server/src/casework/letter/letter.entity.js';
import {
  EscalationLevel,
  LetterCategory,
  LetterChannel,
  LetterConversion,
  LetterOutcome,
  LetterStatus,
  ReplyMethod,
  Urgency,
} from '../server/src/casework/letter/letter.enums.js';
import { flowOf, LetterFlow, nextEscalationLevel, type LetterAction } from '../server/src/casework/letter/letter.workflow.js';
import { LiaisonGroup } from '../server/src/people/liaison-group/liaison-group.entity.js';
import { LiaisonStation } from '../server/src/stations/liaison-station/liaison-station.entity.js';
import { MailboxOpening } from '../server/src/casework/mailbox-opening/mailbox-opening.entity.js';
import { Mailbox } from '../server/src/casework/mailbox/mailbox.entity.js';
import { Gender, Member, MemberKind } from '../server/src/people/member/member.entity.js';
import { Notification, NotificationKind } from '../server/src/platform/notification/notification.entity.js';
import { OpinionReport } from '../server/src/duty/opinion-report/opinion-report.entity.js';
import { Organization, OrganizationKind } from '../server/src/platform/organization/organization.entity.js';
import { Proposal, ProposalStatus } from '../server/src/duty/proposal/proposal.entity.js';
import { Reception, ReceptionForm } from '../server/src/stations/reception/reception.entity.js';
import { RatingMethod, RatingSource, SatisfactionRating, SatisfactionSurvey } from '../server/src/casework/satisfaction-survey/satisfaction-survey.entity.js';
import { writePersonal } from '../server/src/common/fields.js';
import { ScoringRule } from '../server/src/duty/scoring-rule/scoring-rule.entity.js';
import { defaultScoringRules } from '../server/src/duty/scoring-rule/scoring-rule.defaults.js';
import { Sector } from '../server/src/people/sector/sector.entity.js';
import { StationStaff, StationStaffRole } from '../server/src/stations/station-staff/station-staff.entity.js';
import { Suggestion, SuggestionStatus } from '../server/src/duty/suggestion/suggestion.entity.js';
import { WorkPlan } from '../server/src/duty/work-plan/work-plan.entity.js';
import { WorkSummary } from '../server/src/duty/work-summary/work-summary.entity.js';
import { addDays, dateBetween, mobile, personalFields, personName, seededFaker } from './factories.js';
import {
  BEILUN_STREETS,
  CANGNAN_COMMITTEES,
  CPPCC_SECTORS,
  DEPARTMENTS,
  ISSUE_TEMPLATES,
  JIAXING_CITY_GROUPS,
  JIAXING_COUNTY_GROUPS,
  SANMEN_TOWNSHIPS,
} from './reference.js';

const YEAR = 2026;
const TODAY = '2026-11-20';

/** One workflow step: the mutation that takes it (the LetterEvent's `action`, letter.workflow.ts) and the status it leads to. */
type Step = readonly [LetterAction, LetterStatus];
const S = LetterStatus;

/** The office chain (003, PV2): accept → propose → decide → forward → handle → conclude → reply. */
const OFFICE_MAIN: Step[] = [
  ['acceptLetter', S.ACCEPTED],
  ['proposeHandling', S.PROPOSED],
  ['decideLetter', S.DECIDED],
  ['forwardLetter', S.FORWARDED],
  ['recordHandlingResult', S.HANDLED],
  ['concludeLetter', S.CONCLUDED],
  ['replyToLetter', S.REPLIED],
];
const officeSteps = (n: number, ...more: Step[]): Step[] => [...OFFICE_MAIN.slice(0, n), ...more];
/** 复查 and 复核 after the answer (PV3, LAW 第35、36条). */
const REVIEW: Step[] = [...OFFICE_MAIN, ['requestReview', S.REVIEWING], ['replyToLetter', S.REVIEWED], ['requestReReview', S.RE_REVIEWING], ['replyToLetter', S.RE_REVIEWED]];

/**
 * Paths of the office flow (003): every register shows letters at every step. The first ten are the
 * everyday ones (also used for the issues members bring back from their visits, 001).
 */
const OFFICE_PATHS: Step[][] = [
  [],
  [['declineLetter', S.DECLINED]],
  officeSteps(1),
  officeSteps(2),
  officeSteps(3),
  officeSteps(4),
  officeSteps(5),
  officeSteps(6),
  officeSteps(7),
  officeSteps(7),
  officeSteps(7, ['closeLetter', S.CLOSED]),
  officeSteps(7, ['reopenLetter', S.REOPENED]),
  [['voidLetter', S.VOIDED]],
  [['mergeLetters', S.MERGED]],
  officeSteps(3, ['recordInvestigation', S.INVESTIGATED]),
  officeSteps(4, ['recordInvestigation', S.INVESTIGATED], ['concludeLetter', S.CONCLUDED], ['replyToLetter', S.REPLIED]),
  REVIEW.slice(0, 8),
  REVIEW.slice(0, 9),
  REVIEW.slice(0, 10),
  REVIEW,
  [...REVIEW, ['closeLetter', S.CLOSED]],
  officeSteps(1, ['convertLetter', S.CONVERTED]),
  officeSteps(1, ['convertLetter', S.CONVERTED], ['replyToLetter', S.REPLIED]),
  officeSteps(3, ['extendDeadline', S.DECIDED], ['forwardLetter', S.FORWARDED], ['recordHandlingResult', S.HANDLED]),
];

/** Mailbox letters (MB4–MB7): handled by the member first and fed back, some escalated up the ladder or converted. */
const MB_HANDLED: Step[] = [['handleLetter', S.HANDLED], ['concludeLetter', S.CONCLUDED], ['replyToLetter', S.REPLIED]];
const MAILBOX_PATHS: Step[][] = [
  [],
  MB_HANDLED.slice(0, 1),
  MB_HANDLED.slice(0, 2),
  MB_HANDLED,
  MB_HANDLED,
  [...MB_HANDLED, ['closeLetter', S.CLOSED]],
  [['escalateLetter', S.ESCALATED]],
  [['escalateLetter', S.ESCALATED], ['escalateLetter', S.ESCALATED], ...MB_HANDLED],
  [['convertLetter', S.CONVERTED]],
  [...MB_HANDLED, ['reopenLetter', S.REOPENED]],
];

/** Reception issues (ST4/ST5): answered on the spot, or classified, then signed and assigned (or forwarded) and followed up. */
const CLASSIFY: Step = ['classifyLetter', S.CLASSIFIED];
const RC_ASSIGNED: Step[] = [CLASSIFY, ['assignLetter', S.ASSIGNED], ['followUpLetter', S.ASSIGNED], ['reportResultToStation', S.HANDLED], ['replyToLetter', S.REPLIED]];
const RC_FORWARDED: Step[] = [CLASSIFY, ['forwardLetter', S.FORWARDED], ['reportResultToStation', S.HANDLED], ['replyToLetter', S.REPLIED], ['closeLetter', S.CLOSED]];
const RECEPTION_PATHS: Step[][] = [
  [['answerOnTheSpot', S.CLOSED]],
  [['answerOnTheSpot', S.CLOSED]],
  [CLASSIFY],
  RC_ASSIGNED.slice(0, 2),
  RC_ASSIGNED.slice(0, 3),
  RC_ASSIGNED,
  RC_FORWARDED.slice(0, 2),
  RC_FORWARDED.slice(0, 3),
  RC_FORWARDED.slice(0, 4),
  RC_FORWARDED,
  [CLASSIFY, ['convertLetter', S.CONVERTED]],
];

const DECLINE_REASONS = [
  '属于诉讼、仲裁途径解决的事项，已告知来信人依法向有关机关提出',
  '不属于本机关受理范围，已告知来信人向有关部门反映',
  '同一事项已由其他机关受理，正在办理中',
];
const VOID_REASONS = ['重复登记，信息有误', '登记时误录渠道，另行登记', '来信人撤回，经核实作废'];
const REVIEW_REASONS = ['对办理意见不服，认为问题未得到实际解决', '认为调查核实不全面，请求重新核查', '对答复中的补偿标准有异议'];
const CONCLUSIONS: Record<LetterOutcome, string[]> = {
  RESOLVED: ['问题已解决，来信人表示认可', '已完成整改，经回访群众满意'],
  EXPLAINED: ['已向来信人解释政策依据，来信人表示理解', '诉求涉及规划调整，已说明情况'],
  NOT_RESOLVABLE: ['受资金和规划限制暂不能解决，已纳入明年计划', '涉及历史遗留问题，暂不能解决，已做好解释工作'],
};
const OUTCOME_LABELS: Record<LetterOutcome, string> = { RESOLVED: '已解决', EXPLAINED: '已解释说明', NOT_RESOLVABLE: '暂不能解决' };
const METHOD_LABELS: Record<ReplyMethod, string> = { IN_PERSON: '当面', PHONE: '电话', WRITTEN: '书面', SMS: '短信', ONLINE: '网上' };
const LEVEL_LABELS: Record<EscalationLevel, string> = {
  MEMBER: '委员自行办理',
  LIAISON_GROUP: '委员活动小组（联络组）',
  COUNTY_OFFICE: '县（市、区）政协',
  CITY_OFFICE: '市政协',
};
const CATEGORY_LABELS: Record<LetterCategory, string> = { CONSULTATION: '咨询', SUGGESTION: '建议', COMPLAINT: '投诉', REQUEST: '申诉求决', REPORT: '检举', OTHER: '其他' };
const CONVERSION_LABELS: Record<LetterConversion, string> = { PROPOSAL: '提案', OPINION_REPORT: '社情民意信息', SUGGESTION: '代表建议', RESEARCH_TOPIC: '调研课题' };

interface SeedOptions {
  /** 1 = the full demo (hundreds of members, thousands of letters); tests may use less. */
  scale?: number;
}

/** Demo data modelled on the five source documents; deterministic (fixed faker seed). */
export class DemoSeeder {
  private f!: Faker;
  private em!: EntityManager;
  private serials = new Map<Organization, number>();
  private scale: number;
  private departmentsByOrg = new Map<Organization, Department[]>();
  /** Per office, the letters a repeat letter may be merged into, with the day of their last step. */
  private mergeTargets = new Map<Organization, Array<{ letter: Letter; lastDay: string }>>();
  /** Letters converted into a proposal, an opinion report or a suggestion: the record's id is set once flushed. */
  private conversions: Array<[Letter, Proposal | OpinionReport | Suggestion]> = [];
  private streetHeads = new Map<Organization, string>();

  constructor(options: SeedOptions = {}) {
    this.scale = options.scale ?? 1;
  }

  async run(em: EntityManager): Promise<void> {
    this.em = em;
    this.f = seededFaker(2026);
    this.mergeTargets.clear();
    this.conversions = [];
    this.streetHeads.clear();
    await em.transactional(async (tx) => {
      this.em = tx;
      await this.jiaxing();
      await this.cangnan();
      await this.sanmen();
      await this.dazhou();
      await this.beilun();
      for (const [organization, last] of this.serials) tx.create(LetterSerialCounter, { organization, year: YEAR, last } as any);
      // the converted records were written by their section's flush: their ids are known
      for (const [letter, converted] of this.conversions) letter.convertedRecordId = converted.id;
      await tx.flush();
      // everything is written: the recompute reads what it needs instead of checking ~40,000
      // managed entities for changes on each of its batches (a cold start 5 s faster)
      tx.clear();
      // issue 9: the seeded letters' stored deadlines, by the same code as every step's
      await runRecompute(tx, { all: true });
    });
  }

  private n(count: number): number {
    return Math.max(1, Math.round(count * this.scale));
  }

  private body(name: string, region: string, kind: BodyKind, level: BodyLevel, parent?: Body): Body {
    return this.em.create(Body, { name, region, kind, level, parent } as any);
  }

  private org(name: string, code: string, body: Body, kind: OrganizationKind, parent?: Organization, period?: number): Organization {
    return this.em.create(Organization, { name, code, body, kind, parent, mailboxOpeningPeriodDays: period ?? 15, address: `${body.region ?? ''}人民路${this.f.number.int({ min: 1, max: 300 })}号`, officePhone: `0${this.f.helpers.arrayElement(['573', '577', '576', '818', '574'])}-8${this.f.string.numeric(7)}` } as any);
  }

  private sectors(body: Body): Map<string, Sector> {
    const map = new Map<string, Sector>();
    CPPCC_SECTORS.forEach((name, i) => map.set(name, this.em.create(Sector, { name, body, sortOrder: i + 1 } as any)));
    return map;
  }

  private departments(org: Organization, prefix: string, level: DepartmentLevel): Department[] {
    const list = DEPARTMENTS.map(([name, code]) =>
      this.em.create(Department, {
        name: `${prefix}${name}`,
        code: `${org.code}-${code}`,
        organization: org,
        level,
        contactPerson: personName(this.f),
        contactPhone: mobile(this.f),
      } as any),
    );
    this.departmentsByOrg.set(org, list);
    return list;
  }

  private member(data: { body: Body; organization: Organization; kind: MemberKind; termNumber: number; termStart: string; termEnd: string; sector?: Sector; liaisonGroup?: LiaisonGroup; standing?: boolean; workUnit?: string }): Member {
    const male = this.f.datatype.boolean({ probability: 0.62 });
    const target: Record<string, unknown> = {};
    writePersonal(target, 'phone', 'phone', mobile(this.f));
    return this.em.create(Member, {
      name: personName(this.f),
      kind: data.kind,
      gender: male ? Gender.MALE : Gender.FEMALE,
      body: data.body,
      organization: data.organization,
      sector: data.sector,
      liaisonGroup: data.liaisonGroup,
      isStandingMember: data.standing ?? false,
      termNumber: data.termNumber,
      termStart: data.termStart,
      termEnd: data.termEnd,
      workUnit: data.workUnit ?? this.f.helpers.arrayElement(['某某有限公司董事长', '市第一医院副院长', '某中学校长', '律师事务所主任', '社区党委书记', '农业合作社理事长', '大学教授', '街道办事处副主任', '个体工商户', '会计师事务所所长']),
      party: data.sector?.name && ['民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社'].includes(data.sector.name) ? data.sector.name : this.f.helpers.arrayElement(['中共党员', '群众', '无党派人士']),
      ...target,
    } as any);
  }

  private constituent(org: Organization, community: string, region: string): Constituent {
    const male = this.f.datatype.boolean();
    return this.em.create(Constituent, {
      name: personName(this.f),
      gender: male ? Gender.MALE : Gender.FEMALE,
      community,
      occupation: this.f.helpers.arrayElement(['退休职工', '个体户', '企业职工', '教师', '农民', '外来务工人员', '社区工作者', '医生', '学生家长']),
      organization: org,
      ...personalFields(this.f, region, { address: `${community}${this.f.number.int({ min: 1, max: 60 })}幢${this.f.number.int({ min: 1, max: 6 })}0${this.f.number.int({ min: 1, max: 4 })}室`, male }),
    } as any);
  }

  private letter(data: {
    org: Organization;
    channel: LetterChannel;
    receivedOn: string;
    community: string;
    region: string;
    path: Step[];
    member?: Member;
    mailbox?: Mailbox;
    mailboxOpening?: MailboxOpening;
    reception?: Reception;
    constituent?: Constituent;
    /** The body's leaders: they decide (批示), sign investigations and approve extensions. */
    leaders?: Leader[];
    actor: string;
  }): Letter {
    const f = this.f;
    const tpl = f.helpers.arrayElement(ISSUE_TEMPLATES);
    const seq = (this.serials.get(data.org) ?? 0) + 1;
    this.serials.set(data.org, seq);
    const anonymous = data.channel === LetterChannel.MAILBOX && f.datatype.boolean({ probability: 0.15 });
    const male = f.datatype.boolean();
    const depts = this.departmentsByOrg.get(data.org) ?? [];
    const lead = depts.find((d) => d.code.endsWith(`-${tpl.dept}`)) ?? depts[0];
    const involved = tpl.category === 'COMPLAINT' && depts.length ? [f.helpers.arrayElement(depts.filter((d) => d !== lead))] : [];
    const writer = anonymous
      ? {}
      : {
          writerName: data.constituent?.name ?? personName(f),
          writerUnit: f.helpers.maybe(() => f.helpers.arrayElement(['退休', '个体', '某某公司', '社区居民']), { probability: 0.4 }),
          ...personalFields(f, data.region, { prefix: 'writer', address: `${data.community}${f.number.int({ min: 1, max: 60 })}幢`, male }),
        };
    const serialNumber = `${data.org.code}-${YEAR}-${String(seq).padStart(6, '0')}`;
    const letter = this.em.create(Letter, {
      serialNumber,
      year: YEAR,
      seq,
      organization: data.org,
      channel: data.channel,
      status: LetterStatus.REGISTERED,
      title: tpl.title,
      content: tpl.content.replace('{c}', data.community),
      category: tpl.category as LetterCategory,
      urgency: f.datatype.boolean({ probability: 0.06 }) ? Urgency.URGENT : Urgency.NORMAL,
      isImportant: f.datatype.boolean({ probability: 0.08 }),
      isAnonymous: anonymous,
      writerCount: f.datatype.boolean({ probability: 0.1 }) ? f.number.int({ min: 2, max: 40 }) : 1,
      community: data.community,
      receivedOn: data.receivedOn,
      constituent: data.constituent,
      member: data.member,
      mailbox: data.mailbox,
      mailboxOpening: data.mailboxOpening,
      reception: data.reception,
      involvedDepartments: involved,
      coHandlerDepartments: [],
      ownerName: data.actor,
      trackingCode: f.string.alphanumeric({ length: 12, casing: 'upper' }),
      ...writer,
    } as any);

    let day = data.receivedOn;
    let at = new Date(`${day}T0${f.number.int({ min: 1, max: 3 })}:30:00Z`);
    const record = (target: Letter, action: string, fromStatus: LetterStatus | null, toStatus: LetterStatus, actorName: string, note: string | null) => {
      let when = new Date(`${day}T0${f.number.int({ min: 1, max: 8 })}:30:00Z`);
      if (when <= at) when = new Date(at.getTime() + 30 * 60_000);
      at = when;
      this.em.create(LetterEvent, { letter: target, action, fromStatus, toStatus, actorName, note, occurredAt: when } as any);
    };
    record(letter, 'registerLetter', null, LetterStatus.REGISTERED, data.actor, `登记，编号 ${serialNumber}`);

    const flow = flowOf(data.channel);
    const leaders = data.leaders ?? [];
    const principal = leaders.find((l) => l.isPrincipal) ?? leaders[0];
    const inCharge = leaders.filter((l) => l !== principal);
    const told = (on: string | null | undefined) => (on ? `，已于 ${on} 告知来信人` : '');
    const handler = lead ? `${lead.name} ${lead.contactPerson}` : data.actor;
    const body: Body = (data.org.body as any).unwrap?.() ?? data.org.body;

    for (const [i, [action, to]] of data.path.entries()) {
      const next = addDays(day, this.gap(action, letter, flow));
      if (next > TODAY) break; // a recent letter has not got this far yet
      const from = letter.status;
      let actor = data.actor;
      let note: string | null = null;
      switch (action) {
        case 'acceptLetter':
          letter.writerNotifiedOn = anonymous ? null : next;
          note = `受理${told(letter.writerNotifiedOn)}`;
          break;
        case 'declineLetter':
          letter.declineReason = f.helpers.arrayElement(DECLINE_REASONS);
          letter.writerNotifiedOn = anonymous ? null : next;
          note = `不予受理：${letter.declineReason}${told(letter.writerNotifiedOn)}`;
          break;
        case 'proposeHandling':
          letter.proposedHandling = lead ? `拟转${lead.name}调查处理，请领导阅示` : '拟由本机关调查核实后答复，请领导阅示';
          letter.proposedBy = data.actor;
          note = `拟办意见：${letter.proposedHandling}`;
          break;
        case 'decideLetter': {
          // PV2: an important letter goes to a principal leader
          const leader = letter.isImportant ? principal : f.helpers.arrayElement(leaders);
          letter.decision = f.helpers.arrayElement(['同意拟办意见，请承办单位认真办理，按时反馈结果', '请抓紧调查核实，依法依规妥善处理', '请高度重视，尽快解决群众合理诉求']);
          letter.decidedOn = next;
          letter.decidedByLeader = leader as any;
          actor = leader?.name ?? actor;
          note = `${actor}批示：${letter.decision}`;
          break;
        }
        case 'forwardLetter': {
          if (!lead) break;
          const co = f.datatype.boolean({ probability: 0.2 }) ? depts.filter((d) => d !== lead && !involved.includes(d)).slice(0, 1) : [];
          letter.leadDepartment = lead as any;
          letter.coHandlerDepartments.set(co);
          letter.forwardedOn = next;
          note = `转${lead.name}主办${co.length ? `，${co.map((d) => d.name).join('、')}协办` : ''}`;
          break;
        }
        case 'recordHandlingResult':
          letter.handlingResult = `已赴${data.community}现场核查，制定整改方案并组织实施`;
          letter.handledOn = next;
          actor = handler;
          note = `办理结果：${letter.handlingResult}`;
          break;
        case 'recordInvestigation': {
          // PV2: signed by the handler and the leader in charge; the leader signs before it is concluded
          const signer = inCharge.length ? f.helpers.arrayElement(inCharge) : principal;
          const signs = data.path[i + 1]?.[0] === 'concludeLetter' || f.datatype.boolean();
          letter.investigationFindings = `经实地调查核实，${tpl.title}的情况基本属实，已提出处理意见`;
          letter.investigationHandlerName = lead?.contactPerson ?? data.actor;
          letter.investigationHandlerSignedOn = next;
          letter.investigationLeaderName = signs && signer ? signer.name : null;
          letter.investigationLeaderSignedOn = signs && signer ? next : null;
          actor = handler;
          const signed = `承办人${letter.investigationHandlerName}签字${letter.investigationLeaderName ? `，分管领导${letter.investigationLeaderName}签字` : '，待分管领导签字确认'}`;
          note = `调查核实：${letter.investigationFindings}（${signed}）`;
          break;
        }
        case 'concludeLetter': {
          const outcome = f.helpers.weightedArrayElement([
            { value: LetterOutcome.RESOLVED, weight: 6 },
            { value: LetterOutcome.EXPLAINED, weight: 3 },
            { value: LetterOutcome.NOT_RESOLVABLE, weight: 1 },
          ]);
          letter.outcome = outcome;
          letter.conclusion = f.helpers.arrayElement(CONCLUSIONS[outcome]);
          letter.concludedOn = next;
          note = `办结：${OUTCOME_LABELS[outcome]}，${letter.conclusion}`;
          break;
        }
        case 'replyToLetter':
          if (from === LetterStatus.REVIEWING) {
            letter.reviewAnsweredOn = next;
            letter.reviewAnswer = '经复查，原办理意见认定事实清楚、处理恰当，予以维持';
            note = `${METHOD_LABELS[letter.replyMethod ?? ReplyMethod.WRITTEN]}答复复查意见：${letter.reviewAnswer}`;
          } else if (from === LetterStatus.RE_REVIEWING) {
            letter.reReviewAnsweredOn = next;
            letter.reReviewAnswer = '经复核，维持复查意见；同一事项不再受理';
            note = `${METHOD_LABELS[letter.replyMethod ?? ReplyMethod.WRITTEN]}答复复核意见（同一事项不再受理）：${letter.reReviewAnswer}`;
          } else {
            // an anonymous writer reads the answer online with the tracking code
            letter.replyMethod = anonymous
              ? ReplyMethod.ONLINE
              : f.helpers.weightedArrayElement([
                  { value: ReplyMethod.WRITTEN, weight: 4 },
                  { value: ReplyMethod.PHONE, weight: 3 },
                  { value: ReplyMethod.IN_PERSON, weight: 2 },
                  { value: ReplyMethod.SMS, weight: 1 },
                ]);
            letter.repliedOn = next;
            letter.replyContent = letter.conclusion ?? letter.handlingResult ?? (letter.convertedTo ? `您反映的问题已转为${CONVERSION_LABELS[letter.convertedTo]}，将持续跟进` : '已将办理情况告知来信人');
            note = `${METHOD_LABELS[letter.replyMethod]}答复来信人：${letter.replyContent}`;
          }
          break;
        case 'requestReview':
          letter.reviewRequestedOn = next;
          letter.reviewReason = f.helpers.arrayElement(REVIEW_REASONS);
          note = `申请复查：${letter.reviewReason}`;
          break;
        case 'requestReReview':
          letter.reReviewRequestedOn = next;
          letter.reReviewReason = f.helpers.arrayElement(REVIEW_REASONS);
          note = `申请复核：${letter.reReviewReason}`;
          break;
        case 'closeLetter':
          letter.closedOn = next;
          note = '归档';
          break;
        case 'handleLetter':
          letter.handlingResult = `已与有关部门沟通协调，${tpl.title}问题正在推动解决`;
          letter.handledOn = next;
          note = `办理${letter.escalationLevel ? `（${LEVEL_LABELS[letter.escalationLevel]}）` : ''}：${letter.handlingResult}`;
          break;
        case 'escalateLetter': {
          const level = nextEscalationLevel(letter.escalationLevel);
          if (!level) break;
          letter.escalationLevel = level;
          letter.escalationReason = level === EscalationLevel.LIAISON_GROUP ? '涉及多个部门，委员个人难以协调' : '问题较为复杂，需上级政协研究办理';
          note = `上报至${LEVEL_LABELS[level]}：${letter.escalationReason}`;
          break;
        }
        case 'answerOnTheSpot':
          letter.replyMethod = ReplyMethod.IN_PERSON;
          letter.repliedOn = letter.receivedOn;
          letter.replyContent = '代表现场解释有关政策，来信人表示理解';
          letter.closedOn = letter.receivedOn;
          note = `接待中当场答复并办结（ST5）${data.member ? `，答复人${data.member.name}` : ''}：${letter.replyContent}`;
          break;
        case 'classifyLetter':
          note = `归类为「${CATEGORY_LABELS[letter.category]}」：${tpl.title}`;
          break;
        case 'assignLetter':
          letter.assignmentSignedBy = this.streetHead(data.org);
          letter.assignedTo = lead?.name ?? `${data.community}居委会`;
          letter.assignmentSignedOn = next;
          note = `${letter.assignmentSignedBy}签字交办${letter.assignedTo}落实`;
          break;
        case 'followUpLetter':
          letter.followUpCount += 1;
          note = `第 ${letter.followUpCount} 次督办：联络站电话询问落实进度，督促按期办结`;
          break;
        case 'reportResultToStation':
          letter.handlingResult = `${letter.assignedTo ?? lead?.name ?? '承办单位'}已落实整改，${tpl.title}问题基本解决`;
          letter.handledOn = next;
          if (from === LetterStatus.FORWARDED) actor = handler;
          note = `办理结果反馈联络站：${letter.handlingResult}`;
          break;
        case 'extendDeadline': {
          const leader = inCharge[0] ?? principal;
          if (!leader) break;
          letter.deadlineExtendedDays = f.number.int({ min: 10, max: 30 });
          letter.deadlineExtensionReason = '情况复杂，需多部门联合调查';
          letter.deadlineExtensionApprovedBy = leader.name;
          letter.deadlineExtensionNotifiedOn = anonymous ? null : next;
          actor = leader.name;
          note = `${leader.name}批准延长办理期限 ${letter.deadlineExtendedDays} 日：${letter.deadlineExtensionReason}${told(letter.deadlineExtensionNotifiedOn)}`;
          break;
        }
        case 'reopenLetter':
          letter.reopenCount += 1;
          note = '重新办理（SV2）：来信人对办理结果不满意';
          break;
        case 'mergeLetters': {
          // the main letter: an earlier one of the same office, its handling up to date on the day
          const main = [...(this.mergeTargets.get(data.org) ?? [])].reverse().find((t) => t.lastDay <= next);
          if (!main) break;
          letter.mergedInto = main.letter as any;
          note = `作为重复件并入${main.letter.serialNumber}`;
          day = next;
          record(main.letter, 'mergeLetters', main.letter.status, main.letter.status, actor, `并入重复件 ${serialNumber}`);
          break;
        }
        case 'convertLetter': {
          const into = body.kind === BodyKind.CONGRESS
            ? data.member ? LetterConversion.SUGGESTION : LetterConversion.RESEARCH_TOPIC
            : data.member ? f.helpers.arrayElement([LetterConversion.PROPOSAL, LetterConversion.OPINION_REPORT]) : LetterConversion.RESEARCH_TOPIC;
          const base = { title: tpl.title, content: letter.content, member: data.member, body, sourceLetter: letter };
          if (into === LetterConversion.PROPOSAL) this.conversions.push([letter, this.em.create(Proposal, { ...base, title: `关于${tpl.title}的提案`, year: YEAR, status: ProposalStatus.DRAFT } as any)]);
          if (into === LetterConversion.OPINION_REPORT) this.conversions.push([letter, this.em.create(OpinionReport, { ...base, submittedOn: next } as any)]);
          if (into === LetterConversion.SUGGESTION) this.conversions.push([letter, this.em.create(Suggestion, { ...base, submittedOn: next } as any)]);
          if (into === LetterConversion.RESEARCH_TOPIC) letter.researchTopic = `${tpl.title}专题调研`;
          letter.convertedTo = into;
          note = into === LetterConversion.RESEARCH_TOPIC ? `转为调研课题「${letter.researchTopic}」` : `转为${CONVERSION_LABELS[into]}「${tpl.title}」（以${data.member!.name}名义）`;
          break;
        }
        case 'voidLetter':
          letter.voidReason = f.helpers.arrayElement(VOID_REASONS);
          note = `作废：${letter.voidReason}`;
          break;
        default:
          throw new Error(`demo seed: no data for ${action}`);
      }
      if (note === null) break; // the step could not be taken here (no department, no leader, no main letter)
      day = next;
      letter.status = to;
      record(letter, action, from, to, actor, note);
    }
    if (![LetterStatus.MERGED, LetterStatus.VOIDED, LetterStatus.DECLINED].includes(letter.status)) {
      const targets = this.mergeTargets.get(data.org) ?? [];
      targets.push({ letter, lastDay: day });
      this.mergeTargets.set(data.org, targets);
    }
    return letter;
  }

  /** Days between a step and the one before it, within the rules' windows (PV3, LAW 第35、36条). */
  private gap(action: LetterAction, letter: Letter, flow: LetterFlow): number {
    const f = this.f;
    switch (action) {
      case 'answerOnTheSpot':
        return 0;
      case 'classifyLetter':
        return f.number.int({ min: 0, max: 2 });
      case 'requestReview':
      case 'requestReReview':
        return f.number.int({ min: 3, max: 25 });
      case 'replyToLetter':
        return letter.status === LetterStatus.REVIEWING || letter.status === LetterStatus.RE_REVIEWING ? f.number.int({ min: 5, max: 25 }) : f.number.int({ min: 1, max: 5 });
      case 'closeLetter':
        // an office letter is filed once the 30 days to ask for 复查/复核 have passed
        return flow === LetterFlow.OFFICE && (letter.status === LetterStatus.REPLIED || letter.status === LetterStatus.REVIEWED)
          ? f.number.int({ min: 31, max: 45 })
          : f.number.int({ min: 1, max: 10 });
      case 'reopenLetter':
        return f.number.int({ min: 5, max: 20 });
      default:
        return f.number.int({ min: 1, max: 5 });
    }
  }

  /** The street office head who signs reception issues over for handling (ST4), one per working committee. */
  private streetHead(org: Organization): string {
    let name = this.streetHeads.get(org);
    if (!name) {
      name = `${org.name.replace(/^北仑区人大|工委$/g, '')}办事处主任${personName(this.f)}`;
      this.streetHeads.set(org, name);
    }
    return name;
  }

  /** 000: Jiaxing CPPCC — county liaison groups and city-area groups with 28 community mailboxes. */
  private async jiaxing(): Promise<void> {
    const f = this.f;
    const city = this.body('嘉兴市政协', '嘉兴市', BodyKind.CPPCC, BodyLevel.CITY);
    const office = this.org('嘉兴市政协办公室', 'JX', city, OrganizationKind.OFFICE);
    const liaison = this.org('嘉兴市政协办公室联络处', 'JXLLC', city, OrganizationKind.LIAISON_OFFICE, office);
    this.org('嘉兴市政协研究室', 'JXYJS', city, OrganizationKind.RESEARCH_OFFICE, office);
    this.departments(office, '嘉兴市', DepartmentLevel.CITY);
    const sectors = this.sectors(city);
    const sectorList = [...sectors.values()];
    this.em.create(DeadlinePolicy, { organization: office, measure: DeadlineMeasure.FEEDBACK, channel: LetterChannel.MAILBOX, days: 15, dayKind: DayKind.WORKING_DAYS, ruleRef: 'MB5：信箱来信处理结果15个工作日内反馈来信人', isDefault: true } as any);
    const districts = new Map<string, { body: Body; office: Organization; members: Member[] }>();
    for (const [name, code] of [['南湖区', 'JXNH'], ['秀洲区', 'JXXZ'], ['经开区', 'JXJK']] as const) {
      const b = this.body(`嘉兴市${name}政协`, `嘉兴市${name}`, BodyKind.CPPCC, BodyLevel.COUNTY, city);
      const o = this.org(`嘉兴市${name}政协办公室`, code, b, OrganizationKind.OFFICE, office);
      const members = Array.from({ length: this.n(12) }, () => this.member({ body: b, organization: o, kind: MemberKind.CPPCC_MEMBER, termNumber: 9, termStart: '2021-12-20', termEnd: '2026-12-31' }));
      districts.set(name, { body: b, office: o, members });
    }
    const memberTerm = { body: city, kind: MemberKind.CPPCC_MEMBER, termNumber: 10, termStart: '2022-01-10', termEnd: '2027-01-31' };
    const mailboxes: Array<{ mailbox: Mailbox; members: Member[]; org: Organization; community: string; region: string }> = [];
    let mailboxNo = 0;
    for (const [groupName, district, community] of JIAXING_CITY_GROUPS) {
      const group = this.em.create(LiaisonGroup, { name: `市区${groupName}`, body: city, organization: liaison, area: district } as any);
      const members = Array.from({ length: this.n(6) }, (_v, i) =>
        this.member({ ...memberTerm, organization: liaison, sector: f.helpers.arrayElement(sectorList), liaisonGroup: group, standing: i === 0 }),
      );
      group.leaderMember = members[0] as any;
      const assist = f.helpers.arrayElement(districts.get(district)!.members);
      const mailbox = this.em.create(Mailbox, {
        name: `${community}政协委员信箱`,
        code: `JX-${String(++mailboxNo).padStart(2, '0')}`,
        community,
        address: `${community}党群服务中心门口`,
        organization: liaison,
        liaisonGroup: group,
        leadMember: members[1] ?? members[0],
        assistMember: assist,
        rotationMembers: members.slice(2, 4),
        installedOn: '2007-11-01',
        isActive: true,
      } as any);
      mailboxes.push({ mailbox, members, org: office, community, region: '330402' });
    }
    for (const g of JIAXING_COUNTY_GROUPS) {
      const b = this.body(`${g.county}政协`, `嘉兴市${g.county}`, BodyKind.CPPCC, BodyLevel.COUNTY, city);
      const countyOffice = this.org(`${g.county}政协办公室`, `JX${g.code}`, b, OrganizationKind.OFFICE, office, g.code === 'HN' ? 10 : 15);
      const group = this.em.create(LiaisonGroup, { name: `${g.county}委员联络组`, body: city, organization: countyOffice, area: g.county } as any);
      const members = Array.from({ length: this.n(6) }, (_v, i) => this.member({ ...memberTerm, organization: countyOffice, sector: f.helpers.arrayElement(sectorList), liaisonGroup: group, standing: i === 0 }));
      group.leaderMember = members[0] as any;
      g.communities.forEach((community, i) => {
        const mailbox = this.em.create(Mailbox, {
          name: `${community}政协委员信箱`,
          code: `JX-${String(++mailboxNo).padStart(2, '0')}`,
          community,
          address: `${g.county}${community}便民服务中心`,
          organization: countyOffice,
          liaisonGroup: group,
          leadMember: members[i + 1] ?? members[0],
          rotationMembers: [],
          installedOn: '2007-11-15',
          isActive: true,
        } as any);
        mailboxes.push({ mailbox, members, org: countyOffice, community, region: '330421' });
      });
    }
    await this.em.flush();
    // MB2/MB3: openings every half month; a few mailboxes fall behind and show as overdue
    for (const [i, mb] of mailboxes.entries()) {
      const lag = i % 9 === 0 ? 40 : 0;
      let day = '2026-01-05';
      while (day <= addDays(TODAY, -lag)) {
        const substitute = f.datatype.boolean({ probability: 0.1 });
        const lead = (mb.mailbox.leadMember as any).unwrap?.() ?? mb.mailbox.leadMember;
        const opener = substitute ? mb.members[mb.members.length - 1] : lead;
        const letters = f.helpers.weightedArrayElement([
          { value: 0, weight: 3 },
          { value: 1, weight: 4 },
          { value: 2, weight: 2 },
          { value: 3, weight: 1 },
        ]);
        const count = this.scale < 1 && f.datatype.boolean({ probability: 1 - this.scale }) ? 0 : letters;
        const opening = this.em.create(MailboxOpening, {
          mailbox: mb.mailbox,
          openedOn: day,
          openedByMember: opener,
          isSubstitute: substitute,
          approvedByMember: substitute ? mb.members[0] : undefined,
          letterCount: count,
          notes: count ? `开启信箱，收到来信${count}封` : '开启信箱，无来信',
        } as any);
        for (let k = 0; k < count; k++) {
          this.letter({ org: mb.org, channel: LetterChannel.MAILBOX, receivedOn: day, community: mb.community, region: mb.region, path: f.helpers.arrayElement(MAILBOX_PATHS), member: opener, mailbox: mb.mailbox, mailboxOpening: opening, actor: opener.name });
        }
        mb.mailbox.lastOpenedOn = day;
        day = addDays(day, f.number.int({ min: 13, max: 16 }));
      }
    }
    await this.em.flush();
  }

  /** 001: Cangnan — chairs, standing members, committees following sectors, members and their constituents. */
  private async cangnan(): Promise<void> {
    const f = this.f;
    const city = this.body('温州市政协', '温州市', BodyKind.CPPCC, BodyLevel.CITY);
    const cityOffice = this.org('温州市政协办公室', 'WZ', city, OrganizationKind.OFFICE);
    const body = this.body('苍南县政协', '温州市苍南县', BodyKind.CPPCC, BodyLevel.COUNTY, city);
    const office = this.org('苍南县政协办公室', 'CN', body, OrganizationKind.OFFICE, cityOffice);
    this.departments(office, '苍南县', DepartmentLevel.COUNTY);
    const sectors = this.sectors(body);
    const committees = CANGNAN_COMMITTEES.map((c) =>
      this.em.create(Committee, { name: c.name, body, sectors: c.sectors.map((s) => sectors.get(s)!), description: `联系${c.sectors.join('、')}界别委员` } as any),
    );
    const term = { body, organization: office, kind: MemberKind.CPPCC_MEMBER, termNumber: 11, termStart: '2021-12-28', termEnd: '2026-12-31' };
    const sectorList = [...sectors.values()];
    const members = Array.from({ length: this.n(200) }, (_v, i) => this.member({ ...term, sector: sectorList[i % sectorList.length], standing: i < this.n(30) }));
    const standing = members.filter((m) => m.isStandingMember);
    const cangnanLetters: Letter[] = [];
    // CT1: the chair, vice-chairs and secretary-general each keep in touch with several standing members
    const positions: Array<[LeaderPosition, boolean]> = [
      [LeaderPosition.CHAIR, true],
      [LeaderPosition.VICE_CHAIR, false],
      [LeaderPosition.VICE_CHAIR, false],
      [LeaderPosition.VICE_CHAIR, false],
      [LeaderPosition.VICE_CHAIR, false],
      [LeaderPosition.SECRETARY_GENERAL, false],
    ];
    const leaders = positions.map(([position, isPrincipal]) => this.em.create(Leader, { name: personName(f), position, body, termNumber: 11, termStart: '2021-12-28', termEnd: '2026-12-31', isPrincipal } as any));
    standing.forEach((m, i) => this.em.create(ContactPairing, { kind: ContactPairingKind.LEADER_STANDING, leader: leaders[i % leaders.length], member: m, startDate: '2022-02-01' } as any));
    // CT2: each committee keeps in touch with the members of the sectors it follows
    for (const [ci, c] of CANGNAN_COMMITTEES.entries()) {
      for (const m of members.filter((mm) => c.sectors.includes((mm.sector as any)?.name ?? ''))) {
        this.em.create(ContactPairing, { kind: ContactPairingKind.COMMITTEE_MEMBER, committee: committees[ci], member: m, startDate: '2022-02-01' } as any);
      }
    }
    await this.em.flush();
    // CT3: at least five constituents each (a few members fall short and are flagged)
    const villages = ['灵溪镇渡龙社区', '灵溪镇沪山社区', '龙港片区新城社区', '钱库镇项东村', '金乡镇城东社区', '宜山镇宜山村', '藻溪镇藻溪村', '马站镇马站村', '矾山镇福德湾村', '桥墩镇桥墩村'];
    for (const [i, m] of members.entries()) {
      const count = i % 23 === 5 ? 3 : 6;
      for (let k = 0; k < count; k++) {
        const c = this.constituent(office, f.helpers.arrayElement(villages), '330327');
        this.em.create(ContactPairing, { kind: ContactPairingKind.MEMBER_CONSTITUENT, member: m, constituent: c, startDate: '2022-03-01' } as any);
        // CT4: at least two visits a year (some members are behind mid-year, PF3)
        if (k < (i % 7 === 3 ? 1 : 2)) {
          const raised = f.datatype.boolean({ probability: 0.3 });
          const visit = this.em.create(ContactVisit, {
            kind: ContactPairingKind.MEMBER_CONSTITUENT,
            mode: f.helpers.arrayElement(Object.values(ContactVisitMode)),
            visitedOn: dateBetween(f, '2026-01-10', TODAY),
            member: m,
            constituent: c,
            location: (c as any).community,
            summary: `走访群众${c.name}，了解家庭生活和所在村社发展情况`,
            issuesRaised: raised ? f.helpers.arrayElement(ISSUE_TEMPLATES).title : null,
            outcome: raised ? ContactVisitOutcome.LETTER : ContactVisitOutcome.NONE,
          } as any);
          if (raised) {
            cangnanLetters.push(this.letter({ org: office, channel: LetterChannel.CONTACT_VISIT, receivedOn: visit.visitedOn, community: (c as any).community, region: '330327', path: f.helpers.arrayElement(OFFICE_PATHS.slice(0, 10)), member: m, constituent: c, leaders, actor: '苍南县政协办公室' }));
          }
        }
      }
    }
    // MB1–MB3: the member with the most letters (the demo member, demo-accounts.ts) leads a community
    // mailbox of a county group, opened every half month until early November, so it is due now; no
    // random draw, so the data seeded after this stays as it was
    const letterCounts = new Map<Member, number>();
    for (const l of cangnanLetters) letterCounts.set(l.member as any, (letterCounts.get(l.member as any) ?? 0) + 1);
    const mailboxLead = members.reduce((best, m) => ((letterCounts.get(m) ?? 0) > (letterCounts.get(best) ?? 0) ? m : best), members[0]);
    const groupLeader = standing.find((m) => m !== mailboxLead)!;
    const rotation = members.find((m) => m !== mailboxLead && m !== groupLeader && !m.isStandingMember)!;
    const group = this.em.create(LiaisonGroup, { name: '灵溪镇委员活动小组', body, organization: office, area: '灵溪镇', leaderMember: groupLeader } as any);
    for (const m of [mailboxLead, groupLeader, rotation]) m.liaisonGroup = group as any;
    const mailbox = this.em.create(Mailbox, {
      name: '灵溪镇渡龙社区政协委员信箱',
      code: 'CN-01',
      community: '灵溪镇渡龙社区',
      address: '灵溪镇渡龙社区党群服务中心门口',
      organization: office,
      liaisonGroup: group,
      leadMember: mailboxLead,
      rotationMembers: [rotation],
      installedOn: '2026-09-01',
      isActive: true,
    } as any);
    for (const openedOn of ['2026-09-16', '2026-10-01', '2026-10-16', '2026-11-02']) {
      this.em.create(MailboxOpening, { mailbox, openedOn, openedByMember: mailboxLead, isSubstitute: false, letterCount: 0, notes: '开启信箱，无来信' } as any);
    }
    mailbox.lastOpenedOn = '2026-11-02';
    // SV1: the office rang most writers back after the reply, so the county's leader reads a satisfaction
    // rate (SV3); a reopened letter was rated 不满意 (SV2). No random draw: the data seeded after this
    // stays as it was
    for (const letter of cangnanLetters.filter((l) => l.reopenCount > 0)) {
      this.em.create(SatisfactionSurvey, { letter, rating: SatisfactionRating.DISSATISFIED, source: RatingSource.STAFF, method: RatingMethod.PHONE, round: 1, comment: '电话回访：问题还没有解决', ratedAt: new Date(`${letter.receivedOn > TODAY ? TODAY : addDays(letter.receivedOn, 20) > TODAY ? TODAY : addDays(letter.receivedOn, 20)}T02:00:00Z`) } as any);
    }
    for (const [i, letter] of cangnanLetters.filter((l) => l.repliedOn && l.reopenCount === 0).entries()) {
      if (i % 5 === 4) continue;
      const ratedOn = addDays(letter.repliedOn!, 3) > TODAY ? TODAY : addDays(letter.repliedOn!, 3);
      this.em.create(SatisfactionSurvey, { letter, rating: i % 4 === 3 ? SatisfactionRating.BASICALLY_SATISFIED : SatisfactionRating.SATISFIED, source: RatingSource.STAFF, method: RatingMethod.PHONE, round: 1, comment: i % 3 === 0 ? '电话回访：问题已解决' : null, ratedAt: new Date(`${ratedOn}T02:00:00Z`) } as any);
    }
    // CT4: leaders and committees ask their pairs about their work at least once a year
    for (const [i, m] of standing.entries()) {
      this.em.create(ContactVisit, { kind: ContactPairingKind.LEADER_STANDING, mode: ContactVisitMode.TALK, visitedOn: dateBetween(f, '2026-03-01', '2026-10-30'), leader: leaders[i % leaders.length], member: m, summary: '约谈常委，听取履职情况和意见建议', outcome: ContactVisitOutcome.NONE } as any);
    }
    for (const s of Array.from({ length: this.n(20) }, (_v, i) => members[i * 7 % members.length])) {
      this.em.create(Suggestion, { title: '关于改进委员履职服务的建议', content: '建议完善委员履职平台，及时通报提案办理进展。', member: s, body, submittedOn: dateBetween(f, '2026-02-01', TODAY), status: f.helpers.arrayElement(Object.values(SuggestionStatus)) } as any);
    }
    this.scoringRules(body, MemberKind.CPPCC_MEMBER);
    await this.em.flush();
  }

  private scoringRules(body: Body, kind: MemberKind): void {
    for (const rule of defaultScoringRules(body.kind)) {
      this.em.create(ScoringRule, { ...rule, body, year: YEAR, memberKind: (rule as any).memberKind ?? kind } as any);
    }
  }

  /** 002: Sanmen — township liaison offices with plans, quarterly activities, summaries and members' duties. */
  private async sanmen(): Promise<void> {
    const f = this.f;
    const city = this.body('台州市政协', '台州市', BodyKind.CPPCC, BodyLevel.CITY);
    const cityOffice = this.org('台州市政协办公室', 'TZ', city, OrganizationKind.OFFICE);
    const body = this.body('三门县政协', '台州市三门县', BodyKind.CPPCC, BodyLevel.COUNTY, city);
    const office = this.org('三门县政协办公室', 'SM', body, OrganizationKind.OFFICE, cityOffice);
    this.departments(office, '三门县', DepartmentLevel.COUNTY);
    // the leaders who decide on the county office's letters (PV2)
    const leaders = [LeaderPosition.CHAIR, LeaderPosition.VICE_CHAIR, LeaderPosition.SECRETARY_GENERAL].map((position) => this.em.create(Leader, { name: personName(f), position, body, termNumber: 11, termStart: '2021-12-26', termEnd: '2026-12-31', isPrincipal: position === LeaderPosition.CHAIR } as any));
    const sectors = [...this.sectors(body).values()];
    const kinds: ActivityKind[] = [ActivityKind.STUDY, ActivityKind.RESEARCH, ActivityKind.INSPECTION, ActivityKind.SECTOR_ACTIVITY, ActivityKind.PRACTICAL_DEED, ActivityKind.CONSULTATION];
    for (const [township, code] of SANMEN_TOWNSHIPS) {
      const lo = this.org(`三门县政协${township}联络处`, `SM${code}`.slice(0, 12), body, OrganizationKind.LIAISON_OFFICE, office);
      const group = this.em.create(LiaisonGroup, { name: `${township}政协委员联络组`, body, organization: lo, area: township } as any);
      const members = Array.from({ length: this.n(10) }, (_v, i) => this.member({ body, organization: lo, kind: MemberKind.CPPCC_MEMBER, termNumber: 11, termStart: '2021-12-26', termEnd: '2026-12-31', sector: sectors[(i * 3) % sectors.length], liaisonGroup: group, standing: i === 0 }));
      group.leaderMember = members[0] as any;
      this.em.create(StationStaff, { name: personName(f), role: StationStaffRole.LIAISON_OFFICER, liaisonGroup: group, contactPhone: mobile(f) } as any);
      // LO1: an annual plan at the start of the year, at least one activity a quarter, a summary at its end
      for (const year of [2025, 2026]) {
        this.em.create(WorkPlan, { organization: lo, year, title: `${township}联络处${year}年度工作计划`, content: '围绕乡镇中心工作，组织委员开展学习、调研、视察和界别活动，每季度至少开展一次活动。', filedOn: `${year}-01-${f.number.int({ min: 10, max: 28 })}` } as any);
      }
      this.em.create(WorkSummary, { organization: lo, year: 2025, title: `${township}联络处2025年度工作总结`, content: '全年组织活动五次，委员提交提案和社情民意信息若干件。', filedOn: '2025-12-26' } as any);
      const quarters = code === 'HENGDU' ? ['2026-02-20', '2026-05-18'] : ['2026-02-20', '2026-05-18', '2026-08-12', '2026-11-05'];
      for (const [qi, heldOn] of quarters.entries()) {
        const kind = kinds[(qi + township.length) % kinds.length];
        const activity = this.em.create(Activity, { title: `${township}联络处${kind === ActivityKind.RESEARCH ? '乡村振兴专题调研' : kind === ActivityKind.INSPECTION ? '民生实事项目视察' : '委员学习交流活动'}`, kind, body, organization: lo, liaisonGroup: group, heldOn, location: `${township}政府会议室`, description: '组织委员开展活动并形成意见建议。' } as any);
        for (const m of members) {
          this.em.create(Attendance, { member: m, activity, status: f.helpers.weightedArrayElement([{ value: AttendanceStatus.PRESENT, weight: 8 }, { value: AttendanceStatus.EXCUSED, weight: 1 }, { value: AttendanceStatus.ABSENT, weight: 1 }]) } as any);
        }
      }
      // LO2: proposals and public-opinion reports (some members behind, PF3)
      for (const [i, m] of members.entries()) {
        if (i % 4 !== 3) this.em.create(Proposal, { title: `关于${f.helpers.arrayElement(ISSUE_TEMPLATES).title.replace(/问题$/, '')}问题的提案`, content: '建议有关部门加强统筹，加快解决群众关心的实际问题。', member: m, body, year: YEAR, submittedOn: dateBetween(f, '2026-01-05', '2026-03-31'), status: f.helpers.arrayElement(Object.values(ProposalStatus)) } as any);
        if (i % 3 !== 2) this.em.create(OpinionReport, { title: `${township}${f.helpers.arrayElement(ISSUE_TEMPLATES).title}`, content: '群众反映强烈，建议引起重视。', member: m, body, submittedOn: dateBetween(f, '2026-01-05', TODAY), isAdopted: f.datatype.boolean({ probability: 0.3 }), adoptedBy: null } as any);
      }
      for (let k = 0; k < this.n(25); k++) {
        this.letter({ org: office, channel: f.helpers.arrayElement([LetterChannel.POST, LetterChannel.VISIT, LetterChannel.PHONE]), receivedOn: dateBetween(f, '2026-01-05', TODAY), community: `${township}${f.helpers.arrayElement(['中心村', '城东社区', '海润社区'])}`, region: '331022', path: f.helpers.arrayElement(OFFICE_PATHS), leaders, actor: '三门县政协办公室' });
      }
    }
    this.scoringRules(body, MemberKind.CPPCC_MEMBER);
    await this.em.flush();
  }

  /** 003: Dazhou — the office's register of letters and visits in every workflow state. */
  private async dazhou(): Promise<void> {
    const f = this.f;
    const body = this.body('达州市政协', '四川省达州市', BodyKind.CPPCC, BodyLevel.CITY);
    const office = this.org('达州市政协办公室', 'DZ', body, OrganizationKind.OFFICE);
    this.departments(office, '达州市', DepartmentLevel.CITY);
    const policies: Array<[DeadlineMeasure, number, DayKind, string]> = [
      [DeadlineMeasure.HANDLE, 7, DayKind.CALENDAR_DAYS, '003：一般来信一周内办理'],
      [DeadlineMeasure.REPLY, 30, DayKind.CALENDAR_DAYS, '003：一个月内答复来信人'],
      [DeadlineMeasure.FORWARD, 2, DayKind.CALENDAR_DAYS, 'PV2：批示后2日内转办'], // 二日: calendar days, rolled off a day off (DL3)
      [DeadlineMeasure.ACCEPTANCE_DECISION, 15, DayKind.CALENDAR_DAYS, '信访工作条例第二十三条：15日内告知是否受理'],
      [DeadlineMeasure.EXTENSION, 30, DayKind.CALENDAR_DAYS, '信访工作条例第三十四条：延长不超过30日'],
      [DeadlineMeasure.REVIEW_REQUEST, 30, DayKind.CALENDAR_DAYS, '信访工作条例第三十五条：30日内请求复查'],
      [DeadlineMeasure.REVIEW_ANSWER, 30, DayKind.CALENDAR_DAYS, '信访工作条例第三十五条：30日内提出复查意见'],
    ];
    for (const [measure, days, dayKind, ruleRef] of policies) this.em.create(DeadlinePolicy, { organization: office, measure, days, dayKind, ruleRef, isDefault: true } as any);
    const leaders = [LeaderPosition.CHAIR, LeaderPosition.VICE_CHAIR, LeaderPosition.SECRETARY_GENERAL, LeaderPosition.DEPUTY_SECRETARY_GENERAL].map((position) => this.em.create(Leader, { name: personName(f), position, body, termNumber: 5, termStart: '2022-01-06', termEnd: '2027-01-31', isPrincipal: position === LeaderPosition.CHAIR } as any));
    const staff = ['信访科 ' + personName(f), '信访科 ' + personName(f), '秘书科 ' + personName(f)];
    const districts = ['通川区西外社区', '通川区朝阳社区', '达川区三里坪社区', '宣汉县东乡镇', '开江县新宁镇', '大竹县竹阳街道', '渠县渠江街道', '万源市太平镇'];
    for (let k = 0; k < this.n(1200); k++) {
      this.letter({ org: office, channel: f.helpers.arrayElement([LetterChannel.POST, LetterChannel.VISIT, LetterChannel.PHONE, LetterChannel.ONLINE, LetterChannel.REFERRED]), receivedOn: dateBetween(f, '2026-01-04', TODAY), community: f.helpers.arrayElement(districts), region: '511702', path: OFFICE_PATHS[k % OFFICE_PATHS.length], leaders, actor: f.helpers.arrayElement(staff) });
    }
    this.em.create(Notification, { title: '紧急来信待处理', body: '有标记为紧急的来信，请立即处理并报告领导（PV6）', kind: NotificationKind.URGENT_LETTER, organization: office, recipientName: leaders[2].name } as any);
    this.scoringRules(body, MemberKind.CPPCC_MEMBER);
    await this.em.flush();
  }

  /** 004: Beilun — a district congress, street working committees, deputy liaison stations and receptions. */
  private async beilun(): Promise<void> {
    const f = this.f;
    const city = this.body('宁波市人大常委会', '宁波市', BodyKind.CONGRESS, BodyLevel.CITY);
    const cityOffice = this.org('宁波市人大常委会办公厅', 'NB', city, OrganizationKind.OFFICE);
    const body = this.body('北仑区人大常委会', '宁波市北仑区', BodyKind.CONGRESS, BodyLevel.COUNTY, city);
    const office = this.org('北仑区人大常委会办公室', 'BL', body, OrganizationKind.OFFICE, cityOffice);
    this.departments(office, '北仑区', DepartmentLevel.COUNTY);
    for (const position of [LeaderPosition.DIRECTOR, LeaderPosition.DEPUTY_DIRECTOR, LeaderPosition.DEPUTY_DIRECTOR, LeaderPosition.SECRETARY_GENERAL]) {
      this.em.create(Leader, { name: personName(f), position, body, termNumber: 18, termStart: '2021-12-30', termEnd: '2026-12-31', isPrincipal: position === LeaderPosition.DIRECTOR } as any);
    }
    const term = { body, kind: MemberKind.DEPUTY, termNumber: 18, termStart: '2021-12-30', termEnd: '2026-12-31' };
    for (const [street, code, communities] of BEILUN_STREETS) {
      const committee = this.org(`北仑区人大${street}工委`, `BL${code}`.slice(0, 12), body, OrganizationKind.STREET_WORKING_COMMITTEE, office);
      const streetDepts = this.departments(committee, `${street}`, DepartmentLevel.TOWNSHIP).slice(0, 6);
      this.departmentsByOrg.set(committee, streetDepts);
      for (const [si, community] of communities.entries()) {
        const deputies = Array.from({ length: this.n(code === 'GUOJU' ? 1 : 6) }, (_v, i) => this.member({ ...term, organization: committee, standing: i === 0 && si === 0 }));
        const station = this.em.create(LiaisonStation, {
          name: `${street}${community}人大代表联络站`,
          organization: committee,
          isOnline: false,
          address: `北仑区${street}${community}党群服务中心二楼`,
          receptionSchedule: '每月第二个周三 9:00-11:30',
          contactPhone: `0574-86${f.string.numeric(6)}`,
          deputyInCharge: deputies[0],
          deputies,
          rules: '一、代表进站接待；二、问题登记交办；三、结果反馈选民；四、满意度测评。',
        } as any);
        const officer = this.em.create(StationStaff, { name: personName(f), role: StationStaffRole.LIAISON_OFFICER, liaisonStation: station, contactPhone: mobile(f) } as any);
        this.em.create(StationStaff, { name: personName(f), role: StationStaffRole.SENTIMENT_LIAISON, liaisonStation: station, contactPhone: mobile(f) } as any);
        this.em.create(StationStaff, { name: personName(f), role: StationStaffRole.WORK_CONSULTANT, liaisonStation: station, contactPhone: mobile(f) } as any);
        // ST2: at least every two months (a few stations fall behind)
        const months = si === 1 && code === 'DAQI' ? [1, 3] : [1, 3, 5, 7, 9, 11];
        for (const month of months) {
          const heldOn = `2026-${String(month).padStart(2, '0')}-${String(f.number.int({ min: 5, max: 18 })).padStart(2, '0')}`;
          if (heldOn > TODAY) continue;
          const attending = f.helpers.arrayElements(deputies, { min: 1, max: Math.min(3, deputies.length) });
          const reception = this.em.create(Reception, {
            liaisonStation: station,
            form: f.helpers.weightedArrayElement([{ value: ReceptionForm.REGULAR, weight: 5 }, { value: ReceptionForm.THEMED, weight: 2 }, { value: ReceptionForm.MOBILE, weight: 1 }, { value: ReceptionForm.APPOINTMENT, weight: 1 }, { value: ReceptionForm.HOME_VISIT, weight: 1 }]),
            heldOn,
            topic: f.helpers.arrayElement(['听民声 解民忧', '老旧小区改造专题接待', '交通出行专题接待', '养老服务专题接待', '常态化接待']),
            location: `${community}代表联络站`,
            deputies: attending,
            liaisonOfficer: officer,
            visitorCount: f.number.int({ min: 3, max: 25 }),
            summary: '代表认真听取选民意见建议，现场答复部分问题，其余问题登记交办。',
          } as any);
          for (const d of attending) this.em.create(Attendance, { member: d, reception, status: AttendanceStatus.PRESENT } as any);
          const issues = this.scale < 1 ? 1 : f.number.int({ min: 2, max: 6 });
          for (let k = 0; k < issues; k++) {
            const path = f.helpers.arrayElement(RECEPTION_PATHS);
            const letter = this.letter({ org: committee, channel: LetterChannel.RECEPTION, receivedOn: heldOn, community, region: '330206', path, member: attending[0], reception, actor: officer.name });
            if (letter.repliedOn) {
              this.em.create(SatisfactionSurvey, { letter, rating: f.helpers.weightedArrayElement([{ value: SatisfactionRating.SATISFIED, weight: 7 }, { value: SatisfactionRating.BASICALLY_SATISFIED, weight: 2 }, { value: SatisfactionRating.DISSATISFIED, weight: 1 }]), source: RatingSource.STAFF, round: 1, comment: f.helpers.maybe(() => '处理及时，态度很好', { probability: 0.3 }), ratedAt: new Date(`${addDays(heldOn, 20) > TODAY ? TODAY : addDays(heldOn, 20)}T02:00:00Z`) } as any);
            }
          }
          this.em.create(SatisfactionSurvey, { reception, rating: SatisfactionRating.SATISFIED, source: RatingSource.STAFF, round: 1, comment: '接待活动满意度测评', ratedAt: new Date(`${heldOn}T08:00:00Z`) } as any);
        }
      }
    }
    const online = this.em.create(LiaisonStation, { name: '北仑区网上人大代表联络站', organization: office, isOnline: true, receptionSchedule: '全天候（ST3）', contactPhone: '0574-86780000', rules: '网上联络站全天候受理选民来信。' } as any);
    void online;
    this.scoringRules(body, MemberKind.DEPUTY);
    await this.em.flush();
  }
}
