import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { admin, authenticationStatements } from '../support/casework-fixtures.js';
import { signIn } from '../support/sessions.js';
import { daysFromToday } from '../support/dates.js';

let t: TestApp;
const req = (doc: string, vars?: Record<string, unknown>): Promise<any> => t.client.request(doc, vars);

const ids = {
  body: '',
  office: '',
  economy: '',
  education: '',
  committee: '',
  chair: '',
  standing: '',
  ordinary: '',
  noSector: '',
  constituents: [] as string[],
};

const CREATE_MEMBER = gql`
  mutation ($name: String!, $bodyId: ID!, $organizationId: ID!, $sectorId: ID, $isStandingMember: Boolean) {
    createMember(
      name: $name
      kind: CPPCC_MEMBER
      bodyId: $bodyId
      organizationId: $organizationId
      sectorId: $sectorId
      isStandingMember: $isStandingMember
      termNumber: 11
      termStart: "2022-01-05"
    ) {
      id
    }
  }
`;
const member = async (name: string, extra: Record<string, unknown> = {}): Promise<string> =>
  (await req(CREATE_MEMBER, { name, bodyId: ids.body, organizationId: ids.office, ...extra })).createMember.id;

const CREATE_PAIRING = gql`
  mutation (
    $kind: ContactPairingKind!
    $leaderId: ID
    $committeeId: ID
    $memberId: ID
    $constituentId: ID
    $startDate: LocalDate!
    $endDate: LocalDate
    $note: String
  ) {
    createContactPairing(
      kind: $kind
      leaderId: $leaderId
      committeeId: $committeeId
      memberId: $memberId
      constituentId: $constituentId
      startDate: $startDate
      endDate: $endDate
      note: $note
    ) {
      id
      kind
      leaderId
      committeeId
      memberId
      constituentId
      startDate
      endDate
      note
      leaderName
      committeeName
      memberName
      constituentName
    }
  }
`;
/** A session of the county office's staff, who administer members, constituents and their pairings. */
const officeStaff = async () => (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: ids.office })).client;
const pair = (vars: Record<string, unknown>) => req(CREATE_PAIRING, { startDate: '2024-01-01', ...vars }).then((r) => r.createContactPairing);
const pairingCount = async () => (await req(gql`{ _allContactPairingsMeta { count } }`))._allContactPairingsMeta.count;

beforeAll(async () => {
  t = await startTestApp();
  // the system administrator sets up the body and its office; the office staff do the rest
  const sys = await admin(t);
  ids.body = (await sys.request<any>(gql`mutation { createBody(name: "苍南县政协", kind: CPPCC, level: COUNTY) { id } }`)).createBody.id;
  ids.office = (
    await sys.request<any>(gql`mutation ($b: ID!) { createOrganization(name: "苍南县政协办公室", code: "CN", kind: OFFICE, bodyId: $b) { id } }`, {
      b: ids.body,
    })
  ).createOrganization.id;
  t.client = await officeStaff();
  const sector = gql`mutation ($name: String!, $b: ID!) { createSector(name: $name, bodyId: $b) { id } }`;
  ids.economy = (await req(sector, { name: '经济界', b: ids.body })).createSector.id;
  ids.education = (await req(sector, { name: '教育界', b: ids.body })).createSector.id;
  ids.committee = (
    await req(gql`mutation ($b: ID!, $s: [ID!]) { createCommittee(name: "经济委员会", bodyId: $b, sectorIds: $s) { id } }`, {
      b: ids.body,
      s: [ids.economy],
    })
  ).createCommittee.id;
  ids.chair = (await req(gql`mutation ($b: ID!) { createLeader(name: "陈建华", position: CHAIR, bodyId: $b) { id } }`, { b: ids.body }))
    .createLeader.id;
  ids.standing = await member('黄志强', { sectorId: ids.economy, isStandingMember: true });
  ids.ordinary = await member('刘晓燕', { sectorId: ids.education });
  ids.noSector = await member('杨帆');
  const constituent = gql`mutation ($name: String!, $o: ID!) { createConstituent(name: $name, organizationId: $o, community: "灵溪镇") { id } }`;
  for (const name of ['林阿婆', '郑大伯', '吴小妹', '潘师傅', '谢老师', '蔡阿姨']) {
    ids.constituents.push((await req(constituent, { name, o: ids.office })).createConstituent.id);
  }
});
afterAll(async () => {
  await t.close();
});

