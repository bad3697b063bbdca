import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type GraphQLClient } from 'graphql-request';
import { startTestApp, type TestApp } from '../support/app.js';
import { adminClient, signIn, type SignedIn } from '../support/sessions.js';

/** The dashboards' "letters still in hand": LetterFilter.open, the deadline lists' own test of an open letter. */
let t: TestApp;
let admin: GraphQLClient;
let clerk: SignedIn;
let orgId: string;

const call = <T = any>(client: GraphQLClient, doc: string, vars: Record<string, unknown> = {}) => client.request<T>(doc, vars);

async function register(title: string): Promise<string> {
  const res = await call(
    clerk.client,
    gql`mutation ($organizationId: ID!, $title: String!) {
      registerLetter(organizationId: $organizationId, channel: POST, title: $title, content: "幸福小区东门路灯已坏一月有余", receivedOn: "2026-03-02", writerName: "张伟") { id }
    }`,
    { organizationId: orgId, title },
  );
  return res.registerLetter.id;
}

const ids = async (filter: Record<string, unknown>) => {
  const res = await call(clerk.client, gql`query ($filter: LetterFilter) { allLetters(filter: $filter, sortField: "id", sortOrder: "ASC") { id } _allLettersMeta(filter: $filter) { count } }`, { filter });
  return [res.allLetters.map((l: { id: string }) => l.id), res._allLettersMeta.count];
};

beforeAll(async () => {
  t = await startTestApp();
  admin = await adminClient(t);
  const bodyId = (await call(admin, gql`mutation { createBody(name: "达州市政协", kind: CPPCC, level: CITY) { id } }`)).createBody.id;
  orgId = (await call(admin, gql`mutation ($bodyId: ID!) { createOrganization(name: "达州市政协办公室", code: "DZ", kind: OFFICE, bodyId: $bodyId) { id } }`, { bodyId })).createOrganization.id;
  clerk = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: orgId, displayName: '信访科 李华' });
});
afterAll(async () => {
  await t.close();
});

describe('letters still in hand (LetterFilter.open)', () => {
  it('lists registered letters as open and a voided one as settled, in list and count alike (PV1, PV2)', async () => {
    const kept = await register('小区路灯不亮');
    const voided = await register('重复登记的来信');
    await call(clerk.client, gql`mutation ($id: ID!) { voidLetter(id: $id, reason: "重复登记") { id } }`, { id: voided });
    expect(await ids({ open: true })).toEqual([[kept], 1]);
    expect(await ids({ open: false })).toEqual([[voided], 1]);
    expect(await ids({})).toEqual([[kept, voided], 2]);
  });
});
