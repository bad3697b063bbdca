import { gql, type GraphQLClient } from 'graphql-request';
import type { TestApp } from './app.js';
import { adminClient, signIn } from './sessions.js';
import { findTransition, type LetterFlow } from '../../server/src/casework/letter/letter.workflow.js';
import type { LetterStatus } from '../../server/src/casework/letter/letter.enums.js';

/**
 * Set-up and steps of the letter workflow tests (issue 5), all over the API: an administrator makes
 * the bodies and offices, each office's clerk its reference data, and every step is taken by an account
 * of the role the step needs.
 */

type Vars = Record<string, unknown>;
const call = async <T = any>(client: GraphQLClient, doc: string, vars: Vars = {}): Promise<T> => client.request<T>(doc, vars);

export interface WorkflowWorld {
  /** 嘉兴市政协: office letters (PV2) and member mailboxes (MB4). */
  jx: {
    bodyId: string;
    organizationId: string;
    chairId: string;
    secretaryGeneralId: string;
    /** The deputy secretary-general in charge, who coordinates co-handlers (PV7). */
    deputySecretaryGeneralId: string;
    members: { lead: string; other: string };
    groupId: string;
    mailboxId: string;
    departments: { housing: string; transport: string; water: string };
    office: GraphQLClient;
    chair: GraphQLClient;
    secretaryGeneral: GraphQLClient;
    /** An account that is office staff and a leader at once (to show one person cannot sign twice). */
    officeLeader: GraphQLClient;
    housingHandler: GraphQLClient;
    transportHandler: GraphQLClient;
    member: GraphQLClient;
    groupStaff: GraphQLClient;
  };
  /** Per flow, the account a letter is handed over to (PV4): another office clerk, the member, the district office. */
  accounts: Record<Flow, string>;
  /** 北仑区人大常委会: deputy liaison station receptions (ST4, ST5). */
  bl: {
    bodyId: string;
    organizationId: string;
    deputies: string[];
    stationId: string;
    receptionId: string;
    districtDepartment: string;
    office: GraphQLClient;
    director: GraphQLClient;
    station: GraphQLClient;
    districtHandler: GraphQLClient;
  };
}

/** Display names the events carry (actorName). */
export const NAMES = {
  jxOffice: '周敏',
  chair: '陈建华',
  secretaryGeneral: '李明',
  officeLeader: '赵刚',
  housingHandler: '钱进',
  transportHandler: '孙莉',
  member: '王建国',
  groupStaff: '吴芳',
  blOffice: '郑洁',
  director: '冯国强',
  station: '何静',
  districtHandler: '许涛',
} as const;

async function createOffice(admin: GraphQLClient, bodyName: string, kind: 'CPPCC' | 'CONGRESS', orgName: string, code: string) {
  const body = await call(admin, gql`mutation ($n: String!, $k: BodyKind!) { createBody(name: $n, kind: $k, level: CITY) { id } }`, { n: bodyName, k: kind });
  const org = await call(admin, gql`mutation ($n: String!, $c: String!, $b: ID!) { createOrganization(name: $n, code: $c, kind: OFFICE, bodyId: $b) { id } }`, {
    n: orgName,
    c: code,
    b: body.createBody.id,
  });
  return { bodyId: body.createBody.id as string, organizationId: org.createOrganization.id as string };
}

const createMember = async (c: GraphQLClient, v: { name: string; kind: 'CPPCC_MEMBER' | 'DEPUTY'; bodyId: string; organizationId: string; liaisonGroupId?: string }) =>
  (
    await call(
      c,
      gql`
        mutation ($name: String!, $kind: MemberKind!, $bodyId: ID!, $organizationId: ID!, $liaisonGroupId: ID) {
          createMember(name: $name, kind: $kind, bodyId: $bodyId, organizationId: $organizationId, liaisonGroupId: $liaisonGroupId, termNumber: 6, termStart: "2023-01-01") { id }
        }
      `,
      v,
    )
  ).createMember.id as string;

