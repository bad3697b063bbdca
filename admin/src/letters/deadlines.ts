import { zhT, type Translate } from '../i18n/translate';

/**
 * How a letter's deadlines read on its page and in its list (DL1): each with the rule it comes from,
 * red when passed. Pure: unit-tested in test/admin/letter-verbs.test.ts.
 */
export interface DeadlineValue {
  measure: string;
  dueOn: string;
  ruleRef: string;
  daysLeft: number | null;
  done: boolean;
  overdue: boolean;
  provisional: boolean;
}

export type Tone = 'error' | 'warning' | 'success' | 'default';

/** 已超期 3 个工作日 / 剩 2 个工作日 / 今天到期 / 已完成. */
export function deadlineText(d: Pick<DeadlineValue, 'done' | 'overdue' | 'daysLeft'>, t: Translate = zhT): string {
  if (d.done) return t('app.letters.due.done');
  if (d.daysLeft === null) return '';
  if (d.overdue) return t('app.letters.due.overdue_working', { smart_count: Math.abs(d.daysLeft) });
  if (d.daysLeft === 0) return t('app.letters.due.today');
  return t('app.letters.due.left_working', { smart_count: d.daysLeft });
}

export function deadlineTone(d: Pick<DeadlineValue, 'done' | 'overdue' | 'daysLeft'>): Tone {
  if (d.done) return 'success';
  if (d.overdue) return 'error';
  if (d.daysLeft !== null && d.daysLeft <= 2) return 'warning';
  return 'default';
}

/** The rule a deadline comes from, as the office reads it: 办理时限依据：MB5：15 个工作日. */
export const ruleText = (d: Pick<DeadlineValue, 'ruleRef' | 'provisional'>, t: Translate = zhT) =>
  `${t('app.letters.due.rule', { rule: d.ruleRef })}${d.provisional ? t('app.letters.due.provisional') : ''}`;

/** The day a letter's list tab "即将到期" reaches: today + 7 calendar days (YYYY-MM-DD, UTC-safe). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today in China (UTC+8), as YYYY-MM-DD. */
export const todayInChina = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** A moment as Chinese offices write it, in Beijing time: 2026-08-18 11:00. */
export function chinaDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = new Date(new Date(value).getTime() + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** Calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A list's due chip, in calendar days (the letter's page gives working days by rule): 超期 5 天 / 今天到期 / 剩 3 天. */
export function dueInDays(days: number, t: Translate = zhT): string {
  if (days < 0) return t('app.letters.due.overdue_days', { smart_count: -days });
  if (days === 0) return t('app.letters.due.today');
  return t('app.letters.due.left_days', { smart_count: days });
}
