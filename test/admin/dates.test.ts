import { describe, expect, it } from 'vitest';
import { dateValidator, isRealDate, normalizeDate } from '../../admin/src/schema-ui/dates.js';

describe('dates as Chinese offices write them', () => {
  it('reads what a clerk types as YYYY-MM-DD', () => {
    expect(['2026-03-05', '2026/3/5', '2026.3.5', '2026年3月5日', '20260305', ' 2026-3-5 ', '3/5/2026'].map(normalizeDate)).toEqual([
      '2026-03-05',
      '2026-03-05',
      '2026-03-05',
      '2026-03-05',
      '2026-03-05',
      '2026-03-05',
      '3/5/2026',
    ]);
  });

  it('refuses a day that does not exist, in Chinese', () => {
    expect([isRealDate('2026-02-28'), isRealDate('2026-02-30'), isRealDate('2026-13-01')]).toEqual([true, false, false]);
    expect([dateValidator('2026-02-30'), dateValidator('3/5/2026'), dateValidator(''), dateValidator('2026-03-05')]).toEqual([
      '请按 年-月-日 填写日期，如 2026-03-05',
      '请按 年-月-日 填写日期，如 2026-03-05',
      undefined,
      undefined,
    ]);
  });
});
