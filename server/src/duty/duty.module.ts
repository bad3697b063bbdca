import type { Resource } from '../common/crud.js';
import { Activity } from './activity/activity.entity.js';
import { Attendance } from './attendance/attendance.entity.js';
import { Proposal } from './proposal/proposal.entity.js';
import { OpinionReport } from './opinion-report/opinion-report.entity.js';
import { Suggestion } from './suggestion/suggestion.entity.js';
import { WorkPlan } from './work-plan/work-plan.entity.js';
import { WorkSummary } from './work-summary/work-summary.entity.js';
import { ScoringRule } from './scoring-rule/scoring-rule.entity.js';
import { DutyRecord } from './duty-record/duty-record.entity.js';
import { PerformanceScore } from './performance-score/performance-score.entity.js';
import { activityResource } from './activity/activity.resolver.js';
import { attendanceResource, AttendanceVerbResolver } from './attendance/attendance.resolver.js';
import { proposalResource } from './proposal/proposal.resolver.js';
import { opinionReportResource } from './opinion-report/opinion-report.resolver.js';
import { suggestionResource } from './suggestion/suggestion.resolver.js';
import { workPlanResource } from './work-plan/work-plan.resolver.js';
import { workSummaryResource } from './work-summary/work-summary.resolver.js';
import { scoringRuleResource, ScoringRuleDefaultsResolver } from './scoring-rule/scoring-rule.resolver.js';
import { dutyRecordResource } from './duty-record/duty-record.resolver.js';
import { performanceScoreResource, PerformanceScoreResolver } from './performance-score/performance-score.resolver.js';

/** The duty wing: activities and attendance, proposals, opinion reports, suggestions, yearly filings, scoring and duty records. */
export const dutyWing = {
  entities: [Activity, Attendance, Proposal, OpinionReport, Suggestion, WorkPlan, WorkSummary, ScoringRule, DutyRecord, PerformanceScore] as Function[],
  resources: [activityResource, attendanceResource, proposalResource, opinionReportResource, suggestionResource, workPlanResource, workSummaryResource, scoringRuleResource, dutyRecordResource, performanceScoreResource] as Resource[],
  /** Resolvers beyond the CRUD grammar: workflow verbs, reveals, statistics. */
  resolvers: [AttendanceVerbResolver, ScoringRuleDefaultsResolver, PerformanceScoreResolver] as Function[],
};
