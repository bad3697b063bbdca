import type { Resource } from './common/crud.js';
import { Body } from './body/body.entity.js';
import { bodyResource } from './body/body.resolver.js';
import { Organization } from './organization/organization.entity.js';
import { organizationResource } from './organization/organization.resolver.js';
// <people-imports>
import { Sector } from './sector/sector.entity.js';
import { sectorResource } from './sector/sector.resolver.js';
import { Committee, CommitteeSector } from './committee/committee.entity.js';
import { committeeResource } from './committee/committee.resolver.js';
import { Leader } from './leader/leader.entity.js';
import { leaderResource } from './leader/leader.resolver.js';
import { Member } from './member/member.entity.js';
import { memberResource, MemberConstituentResolver } from './member/member.resolver.js';
import { Constituent } from './constituent/constituent.entity.js';
import { constituentResource, ConstituentRevealResolver } from './constituent/constituent.resolver.js';
import { LiaisonGroup } from './liaison-group/liaison-group.entity.js';
import { liaisonGroupResource } from './liaison-group/liaison-group.resolver.js';
import { LiaisonStation, LiaisonStationDeputy } from './liaison-station/liaison-station.entity.js';
import { liaisonStationResource } from './liaison-station/liaison-station.resolver.js';
import { StationStaff } from './station-staff/station-staff.entity.js';
import { stationStaffResource } from './station-staff/station-staff.resolver.js';
import { ContactPairing } from './contact-pairing/contact-pairing.entity.js';
import { contactPairingResource } from './contact-pairing/contact-pairing.resolver.js';
import { ContactVisit } from './contact-visit/contact-visit.entity.js';
import { contactVisitResource } from './contact-visit/contact-visit.resolver.js';
// </people-imports>
// <casework-imports>
import { Department } from './department/department.entity.js';
import { departmentResource } from './department/department.resolver.js';
import { DeadlinePolicy } from './deadline-policy/deadline-policy.entity.js';
import { deadlinePolicyResource } from './deadline-policy/deadline-policy.resolver.js';
import { CalendarDay } from './calendar-day/calendar-day.entity.js';
import { calendarDayResource } from './calendar-day/calendar-day.resolver.js';
import { Mailbox } from './mailbox/mailbox.entity.js';
import { MailboxVerbResolver, mailboxResource } from './mailbox/mailbox.resolver.js';
import { MailboxOpening } from './mailbox-opening/mailbox-opening.entity.js';
import { mailboxOpeningResource } from './mailbox-opening/mailbox-opening.resolver.js';
import { Letter } from './letter/letter.entity.js';
import { LetterSerialCounter } from './letter/letter-serial-counter.entity.js';
import { LetterVerbResolver, letterResource } from './letter/letter.resolver.js';
import { LetterWorkflowResolver } from './letter/letter.workflow.resolver.js';
import { LetterDeadlinesResolver } from './letter/letter.deadlines.resolver.js';
import { MailboxRegisterResolver } from './mailbox/mailbox.register.resolver.js';
import { LetterDisclosureResolver } from './letter/letter.disclosure.js';
import { LetterEvent } from './letter-event/letter-event.entity.js';
import { letterEventResource } from './letter-event/letter-event.resolver.js';
import { Reception } from './reception/reception.entity.js';
import { receptionResource } from './reception/reception.resolver.js';
import { SatisfactionSurvey } from './satisfaction-survey/satisfaction-survey.entity.js';
import { satisfactionSurveyResource } from './satisfaction-survey/satisfaction-survey.resolver.js';
// receptions, satisfaction, concentrated issues (issue 5)
import { ReceptionIssueResolver } from './reception/reception.issues.js';
import { ReceptionComplianceResolver } from './reception/reception.compliance.resolver.js';
import { SatisfactionResolver } from './satisfaction-survey/satisfaction.resolver.js';
import { ConcentratedIssueResolver } from './letter/letter.concentrated.resolver.js';
// </casework-imports>
// <duty-imports>
import { Activity } from './activity/activity.entity.js';
import { activityResource } from './activity/activity.resolver.js';
import { Attendance } from './attendance/attendance.entity.js';
import { attendanceResource, AttendanceVerbResolver } from './attendance/attendance.resolver.js';
import { Proposal } from './proposal/proposal.entity.js';
import { proposalResource } from './proposal/proposal.resolver.js';
import { OpinionReport } from './opinion-report/opinion-report.entity.js';
import { opinionReportResource } from './opinion-report/opinion-report.resolver.js';
import { Suggestion } from './suggestion/suggestion.entity.js';
import { suggestionResource } from './suggestion/suggestion.resolver.js';
import { WorkPlan } from './work-plan/work-plan.entity.js';
import { workPlanResource } from './work-plan/work-plan.resolver.js';
import { WorkSummary } from './work-summary/work-summary.entity.js';
import { workSummaryResource } from './work-summary/work-summary.resolver.js';
import { ScoringRule } from './scoring-rule/scoring-rule.entity.js';
import { scoringRuleResource, ScoringRuleDefaultsResolver } from './scoring-rule/scoring-rule.resolver.js';
import { DutyRecord } from './duty-record/duty-record.entity.js';
import { dutyRecordResource } from './duty-record/duty-record.resolver.js';
import { PerformanceScore } from './performance-score/performance-score.entity.js';
import { performanceScoreResource, PerformanceScoreResolver } from './performance-score/performance-score.resolver.js';
import { Notification } from './notification/notification.entity.js';
import { notificationResource, NotificationResolver } from './notification/notification.resolver.js';
// </duty-imports>
// <access-imports>
import { Account } from './account/account.entity.js';
import { accountResource, AccountResolver } from './account/account.resolver.js';
import { Session } from './session/session.entity.js';
import { AuditEvent } from './audit-event/audit-event.entity.js';
import { auditEventResource } from './audit-event/audit-event.resolver.js';
import { RateLimitBucket } from './common/rate-limit.js';
// </access-imports>

