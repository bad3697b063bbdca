import { READS_CONCENTRATED } from '../concentrated/concentrated';
import { RATES_ROLES } from '../statistics/rates';
import { SESSION_ADMINS } from '../sessions/roles';
import { READS_MAILBOX_REGISTER } from '../mailboxes/roles';
import { READS_COMPLIANCE } from '../receptions/roles';

/** The menu's sections, in the office's order, and the resources each holds. Pure: unit-tested. */
export const MENU_GROUPS = [
  { id: 'people', label: '组织与人员', resources: ['Body', 'Organization', 'Leader', 'Committee', 'Sector', 'Member'] },
  { id: 'contact', label: '联系群众', resources: ['Constituent', 'ContactPairing', 'ContactVisit', 'LiaisonGroup', 'LiaisonStation', 'StationStaff'] },
  {
    id: 'casework',
    label: '信件与接待',
    resources: ['Letter', 'LetterEvent', 'Mailbox', 'MailboxOpening', 'Reception', 'SatisfactionSurvey', 'Department', 'DeadlinePolicy', 'CalendarDay'],
  },
  {
    id: 'duty',
    label: '履职考核',
    resources: ['Activity', 'Attendance', 'Proposal', 'OpinionReport', 'Suggestion', 'WorkPlan', 'WorkSummary', 'ScoringRule', 'DutyRecord', 'PerformanceScore'],
  },
  { id: 'statistics', label: '统计', resources: [] as string[] },
  { id: 'system', label: '系统', resources: ['Notification', 'Account', 'AuditEvent'] },
] as const;

export type MenuGroupId = (typeof MENU_GROUPS)[number]['id'];

/** Pages that are not resources (custom routes), each in its section, for the roles that may open it. */
export const MENU_PAGES: ReadonlyArray<{ group: MenuGroupId; path: string; label: string; roles: readonly string[] }> = [
  { group: 'casework', path: '/concentrated', label: '集中反映问题', roles: READS_CONCENTRATED },
  { group: 'casework', path: '/mailbox-register', label: '委员信箱工作台账', roles: READS_MAILBOX_REGISTER },
  { group: 'casework', path: '/station-compliance', label: '联络站接待情况', roles: READS_COMPLIANCE },
  { group: 'statistics', path: '/statistics', label: '满意率与解决率', roles: RATES_ROLES },
  { group: 'system', path: '/sessions', label: '在线会话', roles: SESSION_ADMINS },
];

/** The pages of a section that the signed-in roles may open. */
export function pagesFor(group: MenuGroupId, roles: readonly string[]) {
  return MENU_PAGES.filter((p) => p.group === group && p.roles.some((r) => roles.includes(r)));
}

/** The given resources by section, in each section's order; a resource no section names goes to 系统. */
export function groupResources(names: readonly string[]): Record<MenuGroupId, string[]> {
  const out = Object.fromEntries(MENU_GROUPS.map((g) => [g.id, [] as string[]])) as Record<MenuGroupId, string[]>;
  for (const g of MENU_GROUPS) for (const r of g.resources) if (names.includes(r)) out[g.id].push(r);
  const placed = new Set(Object.values(out).flat());
  out.system.push(...names.filter((n) => !placed.has(n)).sort());
  return out;
}
