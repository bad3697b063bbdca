import { zhT, type Translate } from '../i18n/translate';

/** Recording a writer's rating (SV1) and what a 不满意 will do (SV2). Pure: unit-tested. */

/** Letters the writer has had an answer on (the server's RATABLE_STATUSES). */
export const RATABLE = ['REPLIED', 'REVIEWED', 'RE_REVIEWED', 'CLOSED'];
/** The roles that record a rating for the writer (access.operations.ts rateLetter). */
export const RATERS = ['OFFICE_STAFF', 'STATION_STAFF'];

export const canRate = (roles: readonly string[], letter: { status?: string }) =>
  !!letter.status && RATABLE.includes(letter.status) && roles.some((r) => RATERS.includes(r));

/** What saving a rating will do to the letter, said before it is saved; null when nothing. */
export function ratingConsequence(rating: string | undefined, letter: { reopenCount?: number; reReviewAnsweredOn?: string | null }, t: Translate = zhT): string | null {
  if (rating !== 'DISSATISFIED') return null;
  if ((letter.reopenCount ?? 0) < 1 && !letter.reReviewAnsweredOn) return t('app.letters.rating.reopens');
  return t('app.letters.rating.escalates');
}

/** A call or a visit is recorded by staff; a paper form is the writer's own. */
export const ratingSource = (method: string | undefined) => (method === 'FORM' ? 'WRITER' : 'STAFF');