/** The registry: each feature's entities and resolvers. */
export const entities: Function[] = [
  Body,
  Organization,
  // <people-entities>
  Sector,
  Committee,
  CommitteeSector,
  Leader,
  Member,
  Constituent,
  LiaisonGroup,
  LiaisonStation,
  LiaisonStationDeputy,
  StationStaff,
  ContactPairing,
  ContactVisit,
  // </people-entities>
  // <casework-entities>
  Department,
  DeadlinePolicy,
  CalendarDay,
  Mailbox,
  MailboxOpening,
  Letter,
  LetterSerialCounter,
  LetterEvent,
  Reception,
  SatisfactionSurvey,
  // </casework-entities>
  // <duty-entities>
  Activity,
  Attendance,
  Proposal,
  OpinionReport,
  Suggestion,
  WorkPlan,
  WorkSummary,
  ScoringRule,
  DutyRecord,
  PerformanceScore,
  Notification,
  // </duty-entities>
  // <access-entities>
  Account,
  Session,
  AuditEvent,
  RateLimitBucket,
  // </access-entities>
];

export const resources: Resource[] = [
  bodyResource,
  organizationResource,
  // <people-resources>
  sectorResource,
  committeeResource,
  leaderResource,
  memberResource,
  constituentResource,
  liaisonGroupResource,
  liaisonStationResource,
  stationStaffResource,
  contactPairingResource,
  contactVisitResource,
  // </people-resources>
  // <casework-resources>
  departmentResource,
  deadlinePolicyResource,
  calendarDayResource,
  mailboxResource,
  mailboxOpeningResource,
  letterResource,
  letterEventResource,
  receptionResource,
  satisfactionSurveyResource,
  // </casework-resources>
  // <duty-resources>
  activityResource,
  attendanceResource,
  proposalResource,
  opinionReportResource,
  suggestionResource,
  workPlanResource,
  workSummaryResource,
  scoringRuleResource,
  dutyRecordResource,
  performanceScoreResource,
  notificationResource,
  // </duty-resources>
  // <access-resources>
  accountResource,
  auditEventResource,
  // </access-resources>
];

/** Resolvers beyond the CRUD grammar: workflow verbs, reveals, statistics. */
export const extraResolvers: Function[] = [
  // <people-resolvers>
  MemberConstituentResolver,
  ConstituentRevealResolver,
  // </people-resolvers>
  // <casework-resolvers>
  MailboxVerbResolver,
  LetterVerbResolver,
  LetterWorkflowResolver,
  LetterDeadlinesResolver,
  MailboxRegisterResolver,
  LetterDisclosureResolver,
  ReceptionIssueResolver,
  ReceptionComplianceResolver,
  SatisfactionResolver,
  ConcentratedIssueResolver,
  // </casework-resolvers>
  // <duty-resolvers>
  AttendanceVerbResolver,
  ScoringRuleDefaultsResolver,
  PerformanceScoreResolver,
  NotificationResolver,
  // </duty-resolvers>
  // <access-resolvers>
  AccountResolver,
  // </access-resolvers>
];

export const resolvers = [...resources.flatMap((r) => r.resolvers), ...extraResolvers] as unknown as [Function, ...Function[]];
