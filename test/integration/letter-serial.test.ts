import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { startTestApp, type TestApp } from '../support/app.js';
import { registerLetter, setUpOffice, type Office } from '../support/reception-fixtures.js';

let t: TestApp;
let jx: Office;

beforeAll(async () => {
  t = await startTestApp();
  jx = await setUpOffice(t, { bodyName: '嘉兴市政协', kind: 'CPPCC', orgName: '嘉兴市政协办公室', code: 'JX', level: 'CITY' });
});
afterAll(async () => {
  await t.close();
});

const serials = (from: number, to: number, prefix = 'JX-2026-') =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(6, '0')}`);

describe('serial numbers under concurrency (PV1)', () => {
  it('gives 50 concurrent registrations in one organization 50 distinct consecutive serial numbers (PV1)', async () => {
    const letters = await Promise.all(
      Array.from({ length: 50 }, (_, i) => registerLetter(jx.clerk, { organizationId: jx.organizationId, title: `来信 ${i + 1}`, content: `第 ${i + 1} 封来信的内容` })),
    );
    const numbers = letters.map((l) => l.serialNumber).sort();
    expect(numbers).toEqual(serials(1, 50));
    expect(new Set(letters.map((l) => l.id)).size).toBe(50);

    const stored = await jx.clerk.request<any>(
      gql`query ($o: ID) { allLetters(filter: { organizationId: $o }, perPage: 100, sortField: "serialNumber", sortOrder: "ASC") { serialNumber } }`,
      { o: jx.organizationId },
    );
    expect(stored.allLetters.map((l: any) => l.serialNumber)).toEqual(serials(1, 50));
  });

  it('continues after the concurrent batch without gaps or reuse, across two years at once (PV1)', async () => {
    const batch = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        registerLetter(jx.clerk, {
          organizationId: jx.organizationId,
          title: `补登来信 ${i + 1}`,
          content: '年度交替时并发登记',
          receivedOn: i % 2 ? '2026-01-05' : '2025-12-29',
        }),
      ),
    );
    const numbers = batch.map((l) => l.serialNumber).sort();
    expect(numbers).toEqual([...serials(1, 10, 'JX-2025-'), ...serials(51, 60)]);
  });
});
