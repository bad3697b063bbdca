import { gql, type GraphQLClient } from 'graphql-request';
import type { TestApp } from './app.js';
import { adminClient, signIn } from './sessions.js';

/**
 * Set-up of the reception, satisfaction and concentrated-issue tests (issue 5), created over the API
 * by signed-in accounts: an administrator makes the body and its office, the office's clerk the rest.
 */
export interface Office {
  bodyId: string;
  organizationId: string;
  /** OFFICE_STAFF of the office. */
  clerk: GraphQLClient;
}

export async function setUpOffice(
  t: TestApp,
  o: {
    bodyName: string;
    kind: 'CPPCC' | 'CONGRESS';
    orgName: string;
    code: string;
    level?: 'CITY' | 'COUNTY' | 'TOWNSHIP';
    /** The office one level up: the body and the organization hang under it. */
    parent?: Office;
  },
): Promise<Office> {
  const admin = await adminClient(t);
  const body = await admin.request<any>(
    gql`mutation ($name: String!, $kind: BodyKind!, $level: BodyLevel!, $parentId: ID) { createBody(name: $name, kind: $kind, level: $level, parentId: $parentId) { id } }`,
    { name: o.bodyName, kind: o.kind, level: o.level ?? 'COUNTY', parentId: o.parent?.bodyId ?? null },
  );
  const bodyId = body.createBody.id;
  const org = await admin.request<any>(
    gql`
      mutation ($name: String!, $code: String!, $bodyId: ID!, $parentId: ID) {
        createOrganization(name: $name, code: $code, kind: OFFICE, bodyId: $bodyId, parentId: $parentId) { id }
      }
    `,
    { name: o.orgName, code: o.code, bodyId, parentId: o.parent?.organizationId ?? null },
  );
  const organizationId = org.createOrganization.id;
  const { client: clerk } = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId, displayName: `${o.code}办公室` });
  return { bodyId, organizationId, clerk };
}

/** The staff account of one station (STATION_STAFF, in the station's organization). */
export async function stationStaff(t: TestApp, office: Office, liaisonStationId: string, displayName: string): Promise<GraphQLClient> {
  return (await signIn(t, { roles: ['STATION_STAFF'], organizationId: office.organizationId, liaisonStationId, displayName })).client;
}

/** A further organization under the office's body, with its own clerk. */
export async function addOrganization(t: TestApp, bodyId: string, name: string, code: string): Promise<{ organizationId: string; clerk: GraphQLClient }> {
  const admin = await adminClient(t);
  const org = await admin.request<any>(
    gql`mutation ($name: String!, $code: String!, $bodyId: ID!) { createOrganization(name: $name, code: $code, kind: OFFICE, bodyId: $bodyId) { id } }`,
    { name, code, bodyId },
  );
  const organizationId = org.createOrganization.id;
  const { client: clerk } = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId, displayName: `${code}办公室` });
  return { organizationId, clerk };
}

export async function createDeputy(
  office: Office,
  name: string,
  m: { kind?: 'DEPUTY' | 'CPPCC_MEMBER'; termStart?: string; termEnd?: string } = {},
): Promise<string> {
  const res = await office.clerk.request<any>(
    gql`
      mutation ($name: String!, $kind: MemberKind!, $bodyId: ID!, $organizationId: ID!, $termStart: LocalDate!, $termEnd: LocalDate) {
        createMember(name: $name, kind: $kind, bodyId: $bodyId, organizationId: $organizationId, termNumber: 7, termStart: $termStart, termEnd: $termEnd) {
          id
        }
      }
    `,
    { name, kind: m.kind ?? 'DEPUTY', bodyId: office.bodyId, organizationId: office.organizationId, termStart: m.termStart ?? '2022-01-01', termEnd: m.termEnd ?? null },
  );
  return res.createMember.id;
}