const createLeader = async (c: GraphQLClient, v: { name: string; position: string; bodyId: string; isPrincipal?: boolean }) =>
  (
    await call(
      c,
      gql`mutation ($name: String!, $position: LeaderPosition!, $bodyId: ID!, $isPrincipal: Boolean) { createLeader(name: $name, position: $position, bodyId: $bodyId, isPrincipal: $isPrincipal) { id } }`,
      v,
    )
  ).createLeader.id as string;

const createDepartment = async (c: GraphQLClient, v: { name: string; code: string; organizationId: string; level: string }) =>
  (
    await call(
      c,
      gql`mutation ($name: String!, $code: String!, $organizationId: ID!, $level: DepartmentLevel!) { createDepartment(name: $name, code: $code, organizationId: $organizationId, level: $level) { id } }`,
      v,
    )
  ).createDepartment.id as string;

export async function setUpWorkflowWorld(t: TestApp): Promise<WorkflowWorld> {
  const admin = await adminClient(t);

  // ── 嘉兴市政协 ──
  const jxOffice = await createOffice(admin, '嘉兴市政协', 'CPPCC', '嘉兴市政协办公室', 'JX');
  const jxClerk = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: jxOffice.organizationId, displayName: NAMES.jxOffice })).client;
  const chairId = await createLeader(jxClerk, { name: NAMES.chair, position: 'CHAIR', bodyId: jxOffice.bodyId });
  const secretaryGeneralId = await createLeader(jxClerk, { name: NAMES.secretaryGeneral, position: 'SECRETARY_GENERAL', bodyId: jxOffice.bodyId });
  const deputySgId = await createLeader(jxClerk, { name: NAMES.officeLeader, position: 'DEPUTY_SECRETARY_GENERAL', bodyId: jxOffice.bodyId });
  const groupLeader = await createMember(jxClerk, { name: '沈国华', kind: 'CPPCC_MEMBER', ...jxOffice });
  const group = await call(jxClerk, gql`mutation ($b: ID!, $l: ID) { createLiaisonGroup(name: "南湖区第一委员活动小组", bodyId: $b, leaderMemberId: $l) { id } }`, {
    b: jxOffice.bodyId,
    l: groupLeader,
  });
  const groupId = group.createLiaisonGroup.id as string;
  const lead = await createMember(jxClerk, { name: NAMES.member, kind: 'CPPCC_MEMBER', ...jxOffice, liaisonGroupId: groupId });
  const other = await createMember(jxClerk, { name: '李秀英', kind: 'CPPCC_MEMBER', ...jxOffice, liaisonGroupId: groupId });
  const mailbox = await call(
    jxClerk,
    gql`mutation ($o: ID!, $g: ID, $m: ID!) { createMailbox(name: "新兴街道委员信箱", code: "NH-XX-01", community: "新兴社区", organizationId: $o, liaisonGroupId: $g, leadMemberId: $m) { id } }`,
    { o: jxOffice.organizationId, g: groupId, m: lead },
  );
  const housing = await createDepartment(jxClerk, { name: '嘉兴市住房和城乡建设局', code: 'JX-ZJJ', organizationId: jxOffice.organizationId, level: 'CITY' });
  const transport = await createDepartment(jxClerk, { name: '嘉兴市交通运输局', code: 'JX-JTJ', organizationId: jxOffice.organizationId, level: 'CITY' });
  const water = await createDepartment(jxClerk, { name: '嘉兴市水务集团', code: 'JX-SW', organizationId: jxOffice.organizationId, level: 'CITY' });
  const o = jxOffice.organizationId;

  // ── 北仑区人大常委会 ──
  const blOffice = await createOffice(admin, '北仑区人大常委会', 'CONGRESS', '北仑区人大常委会办公室', 'BL');
  const blClerk = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: blOffice.organizationId, displayName: NAMES.blOffice })).client;
  const directorId = await createLeader(blClerk, { name: NAMES.director, position: 'DIRECTOR', bodyId: blOffice.bodyId });
  const deputies = [
    await createMember(blClerk, { name: '孙海燕', kind: 'DEPUTY', ...blOffice }),
    await createMember(blClerk, { name: '吴志强', kind: 'DEPUTY', ...blOffice }),
  ];
  const station = await call(blClerk, gql`mutation ($o: ID!, $d: [ID!]) { createLiaisonStation(name: "新碶街道代表联络站", organizationId: $o, deputyIds: $d) { id } }`, {
    o: blOffice.organizationId,
    d: deputies,
  });
  const stationId = station.createLiaisonStation.id as string;
  const reception = await call(
    blClerk,
    gql`mutation ($s: ID!, $d: [ID!]) { createReception(liaisonStationId: $s, form: REGULAR, heldOn: "2026-03-02", topic: "老旧小区改造", deputyIds: $d) { id } }`,
    { s: stationId, d: deputies },
  );
  const districtDepartment = await createDepartment(blClerk, { name: '北仑区综合行政执法局', code: 'BL-ZFJ', organizationId: blOffice.organizationId, level: 'COUNTY' });

  const sign = async (spec: Parameters<typeof signIn>[1]) => (await signIn(t, spec)).client;
  const idOf = async (c: GraphQLClient) => (await call(c, gql`{ me { id } }`)).me.id as string;
  const officeLeader = await sign({ roles: ['OFFICE_STAFF', 'LEADER'], organizationId: o, leaderId: deputySgId, displayName: NAMES.officeLeader });
  const member = await sign({ roles: ['MEMBER'], organizationId: o, memberId: lead, displayName: NAMES.member });
  return {
    accounts: { OFFICE: await idOf(officeLeader), MAILBOX: await idOf(member), RECEPTION: await idOf(blClerk) },
    jx: {
      ...jxOffice,
      chairId,
      secretaryGeneralId,
      deputySecretaryGeneralId: deputySgId,
      members: { lead, other },
      groupId,
      mailboxId: mailbox.createMailbox.id,
      departments: { housing, transport, water },
      office: jxClerk,
      chair: await sign({ roles: ['LEADER'], organizationId: o, leaderId: chairId, displayName: NAMES.chair }),
      secretaryGeneral: await sign({ roles: ['LEADER'], organizationId: o, leaderId: secretaryGeneralId, displayName: NAMES.secretaryGeneral }),
      officeLeader,
      housingHandler: await sign({ roles: ['DEPARTMENT_HANDLER'], organizationId: o, departmentId: housing, displayName: NAMES.housingHandler }),
      transportHandler: await sign({ roles: ['DEPARTMENT_HANDLER'], organizationId: o, departmentId: transport, displayName: NAMES.transportHandler }),
      member,
      groupStaff: await sign({ roles: ['STATION_STAFF'], organizationId: o, liaisonGroupId: groupId, displayName: NAMES.groupStaff }),
    },
    bl: {
      ...blOffice,
      deputies,
      stationId,
      receptionId: reception.createReception.id,
      districtDepartment,
      office: blClerk,
      director: await sign({ roles: ['LEADER'], organizationId: blOffice.organizationId, leaderId: directorId, displayName: NAMES.director }),
      station: await sign({ roles: ['STATION_STAFF'], organizationId: blOffice.organizationId, liaisonStationId: stationId, displayName: NAMES.station }),
      districtHandler: await sign({
        roles: ['DEPARTMENT_HANDLER'],
        organizationId: blOffice.organizationId,
        departmentId: districtDepartment,
        displayName: NAMES.districtHandler,
      }),
    },
  };
}

