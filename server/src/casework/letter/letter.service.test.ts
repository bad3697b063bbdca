import { todayInChina } from '../../people/member/dates.js';
import { describe, expect, it } from 'vitest';

import { formatSerialNumber, newTrackingCode } from './letter.service.js';

describe('letter serial numbers and tracking codes', () => {
  it('formats the serial as code-year-six digits (PV1)', () => {
    expect(formatSerialNumber('JX', 2026, 123)).toBe('JX-2026-000123');
    expect(formatSerialNumber('NH', 2025, 1)).toBe('NH-2025-000001');
  });

  it('makes 12-character tracking codes without look-alike characters', () => {
    const codes = Array.from({ length: 200 }, newTrackingCode);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(new Set(codes).size).toBe(200);
  });

  it('takes today in China’s time zone for the received-date check', () => {
    expect(todayInChina(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(todayInChina(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
  });
});
