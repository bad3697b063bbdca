import type { ResourceModel } from './schema';

/** The glossary's order (bodies and their people first, letters next, records last); others follow by name. */
const ORDER = [
  'Body', 'Organization', 'Leader', 'Committee', 'Sector', 'Member', 'Constituent', 'LiaisonGroup', 'LiaisonStation',
  'StationStaff', 'Mailbox', 'MailboxOpening', 'Letter', 'LetterEvent', 'DeadlinePolicy', 'CalendarDay', 'Department',
  'Proposal', 'OpinionReport', 'Suggestion', 'Reception', 'ContactVisit', 'ContactPairing', 'SatisfactionSurvey',
  'Activity', 'Attendance', 'DutyRecord', 'ScoringRule', 'PerformanceScore', 'WorkPlan', 'WorkSummary', 'Account',
  'AuditEvent', 'Notification',
];

export function menuOrder(resources: ResourceModel[]): ResourceModel[] {
  const rank = (name: string) => {
    const i = ORDER.indexOf(name);
    return i >= 0 ? i : ORDER.length;
  };
  return [...resources].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
