import { MAX_MONTHS, monthBuckets, wholeYear, yearToDate } from './rates';

/** The periods the 统计 page offers with one click; 自定义 keeps the typed dates. Pure: unit-tested. */
export type PeriodPreset = 'THIS_YEAR' | 'LAST_YEAR' | 'THIS_QUARTER' | 'CUSTOM';

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  THIS_YEAR: '本年',
  THIS_QUARTER: '本季度',
  LAST_YEAR: '上年',
  CUSTOM: '自定义',
};

/** The dates of a preset as of `today` (本年 and 本季度 end today). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'CUSTOM'>, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  if (preset === 'THIS_YEAR') return yearToDate(today);
  if (preset === 'LAST_YEAR') return wholeYear(year - 1);
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return { from: `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: today };
}

/** What is wrong with a typed period, in words for the page; null when it can be asked. */
export function periodProblem(from: string, to: string): string | null {
  if (!from || !to) return '请填写开始和结束日期';
  if (from > to) return '结束日期不能早于开始日期';
  if (monthBuckets(from, to).length > MAX_MONTHS) return `期间最长 ${MAX_MONTHS} 个月`;
  return null;
}

const day = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
/** "2026年1月1日至2026年11月20日". */
export function periodLabel(from: string, to: string): string {
  return `${day(from)}至${day(to)}`;
}
