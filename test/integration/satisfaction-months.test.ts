import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { MAX_MONTHS, monthBuckets, ratesRequest } from '../../admin/src/statistics/rates.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminClient, signIn, type SignedIn } from '../support/sessions.js';

/** The console's month-by-month request (aliases of satisfactionRates) within the server's limits (graphql-armor). */
let t: TestApp;
let office: SignedIn;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await adminClient(t);
  const bodyId = (await admin.request<any>(gql`mutation { createBody(name: "温州市政协", kind: CPPCC, level: CITY) { id } }`)).createBody.id;
  const orgId = (await admin.request<any>(gql`mutation ($bodyId: ID!) { createOrganization(name: "温州市政协办公室", code: "WZ", kind: OFFICE, bodyId: $bodyId) { id } }`, { bodyId })).createOrganization.id;
  office = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: orgId });
});
afterAll(async () => {
  await t.close();
});

describe('the 统计 page’s one request for a period and its months', () => {
  it(`answers the total and ${MAX_MONTHS} months at once, each month empty as null rates, not 0 (SV3)`, async () => {
    const buckets = monthBuckets('2025-01-01', '2026-06-30');
    expect(buckets.length).toBe(MAX_MONTHS);
    const { query, variables } = ratesRequest({ from: '2025-01-01', to: '2026-06-30' }, buckets);
    const data = await office.client.request<any>(query, variables);
    expect(Object.keys(data)).toEqual(['total', ...buckets.map((b) => b.key)]);
    expect(data.total).toEqual({
      satisfactionRate: null, resolutionRate: null, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, rated: 0, resolved: 0, concluded: 0, departments: [],
    });
    expect(new Set(buckets.map((b) => JSON.stringify(data[b.key])))).toEqual(
      new Set([JSON.stringify({ satisfactionRate: null, resolutionRate: null, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, rated: 0, resolved: 0, concluded: 0 })]),
    );
  });
});
