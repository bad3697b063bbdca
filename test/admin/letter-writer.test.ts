import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../server/src/access/access.operations.js';
import { RATABLE_STATUSES } from '../../server/src/casework/letter/letter.workflow.js';
import { canDisclose, canReveal, DISCLOSERS, REVEALERS } from '../../admin/src/letters/writer.js';
import { RATABLE, RATERS } from '../../admin/src/letters/rating.js';

describe('the console’s copies of the server’s rules', () => {
  it('offers the writer’s full data and its disclosure to the roles the server lets call them (PR1, PR2)', () => {
    expect([...REVEALERS].sort()).toEqual([...(OPERATIONS.revealLetterWriter as string[])].sort());
    expect([...DISCLOSERS].sort()).toEqual([...(OPERATIONS.discloseLetterWriter as string[])].sort());
  });

  it('offers a rating where the server takes one, to the roles that may record it (SV1)', () => {
    expect([...RATABLE].sort()).toEqual([...RATABLE_STATUSES].sort());
    expect([...RATERS].sort()).toEqual([...(OPERATIONS.rateLetter as string[])].sort());
  });
});

describe('the writer beside the masked copy', () => {
  it('may be revealed by the office, never on an anonymous letter, never by a department (PR1, PR4)', () => {
    expect(canReveal(['OFFICE_STAFF'], { isAnonymous: false })).toBe(true);
    expect(canReveal(['OFFICE_STAFF'], { isAnonymous: true })).toBe(false);
    expect(canReveal(['DEPARTMENT_HANDLER'], { isAnonymous: false })).toBe(false);
  });

  it('may be disclosed to the departments once the letter is forwarded, once (PR2)', () => {
    expect(canDisclose(['OFFICE_STAFF'], { leadDepartmentId: '3', writerDisclosedAt: null })).toBe(true);
    expect(canDisclose(['OFFICE_STAFF'], { leadDepartmentId: null })).toBe(false);
    expect(canDisclose(['OFFICE_STAFF'], { leadDepartmentId: '3', writerDisclosedAt: '2026-11-20T02:00:00Z' })).toBe(false);
    expect(canDisclose(['MEMBER'], { leadDepartmentId: '3' })).toBe(false);
  });
});
