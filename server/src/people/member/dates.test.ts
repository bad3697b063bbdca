import { describe, expect, it } from 'vitest';
import { todayInChina } from './dates.js';

describe('todayInChina', () => {
  it('gives the date in Beijing time, which is ahead of UTC by 8 hours', () => {
    expect(todayInChina(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
    expect(todayInChina(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });
});