// ── letters ──

export type Flow = 'OFFICE' | 'MAILBOX' | 'RECEPTION';

/** What the tests read back of a letter after each step. */
export const WF_FIELDS = `
  id serialNumber status version flow allowedActions channel urgency isImportant isAnonymous
  writerNotifiedOn declineReason proposedHandling proposedBy decision decidedOn decidedByLeaderId forwardedOn
  leadDepartmentId coHandlerDepartmentIds coordinatorLeaderId handlingResult handledOn
  investigationFindings investigationHandlerName investigationHandlerSignedOn investigationLeaderName investigationLeaderSignedOn
  outcome conclusion concludedOn replyMethod repliedOn replyContent
  reviewRequestedOn reviewReason reviewAnsweredOn reviewAnswer reReviewRequestedOn reReviewReason reReviewAnsweredOn reReviewAnswer
  closedOn escalationLevel escalationReason assignmentSignedBy assignmentSignedOn assignedTo followUpCount
  deadlineExtendedDays deadlineExtensionReason deadlineExtensionApprovedBy deadlineExtensionNotifiedOn
  reopenCount mergedIntoId convertedTo convertedRecordId researchTopic voidReason category
  higherOfficeDueOn higherOfficeName reportedToHigherOfficeOn higherOfficeReportSummary
  higherOfficeReportApprovedOn higherOfficeReportApprovedBy higherOfficeReportApproval ownerName ownerAccountId
`;

