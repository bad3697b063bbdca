import { addDays } from '../letters/deadlines';

/**
 * Which count cards a dashboard shows, per role: each is one list request (perPage 1) that opens the
 * list it counts. Pure: unit-tested (test/admin/dashboard-cards.test.ts).
 */
export interface CardSpec {
  resource: string;
  label: string;
  unit: string;
  filter?: Record<string, unknown>;
  testId: string;
  /** the order the list opens in (the longest overdue first) */
  sort?: { field: string; order: 'ASC' | 'DESC' };
  /** shown in red when not zero */
  alert?: boolean;
  /** a minimum a rule sets: below it the card says so (CT3, CT4, ST2) */
  below?: { min: number; text: string };
}

/** What the dashboard says when a role's first card counts nothing: the first thing to do. */
export interface EmptySpec {
  /** the card whose count decides (its request is shared with the card's) */
  testId: string;
  text: string;
}

const LETTERS = '件来信';
const DUE_FIRST = { field: 'nextDueOn', order: 'ASC' } as const;
/** the letters still in hand (LetterFilter.open): said by the unit, so the label stays one line */
const IN_HAND = '件办理中';

/** The cards of the given roles, in order, without duplicates; only resources the roles may read. */
export function cardsFor(roles: readonly string[], readable: readonly string[], today: string): CardSpec[] {
  const year = today.slice(0, 4);
  const yearStart = `${year}-01-01`;
  const has = (r: string) => roles.includes(r);
  const mine: CardSpec = { resource: 'Letter', unit: LETTERS, label: '待我办理', filter: { actionableByMe: true }, testId: 'letters-mine' };
  const overdue: CardSpec = { resource: 'Letter', unit: LETTERS, label: '已超期', filter: { overdue: true }, sort: DUE_FIRST, testId: 'letters-overdue', alert: true };
  const soon: CardSpec = { resource: 'Letter', unit: LETTERS, label: '七日内到期', filter: { nextDueOn_gte: today, nextDueOn_lte: addDays(today, 7) }, sort: DUE_FIRST, testId: 'letters-soon' };
  const registeredToday: CardSpec = { resource: 'Letter', unit: LETTERS, label: '今日登记', filter: { receivedOn_gte: today, receivedOn_lte: today }, testId: 'letters-today' };
  // PV6: urgent letters still in hand, whatever their step
  const urgent: CardSpec = { resource: 'Letter', unit: IN_HAND, label: '紧急来信', filter: { urgency: 'URGENT', open: true }, testId: 'letters-urgent', alert: true };
  const important: CardSpec = { resource: 'Letter', unit: IN_HAND, label: '重要来信', filter: { isImportant: true, open: true }, testId: 'letters-important' };

  const out: CardSpec[] = [];
  if (has('LEADER')) out.push(mine, urgent, important, overdue);
  if (has('OFFICE_STAFF')) out.push(mine, overdue, soon, registeredToday, urgent);
  if (has('MEMBER')) {
    out.push(
      { resource: 'Constituent', unit: '人', label: '我联系的群众', testId: 'constituents', below: { min: 5, text: '少于 5 人（CT3）' } },
      { resource: 'Letter', unit: IN_HAND, label: '我经办的来信', filter: { open: true }, testId: 'letters-open' },
      mine,
      { resource: 'ContactVisit', unit: '次', label: '本年联系活动', filter: { visitedOn_gte: yearStart, visitedOn_lte: `${year}-12-31` }, testId: 'contact-visits', below: { min: 2, text: '每年至少 2 次（CT4）' } },
      registeredToday,
    );
  }
  if (has('STATION_STAFF')) {
    out.push(
      { resource: 'Letter', unit: '个办理中', label: '接待问题', filter: { channel: 'RECEPTION', open: true }, testId: 'letters-reception-open' },
      { resource: 'Letter', unit: IN_HAND, label: '本站来信', filter: { open: true }, testId: 'letters-open' },
      mine,
      overdue,
      { resource: 'Reception', unit: '次', label: '本年接待活动', filter: { heldOn_gte: yearStart, heldOn_lte: `${year}-12-31` }, testId: 'receptions' },
    );
  }
  if (has('DEPARTMENT_HANDLER')) out.push(mine, overdue, soon);
  if (has('COMMITTEE_STAFF')) {
    out.push(
      { resource: 'Member', unit: '人', label: '对口界别的委员', testId: 'committee-members' },
      { resource: 'ContactPairing', unit: '对', label: '联系（结对）', testId: 'pairings' },
      { resource: 'ContactVisit', unit: '次', label: '本年联系活动', filter: { visitedOn_gte: yearStart, visitedOn_lte: `${year}-12-31` }, testId: 'contact-visits' },
      { resource: 'Proposal', unit: '件', label: '本年提案', filter: { year: Number(year) }, testId: 'proposals' },
    );
  }
  const seen = new Set<string>();
  return out.filter((c) => readable.includes(c.resource) && !seen.has(c.testId) && seen.add(c.testId));
}

/** The empty states of the given roles: what to do first when the role's own records are none yet. */
export function emptyStatesFor(roles: readonly string[]): EmptySpec[] {
  const out: EmptySpec[] = [];
  if (roles.includes('MEMBER')) {
    out.push({ testId: 'constituents', text: '还没有联系群众：请办公室在“联系群众 › 联系”中为您添加结对，每位委员至少联系 5 名群众（CT3）。' });
  }
  if (roles.includes('STATION_STAFF')) {
    out.push({ testId: 'receptions', text: '本年还没有接待活动：先在“信件与接待 › 接待活动”中登记一次接待，联络站至少每两个月接待一次（ST2）。' });
  }
  if (roles.includes('COMMITTEE_STAFF')) {
    out.push({ testId: 'committee-members', text: '还没有对口界别的委员：请办公室在“组织与人员 › 专委会”中设置本委员会对口的界别（CT2）。' });
  }
  return out;
}

/** The card's warning when its count is below the rule's minimum (a flag, never a refusal: CT3). */
export function belowText(card: Pick<CardSpec, 'below'>, total: number | undefined): string | null {
  return card.below && total != null && total < card.below.min ? card.below.text : null;
}