describe('contact pairings', () => {
  it('pairs a leader with a standing member (CT1)', async () => {
    const p = await pair({ kind: 'LEADER_STANDING', leaderId: ids.chair, memberId: ids.standing, note: '每季度联系一次' });
    expect(p).toMatchObject({
      kind: 'LEADER_STANDING',
      leaderId: ids.chair,
      committeeId: null,
      memberId: ids.standing,
      constituentId: null,
      startDate: '2024-01-01',
      endDate: null,
      note: '每季度联系一次',
      leaderName: '陈建华',
      committeeName: null,
      memberName: '黄志强',
      constituentName: null,
    });
  });

  it('refuses pairing a leader with a member who is not a standing member (CT1)', async () => {
    const before = await pairingCount();
    const err = await expectError(pair({ kind: 'LEADER_STANDING', leaderId: ids.chair, memberId: ids.ordinary }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId', rule: 'CT1' });
    expect(err.message).toContain('CT1');
    expect(await pairingCount()).toBe(before);
  });

  it('pairs a committee with a member of a sector it follows (CT2)', async () => {
    const p = await pair({ kind: 'COMMITTEE_MEMBER', committeeId: ids.committee, memberId: ids.standing });
    expect(p).toMatchObject({ kind: 'COMMITTEE_MEMBER', committeeId: ids.committee, memberId: ids.standing, committeeName: '经济委员会' });
  });

  it('refuses a committee–member pairing outside the sectors the committee follows (CT2)', async () => {
    const e1 = await expectError(pair({ kind: 'COMMITTEE_MEMBER', committeeId: ids.committee, memberId: ids.ordinary }));
    expect(e1.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId', rule: 'CT2' });
    const e2 = await expectError(pair({ kind: 'COMMITTEE_MEMBER', committeeId: ids.committee, memberId: ids.noSector }));
    expect(e2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId', rule: 'CT2' });
  });

  it('refuses links that do not fit the kind, naming the field', async () => {
    const missing = await expectError(pair({ kind: 'LEADER_STANDING', memberId: ids.standing }));
    expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leaderId' });
    const extra = await expectError(
      pair({ kind: 'LEADER_STANDING', leaderId: ids.chair, memberId: ids.standing, constituentId: ids.constituents[0] }),
    );
    expect(extra.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'constituentId' });
    const noConstituent = await expectError(pair({ kind: 'MEMBER_CONSTITUENT', memberId: ids.ordinary }));
    expect(noConstituent.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'constituentId' });
    const ends = await expectError(
      pair({ kind: 'MEMBER_CONSTITUENT', memberId: ids.ordinary, constituentId: ids.constituents[0], endDate: '2023-01-01' }),
    );
    expect(ends.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endDate' });
  });

  it('refuses an update that changes the kind without its links, writing nothing', async () => {
    const p = await pair({ kind: 'MEMBER_CONSTITUENT', memberId: ids.noSector, constituentId: ids.constituents[5] });
    const err = await expectError(
      req(gql`mutation ($id: ID!) { updateContactPairing(id: $id, kind: LEADER_STANDING) { id } }`, { id: p.id }),
    );
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leaderId' });
    const after = await req(gql`query ($id: ID!) { ContactPairing(id: $id) { kind version } }`, { id: p.id });
    expect(after.ContactPairing).toEqual({ kind: 'MEMBER_CONSTITUENT', version: 1 });
    await req(gql`mutation ($id: ID!) { deleteContactPairing(id: $id) { id } }`, { id: p.id });
  });

  it('keeps the per-kind links as database checks too', async () => {
    const conn = t.orm.em.fork().getConnection();
    await expect(
      conn.execute(`insert into contact_pairing (version, kind, leader_id, member_id, constituent_id, start_date) values (1, 'LEADER_STANDING', ?, ?, ?, '2024-01-01')`, [
        Number(ids.chair),
        Number(ids.standing),
        Number(ids.constituents[0]),
      ]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'contact_pairing_links_check' });
    await expect(
      conn.execute(`insert into contact_visit (version, kind, mode, visited_on, member_id) values (1, 'MEMBER_CONSTITUENT', 'VISIT', '2024-03-01', ?)`, [
        Number(ids.standing),
      ]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'contact_visit_links_check' });
  });

  it('refuses a second pairing of the same two parties over an overlapping period, allowing one after the first ended', async () => {
    const first = await pair({
      kind: 'MEMBER_CONSTITUENT',
      memberId: ids.ordinary,
      constituentId: ids.constituents[0],
      startDate: '2022-03-01',
      endDate: '2023-12-31',
    });
    const err = await expectError(
      pair({ kind: 'MEMBER_CONSTITUENT', memberId: ids.ordinary, constituentId: ids.constituents[0], startDate: '2023-06-01' }),
    );
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', field: 'constituentId', existingId: first.id });
    const again = await pair({ kind: 'MEMBER_CONSTITUENT', memberId: ids.ordinary, constituentId: ids.constituents[0], startDate: '2024-01-01' });
    expect(again.startDate).toBe('2024-01-01');
    const dupLeader = await expectError(pair({ kind: 'LEADER_STANDING', leaderId: ids.chair, memberId: ids.standing, startDate: '2025-01-01' }));
    expect(dupLeader.extensions).toMatchObject({ code: 'CONFLICT', field: 'memberId' });
  });

  it('flags a member with fewer than 5 constituents without refusing (CT3), counting active pairings only', async () => {
    const read = gql`
      query ($id: ID!) {
        Member(id: $id) {
          constituentCount
          meetsConstituentMinimum
        }
      }
    `;
    // ordinary: an ended and an active pairing with the same constituent count once
    for (const c of ids.constituents.slice(1, 4)) await pair({ kind: 'MEMBER_CONSTITUENT', memberId: ids.ordinary, constituentId: c });
    expect((await req(read, { id: ids.ordinary })).Member).toEqual({ constituentCount: 4, meetsConstituentMinimum: false });
    await pair({ kind: 'MEMBER_CONSTITUENT', memberId: ids.ordinary, constituentId: ids.constituents[4], startDate: '2023-01-01', endDate: '2023-12-31' });
    expect((await req(read, { id: ids.ordinary })).Member).toEqual({ constituentCount: 4, meetsConstituentMinimum: false });
    await pair({ kind: 'MEMBER_CONSTITUENT', memberId: ids.ordinary, constituentId: ids.constituents[5] });
    expect((await req(read, { id: ids.ordinary })).Member).toEqual({ constituentCount: 5, meetsConstituentMinimum: true });
    expect((await req(read, { id: ids.noSector })).Member).toEqual({ constituentCount: 0, meetsConstituentMinimum: false });
    const byMember = await req(gql`query ($m: ID) { _allContactPairingsMeta(filter: { memberId: $m, kind: MEMBER_CONSTITUENT }) { count } }`, {
      m: ids.ordinary,
    });
    expect(byMember._allContactPairingsMeta.count).toBe(7);
  });

  it('refuses to delete a member or a constituent a pairing depends on', async () => {
    const e1 = await expectError(req(gql`mutation ($id: ID!) { deleteMember(id: $id) { id } }`, { id: ids.ordinary }));
    expect(e1.extensions).toMatchObject({ code: 'CONFLICT', dependent: 'contact_pairing' });
    expect(e1.message).toBe('无法删除：仍有联系（ContactPairing）引用此记录，请先处理这些记录');
    const e2 = await expectError(req(gql`mutation ($id: ID!) { deleteConstituent(id: $id) { id } }`, { id: ids.constituents[1] }));
    expect(e2.extensions).toMatchObject({ code: 'CONFLICT', dependent: 'contact_pairing' });
    const still = await req(gql`query ($id: ID!) { Member(id: $id) { name } }`, { id: ids.ordinary });
    expect(still.Member).toEqual({ name: '刘晓燕' });
  });

  it('updates and deletes a pairing', async () => {
    const p = await pair({ kind: 'MEMBER_CONSTITUENT', memberId: ids.standing, constituentId: ids.constituents[0] });
    const upd = await req(
      gql`mutation ($id: ID!) { updateContactPairing(id: $id, version: 1, endDate: "2024-12-31", note: "已调整联系对象") { endDate note version } }`,
      { id: p.id },
    );
    expect(upd.updateContactPairing).toEqual({ endDate: '2024-12-31', note: '已调整联系对象', version: 2 });
    const del = await req(gql`mutation ($id: ID!) { deleteContactPairing(id: $id) { id kind } }`, { id: p.id });
    expect(del.deleteContactPairing).toEqual({ id: p.id, kind: 'MEMBER_CONSTITUENT' });
  });

  it('lists members with their CT3 figures in the same number of SQL statements for 10 and 50 rows', async () => {
    const created: string[] = [];
    for (let i = 0; i < 50; i++) created.push(await member(`测试委员${String(i).padStart(2, '0')}`));
    for (const m of created.slice(0, 3)) {
      for (const c of ids.constituents.slice(0, 2)) await pair({ kind: 'MEMBER_CONSTITUENT', memberId: m, constituentId: c });
    }
    const list = gql`
      query ($perPage: Int) {
        allMembers(perPage: $perPage, sortField: "id", sortOrder: "DESC") {
          id
          name
          sectorId
          isCurrent
          constituentCount
          meetsConstituentMinimum
        }
        _allMembersMeta {
          count
        }
      }
    `;
    // a fresh session, so that neither request is the one that touches its last-seen time (at most
    // once a minute, session.service.ts)
    const staff = await officeStaff();
    const ten = await t.countQueries(() => staff.request<any>(list, { perPage: 10 }));
    const fifty = await t.countQueries(() => staff.request<any>(list, { perPage: 50 }));
    expect(ten.result.allMembers).toHaveLength(10);
    expect(fifty.result.allMembers).toHaveLength(50);
    // the session and the caller's scope (PR3), then the page, its count, one grouped count of constituents
    expect(authenticationStatements(ten.statements)).toEqual(['session', 'scope']);
    expect(authenticationStatements(fifty.statements)).toEqual(['session', 'scope']);
    expect(ten.count).toBe(5);
    expect(fifty.count).toBe(5);
    const counts = new Map(fifty.result.allMembers.map((m: any) => [m.id, m.constituentCount]));
    expect(created.slice(0, 4).map((id) => counts.get(id))).toEqual([2, 2, 2, 0]);
  });

  it('lists pairings with their names in the same number of SQL statements for 3 and 12 rows', async () => {
    const list = gql`
      query ($perPage: Int) {
        allContactPairings(perPage: $perPage) {
          id
          leaderName
          committeeName
          memberName
          constituentName
        }
      }
    `;
    const staff = await officeStaff();
    const few = await t.countQueries(() => staff.request<any>(list, { perPage: 3 }));
    const many = await t.countQueries(() => staff.request<any>(list, { perPage: 12 }));
    expect(many.result.allContactPairings).toHaveLength(12);
    expect(authenticationStatements(few.statements)).toEqual(['session', 'scope']);
    expect(authenticationStatements(many.statements)).toEqual(['session', 'scope']);
    expect(many.count).toBe(few.count);
    expect(many.result.allContactPairings[0]).toEqual({
      id: expect.any(String),
      leaderName: '陈建华',
      committeeName: null,
      memberName: '黄志强',
      constituentName: null,
    });
  });
});

describe('contact visits (CT4, CT5)', () => {
  const CREATE_VISIT = gql`
    mutation (
      $kind: ContactPairingKind!
      $mode: ContactVisitMode!
      $visitedOn: LocalDate!
      $leaderId: ID
      $memberId: ID
      $constituentId: ID
      $summary: String
      $issuesRaised: String
      $location: String
    ) {
      createContactVisit(
        kind: $kind
        mode: $mode
        visitedOn: $visitedOn
        leaderId: $leaderId
        memberId: $memberId
        constituentId: $constituentId
        summary: $summary
        issuesRaised: $issuesRaised
        location: $location
      ) {
        id
        kind
        mode
        visitedOn
        leaderId
        committeeId
        memberId
        constituentId
        location
        summary
        issuesRaised
        outcome
        memberName
      }
    }
  `;
  let visit: string;

  it('logs a member visiting a constituent, outcome NONE until decided', async () => {
    const res = await req(CREATE_VISIT, {
      kind: 'MEMBER_CONSTITUENT',
      mode: 'VISIT',
      visitedOn: '2024-04-12',
      memberId: ids.ordinary,
      constituentId: ids.constituents[1],
      location: '灵溪镇郑大伯家中',
      summary: '走访了解村道修缮进展',
      issuesRaised: '村口道路雨天积水严重',
    });
    visit = res.createContactVisit.id;
    expect(res.createContactVisit).toEqual({
      id: visit,
      kind: 'MEMBER_CONSTITUENT',
      mode: 'VISIT',
      visitedOn: '2024-04-12',
      leaderId: null,
      committeeId: null,
      memberId: ids.ordinary,
      constituentId: ids.constituents[1],
      location: '灵溪镇郑大伯家中',
      summary: '走访了解村道修缮进展',
      issuesRaised: '村口道路雨天积水严重',
      outcome: 'NONE',
      memberName: '刘晓燕',
    });
  });

  it('records what the raised issue became (CT5) and finds visits by text, member and date', async () => {
    const upd = await req(gql`mutation ($id: ID!) { updateContactVisit(id: $id, outcome: LETTER) { outcome version } }`, { id: visit });
    expect(upd.updateContactVisit).toEqual({ outcome: 'LETTER', version: 2 });
    await req(CREATE_VISIT, { kind: 'LEADER_STANDING', mode: 'TALK', visitedOn: '2024-05-20', leaderId: ids.chair, memberId: ids.standing, summary: '约谈听取履职情况' });
    expect((await req(gql`{ allContactVisits(filter: { q: "积水" }) { id } }`)).allContactVisits).toEqual([{ id: visit }]);
    const byMember = await req(gql`query ($m: ID) { allContactVisits(filter: { memberId: $m, visitedOn_gte: "2024-01-01", visitedOn_lte: "2024-12-31" }) { id } }`, {
      m: ids.ordinary,
    });
    expect(byMember.allContactVisits).toEqual([{ id: visit }]);
    const latestFirst = await req(gql`{ allContactVisits { visitedOn mode } }`);
    expect(latestFirst.allContactVisits).toEqual([
      { visitedOn: '2024-05-20', mode: 'TALK' },
      { visitedOn: '2024-04-12', mode: 'VISIT' },
    ]);
    const byOutcome = await req(gql`{ _allContactVisitsMeta(filter: { outcome: LETTER }) { count } }`);
    expect(byOutcome._allContactVisitsMeta.count).toBe(1);
  });

  it('refuses a visit whose links do not fit its kind, or dated in the future, naming the field', async () => {
    const e1 = await expectError(req(CREATE_VISIT, { kind: 'LEADER_STANDING', mode: 'PHONE', visitedOn: '2024-05-01', memberId: ids.standing }));
    expect(e1.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leaderId' });
    const e2 = await expectError(
      req(CREATE_VISIT, { kind: 'MEMBER_CONSTITUENT', mode: 'PHONE', visitedOn: daysFromToday(1), memberId: ids.standing, constituentId: ids.constituents[0] }),
    );
    expect(e2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'visitedOn' });
    expect((await req(gql`{ _allContactVisitsMeta { count } }`))._allContactVisitsMeta.count).toBe(2);
  });

  it('deletes a visit', async () => {
    const res = await req(gql`mutation ($id: ID!) { deleteContactVisit(id: $id) { id outcome } }`, { id: visit });
    expect(res.deleteContactVisit).toEqual({ id: visit, outcome: 'LETTER' });
  });
});