export async function createStation(
  office: Office,
  s: { name: string; deputyIds: string[]; deputyInChargeId?: string; isOnline?: boolean; organizationId?: string },
): Promise<string> {
  const res = await office.clerk.request<any>(
    gql`
      mutation ($name: String!, $o: ID!, $d: [ID!], $c: ID, $online: Boolean) {
        createLiaisonStation(name: $name, organizationId: $o, deputyIds: $d, deputyInChargeId: $c, isOnline: $online) { id }
      }
    `,
    { name: s.name, o: s.organizationId ?? office.organizationId, d: s.deputyIds, c: s.deputyInChargeId ?? null, online: s.isOnline ?? false },
  );
  return res.createLiaisonStation.id;
}

export async function createLiaisonOfficer(office: Office, liaisonStationId: string, name: string): Promise<string> {
  const res = await office.clerk.request<any>(
    gql`mutation ($s: ID!, $name: String!) { createStationStaff(name: $name, role: LIAISON_OFFICER, liaisonStationId: $s) { id } }`,
    { s: liaisonStationId, name },
  );
  return res.createStationStaff.id;
}

export async function createReception(
  office: Office,
  r: { liaisonStationId: string; heldOn: string; deputyIds?: string[]; form?: string; topic?: string },
): Promise<string> {
  const res = await office.clerk.request<any>(
    gql`
      mutation ($s: ID!, $form: ReceptionForm!, $heldOn: LocalDate!, $topic: String, $d: [ID!]) {
        createReception(liaisonStationId: $s, form: $form, heldOn: $heldOn, topic: $topic, deputyIds: $d) { id }
      }
    `,
    { s: r.liaisonStationId, form: r.form ?? 'REGULAR', heldOn: r.heldOn, topic: r.topic ?? null, d: r.deputyIds ?? [] },
  );
  return res.createReception.id;
}

export async function recordAttendance(office: Office, receptionId: string, memberId: string, status: 'PRESENT' | 'EXCUSED' | 'ABSENT'): Promise<void> {
  await office.clerk.request(
    gql`mutation ($r: ID!, $m: ID!, $s: AttendanceStatus!) { recordAttendance(receptionId: $r, memberId: $m, status: $s) { id } }`,
    { r: receptionId, m: memberId, s: status },
  );
}

export const RECORD_RECEPTION_ISSUE = gql`
  mutation ($receptionId: ID!, $title: String!, $content: String!, $writerName: String, $writerPhone: String, $answeredOnTheSpot: Boolean!, $answer: String) {
    recordReceptionIssue(
      receptionId: $receptionId, title: $title, content: $content, writerName: $writerName, writerPhone: $writerPhone,
      answeredOnTheSpot: $answeredOnTheSpot, answer: $answer
    ) {
      id serialNumber channel status receptionId organizationId title content writerName writerPhoneMasked isAnonymous receivedOn trackingCode
    }
  }
`;

export async function recordReceptionIssue(client: GraphQLClient, args: Record<string, unknown>): Promise<any> {
  const res = await client.request<any>(RECORD_RECEPTION_ISSUE, { answeredOnTheSpot: false, ...args });
  return res.recordReceptionIssue;
}

export const REGISTER_LETTER = gql`
  mutation ($organizationId: ID!, $channel: LetterChannel!, $title: String!, $content: String!, $receivedOn: LocalDate!, $writerName: String, $community: String) {
    registerLetter(organizationId: $organizationId, channel: $channel, title: $title, content: $content, receivedOn: $receivedOn, writerName: $writerName, community: $community) {
      id serialNumber status community trackingCode
    }
  }
`;

export async function registerLetter(client: GraphQLClient, args: Record<string, unknown>): Promise<any> {
  const res = await client.request<any>(REGISTER_LETTER, { channel: 'POST', receivedOn: '2026-03-02', writerName: '张伟', ...args });
  return res.registerLetter;
}

export async function createDepartment(office: Office, name: string, code: string): Promise<string> {
  const res = await office.clerk.request<any>(
    gql`mutation ($name: String!, $code: String!, $o: ID!) { createDepartment(name: $name, code: $code, organizationId: $o, level: COUNTY) { id } }`,
    { name, code, o: office.organizationId },
  );
  return res.createDepartment.id;
}

export interface LeaderAccount {
  client: GraphQLClient;
  leaderId: string;
}