const REGISTER = gql`
  mutation (
    $organizationId: ID!, $channel: LetterChannel!, $title: String!, $content: String!, $receivedOn: LocalDate!,
    $urgency: Urgency, $isImportant: Boolean, $isAnonymous: Boolean, $writerName: String, $memberId: ID, $mailboxId: ID,
    $receptionId: ID, $involvedDepartmentIds: [ID!]
  ) {
    registerLetter(
      organizationId: $organizationId, channel: $channel, title: $title, content: $content, receivedOn: $receivedOn,
      urgency: $urgency, isImportant: $isImportant, isAnonymous: $isAnonymous, writerName: $writerName, memberId: $memberId,
      mailboxId: $mailboxId, receptionId: $receptionId, involvedDepartmentIds: $involvedDepartmentIds
    ) { ${WF_FIELDS} }
  }
`;

export interface LetterSpec {
  title?: string;
  content?: string;
  receivedOn?: string;
  urgency?: 'NORMAL' | 'URGENT';
  isImportant?: boolean;
  isAnonymous?: boolean;
  involvedDepartmentIds?: string[];
}

/** A letter of `flow`, registered by the account that takes such letters in. */
export async function newLetter(w: WorkflowWorld, flow: Flow, spec: LetterSpec = {}): Promise<any> {
  const base = {
    title: spec.title ?? '小区路灯不亮',
    content: spec.content ?? '幸福小区东门路灯已坏一月有余',
    receivedOn: spec.receivedOn ?? '2026-03-02',
    urgency: spec.urgency,
    isImportant: spec.isImportant,
    isAnonymous: spec.isAnonymous,
    writerName: spec.isAnonymous ? null : '张伟',
    involvedDepartmentIds: spec.involvedDepartmentIds,
  };
  const vars =
    flow === 'OFFICE'
      ? { ...base, organizationId: w.jx.organizationId, channel: 'POST' }
      : flow === 'MAILBOX'
        ? { ...base, organizationId: w.jx.organizationId, channel: 'MAILBOX', mailboxId: w.jx.mailboxId, memberId: w.jx.members.lead }
        : { ...base, organizationId: w.bl.organizationId, channel: 'RECEPTION', receptionId: w.bl.receptionId };
  const client = flow === 'RECEPTION' ? w.bl.station : w.jx.office;
  return (await call(client, REGISTER, vars)).registerLetter;
}

/** The mutation of each verb, with its arguments as variables and the letter's fields back. */
const VERB = (name: string, decl: string, args: string) =>
  gql`mutation ($id: ID!, $version: Int, $note: String${decl ? `, ${decl}` : ''}) { ${name}(id: $id, version: $version, note: $note${args ? `, ${args}` : ''}) { ${WF_FIELDS} } }`;

