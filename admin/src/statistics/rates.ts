import { zhT, type Translate } from '../i18n/translate';
/**
 * SV3 figures as the console shows them: month buckets of a period, the one GraphQL request that asks
 * for each month through aliases, percentages with one decimal. Pure: unit-tested (test/admin/rates.test.ts).
 */

/** The roles that may ask satisfactionRates (server access.operations.ts): the 统计 page and the rates cards. */
export const RATES_ROLES: readonly string[] = ['LEADER', 'OFFICE_STAFF'];

/** The server refuses more than 20 aliases (graphql-armor); the total takes one. */
export const MAX_MONTHS = 18;

export interface MonthBucket {
  /** the alias in the request: m01 … */
  key: string;
  /** 1月 … 12月; with the year (2025年12月) when the period spans years */
  label: string;
  from: string;
  to: string;
}

export interface Figures {
  satisfactionRate: number | null;
  resolutionRate: number | null;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  rated: number;
  resolved: number;
  concluded: number;
}

export interface DepartmentFigures extends Figures {
  departmentId: string;
}

export interface ChartPoint {
  label: string;
  /** percent with one decimal; null for a month with nothing rated (a gap, not 0%) */
  satisfaction: number | null;
  resolution: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "0.8125" → "81.3%", null → "—" (no rating or no conclusion in the period). */
export function formatPercent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${percentValue(rate)!.toFixed(1)}%`;
}

/** The rate as a percent rounded to one decimal, as the chart plots it (null stays null). */
export function percentValue(rate: number | null | undefined): number | null {
  // round on the decimal value (0.8125 → 81.3): toFixed alone rounds the binary one (81.25 → 81.2 or 81.3)
  return rate == null ? null : Math.round(rate * 1000 + Number.EPSILON * 1000) / 10;
}

/** From 1 January of today's year to today: "this year" on the dashboard. */
export function yearToDate(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The whole calendar year of `year`. */
export function wholeYear(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * The months the period touches, each cut to the period; months after `today` are left out (nothing
 * can be rated there yet, so they stay gaps without a request). Labels carry the year only when the
 * period spans two years.
 */
export function monthBuckets(from: string, to: string, today?: string, t: Translate = zhT): MonthBucket[] {
  if (!DAY.test(from) || !DAY.test(to)) throw new Error(`not a day: ${from} / ${to}`);
  if (from > to) return [];
  const out: MonthBucket[] = [];
  const y1 = Number(to.slice(0, 4));
  const m1 = Number(to.slice(5, 7));
  const manyYears = from.slice(0, 4) !== to.slice(0, 4);
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); y < y1 || (y === y1 && m <= m1); m === 12 ? ((m = 1), y++) : m++) {
    const start = `${y}-${pad(m)}-01`;
    const end = `${y}-${pad(m)}-${pad(lastDay(y, m))}`;
    out.push({
      key: `m${pad(out.length + 1)}`,
      label: t(manyYears ? 'app.statistics.month_of_year' : 'app.statistics.month', { y, m, mm: pad(m) }),
      from: start < from ? from : start,
      to: end > to ? to : end,
    });
  }
  return today ? out.map((b) => (b.from > today ? { ...b, from: '', to: '' } : b)) : out;
}

const FIELDS = 'satisfactionRate resolutionRate satisfied basicallySatisfied dissatisfied rated resolved concluded';

/**
 * One request for the period's total (with its departments) and each month's figures, as aliases of
 * `satisfactionRates`. Months without dates (in the future) are not asked.
 */
export function ratesRequest(
  period: { from: string; to: string },
  buckets: MonthBucket[],
  organizationId?: string | null,
): { query: string; variables: Record<string, unknown> } {
  const asked = buckets.filter((b) => b.from);
  if (asked.length > MAX_MONTHS) throw new Error(`at most ${MAX_MONTHS} months`);
  const args = asked.map((b) => `$${b.key}f: LocalDate!, $${b.key}t: LocalDate!`);
  const months = asked.map((b) => `${b.key}: satisfactionRates(from: $${b.key}f, to: $${b.key}t, organizationId: $org) { ${FIELDS} }`);
  const query = `query (${['$from: LocalDate!', '$to: LocalDate!', '$org: ID', ...args].join(', ')}) {
  total: satisfactionRates(from: $from, to: $to, organizationId: $org) { ${FIELDS} departments { departmentId ${FIELDS} } }
  ${months.join('\n  ')}
}`;
  const variables: Record<string, unknown> = { from: period.from, to: period.to, org: organizationId ?? null };
  for (const b of asked) Object.assign(variables, { [`${b.key}f`]: b.from, [`${b.key}t`]: b.to });
  return { query, variables };
}

/** The chart's points, one per bucket: a month with nothing rated (or not asked) is a gap. */
export function chartPoints(buckets: MonthBucket[], data: Record<string, Figures | undefined>): ChartPoint[] {
  return buckets.map((b) => ({
    label: b.label,
    satisfaction: percentValue(data[b.key]?.satisfactionRate),
    resolution: percentValue(data[b.key]?.resolutionRate),
  }));
}

/** Whether the period has any figure at all (otherwise the page says so instead of an empty chart). */
export function hasFigures(f: Figures | null | undefined): boolean {
  return !!f && (f.rated > 0 || f.concluded > 0);
}
