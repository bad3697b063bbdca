import { describe, expect, it } from 'vitest';
import { isReceptionOverdue, monthsBefore } from './reception.compliance.js';

describe('ST2 reception interval', () => {
  it('goes back whole months, to the last day of a shorter month (ST2)', () => {
    expect(monthsBefore('2026-11-23', 2)).toBe('2026-09-23');
    expect(monthsBefore('2026-04-30', 2)).toBe('2026-02-28');
    expect(monthsBefore('2028-04-30', 2)).toBe('2028-02-29');
    expect(monthsBefore('2026-01-15', 2)).toBe('2025-11-15');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
  });

  it('flags a station whose last reception is more than two months old, or that never held one (ST2)', () => {
    expect(isReceptionOverdue(null, '2026-11-23')).toBe(true);
    expect(isReceptionOverdue('2026-09-22', '2026-11-23')).toBe(true);
    expect(isReceptionOverdue('2026-09-23', '2026-11-23')).toBe(false);
    expect(isReceptionOverdue('2026-11-23', '2026-11-23')).toBe(false);
  });
});