export const VERBS: Record<string, string> = {
  acceptLetter: VERB('acceptLetter', '$writerNotifiedOn: LocalDate, $repeatOfLetterId: ID', 'writerNotifiedOn: $writerNotifiedOn, repeatOfLetterId: $repeatOfLetterId'),
  declineLetter: VERB('declineLetter', '$reason: String!, $writerNotifiedOn: LocalDate', 'reason: $reason, writerNotifiedOn: $writerNotifiedOn'),
  proposeHandling: VERB('proposeHandling', '$opinion: String!', 'opinion: $opinion'),
  decideLetter: VERB('decideLetter', '$decision: String!, $leaderId: ID, $decidedOn: LocalDate', 'decision: $decision, leaderId: $leaderId, decidedOn: $decidedOn'),
  forwardLetter: VERB(
    'forwardLetter',
    '$leadDepartmentId: ID!, $coHandlerDepartmentIds: [ID!], $coordinatorLeaderId: ID, $forwardedOn: LocalDate',
    'leadDepartmentId: $leadDepartmentId, coHandlerDepartmentIds: $coHandlerDepartmentIds, coordinatorLeaderId: $coordinatorLeaderId, forwardedOn: $forwardedOn',
  ),
  recordHandlingResult: VERB('recordHandlingResult', '$result: String!, $handledOn: LocalDate', 'result: $result, handledOn: $handledOn'),
  recordInvestigation: VERB(
    'recordInvestigation',
    '$findings: String!, $handlerName: String, $handlerSignedOn: LocalDate, $leaderName: String, $leaderSignedOn: LocalDate',
    'findings: $findings, handlerName: $handlerName, handlerSignedOn: $handlerSignedOn, leaderName: $leaderName, leaderSignedOn: $leaderSignedOn',
  ),
  confirmInvestigation: VERB('confirmInvestigation', '', ''),
  concludeLetter: VERB('concludeLetter', '$outcome: LetterOutcome!, $conclusion: String, $concludedOn: LocalDate', 'outcome: $outcome, conclusion: $conclusion, concludedOn: $concludedOn'),
  replyToLetter: VERB('replyToLetter', '$method: ReplyMethod!, $repliedOn: LocalDate!, $content: String!', 'method: $method, repliedOn: $repliedOn, content: $content'),
  reportToHigherOffice: VERB('reportToHigherOffice', '$reportedOn: LocalDate!, $summary: String!', 'reportedOn: $reportedOn, summary: $summary'),
  requestReview: VERB('requestReview', '$requestedOn: LocalDate!, $reason: String!', 'requestedOn: $requestedOn, reason: $reason'),
  requestReReview: VERB('requestReReview', '$requestedOn: LocalDate!, $reason: String!', 'requestedOn: $requestedOn, reason: $reason'),
  closeLetter: VERB('closeLetter', '$closedOn: LocalDate', 'closedOn: $closedOn'),
  handleLetter: VERB('handleLetter', '$result: String!, $handledOn: LocalDate', 'result: $result, handledOn: $handledOn'),
  escalateLetter: VERB('escalateLetter', '$reason: String!, $level: EscalationLevel', 'reason: $reason, level: $level'),
  answerOnTheSpot: VERB('answerOnTheSpot', '$answer: String!, $answeredBy: String', 'answer: $answer, answeredBy: $answeredBy'),
  classifyLetter: VERB('classifyLetter', '$category: LetterCategory!, $summary: String', 'category: $category, summary: $summary'),
  assignLetter: VERB('assignLetter', '$signedBy: String!, $assignedTo: String!, $signedOn: LocalDate', 'signedBy: $signedBy, assignedTo: $assignedTo, signedOn: $signedOn'),
  followUpLetter: gql`mutation ($id: ID!, $version: Int, $note: String!) { followUpLetter(id: $id, version: $version, note: $note) { ${WF_FIELDS} } }`,
  reportResultToStation: VERB('reportResultToStation', '$result: String!, $handledOn: LocalDate', 'result: $result, handledOn: $handledOn'),
  extendDeadline: VERB('extendDeadline', '$days: Int!, $reason: String!, $writerNotifiedOn: LocalDate', 'days: $days, reason: $reason, writerNotifiedOn: $writerNotifiedOn'),
  reopenLetter: gql`mutation ($id: ID!, $version: Int, $reason: String!) { reopenLetter(id: $id, version: $version, reason: $reason) { ${WF_FIELDS} } }`,
  convertLetter: VERB(
    'convertLetter',
    '$into: LetterConversion!, $title: String, $memberId: ID, $liaisonGroupId: ID, $researchTopic: String',
    'into: $into, title: $title, memberId: $memberId, liaisonGroupId: $liaisonGroupId, researchTopic: $researchTopic',
  ),
  voidLetter: VERB('voidLetter', '$reason: String!', 'reason: $reason'),
  approveHigherOfficeReport: VERB('approveHigherOfficeReport', '$opinion: String!, $approvedOn: LocalDate', 'opinion: $opinion, approvedOn: $approvedOn'),
  handOverLetter: VERB('handOverLetter', '$toAccountId: ID!, $reason: String!', 'toAccountId: $toAccountId, reason: $reason'),
  setLetterHigherOfficeDeadline: gql`mutation ($id: ID!, $version: Int, $dueOn: LocalDate, $office: String) { setLetterHigherOfficeDeadline(id: $id, version: $version, dueOn: $dueOn, office: $office) { ${WF_FIELDS} } }`,
  updateLetter: gql`mutation ($id: ID!, $version: Int, $title: String, $urgency: Urgency) { updateLetter(id: $id, version: $version, title: $title, urgency: $urgency) { ${WF_FIELDS} } }`,
  mergeLetters: gql`mutation ($mainLetterId: ID!, $letterIds: [ID!]!, $version: Int, $note: String) { mergeLetters(mainLetterId: $mainLetterId, letterIds: $letterIds, version: $version, note: $note) { ${WF_FIELDS} } }`,
};

