import { describe, expect, it } from 'vitest';
import { repeatWriterFilter } from '../../admin/src/letters/repeat.js';

describe('repeat writers at registration (PV1)', () => {
  it('looks up a whole mobile or landline number, spaces and dashes ignored', () => {
    expect(repeatWriterFilter('138 1234-5678', '')).toEqual({ writerPhone: '13812345678' });
    expect(repeatWriterFilter('0573-82345678', null)).toEqual({ writerPhone: '057382345678' });
  });

  it('waits until the number is complete', () => {
    expect(repeatWriterFilter('1381234', '')).toBeNull();
    expect(repeatWriterFilter('', '33040219900101')).toBeNull();
    expect(repeatWriterFilter(undefined, undefined)).toBeNull();
  });

  it('prefers the ID number, which names one person, over a phone', () => {
    expect(repeatWriterFilter('13812345678', '33040219900101123X')).toEqual({ writerIdNumber: '33040219900101123X' });
  });
});
