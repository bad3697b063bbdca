import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDaily } from './daily.js';

afterEach(() => vi.useRealTimers());

describe('startDaily: a task once per day inside the server', () => {
  it('runs shortly after start and once per day, tries a failed day again, and logs no error message (issue 12)', async () => {
    vi.useFakeTimers();
    let day = '2026-12-03';
    const runs: string[] = [];
    const lines: string[] = [];
    let fail = true;
    const daily = startDaily(
      'demo',
      () => day,
      async (today) => {
        runs.push(today);
        if (fail) throw new Error('insert into letter values (\'张伟\')');
        return 'done';
      },
      { firstAfterMs: 1_000, log: (l) => lines.push(l) },
    );
    await vi.advanceTimersByTimeAsync(1_000);
    fail = false;
    await vi.advanceTimersByTimeAsync(3_600_000);
    await vi.advanceTimersByTimeAsync(3_600_000);
    day = '2026-12-04';
    await vi.advanceTimersByTimeAsync(3_600_000);
    daily.stop();
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(runs).toEqual(['2026-12-03', '2026-12-03', '2026-12-04']);
    expect(lines).toEqual(['[demo] 2026-12-03: failed: Error', '[demo] 2026-12-03: done', '[demo] 2026-12-04: done']);
  });
});
