import { describe, expect, it } from 'vitest';
import { exportUrl, fileNameOf } from '../../admin/src/export/exportUrl.js';

describe('the export button asks the server for the list as it stands (issue 11)', () => {
  it('sends the current filter as JSON and the sort, leaving cleared inputs out', () => {
    const url = exportUrl('Letter', { actionableByMe: true, status: 'REGISTERED', q: '', channel: undefined }, { field: 'receivedOn', order: 'DESC' });
    expect(url).toBe(`/export/Letter.xlsx?filter=${encodeURIComponent('{"actionableByMe":true,"status":"REGISTERED"}')}&sort=receivedOn&order=DESC`);
    const params = new URL(url, 'http://x').searchParams;
    expect([JSON.parse(params.get('filter')!), params.get('sort'), params.get('order')]).toEqual([{ actionableByMe: true, status: 'REGISTERED' }, 'receivedOn', 'DESC']);
  });

  it('asks for the whole list when nothing is filtered', () => {
    expect(exportUrl('AuditEvent', {}, undefined)).toBe('/export/AuditEvent.xlsx');
  });

  it('names the file as the server proposes, the Chinese name first', () => {
    expect(fileNameOf(`attachment; filename="Letter.xlsx"; filename*=UTF-8''${encodeURIComponent('来信.xlsx')}`, 'Letter')).toBe('来信.xlsx');
    expect(fileNameOf('attachment; filename="Letter.xlsx"', 'Letter')).toBe('Letter.xlsx');
    expect(fileNameOf(null, 'Letter')).toBe('Letter.xlsx');
  });
});
