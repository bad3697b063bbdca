import { describe, expect, it } from 'vitest';
import { chartPoints, formatPercent, hasFigures, monthBuckets, percentValue, ratesRequest, yearToDate, type Figures } from '../../admin/src/statistics/rates.js';
import { periodLabel, periodProblem, presetPeriod } from '../../admin/src/statistics/period.js';

const figures = (f: Partial<Figures>): Figures => ({
  satisfactionRate: null,
  resolutionRate: null,
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  rated: 0,
  resolved: 0,
  concluded: 0,
  ...f,
});

describe('SV3 figures as the console shows them', () => {
  it('shows a rate as a percentage with one decimal, rounding the decimal value, and no rate as a dash (SV3)', () => {
    expect([0.8125, 2 / 3, 1, 0, 0.1235, 0.05].map(formatPercent)).toEqual(['81.3%', '66.7%', '100.0%', '0.0%', '12.4%', '5.0%']);
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect([percentValue(0.8125), percentValue(null)]).toEqual([81.3, null]);
  });

  it('cuts a year into 1月…12月, the last month ending on the period’s last day', () => {
    const months = monthBuckets('2026-01-01', '2026-12-31');
    expect(months.map((m) => m.label)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(months.map((m) => m.key)).toEqual(['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10', 'm11', 'm12']);
    expect([months[1], months[11]]).toEqual([
      { key: 'm02', label: '2月', from: '2026-02-01', to: '2026-02-28' },
      { key: 'm12', label: '12月', from: '2026-12-01', to: '2026-12-31' },
    ]);
    expect(monthBuckets('2028-02-10', '2028-03-05')).toEqual([
      { key: 'm01', label: '2月', from: '2028-02-10', to: '2028-02-29' },
      { key: 'm02', label: '3月', from: '2028-03-01', to: '2028-03-05' },
    ]);
  });

  it('names the year in each month of a period across two years, and leaves months after today unasked', () => {
    expect(monthBuckets('2025-11-15', '2026-01-31').map((m) => [m.label, m.from, m.to])).toEqual([
      ['2025年11月', '2025-11-15', '2025-11-30'],
      ['2025年12月', '2025-12-01', '2025-12-31'],
      ['2026年1月', '2026-01-01', '2026-01-31'],
    ]);
    const year = monthBuckets('2026-01-01', '2026-12-31', '2026-11-20');
    expect(year.slice(9).map((m) => [m.label, m.from, m.to])).toEqual([
      ['10月', '2026-10-01', '2026-10-31'],
      ['11月', '2026-11-01', '2026-11-30'],
      ['12月', '', ''],
    ]);
    expect(monthBuckets('2026-03-01', '2026-02-01')).toEqual([]);
  });

  it('asks the total with its departments and each asked month as one aliased request, within the server’s 20 aliases', () => {
    const period = yearToDate('2026-03-15');
    expect(period).toEqual({ from: '2026-01-01', to: '2026-03-15' });
    const { query, variables } = ratesRequest(period, monthBuckets(period.from, period.to, '2026-03-15'), '7');
    expect(query.match(/\w+: satisfactionRates\(/g)).toEqual(['total: satisfactionRates(', 'm01: satisfactionRates(', 'm02: satisfactionRates(', 'm03: satisfactionRates(']);
    expect(query).toContain('departments { departmentId');
    expect(variables).toEqual({
      from: '2026-01-01', to: '2026-03-15', org: '7',
      m01f: '2026-01-01', m01t: '2026-01-31', m02f: '2026-02-01', m02t: '2026-02-28', m03f: '2026-03-01', m03t: '2026-03-15',
    });
    expect(() => ratesRequest({ from: '2024-01-01', to: '2025-12-31' }, monthBuckets('2024-01-01', '2025-12-31'))).toThrow('at most 18 months');
  });

  it('plots a month with nothing rated as a gap, not 0% (SV3)', () => {
    const months = monthBuckets('2026-01-01', '2026-03-31');
    const points = chartPoints(months, {
      m01: figures({ satisfactionRate: 0.75, rated: 4, resolutionRate: null }),
      m02: figures({}),
      m03: figures({ satisfactionRate: 0, rated: 1, resolutionRate: 0.5, concluded: 2, resolved: 1 }),
    });
    expect(points).toEqual([
      { label: '1月', satisfaction: 75, resolution: null },
      { label: '2月', satisfaction: null, resolution: null },
      { label: '3月', satisfaction: 0, resolution: 50 },
    ]);
    expect([hasFigures(figures({})), hasFigures(figures({ concluded: 1 })), hasFigures(null)]).toEqual([false, true, false]);
  });

  it('offers 本年, 本季度 and 上年, and says what is wrong with a typed period', () => {
    expect(presetPeriod('THIS_YEAR', '2026-11-20')).toEqual({ from: '2026-01-01', to: '2026-11-20' });
    expect(presetPeriod('THIS_QUARTER', '2026-11-20')).toEqual({ from: '2026-10-01', to: '2026-11-20' });
    expect(presetPeriod('THIS_QUARTER', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('LAST_YEAR', '2026-11-20')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect([periodProblem('', '2026-01-01'), periodProblem('2026-02-01', '2026-01-01'), periodProblem('2024-01-01', '2025-12-31'), periodProblem('2025-01-01', '2026-06-30')]).toEqual([
      '请填写开始和结束日期',
      '结束日期不能早于开始日期',
      '期间最长 18 个月',
      null,
    ]);
    expect(periodLabel('2026-01-01', '2026-11-20')).toBe('2026年1月1日至2026年11月20日');
  });
});
