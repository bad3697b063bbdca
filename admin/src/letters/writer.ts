/**
 * Who may see more of a letter's writer than the masked copy (PR1), and tell a department who wrote
 * (PR2): the server's OPERATIONS for revealLetterWriter and discloseLetterWriter, checked against them
 * in test/admin/letter-writer.test.ts. Pure.
 */
export const REVEALERS = ['OFFICE_STAFF', 'MEMBER', 'STATION_STAFF'];
export const DISCLOSERS = ['OFFICE_STAFF'];

interface WriterLetter {
  isAnonymous?: boolean;
  leadDepartmentId?: string | null;
  writerDisclosedAt?: string | null;
}

/** PR1: the full values, for a reason, where the role works with the writer; an anonymous letter has none (PR4). */
export const canReveal = (roles: readonly string[], l: WriterLetter) => !l.isAnonymous && roles.some((r) => REVEALERS.includes(r));

/** PR2: once forwarded, the office may tell the departments who wrote, once. */
export const canDisclose = (roles: readonly string[], l: WriterLetter) =>
  !l.isAnonymous && !!l.leadDepartmentId && !l.writerDisclosedAt && roles.some((r) => DISCLOSERS.includes(r));
