import { todayInChina } from '../../server/src/people/member/dates.js';
import { shiftDate } from '../../server/src/common/working-days.js';

/**
 * A day the server's clock has not reached: `days` after today (Beijing time), taken when the test
 * file loads. Never a fixed calendar date "in the future" — those pass (issue 12 item 9).
 */
export function daysFromToday(days: number): string {
  return shiftDate(TODAY, days);
}

/** Today in Beijing when the test file loaded: the "today" the checks of not-yet-reached dates use. */
export const TODAY = todayInChina();