/** Runs a verb on a letter as `client`; returns the letter after the step. */
export async function act(client: GraphQLClient, action: string, id: string, vars: Vars = {}): Promise<any> {
  const doc = VERBS[action];
  if (!doc) throw new Error(`no document for ${action}`);
  return (await call(client, doc, { id, ...vars }))[action];
}

/**
 * The arguments a step takes when a test walks a letter along a path, with the dates of one
 * consistent history: received 03-02, answered 04-10, 复查 asked 04-20 and answered 05-05, 复核 asked
 * 05-20 and answered 06-01 (each request within 30 days of the previous answer).
 */
export function defaultArgs(w: WorkflowWorld, flow: Flow, step: string): Vars {
  switch (step) {
    case 'acceptLetter':
      return { writerNotifiedOn: '2026-03-05' };
    case 'declineLetter':
      return { reason: '不属于本机关受理范围', writerNotifiedOn: '2026-03-05' };
    case 'proposeHandling':
      return { opinion: '拟转市住建局办理' };
    case 'decideLetter':
      return { decision: '请住建局抓紧办理', decidedOn: '2026-03-06' };
    case 'forwardLetter':
      return flow === 'RECEPTION'
        ? { leadDepartmentId: w.bl.districtDepartment, forwardedOn: '2026-03-06' }
        : { leadDepartmentId: w.jx.departments.housing, forwardedOn: '2026-03-07' };
    case 'recordHandlingResult':
    case 'handleLetter':
    case 'reportResultToStation':
      return { result: '已修复路灯', handledOn: '2026-03-20' };
    case 'recordInvestigation':
      return { findings: '经现场核实，路灯线路老化', leaderName: '刘强', leaderSignedOn: '2026-03-21' };
    case 'recordInvestigation:pending':
      return { findings: '经现场核实，路灯线路老化' };
    case 'confirmInvestigation':
      return {};
    case 'concludeLetter':
      return { outcome: 'RESOLVED', concludedOn: '2026-03-25' };
    case 'replyToLetter':
      return { method: 'PHONE', repliedOn: '2026-04-10', content: '路灯已修复' };
    case 'replyToLetter:review':
      return { method: 'WRITTEN', repliedOn: '2026-05-05', content: '复查维持原处理意见' };
    case 'replyToLetter:reReview':
      return { method: 'WRITTEN', repliedOn: '2026-06-01', content: '复核维持复查意见' };
    case 'reportToHigherOffice':
      return { reportedOn: '2026-04-12', summary: '路灯已修复，已答复来信人' };
    case 'requestReview':
      return { requestedOn: '2026-04-20', reason: '认为处理不彻底' };
    case 'requestReReview':
      return { requestedOn: '2026-05-20', reason: '对复查意见不服' };
    case 'closeLetter':
      return {};
    case 'escalateLetter':
      return { reason: '多户反映，需小组集体办理' };
    case 'answerOnTheSpot':
      return { answer: '已当场解释政策', answeredBy: '孙海燕' };
    case 'classifyLetter':
      return { category: 'REQUEST', summary: '属街道职责' };
    case 'assignLetter':
      return { signedBy: '街道办主任林伟', assignedTo: '新碶街道党政办', signedOn: '2026-03-05' };
    case 'followUpLetter':
      return { note: '人大街道工委电话督办' };
    case 'extendDeadline':
      return { days: 30, reason: '情况复杂需协调多部门', writerNotifiedOn: '2026-03-20' };
    case 'reopenLetter':
      return { reason: '来信人不满意' };
    case 'convertLetter':
      // a mailbox letter goes in its member's name by default; an office letter names one
      return flow === 'RECEPTION'
        ? { into: 'SUGGESTION', memberId: w.bl.deputies[0] }
        : flow === 'OFFICE'
          ? { into: 'OPINION_REPORT', memberId: w.jx.members.other }
          : { into: 'OPINION_REPORT' };
    case 'voidLetter':
      return { reason: '重复登记' };
    case 'approveHigherOfficeReport':
      return { opinion: '同意上报', approvedOn: '2026-04-11' };
    case 'handOverLetter':
      return { toAccountId: w.accounts[flow], reason: '工作调整' };
    case 'setLetterHigherOfficeDeadline':
      return { dueOn: '2026-04-15', office: '浙江省政协办公厅' };
    case 'updateLetter':
      return { title: '小区路灯不亮（更正）' };
    default:
      throw new Error(`no default arguments for ${step}`);
  }
}