/** A leader of the office's body and the LEADER account linked to them: they decide letters (PV2). */
export async function leaderAccount(t: TestApp, office: Office, name: string, position = 'DIRECTOR'): Promise<LeaderAccount> {
  const res = await office.clerk.request<any>(
    gql`mutation ($name: String!, $position: LeaderPosition!, $b: ID!) { createLeader(name: $name, position: $position, bodyId: $b) { id } }`,
    { name, position, b: office.bodyId },
  );
  const leaderId = res.createLeader.id;
  const { client } = await signIn(t, { roles: ['LEADER'], organizationId: office.organizationId, leaderId, displayName: name });
  return { client, leaderId };
}

/**
 * An office letter taken along the whole office flow (PV2) over the API: accepted, proposed, decided by
 * the leader, forwarded to the department, handled, concluded with `outcome` on `concludedOn`, replied.
 */
export async function concludedOfficeLetter(
  office: Office,
  leader: LeaderAccount,
  l: { title: string; content: string; departmentId: string; outcome: 'RESOLVED' | 'EXPLAINED' | 'NOT_RESOLVABLE'; concludedOn: string; receivedOn?: string },
): Promise<any> {
  const receivedOn = l.receivedOn ?? l.concludedOn;
  const letter = await registerLetter(office.clerk, { organizationId: office.organizationId, title: l.title, content: l.content, receivedOn });
  const id = letter.id;
  const c = office.clerk;
  await c.request(gql`mutation ($id: ID!, $d: LocalDate) { acceptLetter(id: $id, writerNotifiedOn: $d) { id } }`, { id, d: receivedOn });
  await c.request(gql`mutation ($id: ID!) { proposeHandling(id: $id, opinion: "拟转主管部门办理") { id } }`, { id });
  await leader.client.request(gql`mutation ($id: ID!, $l: ID, $d: LocalDate) { decideLetter(id: $id, decision: "同意", leaderId: $l, decidedOn: $d) { id } }`, {
    id,
    l: leader.leaderId,
    d: receivedOn,
  });
  await c.request(gql`mutation ($id: ID!, $dep: ID!, $d: LocalDate) { forwardLetter(id: $id, leadDepartmentId: $dep, forwardedOn: $d) { id } }`, {
    id,
    dep: l.departmentId,
    d: receivedOn,
  });
  await c.request(gql`mutation ($id: ID!, $d: LocalDate) { recordHandlingResult(id: $id, result: "已现场处理", handledOn: $d) { id } }`, { id, d: l.concludedOn });
  await c.request(gql`mutation ($id: ID!, $o: LetterOutcome!, $d: LocalDate) { concludeLetter(id: $id, outcome: $o, concludedOn: $d) { id } }`, {
    id,
    o: l.outcome,
    d: l.concludedOn,
  });
  const replied = await c.request<any>(
    gql`mutation ($id: ID!, $d: LocalDate!) { replyToLetter(id: $id, method: PHONE, repliedOn: $d, content: "已电话告知办理结果") { id status trackingCode } }`,
    { id, d: l.concludedOn },
  );
  return replied.replyToLetter;
}

/**
 * A reception issue taken along the station flow (ST4) to the reply: classified (a first round only;
 * a reopened issue is assigned again at once), assigned, result back to the station, replied.
 */
export async function replyToReceptionIssue(station: GraphQLClient, letterId: string, { reopened = false } = {}): Promise<any> {
  if (!reopened) await station.request(gql`mutation ($id: ID!) { classifyLetter(id: $id, category: REQUEST) { id } }`, { id: letterId });
  await station.request(gql`mutation ($id: ID!) { assignLetter(id: $id, signedBy: "王立新", assignedTo: "街道党政办") { id } }`, { id: letterId });
  await station.request(gql`mutation ($id: ID!) { reportResultToStation(id: $id, result: "已安排维修") { id } }`, { id: letterId });
  const res = await station.request<any>(
    gql`mutation ($id: ID!, $d: LocalDate!) { replyToLetter(id: $id, method: PHONE, repliedOn: $d, content: "已电话答复选民") { id status reopenCount } }`,
    { id: letterId, d: '2026-11-20' },
  );
  return res.replyToLetter;
}
