import { uiT } from '../i18n/translate';

/**
 * Dates as Chinese offices write them: YYYY-MM-DD, typed (a browser's date picker shows its own
 * locale's order). What a clerk may type instead — 2026/3/5, 2026.3.5, 2026年3月5日, 20260305 — is
 * read as the same day. Pure: unit-tested in test/admin/dates.test.ts.
 */
export function normalizeDate(input: string): string {
  const s = input.trim();
  const m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return s;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** Whether a YYYY-MM-DD string names a real day (2026-02-30 does not). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The form's check: empty is the `required` validator's business. */
export const dateValidator = (value: unknown) => (value == null || value === '' || isRealDate(String(value)) ? undefined : uiT('app.common.date_invalid'));
