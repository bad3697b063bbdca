import { addDays } from '../letters/deadlines';
import { zhT, type Translate } from '../i18n/translate';

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

const DUE_FIRST = { field: 'nextDueOn', order: 'ASC' } as const;
/** the letters still in hand (LetterFilter.open): said by the unit, so the label stays one line */

/** The cards of the given roles, in order, without duplicates; only resources the roles may read. */
export function cardsFor(roles: readonly string[], readable: readonly string[], today: string, t: Translate = zhT): CardSpec[] {
  const LETTERS = t('app.dashboard.units.letters');
  const IN_HAND = t('app.dashboard.units.in_hand');
  const year = today.slice(0, 4);
  const yearStart = `${year}-01-01`;
  const has = (r: string) => roles.includes(r);
  const mine: CardSpec = { resource: 'Letter', unit: LETTERS, label: t('app.dashboard.cards.mine'), filter: { actionableByMe: true }, testId: 'letters-mine' };
  const overdue: CardSpec = { resource: 'Letter', unit: LETTERS, label: t('app.dashboard.cards.overdue'), filter: { overdue: true }, sort: DUE_FIRST, testId: 'letters-overdue', alert: true };
  const soon: CardSpec = { resource: 'Letter', unit: LETTERS, label: t('app.dashboard.cards.soon'), filter: { nextDueOn_gte: today, nextDueOn_lte: addDays(today, 7) }, sort: DUE_FIRST, testId: 'letters-soon' };
  const registeredToday: CardSpec = { resource: 'Letter', unit: LETTERS, label: t('app.dashboard.cards.today'), filter: { receivedOn_gte: today, receivedOn_lte: today }, testId: 'letters-today' };
  // PV6: urgent letters still in hand, whatever their step
  const urgent: CardSpec = { resource: 'Letter', unit: IN_HAND, label: t('app.dashboard.cards.urgent'), filter: { urgency: 'URGENT', open: true }, testId: 'letters-urgent', alert: true };
  const important: CardSpec = { resource: 'Letter', unit: IN_HAND, label: t('app.dashboard.cards.important'), filter: { isImportant: true, open: true }, testId: 'letters-important' };

  const out: CardSpec[] = [];
  if (has('LEADER')) out.push(mine, urgent, important, overdue);
  if (has('OFFICE_STAFF')) out.push(mine, overdue, soon, registeredToday, urgent);
  if (has('MEMBER')) {
    out.push(
      { resource: 'Constituent', unit: t('app.dashboard.units.people'), label: t('app.dashboard.cards.my_constituents'), testId: 'constituents', below: { min: 5, text: t('app.dashboard.below_ct3') } },
      { resource: 'Letter', unit: IN_HAND, label: t('app.dashboard.cards.my_letters'), filter: { open: true }, testId: 'letters-open' },
      mine,
      { resource: 'ContactVisit', unit: t('app.dashboard.units.times'), label: t('app.dashboard.cards.visits'), filter: { visitedOn_gte: yearStart, visitedOn_lte: `${year}-12-31` }, testId: 'contact-visits', below: { min: 2, text: t('app.dashboard.below_ct4') } },
      registeredToday,
    );
  }
  if (has('STATION_STAFF')) {
    out.push(
      { resource: 'Letter', unit: t('app.dashboard.units.issues_in_hand'), label: t('app.dashboard.cards.reception_issues'), filter: { channel: 'RECEPTION', open: true }, testId: 'letters-reception-open' },
      { resource: 'Letter', unit: IN_HAND, label: t('app.dashboard.cards.station_letters'), filter: { open: true }, testId: 'letters-open' },
      mine,
      overdue,
      { resource: 'Reception', unit: t('app.dashboard.units.times'), label: t('app.dashboard.cards.receptions'), filter: { heldOn_gte: yearStart, heldOn_lte: `${year}-12-31` }, testId: 'receptions' },
    );
  }
  if (has('DEPARTMENT_HANDLER')) out.push(mine, overdue, soon);
  if (has('COMMITTEE_STAFF')) {
    out.push(
      { resource: 'Member', unit: t('app.dashboard.units.people'), label: t('app.dashboard.cards.committee_members'), testId: 'committee-members' },
      { resource: 'ContactPairing', unit: t('app.dashboard.units.pairs'), label: t('app.dashboard.cards.pairings'), testId: 'pairings' },
      { resource: 'ContactVisit', unit: t('app.dashboard.units.times'), label: t('app.dashboard.cards.visits'), filter: { visitedOn_gte: yearStart, visitedOn_lte: `${year}-12-31` }, testId: 'contact-visits' },
      { resource: 'Proposal', unit: t('app.dashboard.units.items'), label: t('app.dashboard.cards.proposals'), filter: { year: Number(year) }, testId: 'proposals' },
    );
  }
  const seen = new Set<string>();
  return out.filter((c) => readable.includes(c.resource) && !seen.has(c.testId) && seen.add(c.testId));
}

/** The empty states of the given roles: what to do first when the role's own records are none yet. */
export function emptyStatesFor(roles: readonly string[], t: Translate = zhT): EmptySpec[] {
  const out: EmptySpec[] = [];
  if (roles.includes('MEMBER')) {
    out.push({ testId: 'constituents', text: t('app.dashboard.empty.constituents') });
  }
  if (roles.includes('STATION_STAFF')) {
    out.push({ testId: 'receptions', text: t('app.dashboard.empty.receptions') });
  }
  if (roles.includes('COMMITTEE_STAFF')) {
    out.push({ testId: 'committee-members', text: t('app.dashboard.empty.committee_members') });
  }
  return out;
}

/** The card's warning when its count is below the rule's minimum (a flag, never a refusal: CT3). */
export function belowText(card: Pick<CardSpec, 'below'>, total: number | undefined): string | null {
  return card.below && total != null && total < card.below.min ? card.below.text : null;
}