/** How a letter of each flow gets into each status from REGISTERED (steps; `verb:variant` picks arguments). */
export const PATHS: Record<Flow, Record<string, string[]>> = {
  OFFICE: {
    REGISTERED: [],
    ACCEPTED: ['acceptLetter'],
    DECLINED: ['declineLetter'],
    PROPOSED: ['acceptLetter', 'proposeHandling'],
    DECIDED: ['acceptLetter', 'proposeHandling', 'decideLetter'],
    FORWARDED: ['acceptLetter', 'proposeHandling', 'decideLetter', 'forwardLetter'],
    HANDLED: ['acceptLetter', 'proposeHandling', 'decideLetter', 'forwardLetter', 'recordHandlingResult'],
    INVESTIGATED: ['acceptLetter', 'proposeHandling', 'decideLetter', 'recordInvestigation'],
    CONCLUDED: ['acceptLetter', 'proposeHandling', 'decideLetter', 'forwardLetter', 'recordHandlingResult', 'concludeLetter'],
    CONVERTED: ['acceptLetter', 'convertLetter'],
    REPLIED: ['acceptLetter', 'proposeHandling', 'decideLetter', 'forwardLetter', 'recordHandlingResult', 'concludeLetter', 'replyToLetter'],
    REVIEWING: ['acceptLetter', 'proposeHandling', 'decideLetter', 'forwardLetter', 'recordHandlingResult', 'concludeLetter', 'replyToLetter', 'requestReview'],
    REVIEWED: [
      'acceptLetter', 'proposeHandling', 'decideLetter', 'forwardLetter', 'recordHandlingResult', 'concludeLetter', 'replyToLetter', 'requestReview',
      'replyToLetter:review',
    ],
    RE_REVIEWING: [
      'acceptLetter', 'proposeHandling', 'decideLetter', 'forwardLetter', 'recordHandlingResult', 'concludeLetter', 'replyToLetter', 'requestReview',
      'replyToLetter:review', 'requestReReview',
    ],
    RE_REVIEWED: [
      'acceptLetter', 'proposeHandling', 'decideLetter', 'forwardLetter', 'recordHandlingResult', 'concludeLetter', 'replyToLetter', 'requestReview',
      'replyToLetter:review', 'requestReReview', 'replyToLetter:reReview',
    ],
    CLOSED: ['acceptLetter', 'proposeHandling', 'decideLetter', 'forwardLetter', 'recordHandlingResult', 'concludeLetter', 'replyToLetter', 'closeLetter'],
    REOPENED: ['acceptLetter', 'proposeHandling', 'decideLetter', 'forwardLetter', 'recordHandlingResult', 'concludeLetter', 'replyToLetter', 'reopenLetter'],
  },
  MAILBOX: {
    REGISTERED: [],
    HANDLED: ['handleLetter'],
    ESCALATED: ['escalateLetter'],
    CONCLUDED: ['handleLetter', 'concludeLetter'],
    CONVERTED: ['convertLetter'],
    REPLIED: ['handleLetter', 'concludeLetter', 'replyToLetter'],
    CLOSED: ['handleLetter', 'concludeLetter', 'replyToLetter', 'closeLetter'],
    REOPENED: ['handleLetter', 'concludeLetter', 'replyToLetter', 'reopenLetter'],
  },
  RECEPTION: {
    REGISTERED: [],
    CLOSED: ['answerOnTheSpot'],
    CLASSIFIED: ['classifyLetter'],
    ASSIGNED: ['classifyLetter', 'assignLetter'],
    FORWARDED: ['classifyLetter', 'forwardLetter'],
    HANDLED: ['classifyLetter', 'assignLetter', 'reportResultToStation'],
    CONVERTED: ['classifyLetter', 'convertLetter'],
    REPLIED: ['classifyLetter', 'assignLetter', 'reportResultToStation', 'replyToLetter'],
    REOPENED: ['classifyLetter', 'assignLetter', 'reportResultToStation', 'replyToLetter', 'reopenLetter'],
  },
};

