/**
 * One line per resource: how the tests make two records of it over the API, and what an update changes.
 * Shared by the stock-provider test (ra-provider.test.ts), which drives every line through
 * ra-data-graphql-simple, and the permission matrix (permission-matrix.test.ts), which builds the whole
 * set once per organization. A new resource needs a line here (or records made by another line's seed).
 *
 * Records are written by the session `fixtureRole` names: the system administrator for bodies,
 * organizations and accounts, the auditor reads the audit log, and the office staff of the fixtures'
 * organization does the casework.
 */
import type { GraphQLClient } from 'graphql-request';
import { Role } from '../../server/src/platform/account/role.js';

/** The id of the first record created for each resource, for links from records created later. */
export type Ids = Record<string, string>;
export type Data = Record<string, unknown>;
/** SQL on the test database, for the few records no verb makes yet. */
export type Sql = (query: string, params?: unknown[]) => Promise<any[]>;
export interface Fixture {
  /** Args for createX. `n` is 0 or 1 (two records each); links point to records made earlier (`id.Body`). */
  create?: (id: Ids, n: 0 | 1) => Data;
  /** Fields updateX changes on the first record (sent with the rest of the record, as the console does). */
  update?: Data;
  /**
   * For a resource without createX: makes a record through its workflow verb (as the resource's
   * `fixtureRole`), returns its id, e.g.
   * `seed: async (api, id) => (await api.request<any>(REGISTER_LETTER, { organizationId: id.Organization })).registerLetter.id`
   */
  seed?: (api: GraphQLClient, id: Ids, sql: Sql) => Promise<string>;
}

