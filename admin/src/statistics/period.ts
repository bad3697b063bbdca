import { MAX_MONTHS, monthBuckets, wholeYear, yearToDate } from './rates';
import { zhT, type Translate } from '../i18n/translate';

/** The periods the 统计 page offers with one click; 自定义 keeps the typed dates. Pure: unit-tested. */
export type PeriodPreset = 'THIS_YEAR' | 'LAST_YEAR' | 'THIS_QUARTER' | 'CUSTOM';

/** The presets in the order the page offers them; each named by `app.statistics.presets.<id>`. */
export const PRESETS: readonly PeriodPreset[] = ['THIS_YEAR', 'THIS_QUARTER', 'LAST_YEAR', 'CUSTOM'];

/** The dates of a preset as of `today` (本年 and 本季度 end today). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'CUSTOM'>, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  if (preset === 'THIS_YEAR') return yearToDate(today);
  if (preset === 'LAST_YEAR') return wholeYear(year - 1);
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return { from: `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: today };
}

/** What is wrong with a typed period, in words for the page; null when it can be asked. */
export function periodProblem(from: string, to: string, t: Translate = zhT): string | null {
  if (!from || !to) return t('app.statistics.problems.missing');
  if (from > to) return t('app.statistics.problems.reversed');
  if (monthBuckets(from, to).length > MAX_MONTHS) return t('app.statistics.problems.too_long', { smart_count: MAX_MONTHS });
  return null;
}

const day = (d: string, t: Translate) => t('app.statistics.day', { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)), iso: d });
/** "2026年1月1日至2026年11月20日". */
export function periodLabel(from: string, to: string, t: Translate = zhT): string {
  return t('app.statistics.period', { from: day(from, t), to: day(to, t) });
}
