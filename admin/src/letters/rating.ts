/** Recording a writer's rating (SV1) and what a 不满意 will do (SV2). Pure: unit-tested. */

/** Letters the writer has had an answer on (the server's RATABLE_STATUSES). */
export const RATABLE = ['REPLIED', 'REVIEWED', 'RE_REVIEWED', 'CLOSED'];
/** The roles that record a rating for the writer (access.operations.ts rateLetter). */
export const RATERS = ['OFFICE_STAFF', 'STATION_STAFF'];

export const canRate = (roles: readonly string[], letter: { status?: string }) =>
  !!letter.status && RATABLE.includes(letter.status) && roles.some((r) => RATERS.includes(r));

/** What saving a rating will do to the letter, said before it is saved; null when nothing. */
export function ratingConsequence(rating: string | undefined, letter: { reopenCount?: number; reReviewAnsweredOn?: string | null }): string | null {
  if (rating !== 'DISSATISFIED') return null;
  if ((letter.reopenCount ?? 0) < 1 && !letter.reReviewAnsweredOn) return '保存后，来信将退回重新办理（SV2：不满意的来信重新办理一次）。';
  return '保存后，来信将上报领导（SV2：重新办理后仍不满意的上报）。';
}

/** A call or a visit is recorded by staff; a paper form is the writer's own. */
export const ratingSource = (method: string | undefined) => (method === 'FORM' ? 'WRITER' : 'STAFF');