// One line per resource, dependencies first. The bodies are people's congresses: liaison stations and
// receptions need deputies (DEPUTY members of a CONGRESS body), and a member's kind follows its body.
export const FIXTURES: Array<[resource: string, fixture: Fixture]> = [
  ['Body', { create: (id, n) => [{ name: '嘉兴市人大常委会', kind: 'CONGRESS', level: 'CITY', region: '嘉兴市' }, { name: '南湖区人大常委会', kind: 'CONGRESS', level: 'COUNTY', parentId: id.Body }][n], update: { region: '浙江省嘉兴市' } }],
  ['Organization', { create: (id, n) => [{ name: '嘉兴市人大常委会办公室', code: 'JX', kind: 'OFFICE', bodyId: id.Body, mailboxOpeningPeriodDays: 15 }, { name: '嘉兴市人大常委会研究室', code: 'JXYJ', kind: 'RESEARCH_OFFICE', bodyId: id.Body, parentId: id.Organization }][n], update: { address: '嘉兴市南湖区中环东路1号' } }],
  ['CalendarDay', { create: (_id, n) => [{ date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' }, { date: '2026-10-10', kind: 'MAKEUP_WORKDAY', name: '国庆节调休上班' }][n], update: { name: '国庆节假期' } }],
  ['Sector', { create: (id, n) => [{ name: '经济界', bodyId: id.Body, sortOrder: 1 }, { name: '教育界', bodyId: id.Body, sortOrder: 2 }][n], update: { name: '经济界别' } }],
  ['Committee', { create: (id, n) => [{ name: '财政经济委员会', bodyId: id.Body, sectorIds: [id.Sector], description: '联系经济界' }, { name: '教育科学文化卫生委员会', bodyId: id.Body }][n], update: { description: '联系经济界代表' } }],
  ['Department', { create: (id, n) => [{ name: '嘉兴市住房和城乡建设局', code: 'JXZJ', level: 'CITY', organizationId: id.Organization, contactPerson: '李强', contactPhone: '13812345678' }, { name: '嘉兴市住建局城建科', code: 'JXZJCJ', level: 'CITY', organizationId: id.Organization, parentId: id.Department }][n], update: { contactPerson: '王强' } }],
  ['DeadlinePolicy', { create: (id, n) => [{ organizationId: id.Organization, measure: 'HANDLE', days: 60, dayKind: 'CALENDAR_DAYS', ruleRef: '信访工作条例第三十二条' }, { organizationId: id.Organization, measure: 'ACCEPTANCE_DECISION', days: 15, dayKind: 'CALENDAR_DAYS', ruleRef: '信访工作条例第二十二条' }][n], update: { ruleRef: '《信访工作条例》第三十二条' } }],
  ['LiaisonGroup', { create: (id, n) => [{ name: '南湖片代表联络组', bodyId: id.Body, area: '南湖区', organizationId: id.Organization }, { name: '秀洲片代表联络组', bodyId: id.Body, area: '秀洲区' }][n], update: { area: '南湖区城区' } }],
  ['Member', { create: (id, n) => [{ name: '张建国', kind: 'DEPUTY', bodyId: id.Body, organizationId: id.Organization, liaisonGroupId: id.LiaisonGroup, sectorId: id.Sector, isStandingMember: true, termNumber: 16, termStart: '2023-01-01', phone: '13812345678', workUnit: '嘉兴市某公司' }, { name: '李秀英', kind: 'DEPUTY', bodyId: id.Body, organizationId: id.Organization, termNumber: 15, termStart: '2018-01-01', termEnd: '2022-12-31' }][n], update: { workUnit: '嘉兴市某集团公司董事长' } }],
  ['Leader', { create: (id, n) => [{ name: '陈建华', position: 'DIRECTOR', bodyId: id.Body, termNumber: 16, termStart: '2023-01-01' }, { name: '刘明', position: 'DEPUTY_DIRECTOR', bodyId: id.Body }][n], update: { name: '陈建华（主任）' } }],
  ['Constituent', { create: (id, n) => [{ name: '周敏', organizationId: id.Organization, community: '灵溪镇', gender: 'FEMALE', phone: '13912345678', idNumber: '11010519491231002X', occupation: '教师' }, { name: '吴刚', organizationId: id.Organization, community: '新兴街道' }][n], update: { occupation: '退休教师' } }],
  ['ContactPairing', { create: (id, n) => [{ kind: 'MEMBER_CONSTITUENT', memberId: id.Member, constituentId: id.Constituent, startDate: '2025-01-01', endDate: '2025-12-31' }, { kind: 'LEADER_STANDING', leaderId: id.Leader, memberId: id.Member, startDate: '2025-01-01' }][n], update: { note: '每季度走访一次' } }],
  ['ContactVisit', { create: (id, n) => [{ kind: 'MEMBER_CONSTITUENT', mode: 'VISIT', memberId: id.Member, constituentId: id.Constituent, visitedOn: '2026-02-01', summary: '了解老旧小区改造意见' }, { kind: 'LEADER_STANDING', mode: 'TALK', leaderId: id.Leader, memberId: id.Member, visitedOn: '2026-03-01' }][n], update: { summary: '了解老旧小区加装电梯意见' } }],
  ['LiaisonStation', { create: (id, n) => [{ name: '新兴街道代表联络站', organizationId: id.Organization, deputyIds: [id.Member], deputyInChargeId: id.Member, address: '新兴街道新兴路1号', contactPhone: '13812345678' }, { name: '网上代表联络站', organizationId: id.Organization, isOnline: true }][n], update: { receptionSchedule: '每月第一个周三上午' } }],
  ['StationStaff', { create: (id, n) => [{ name: '冯婷', role: 'LIAISON_OFFICER', liaisonStationId: id.LiaisonStation, contactPhone: '13812345678' }, { name: '许丹', role: 'CLERK', liaisonGroupId: id.LiaisonGroup }][n], update: { contactPhone: '13912345678' } }],
  ['Reception', { create: (id, n) => [{ liaisonStationId: id.LiaisonStation, form: 'REGULAR', heldOn: '2026-03-04', topic: '老旧小区改造', deputyIds: [id.Member], liaisonOfficerId: id.StationStaff, visitorCount: 5 }, { liaisonStationId: id.LiaisonStation, form: 'THEMED', heldOn: '2026-04-01' }][n], update: { summary: '收集意见5条' } }],
  ['Activity', { create: (id, n) => [{ title: '视察老旧小区改造', kind: 'INSPECTION', bodyId: id.Body, heldOn: '2026-03-10', organizationId: id.Organization, location: '南湖区' }, { title: '代表学习会', kind: 'STUDY', bodyId: id.Body, heldOn: '2026-04-10', liaisonGroupId: id.LiaisonGroup }][n], update: { description: '视察南湖区老旧小区改造进度' } }],
  ['Attendance', { create: (id, n) => [{ memberId: id.Member, activityId: id.Activity, status: 'PRESENT' }, { memberId: id.Member, receptionId: id.Reception, status: 'EXCUSED', note: '出差' }][n], update: { note: '全程参加' } }],
  ['Mailbox', { create: (id, n) => [{ name: '新兴街道代表信箱', code: 'XX01', organizationId: id.Organization, leadMemberId: id.Member, liaisonGroupId: id.LiaisonGroup, community: '新兴街道', installedOn: '2025-01-01' }, { name: '灵溪镇代表信箱', code: 'LX01', organizationId: id.Organization, leadMemberId: id.Member }][n], update: { address: '新兴街道新兴路1号' } }],
  // openMailbox is the only way to record an opening
  ['MailboxOpening', {
    seed: async (api, id) => (await api.request<any>(`mutation ($m: ID!, $by: ID!) { openMailbox(mailboxId: $m, openedByMemberId: $by, openedOn: "2026-03-01", letterCount: 2) { id } }`, { m: id.Mailbox, by: id.Member })).openMailbox.id,
    update: { notes: '信件完好' },
  }],
  ['Letter', { create: (id, n) => [{ organizationId: id.Organization, channel: 'MAILBOX', title: '老旧小区加装电梯', content: '希望尽快加装电梯', receivedOn: '2026-03-02', writerName: '张伟', writerPhone: '13812345678', mailboxId: id.Mailbox, mailboxOpeningId: id.MailboxOpening, memberId: id.Member, involvedDepartmentIds: [id.Department] }, { organizationId: id.Organization, channel: 'POST', title: '路灯不亮', content: '新兴路路灯不亮', receivedOn: '2026-03-03', isAnonymous: true }][n], update: { community: '新兴街道' } }],
  // registering a letter writes its first event
  ['LetterEvent', { seed: async (api, id) => (await api.request<any>(`query ($l: ID) { allLetterEvents(filter: { letterId: $l }) { id } }`, { l: id.Letter })).allLetterEvents[0].id }],
  // no verb rates a letter yet (the writer's rating by tracking code comes later): one row written directly
  ['SatisfactionSurvey', {
    seed: async (_api, id, sql) => (await sql(`insert into satisfaction_survey (letter_id, rating, source, rated_at) values (?, 'SATISFIED', 'STAFF', now()) returning id`, [id.Letter]))[0].id.toString(),
    update: { comment: '办理及时' },
  }],
  // no verb sends a notification yet (deadline reminders come later): one row written directly
  ['Notification', { seed: async (_api, id, sql) => (await sql(`insert into notification (title, kind, letter_id, organization_id) values ('紧急来信', 'URGENT_LETTER', ?, ?) returning id`, [id.Letter, id.Organization]))[0].id.toString() }],
  ['OpinionReport', { create: (id, n) => [{ title: '关于老旧小区加装电梯的建议', bodyId: id.Body, submittedOn: '2026-03-05', memberId: id.Member, sourceLetterId: id.Letter }, { title: '关于路灯维护的建议', bodyId: id.Body, submittedOn: '2026-03-06', liaisonGroupId: id.LiaisonGroup }][n], update: { content: '建议简化加装电梯审批' } }],
  ['Proposal', { create: (id, n) => [{ title: '关于加快老旧小区改造的建议', bodyId: id.Body, year: 2026, memberId: id.Member, serialNumber: '2026-001', submittedOn: '2026-01-10' }, { title: '关于完善路灯维护机制的建议', bodyId: id.Body, year: 2026, liaisonGroupId: id.LiaisonGroup }][n], update: { content: '建议设立专项资金' } }],
  ['Suggestion', { create: (id, n) => [{ title: '改进代表学习培训方式', bodyId: id.Body, memberId: id.Member, submittedOn: '2026-05-01' }, { title: '增加联络站开放时间', bodyId: id.Body }][n], update: { content: '建议增加线上培训' } }],
  ['WorkPlan', { create: (id, n) => [{ organizationId: id.Organization, year: 2026, title: '2026年度工作计划', filedOn: '2026-01-10' }, { organizationId: id.Organization, year: 2027, title: '2027年度工作计划' }][n], update: { content: '每季度至少开展一次活动' } }],
  ['WorkSummary', { create: (id, n) => [{ organizationId: id.Organization, year: 2025, title: '2025年度工作总结', filedOn: '2026-01-10' }, { organizationId: id.Organization, year: 2026, title: '2026年度工作总结' }][n], update: { content: '全年开展活动12次' } }],
  ['ScoringRule', { create: (id, n) => [{ bodyId: id.Body, year: 2026, memberKind: 'DEPUTY', measure: 'INSPECTIONS', threshold: 1, points: 10, ruleRef: '代表履职考核办法' }, { bodyId: id.Body, year: 2026, memberKind: 'DEPUTY', measure: 'RECEPTIONS_ATTENDED', threshold: 2, points: 10 }][n], update: { ruleRef: '代表履职考核办法第五条' } }],
  // computePerformanceScores writes a duty record and score for each member serving that year (the
  // second member's term ended in 2022, so nothing refers to them and they can be deleted)
  ['DutyRecord', {
    seed: async (api, id) => {
      await api.request(`mutation ($b: ID!) { computePerformanceScores(bodyId: $b, year: 2026) }`, { b: id.Body });
      return (await api.request<any>(`query ($m: ID) { allDutyRecords(filter: { memberId: $m }) { id } }`, { m: id.Member })).allDutyRecords[0].id;
    },
  }],
  ['PerformanceScore', { seed: async (api, id) => (await api.request<any>(`query ($m: ID) { allPerformanceScores(filter: { memberId: $m }) { id } }`, { m: id.Member })).allPerformanceScores[0].id }],
  // account administration needs an administrator's full session (fixtureRole)
  ['Account', { create: (id, n) => [{ username: 'wangfang', displayName: '王芳', organizationId: id.Organization, roles: ['OFFICE_STAFF'], password: 'Lianluo#2026x' }, { username: 'zhangjianguo', displayName: '张建国', organizationId: id.Organization, roles: ['MEMBER'], memberId: id.Member, password: 'Lianluo#2026x' }][n], update: { displayName: '王芳（办公室）' } }],
  // sign-ins and account changes are audited
  ['AuditEvent', { seed: async (api) => (await api.request<any>(`{ allAuditEvents(filter: { action: "LOGIN_SUCCEEDED" }) { id } }`)).allAuditEvents[0].id }],
];


/** The role whose session makes and reads a resource's fixture records (ACCESS, access.table.ts). */
export function fixtureRole(resource: string): Role.SYSTEM_ADMIN | Role.AUDIT_ADMIN | Role.OFFICE_STAFF {
  if (resource === 'Body' || resource === 'Organization' || resource === 'Account') return Role.SYSTEM_ADMIN;
  if (resource === 'AuditEvent') return Role.AUDIT_ADMIN;
  return Role.OFFICE_STAFF;
}
