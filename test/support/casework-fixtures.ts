import { gql, type GraphQLClient } from 'graphql-request';
import { adminClient } from './sessions.js';
import type { TestApp } from './app.js';

/**
 * Shared set-up of the casework tests (letters, mailboxes, receptions): created over the API, with
 * `t.client` — which a test points at the session it acts as (`t.client = (await signIn(…)).client`).
 */
export async function req<T = any>(t: TestApp, doc: string, vars: Record<string, unknown> = {}): Promise<T> {
  return t.client.request<T>(doc, vars);
}

const admins = new WeakMap<TestApp, Promise<GraphQLClient>>();
/** The system administrator of a test database, who sets up bodies and organizations. */
export function admin(t: TestApp): Promise<GraphQLClient> {
  let found = admins.get(t);
  if (!found) {
    found = adminClient(t);
    admins.set(t, found);
  }
  return found;
}

export async function createOffice(
  t: TestApp,
  o: { bodyName: string; kind: 'CPPCC' | 'CONGRESS'; orgName: string; code: string },
): Promise<{ bodyId: string; organizationId: string }> {
  const sys = await admin(t);
  const body = await sys.request<any>(gql`mutation ($name: String!, $kind: BodyKind!) { createBody(name: $name, kind: $kind, level: CITY) { id } }`, {
    name: o.bodyName,
    kind: o.kind,
  });
  const org = await sys.request<any>(
    gql`mutation ($name: String!, $code: String!, $bodyId: ID!) { createOrganization(name: $name, code: $code, kind: OFFICE, bodyId: $bodyId) { id } }`,
    { name: o.orgName, code: o.code, bodyId: body.createBody.id },
  );
  return { bodyId: body.createBody.id, organizationId: org.createOrganization.id };
}

/** A further organization (its own letter serial numbers) under an existing body. */
export async function createOrganization(t: TestApp, bodyId: string, name: string, code: string): Promise<string> {
  const org = await (await admin(t)).request<any>(
    gql`mutation ($name: String!, $code: String!, $bodyId: ID!) { createOrganization(name: $name, code: $code, kind: OFFICE, bodyId: $bodyId) { id } }`,
    { name, code, bodyId },
  );
  return org.createOrganization.id;
}

export async function createMember(
  t: TestApp,
  m: { name: string; bodyId: string; organizationId: string; kind?: 'CPPCC_MEMBER' | 'DEPUTY'; liaisonGroupId?: string },
): Promise<string> {
  const res = await req(
    t,
    gql`
      mutation ($name: String!, $kind: MemberKind!, $bodyId: ID!, $organizationId: ID!, $liaisonGroupId: ID) {
        createMember(name: $name, kind: $kind, bodyId: $bodyId, organizationId: $organizationId, liaisonGroupId: $liaisonGroupId, termNumber: 6, termStart: "2023-01-01") {
          id
        }
      }
    `,
    { kind: 'CPPCC_MEMBER', ...m },
  );
  return res.createMember.id;
}

export async function createLiaisonGroup(t: TestApp, g: { name: string; bodyId: string; leaderMemberId?: string }): Promise<string> {
  const res = await req(
    t,
    gql`mutation ($name: String!, $bodyId: ID!, $leaderMemberId: ID) { createLiaisonGroup(name: $name, bodyId: $bodyId, leaderMemberId: $leaderMemberId) { id } }`,
    g,
  );
  return res.createLiaisonGroup.id;
}

export async function createDepartment(
  t: TestApp,
  d: { name: string; code: string; organizationId: string; level?: string; parentId?: string },
): Promise<string> {
  const res = await req(
    t,
    gql`
      mutation ($name: String!, $code: String!, $organizationId: ID!, $level: DepartmentLevel!, $parentId: ID) {
        createDepartment(name: $name, code: $code, organizationId: $organizationId, level: $level, parentId: $parentId) {
          id
        }
      }
    `,
    { level: 'CITY', ...d },
  );
  return res.createDepartment.id;
}

export const LETTER_FIELDS = `
  id serialNumber year status organizationId channel title content category urgency isImportant isAnonymous
  writerName writerUnit writerPhoneMasked writerIdNumberMasked writerAddressMasked writerCount community receivedOn
  constituentId memberId mailboxId mailboxOpeningId receptionId involvedDepartmentIds involvedPersons
  leadDepartmentId coHandlerDepartmentIds ownerName trackingCode version
`;

export const REGISTER_LETTER = gql`
  mutation (
    $organizationId: ID!, $channel: LetterChannel!, $title: String!, $content: String!, $receivedOn: LocalDate!,
    $category: LetterCategory, $urgency: Urgency, $isAnonymous: Boolean, $writerName: String, $writerUnit: String,
    $writerPhone: String, $writerIdNumber: String, $writerAddress: String, $community: String, $memberId: ID,
    $mailboxId: ID, $mailboxOpeningId: ID, $involvedDepartmentIds: [ID!]
  ) {
    registerLetter(
      organizationId: $organizationId, channel: $channel, title: $title, content: $content, receivedOn: $receivedOn,
      category: $category, urgency: $urgency, isAnonymous: $isAnonymous, writerName: $writerName, writerUnit: $writerUnit,
      writerPhone: $writerPhone, writerIdNumber: $writerIdNumber, writerAddress: $writerAddress, community: $community,
      memberId: $memberId, mailboxId: $mailboxId, mailboxOpeningId: $mailboxOpeningId, involvedDepartmentIds: $involvedDepartmentIds
    ) {
      ${LETTER_FIELDS}
    }
  }
`;

export async function registerLetter(t: TestApp, args: Record<string, unknown>): Promise<any> {
  const res = await req(t, REGISTER_LETTER, { channel: 'POST', receivedOn: '2026-03-02', writerName: '张伟', ...args });
  return res.registerLetter;
}

/**
 * A working unit under a parent organization (a 联络处 of an office), made by the system administrator:
 * it numbers its own letters, and the parent's staff reach it (PR3: an account sees its subtree).
 */
export async function createSubOrganization(
  t: TestApp,
  u: { bodyId: string; parentId: string; name: string; code: string },
): Promise<string> {
  const org = await (await admin(t)).request<any>(
    gql`
      mutation ($name: String!, $code: String!, $bodyId: ID!, $parentId: ID) {
        createOrganization(name: $name, code: $code, kind: OFFICE, bodyId: $bodyId, parentId: $parentId) { id }
      }
    `,
    u,
  );
  return org.createOrganization.id;
}

/**
 * The statements a signed-in request starts with, named: `session` (the session with its account)
 * and `scope` (the caller's reach, PR3). For the tests that count a request's SQL statements: they
 * show the request was authenticated, and what the constant cost of that is.
 */
export function authenticationStatements(statements: string[]): string[] {
  return statements
    .slice(0, 2)
    .map((q) => (/ from "session" as "s0" inner join "account"/.test(q) ? 'session' : /with recursive sub as/.test(q) ? 'scope' : q));
}
