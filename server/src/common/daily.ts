import { errorSummary } from './log-safe.js';

/**
 * A task run once per day (Beijing time) inside the server: checked every hour and shortly after
 * start; a failed day is tried again at the next check. Logs an error's summary only, never its
 * message (SQL with values, issue 12). Several instances may all run it: the task keeps itself once.
 */
export function startDaily(
  name: string,
  /** the day it is now (the caller's clock: Beijing time) */
  todayOf: () => string,
  run: (today: string) => Promise<string | null>,
  options: { firstAfterMs?: number; log?: (msg: string) => void } = {},
): { stop(): void } {
  const log = options.log ?? console.log;
  let lastDay: string | null = null;
  let running = false;
  const tick = async () => {
    const today = todayOf();
    if (running || today === lastDay) return;
    running = true;
    try {
      const line = await run(today);
      lastDay = today;
      if (line) log(`[${name}] ${today}: ${line}`);
    } catch (e) {
      log(`[${name}] ${today}: failed: ${errorSummary(e)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstAfterMs ?? 5_000);
  const timer = setInterval(() => void tick(), 3_600_000);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