/** Who takes a step of a flow, among the roles the step allows: the first of the flow's preference. */
const PREFERENCE: Record<Flow, string[]> = {
  OFFICE: ['OFFICE_STAFF', 'LEADER', 'DEPARTMENT_HANDLER'],
  MAILBOX: ['MEMBER', 'LEADER', 'OFFICE_STAFF'],
  RECEPTION: ['STATION_STAFF', 'LEADER', 'OFFICE_STAFF', 'DEPARTMENT_HANDLER'],
};

/** The account that takes a step of a flow, among the roles the step allows: the first of the flow's preference. */
export function actorFor(w: WorkflowWorld, flow: Flow, roles: readonly string[]): { client: GraphQLClient; name: string } {
  const role = PREFERENCE[flow].find((r) => roles.includes(r));
  const jx: Record<string, { client: GraphQLClient; name: string }> = {
    OFFICE_STAFF: { client: w.jx.office, name: NAMES.jxOffice },
    LEADER: { client: w.jx.chair, name: NAMES.chair },
    MEMBER: { client: w.jx.member, name: NAMES.member },
    DEPARTMENT_HANDLER: { client: w.jx.housingHandler, name: NAMES.housingHandler },
  };
  const bl: Record<string, { client: GraphQLClient; name: string }> = {
    OFFICE_STAFF: { client: w.bl.office, name: NAMES.blOffice },
    LEADER: { client: w.bl.director, name: NAMES.director },
    STATION_STAFF: { client: w.bl.station, name: NAMES.station },
    DEPARTMENT_HANDLER: { client: w.bl.districtHandler, name: NAMES.districtHandler },
  };
  const found = role ? (flow === 'RECEPTION' ? bl : jx)[role] : undefined;
  if (!found) throw new Error(`no account of ${roles.join('/')} in the ${flow} flow`);
  return found;
}

/** The office that reads a flow's letters and their events. */
export const readerOf = (w: WorkflowWorld, flow: Flow) => (flow === 'RECEPTION' ? w.bl.office : w.jx.office);

/** The roles of each step (mirrors OPERATIONS; the flow's row is applied by the server). */
export type RolesOf = (flow: Flow, from: string, action: string) => readonly string[];

/** The roles of the table's row. */
export const rolesOf: RolesOf = (flow, from, action) => findTransition(flow as LetterFlow, from as LetterStatus, action)?.roles ?? [];

/** Walks a letter along `steps`; returns it after the last one. */
export async function walk(w: WorkflowWorld, flow: Flow, letter: any, steps: string[], rolesOf: RolesOf): Promise<any> {
  let current = letter;
  for (const s of steps) {
    const [action] = s.split(':');
    const { client } = actorFor(w, flow, rolesOf(flow, current.status, action));
    current = await act(client, action, current.id, { ...defaultArgs(w, flow, s), version: current.version });
  }
  return current;
}

/** The events of a letter as the office reads them. */
export async function eventsOf(client: GraphQLClient, letterId: string): Promise<any[]> {
  const res = await call(
    client,
    gql`query ($id: ID) { allLetterEvents(filter: { letterId: $id }, sortField: "id", sortOrder: "ASC") { action fromStatus toStatus actorName note } }`,
    { id: letterId },
  );
  return res.allLetterEvents;
}
