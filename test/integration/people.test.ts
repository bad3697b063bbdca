import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { admin } from '../support/casework-fixtures.js';
import { signIn } from '../support/sessions.js';

let t: TestApp;
const req = (doc: string, vars?: Record<string, unknown>): Promise<any> => t.client.request(doc, vars);

/** A valid 18-digit ID number (GB 11643 checksum) from its first 17 digits. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

const ids = { cppcc: '', congress: '', cppccOffice: '', congressOffice: '', otherCppcc: '', otherOffice: '' };

const CREATE_MEMBER = gql`
  mutation (
    $name: String!
    $kind: MemberKind!
    $bodyId: ID!
    $organizationId: ID!
    $termNumber: Int!
    $termStart: LocalDate!
    $termEnd: LocalDate
    $sectorId: ID
    $liaisonGroupId: ID
    $isStandingMember: Boolean
    $gender: Gender
    $workUnit: String
    $party: String
    $phone: String
  ) {
    createMember(
      name: $name
      kind: $kind
      bodyId: $bodyId
      organizationId: $organizationId
      termNumber: $termNumber
      termStart: $termStart
      termEnd: $termEnd
      sectorId: $sectorId
      liaisonGroupId: $liaisonGroupId
      isStandingMember: $isStandingMember
      gender: $gender
      workUnit: $workUnit
      party: $party
      phone: $phone
    ) {
      id
      name
      kind
      gender
      bodyId
      organizationId
      sectorId
      liaisonGroupId
      isStandingMember
      termNumber
      termStart
      termEnd
      isCurrent
      workUnit
      party
      phoneMasked
      version
    }
  }
`;

const cppccMember = (name: string, extra: Record<string, unknown> = {}) =>
  req(CREATE_MEMBER, {
    name,
    kind: 'CPPCC_MEMBER',
    bodyId: ids.cppcc,
    organizationId: ids.cppccOffice,
    termNumber: 9,
    termStart: '2022-01-10',
    ...extra,
  }).then((r) => r.createMember);

const deputy = (name: string, extra: Record<string, unknown> = {}) =>
  req(CREATE_MEMBER, {
    name,
    kind: 'DEPUTY',
    bodyId: ids.congress,
    organizationId: ids.congressOffice,
    termNumber: 18,
    termStart: '2021-12-28',
    ...extra,
  }).then((r) => r.createMember);

beforeAll(async () => {
  t = await startTestApp();
  // bodies and organizations are installation-wide: the system administrator creates them
  const sys = await admin(t);
  const body = gql`
    mutation ($name: String!, $kind: BodyKind!, $level: BodyLevel!, $parentId: ID) {
      createBody(name: $name, kind: $kind, level: $level, parentId: $parentId) {
        id
      }
    }
  `;
  const org = gql`
    mutation ($name: String!, $code: String!, $bodyId: ID!, $parentId: ID) {
      createOrganization(name: $name, code: $code, kind: OFFICE, bodyId: $bodyId, parentId: $parentId) {
        id
      }
    }
  `;
  const sysReq = (doc: string, vars: Record<string, unknown>): Promise<any> => sys.request(doc, vars);
  ids.cppcc = (await sysReq(body, { name: '嘉兴市政协', kind: 'CPPCC', level: 'CITY' })).createBody.id;
  ids.congress = (await sysReq(body, { name: '宁波市北仑区人大常委会', kind: 'CONGRESS', level: 'CITY' })).createBody.id;
  // "another body": a county CPPCC, whose office hangs under the city office (PR3)
  ids.otherCppcc = (await sysReq(body, { name: '南湖区政协', kind: 'CPPCC', level: 'COUNTY', parentId: ids.cppcc })).createBody.id;
  ids.cppccOffice = (await sysReq(org, { name: '嘉兴市政协办公室', code: 'JX', bodyId: ids.cppcc })).createOrganization.id;
  // The clerk below must reach the congress's records and a CPPCC's at once, or the cross-body refusals
  // (a CPPCC member as a station deputy or a congress group's leader) would be the scope's NOT_FOUND
  // instead of the rules' BAD_USER_INPUT: the congress office is put under the Jiaxing office too.
  ids.congressOffice = (await sysReq(org, { name: '北仑区人大常委会办公室', code: 'BL', bodyId: ids.congress, parentId: ids.cppccOffice }))
    .createOrganization.id;
  ids.otherOffice = (await sysReq(org, { name: '南湖区政协办公室', code: 'NH', bodyId: ids.otherCppcc, parentId: ids.cppccOffice })).createOrganization.id;
  // the city office's clerk keeps the people of the offices in its subtree
  t.client = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: ids.cppccOffice })).client;
});
afterAll(async () => {
  await t.close();
});

describe('sectors and committees', () => {
  const CREATE_SECTOR = gql`
    mutation ($name: String!, $bodyId: ID!, $sortOrder: Int) {
      createSector(name: $name, bodyId: $bodyId, sortOrder: $sortOrder) {
        id
        name
        bodyId
        sortOrder
      }
    }
  `;
  const CREATE_COMMITTEE = gql`
    mutation ($name: String!, $bodyId: ID!, $sectorIds: [ID!], $description: String) {
      createCommittee(name: $name, bodyId: $bodyId, sectorIds: $sectorIds, description: $description) {
        id
        name
        bodyId
        sectorIds
        description
      }
    }
  `;
  let economy: string;
  let agriculture: string;
  let science: string;
  let committee: string;

  it('creates sectors and lists them in their sort order', async () => {
    economy = (await req(CREATE_SECTOR, { name: '经济界', bodyId: ids.cppcc, sortOrder: 2 })).createSector.id;
    agriculture = (await req(CREATE_SECTOR, { name: '农业界', bodyId: ids.cppcc, sortOrder: 3 })).createSector.id;
    science = (await req(CREATE_SECTOR, { name: '科学技术界', bodyId: ids.cppcc, sortOrder: 1 })).createSector.id;
    const res = await req(gql`
      {
        allSectors {
          name
          sortOrder
        }
      }
    `);
    expect(res.allSectors).toEqual([
      { name: '科学技术界', sortOrder: 1 },
      { name: '经济界', sortOrder: 2 },
      { name: '农业界', sortOrder: 3 },
    ]);
  });

  it('refuses a second sector of the same name in one body with CONFLICT', async () => {
    const err = await expectError(req(CREATE_SECTOR, { name: '经济界', bodyId: ids.cppcc }));
    expect(err.extensions.code).toBe('CONFLICT');
    expect(err.extensions.field).toBe('bodyId,name');
    const other = await req(CREATE_SECTOR, { name: '经济界', bodyId: ids.otherCppcc });
    expect(other.createSector).toMatchObject({ name: '经济界', bodyId: ids.otherCppcc, sortOrder: 0 });
  });

  it('creates a committee following sectors (CT2) and changes them', async () => {
    const res = await req(CREATE_COMMITTEE, {
      name: '经济委员会',
      bodyId: ids.cppcc,
      sectorIds: [economy, agriculture],
      description: '联系经济界、农业界委员',
    });
    committee = res.createCommittee.id;
    expect(res.createCommittee).toEqual({
      id: committee,
      name: '经济委员会',
      bodyId: ids.cppcc,
      sectorIds: [economy, agriculture],
      description: '联系经济界、农业界委员',
    });
    const upd = await req(
      gql`
        mutation ($id: ID!, $sectorIds: [ID!]) {
          updateCommittee(id: $id, sectorIds: $sectorIds) {
            sectorIds
            version
          }
        }
      `,
      { id: committee, sectorIds: [economy, science] },
    );
    expect(upd.updateCommittee.sectorIds.sort()).toEqual([economy, science].sort());
    const filtered = await req(gql`query ($s: ID) { allCommittees(filter: { sectorId: $s }) { name } }`, { s: science });
    expect(filtered.allCommittees).toEqual([{ name: '经济委员会' }]);
  });

  it("refuses a committee following another body's sector, naming sectorIds (CT2)", async () => {
    const foreign = (await req(gql`{ allSectors(filter: { bodyId: "${ids.otherCppcc}" }) { id } }`)).allSectors[0].id;
    const err = await expectError(req(CREATE_COMMITTEE, { name: '农业和农村委员会', bodyId: ids.cppcc, sectorIds: [foreign] }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sectorIds' });
    const count = await req(gql`{ _allCommitteesMeta { count } }`);
    expect(count._allCommitteesMeta.count).toBe(1);
  });

  it('refuses to delete a sector a committee follows, and deletes one nobody follows', async () => {
    const err = await expectError(req(gql`mutation ($id: ID!) { deleteSector(id: $id) { id } }`, { id: economy }));
    expect(err.extensions.code).toBe('CONFLICT');
    expect(err.message).toContain('无法删除');
    const ok = await req(gql`mutation ($id: ID!) { deleteSector(id: $id) { id name } }`, { id: agriculture });
    expect(ok.deleteSector).toEqual({ id: agriculture, name: '农业界' });
  });

  it('deletes a committee together with its list of followed sectors', async () => {
    const tmp = (await req(CREATE_COMMITTEE, { name: '临时委员会', bodyId: ids.cppcc, sectorIds: [economy] })).createCommittee.id;
    const res = await req(gql`mutation ($id: ID!) { deleteCommittee(id: $id) { id name } }`, { id: tmp });
    expect(res.deleteCommittee).toEqual({ id: tmp, name: '临时委员会' });
    const sector = await req(gql`query ($id: ID!) { Sector(id: $id) { name } }`, { id: economy });
    expect(sector.Sector).toEqual({ name: '经济界' });
  });
});

describe('leaders', () => {
  const CREATE_LEADER = gql`
    mutation (
      $name: String!
      $position: LeaderPosition!
      $bodyId: ID!
      $memberId: ID
      $termNumber: Int
      $termStart: LocalDate
      $termEnd: LocalDate
      $isPrincipal: Boolean
    ) {
      createLeader(
        name: $name
        position: $position
        bodyId: $bodyId
        memberId: $memberId
        termNumber: $termNumber
        termStart: $termStart
        termEnd: $termEnd
        isPrincipal: $isPrincipal
      ) {
        id
        name
        position
        bodyId
        memberId
        termNumber
        termStart
        termEnd
        isPrincipal
      }
    }
  `;

  it('creates a CPPCC chair linked to his member seat and a congress director', async () => {
    const seat = await cppccMember('王建国', { isStandingMember: true });
    const chair = await req(CREATE_LEADER, {
      name: '王建国',
      position: 'CHAIR',
      bodyId: ids.cppcc,
      memberId: seat.id,
      termNumber: 9,
      termStart: '2022-01-10',
      isPrincipal: true,
    });
    expect(chair.createLeader).toMatchObject({
      name: '王建国',
      position: 'CHAIR',
      bodyId: ids.cppcc,
      memberId: seat.id,
      termNumber: 9,
      termStart: '2022-01-10',
      termEnd: null,
      isPrincipal: true,
    });
    const director = await req(CREATE_LEADER, { name: '陈海燕', position: 'DIRECTOR', bodyId: ids.congress });
    expect(director.createLeader).toMatchObject({ position: 'DIRECTOR', isPrincipal: false, memberId: null });
  });

  it('refuses a position the body does not have, naming position', async () => {
    const e1 = await expectError(req(CREATE_LEADER, { name: '李明', position: 'DIRECTOR', bodyId: ids.cppcc }));
    expect(e1.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'position' });
    const e2 = await expectError(req(CREATE_LEADER, { name: '李明', position: 'VICE_CHAIR', bodyId: ids.congress }));
    expect(e2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'position' });
    const ok = await req(CREATE_LEADER, { name: '李明', position: 'SECRETARY_GENERAL', bodyId: ids.congress });
    expect(ok.createLeader.position).toBe('SECRETARY_GENERAL');
  });

  it('refuses a term that ends before it starts, naming termEnd', async () => {
    const err = await expectError(
      req(CREATE_LEADER, { name: '赵磊', position: 'VICE_CHAIR', bodyId: ids.cppcc, termStart: '2022-01-10', termEnd: '2021-01-10' }),
    );
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'termEnd' });
  });

  it('updates and deletes a leader', async () => {
    const id = (await req(CREATE_LEADER, { name: '孙丽', position: 'VICE_CHAIR', bodyId: ids.cppcc })).createLeader.id;
    const upd = await req(gql`mutation ($id: ID!) { updateLeader(id: $id, version: 1, isPrincipal: true) { isPrincipal version } }`, { id });
    expect(upd.updateLeader).toEqual({ isPrincipal: true, version: 2 });
    const del = await req(gql`mutation ($id: ID!) { deleteLeader(id: $id) { name } }`, { id });
    expect(del.deleteLeader).toEqual({ name: '孙丽' });
  });
});

describe('members', () => {
  it('creates a member with a masked phone and reads it back as current', async () => {
    const m = await cppccMember('张伟', {
      gender: 'MALE',
      workUnit: '嘉兴学院教授',
      party: '民盟',
      phone: '13812341234',
    });
    expect(m).toMatchObject({
      name: '张伟',
      kind: 'CPPCC_MEMBER',
      gender: 'MALE',
      bodyId: ids.cppcc,
      organizationId: ids.cppccOffice,
      sectorId: null,
      isStandingMember: false,
      termNumber: 9,
      termStart: '2022-01-10',
      termEnd: null,
      isCurrent: true,
      workUnit: '嘉兴学院教授',
      party: '民盟',
      phoneMasked: '138****1234',
      version: 1,
    });
    const read = await req(gql`query ($id: ID!) { Member(id: $id) { name phoneMasked isCurrent } }`, { id: m.id });
    expect(read.Member).toEqual({ name: '张伟', phoneMasked: '138****1234', isCurrent: true });
  });

  it('keeps a past term on record, not current, and filters by isCurrent', async () => {
    const past = await cppccMember('钱学文', { termNumber: 8, termStart: '2017-01-10', termEnd: '2021-12-31' });
    expect(past).toMatchObject({ termNumber: 8, termEnd: '2021-12-31', isCurrent: false });
    const notCurrent = await req(gql`{ allMembers(filter: { isCurrent: false }) { name } }`);
    expect(notCurrent.allMembers).toEqual([{ name: '钱学文' }]);
    const current = await req(gql`{ allMembers(filter: { isCurrent: true }) { name } }`);
    expect(current.allMembers.map((m: any) => m.name)).not.toContain('钱学文');
  });

  it('refuses a kind that does not match the body kind, naming kind', async () => {
    const e1 = await expectError(cppccMember('周敏', { kind: 'DEPUTY' }));
    expect(e1.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    const e2 = await expectError(deputy('周敏', { kind: 'CPPCC_MEMBER' }));
    expect(e2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
  });

  it('refuses a term ending before it starts and a term number out of 1..99, writing nothing', async () => {
    const before = (await req(gql`{ _allMembersMeta { count } }`))._allMembersMeta.count;
    const e1 = await expectError(cppccMember('吴芳', { termStart: '2022-01-10', termEnd: '2021-01-01' }));
    expect(e1.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'termEnd' });
    const e2 = await expectError(cppccMember('吴芳', { termNumber: 100 }));
    expect(e2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'termNumber' });
    const e3 = await expectError(cppccMember('吴芳', { phone: '12345' }));
    expect(e3.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    expect((await req(gql`{ _allMembersMeta { count } }`))._allMembersMeta.count).toBe(before);
  });

  it("refuses an office, sector or group of another body, naming the field", async () => {
    const e1 = await expectError(cppccMember('郑浩', { organizationId: ids.otherOffice }));
    expect(e1.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
    const foreignSector = (await req(gql`{ allSectors(filter: { bodyId: "${ids.otherCppcc}" }) { id } }`)).allSectors[0].id;
    const e2 = await expectError(cppccMember('郑浩', { sectorId: foreignSector }));
    expect(e2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sectorId' });
  });

  it('sorts members by name in pinyin order', async () => {
    const res = await req(gql`
      {
        allMembers(sortField: "name", sortOrder: "ASC", filter: { bodyId: "${ids.cppcc}" }) {
          name
        }
      }
    `);
    // pinyin: qian, wang, zhang
    expect(res.allMembers.map((m: any) => m.name)).toEqual(['钱学文', '王建国', '张伟']);
    const desc = await req(gql`{ allMembers(sortField: "name", sortOrder: "DESC", filter: { bodyId: "${ids.cppcc}" }) { name } }`);
    expect(desc.allMembers.map((m: any) => m.name)).toEqual(['张伟', '王建国', '钱学文']);
  });

  it('finds members by work unit with q, never by phone', async () => {
    const byUnit = await req(gql`{ allMembers(filter: { q: "嘉兴学院" }) { name } }`);
    expect(byUnit.allMembers).toEqual([{ name: '张伟' }]);
    const byPhone = await req(gql`{ allMembers(filter: { q: "13812341234" }) { name } }`);
    expect(byPhone.allMembers).toEqual([]);
  });

  it('updates a member with the version and refuses a stale one', async () => {
    const m = await deputy('林小红', { gender: 'FEMALE' });
    const upd = gql`
      mutation ($id: ID!, $version: Int, $isStandingMember: Boolean) {
        updateMember(id: $id, version: $version, isStandingMember: $isStandingMember) {
          isStandingMember
          version
        }
      }
    `;
    expect((await req(upd, { id: m.id, version: 1, isStandingMember: true })).updateMember).toEqual({ isStandingMember: true, version: 2 });
    const err = await expectError(req(upd, { id: m.id, version: 1, isStandingMember: false }));
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const del = await req(gql`mutation ($id: ID!) { deleteMember(id: $id) { name } }`, { id: m.id });
    expect(del.deleteMember).toEqual({ name: '林小红' });
  });
});

describe('constituents (PR1)', () => {
  const CREATE = gql`
    mutation (
      $name: String!
      $organizationId: ID!
      $phone: String
      $idNumber: String
      $address: String
      $community: String
      $occupation: String
      $gender: Gender
      $notes: String
    ) {
      createConstituent(
        name: $name
        organizationId: $organizationId
        phone: $phone
        idNumber: $idNumber
        address: $address
        community: $community
        occupation: $occupation
        gender: $gender
        notes: $notes
      ) {
        id
        name
        gender
        phoneMasked
        idNumberMasked
        addressMasked
        community
        occupation
        organizationId
        notes
      }
    }
  `;
  const liId = idNumber('33040219650312002');
  let li: string;

  it('stores personal data encrypted and shows it masked (PR1)', async () => {
    const res = await req(CREATE, {
      name: '李秀英',
      organizationId: ids.cppccOffice,
      phone: '13912345678',
      idNumber: liId,
      address: '嘉兴市南湖区建设街道紫阳社区3幢201室',
      community: '紫阳社区',
      occupation: '退休教师',
      gender: 'FEMALE',
    });
    li = res.createConstituent.id;
    expect(res.createConstituent).toEqual({
      id: li,
      name: '李秀英',
      gender: 'FEMALE',
      phoneMasked: '139****5678',
      idNumberMasked: `330402********${liId.slice(-4)}`,
      addressMasked: '嘉兴市南湖区****',
      community: '紫阳社区',
      occupation: '退休教师',
      organizationId: ids.cppccOffice,
      notes: null,
    });
    const rows = await t.orm.em.fork().getConnection().execute('select * from constituent where id = ?', [Number(li)]);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain('13912345678');
    expect(stored).not.toContain(liId);
    expect(stored).not.toContain('紫阳社区3幢');
  });

  it('exposes no plain personal field on the Constituent type (PR1)', async () => {
    const res = await req(gql`
      {
        __type(name: "Constituent") {
          fields {
            name
          }
        }
      }
    `);
    const names: string[] = res.__type.fields.map((f: any) => f.name);
    expect(names).toEqual(expect.arrayContaining(['phoneMasked', 'idNumberMasked', 'addressMasked']));
    for (const forbidden of ['phone', 'idNumber', 'address', 'phoneEncrypted', 'idNumberEncrypted', 'idNumberHash', 'addressEncrypted', 'searchVector']) {
      expect(names).not.toContain(forbidden);
    }
    const listed = await req(gql`{ allConstituents { id name phoneMasked idNumberMasked addressMasked } }`);
    expect(JSON.stringify(listed)).not.toContain('13912345678');
  });

  it('searches name and community with q, never personal data', async () => {
    await req(CREATE, { name: '陈刚', organizationId: ids.cppccOffice, community: '东栅社区', phone: '13700001111' });
    expect((await req(gql`{ allConstituents(filter: { q: "紫阳" }) { name } }`)).allConstituents).toEqual([{ name: '李秀英' }]);
    expect((await req(gql`{ allConstituents(filter: { q: "陈刚" }) { name } }`)).allConstituents).toEqual([{ name: '陈刚' }]);
    expect((await req(gql`{ allConstituents(filter: { q: "13700001111" }) { name } }`)).allConstituents).toEqual([]);
    expect((await req(gql`{ allConstituents(filter: { q: "建设街道" }) { name } }`)).allConstituents).toEqual([]);
  });

  it('finds a repeat writer by exact ID number through the keyed hash', async () => {
    const hit = await req(gql`query ($n: String) { allConstituents(filter: { idNumber: $n }) { id name } }`, { n: liId });
    expect(hit.allConstituents).toEqual([{ id: li, name: '李秀英' }]);
    const lower = await req(gql`query ($n: String) { allConstituents(filter: { idNumber: $n }) { id } }`, { n: liId.toLowerCase() });
    expect(lower.allConstituents).toEqual([{ id: li }]);
    const miss = await req(gql`query ($n: String) { allConstituents(filter: { idNumber: $n }) { id } }`, { n: idNumber('33040219650312003') });
    expect(miss.allConstituents).toEqual([]);
    const meta = await req(gql`query ($n: String) { _allConstituentsMeta(filter: { idNumber: $n }) { count } }`, { n: liId });
    expect(meta._allConstituentsMeta.count).toBe(1);
  });

  it('refuses an ID number with a wrong checksum and a second entry for the same person in one register', async () => {
    const bad = liId.slice(0, 17) + (liId[17] === '1' ? '2' : '1');
    const e1 = await expectError(req(CREATE, { name: '王芳', organizationId: ids.cppccOffice, idNumber: bad }));
    expect(e1.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber' });
    const e2 = await expectError(req(CREATE, { name: '李秀英', organizationId: ids.cppccOffice, idNumber: liId }));
    expect(e2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber', existingId: li });
    // another office keeps its own register
    const other = await req(CREATE, { name: '李秀英', organizationId: ids.congressOffice, idNumber: liId });
    expect(other.createConstituent.idNumberMasked).toBe(`330402********${liId.slice(-4)}`);
  });

  it('replaces a personal value on update and clears it with null', async () => {
    const upd = gql`
      mutation ($id: ID!, $phone: String) {
        updateConstituent(id: $id, phone: $phone) {
          phoneMasked
        }
      }
    `;
    expect((await req(upd, { id: li, phone: '0573-82345678' })).updateConstituent).toEqual({ phoneMasked: '0573-******78' });
    const revealed = await req(gql`mutation ($id: ID!) { revealConstituent(id: $id, reason: "核实来信人身份") { phone } }`, { id: li });
    expect(revealed.revealConstituent.phone).toBe('0573-82345678');
    await req(upd, { id: li, phone: '13912345678' });
  });

  it('reveals the full personal data of one constituent with a reason (PR1)', async () => {
    const res = await req(
      gql`
        mutation ($id: ID!, $reason: String!) {
          revealConstituent(id: $id, reason: $reason) {
            id
            name
            phone
            idNumber
            address
          }
        }
      `,
      { id: li, reason: '电话回访办理结果' },
    );
    expect(res.revealConstituent).toEqual({
      id: li,
      name: '李秀英',
      phone: '13912345678',
      idNumber: liId,
      address: '嘉兴市南湖区建设街道紫阳社区3幢201室',
    });
  });

  it('refuses a reveal without a proper reason, naming reason, and an unknown id with NOT_FOUND', async () => {
    const reveal = gql`
      mutation ($id: ID!, $reason: String!) {
        revealConstituent(id: $id, reason: $reason) {
          phone
        }
      }
    `;
    for (const reason of ['', ' ', '查', 'x'.repeat(201)]) {
      const err = await expectError(req(reveal, { id: li, reason }));
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    }
    const missing = await expectError(req(reveal, { id: '999999', reason: '核实身份' }));
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const noReason = await expectError(req(gql`mutation ($id: ID!) { revealConstituent(id: $id) { phone } }`, { id: li }));
    expect(noReason.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('liaison groups, stations and their staff', () => {
  let group: string;
  let station: string;
  let d1: any;
  let d2: any;

  it('creates a liaison group with its leader and office', async () => {
    const leader = await cppccMember('沈国强');
    const res = await req(
      gql`
        mutation ($bodyId: ID!, $organizationId: ID, $leaderMemberId: ID) {
          createLiaisonGroup(name: "南湖区第一委员活动小组", bodyId: $bodyId, organizationId: $organizationId, area: "南湖区", leaderMemberId: $leaderMemberId) {
            id
            name
            bodyId
            organizationId
            area
            leaderMemberId
            leaderMemberName
          }
        }
      `,
      { bodyId: ids.cppcc, organizationId: ids.cppccOffice, leaderMemberId: leader.id },
    );
    group = res.createLiaisonGroup.id;
    expect(res.createLiaisonGroup).toEqual({
      id: group,
      name: '南湖区第一委员活动小组',
      bodyId: ids.cppcc,
      organizationId: ids.cppccOffice,
      area: '南湖区',
      leaderMemberId: leader.id,
      leaderMemberName: '沈国强',
    });
    const member = await cppccMember('蒋文', { liaisonGroupId: group });
    expect(member.liaisonGroupId).toBe(group);
    const e = await expectError(
      req(gql`mutation ($b: ID!, $l: ID) { createLiaisonGroup(name: "北仑代表联络组", bodyId: $b, leaderMemberId: $l) { id } }`, {
        b: ids.congress,
        l: leader.id,
      }),
    );
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leaderMemberId' });
  });

  const CREATE_STATION = gql`
    mutation ($organizationId: ID!, $deputyIds: [ID!], $deputyInChargeId: ID, $contactPhone: String, $isOnline: Boolean) {
      createLiaisonStation(
        name: "新碶街道代表联络站"
        organizationId: $organizationId
        isOnline: $isOnline
        address: "北仑区新碶街道明州路"
        receptionSchedule: "每月第一个星期三上午"
        contactPhone: $contactPhone
        deputyIds: $deputyIds
        deputyInChargeId: $deputyInChargeId
        rules: "代表进站接待制度"
      ) {
        id
        name
        organizationId
        isOnline
        address
        receptionSchedule
        contactPhone
        deputyIds
        deputyInChargeId
        deputyInChargeName
        meetsStaffingRule
        rules
      }
    }
  `;

  it('flags a station with fewer than 2 deputies (ST1) without refusing it, and clears the flag when staffed', async () => {
    d1 = await deputy('胡志明');
    d2 = await deputy('何静');
    const res = await req(CREATE_STATION, {
      organizationId: ids.congressOffice,
      deputyIds: [d1.id],
      deputyInChargeId: d1.id,
      contactPhone: '0574-86781234',
    });
    station = res.createLiaisonStation.id;
    expect(res.createLiaisonStation).toEqual({
      id: station,
      name: '新碶街道代表联络站',
      organizationId: ids.congressOffice,
      isOnline: false,
      address: '北仑区新碶街道明州路',
      receptionSchedule: '每月第一个星期三上午',
      contactPhone: '0574-86781234',
      deputyIds: [d1.id],
      deputyInChargeId: d1.id,
      deputyInChargeName: '胡志明',
      meetsStaffingRule: false,
      rules: '代表进站接待制度',
    });
    const upd = await req(
      gql`mutation ($id: ID!, $deputyIds: [ID!]) { updateLiaisonStation(id: $id, deputyIds: $deputyIds) { deputyIds meetsStaffingRule } }`,
      { id: station, deputyIds: [d1.id, d2.id] },
    );
    expect(upd.updateLiaisonStation.meetsStaffingRule).toBe(true);
    expect(upd.updateLiaisonStation.deputyIds.sort()).toEqual([d1.id, d2.id].sort());
    const byDeputy = await req(gql`query ($d: ID) { allLiaisonStations(filter: { deputyId: $d }) { id } }`, { d: d2.id });
    expect(byDeputy.allLiaisonStations).toEqual([{ id: station }]);
    const searched = await req(gql`{ allLiaisonStations(filter: { q: "新碶" }) { id } }`);
    expect(searched.allLiaisonStations).toEqual([{ id: station }]);
  });

  it("publishes the station's deputies, contact, reception times and rules to its own staff (ST6)", async () => {
    const staff = (await signIn(t, { roles: ['STATION_STAFF'], organizationId: ids.congressOffice, liaisonStationId: station })).client;
    const res = await staff.request<any>(
      gql`query ($id: ID!) { LiaisonStation(id: $id) { address receptionSchedule contactPhone rules deputyInChargeName deputyIds } }`,
      { id: station },
    );
    expect({ ...res.LiaisonStation, deputyIds: [...res.LiaisonStation.deputyIds].sort() }).toEqual({
      address: '北仑区新碶街道明州路',
      receptionSchedule: '每月第一个星期三上午',
      contactPhone: '0574-86781234',
      rules: '代表进站接待制度',
      deputyInChargeName: '胡志明',
      deputyIds: [d1.id, d2.id].sort(),
    });
  });

  it('refuses a CPPCC member as a station deputy, a deputy in charge from outside the station and a bad phone', async () => {
    const member = await cppccMember('马超');
    const e1 = await expectError(req(CREATE_STATION, { organizationId: ids.congressOffice, deputyIds: [d1.id, member.id] }));
    expect(e1.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deputyIds' });
    const e2 = await expectError(req(CREATE_STATION, { organizationId: ids.congressOffice, deputyIds: [d1.id], deputyInChargeId: d2.id }));
    expect(e2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deputyInChargeId' });
    const e3 = await expectError(req(CREATE_STATION, { organizationId: ids.congressOffice, contactPhone: '8678' }));
    expect(e3.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactPhone' });
    expect((await req(gql`{ _allLiaisonStationsMeta { count } }`))._allLiaisonStationsMeta.count).toBe(1);
  });

  it('refuses to delete a deputy a station lists', async () => {
    const err = await expectError(req(gql`mutation ($id: ID!) { deleteMember(id: $id) { id } }`, { id: d2.id }));
    expect(err.extensions.code).toBe('CONFLICT');
    expect(err.message).toContain('无法删除');
  });

  const CREATE_STAFF = gql`
    mutation ($role: StationStaffRole!, $liaisonStationId: ID, $liaisonGroupId: ID, $contactPhone: String) {
      createStationStaff(name: "许丹", role: $role, liaisonStationId: $liaisonStationId, liaisonGroupId: $liaisonGroupId, contactPhone: $contactPhone) {
        id
        name
        role
        liaisonStationId
        liaisonGroupId
        contactPhone
      }
    }
  `;

  it('creates staff for a station or a group', async () => {
    const a = await req(CREATE_STAFF, { role: 'LIAISON_OFFICER', liaisonStationId: station, contactPhone: '13600001234' });
    expect(a.createStationStaff).toMatchObject({ role: 'LIAISON_OFFICER', liaisonStationId: station, liaisonGroupId: null, contactPhone: '13600001234' });
    const b = await req(CREATE_STAFF, { role: 'SENTIMENT_LIAISON', liaisonGroupId: group });
    expect(b.createStationStaff).toMatchObject({ role: 'SENTIMENT_LIAISON', liaisonStationId: null, liaisonGroupId: group });
    const list = await req(gql`query ($s: ID) { allStationStaffs(filter: { liaisonStationId: $s }) { role } }`, { s: station });
    expect(list.allStationStaffs).toEqual([{ role: 'LIAISON_OFFICER' }]);
  });

  it('refuses staff with both or neither of station and group, naming liaisonStationId', async () => {
    const both = await expectError(req(CREATE_STAFF, { role: 'CLERK', liaisonStationId: station, liaisonGroupId: group }));
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'liaisonStationId' });
    const neither = await expectError(req(CREATE_STAFF, { role: 'CLERK' }));
    expect(neither.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'liaisonStationId' });
    const staff = (await req(gql`{ allStationStaffs(filter: { role: SENTIMENT_LIAISON }) { id } }`)).allStationStaffs[0].id;
    const upd = await expectError(
      req(gql`mutation ($id: ID!, $s: ID) { updateStationStaff(id: $id, liaisonStationId: $s) { id } }`, { id: staff, s: station }),
    );
    expect(upd.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'liaisonStationId' });
  });

  it('keeps the one-parent rule as a database check too', async () => {
    const conn = t.orm.em.fork().getConnection();
    await expect(
      conn.execute(`insert into station_staff (name, role, version, liaison_station_id, liaison_group_id) values ('某人', 'CLERK', 1, ?, ?)`, [
        Number(station),
        Number(group),
      ]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'station_staff_one_parent_check' });
    await expect(conn.execute(`insert into station_staff (name, role, version) values ('某人', 'CLERK', 1)`)).rejects.toMatchObject({
      code: '23514',
    });
  });
});
