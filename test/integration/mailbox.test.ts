import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { createLiaisonGroup, createMember, createOffice, registerLetter, req } from '../support/casework-fixtures.js';
import { signIn } from '../support/sessions.js';
import { daysFromToday } from '../support/dates.js';

let t: TestApp;
let bodyId: string;
let jx: string;
let lead: string;
let rotation: string;
let assist: string;
let groupLeader: string;
let other: string;
let group: string;
let mailboxId: string;

const MAILBOX_FIELDS = `
  id name code community address organizationId liaisonGroupId leadMemberId leadMemberName assistMemberId
  rotationMemberIds openingPeriodDays installedOn isActive lastOpenedOn version
`;

const CREATE_MAILBOX = gql`
  mutation (
    $name: String!, $code: String!, $community: String, $address: String, $organizationId: ID!, $liaisonGroupId: ID,
    $leadMemberId: ID!, $assistMemberId: ID, $rotationMemberIds: [ID!], $openingPeriodDays: Int, $installedOn: LocalDate
  ) {
    createMailbox(
      name: $name, code: $code, community: $community, address: $address, organizationId: $organizationId,
      liaisonGroupId: $liaisonGroupId, leadMemberId: $leadMemberId, assistMemberId: $assistMemberId,
      rotationMemberIds: $rotationMemberIds, openingPeriodDays: $openingPeriodDays, installedOn: $installedOn
    ) { ${MAILBOX_FIELDS} }
  }
`;

const OPEN = gql`
  mutation ($mailboxId: ID!, $openedOn: LocalDate!, $openedByMemberId: ID!, $approvedByMemberId: ID, $letterCount: Int!, $notes: String) {
    openMailbox(
      mailboxId: $mailboxId, openedOn: $openedOn, openedByMemberId: $openedByMemberId,
      approvedByMemberId: $approvedByMemberId, letterCount: $letterCount, notes: $notes
    ) {
      id mailboxId openedOn openedByMemberId openedByMemberName isSubstitute approvedByMemberId letterCount notes version
    }
  }
`;

const lastOpenedOn = async () =>
  (await req(t, gql`query ($id: ID!) { Mailbox(id: $id) { lastOpenedOn } }`, { id: mailboxId })).Mailbox.lastOpenedOn;

beforeAll(async () => {
  t = await startTestApp();
  ({ bodyId, organizationId: jx } = await createOffice(t, { bodyName: '嘉兴市政协', kind: 'CPPCC', orgName: '嘉兴市政协办公室', code: 'JX' }));
  // the office staff of Jiaxing administer mailboxes and record openings (MB1–MB3)
  t.client = (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: jx })).client;
  groupLeader = await createMember(t, { name: '沈国华', bodyId, organizationId: jx });
  group = await createLiaisonGroup(t, { name: '南湖区第一委员活动小组', bodyId, leaderMemberId: groupLeader });
  lead = await createMember(t, { name: '王建国', bodyId, organizationId: jx, liaisonGroupId: group });
  rotation = await createMember(t, { name: '李秀英', bodyId, organizationId: jx, liaisonGroupId: group });
  assist = await createMember(t, { name: '陈明', bodyId, organizationId: jx });
  other = await createMember(t, { name: '赵磊', bodyId, organizationId: jx, liaisonGroupId: group });
});
afterAll(async () => {
  await t.close();
});

describe('mailboxes (MB1, MB2)', () => {
  it('creates a mailbox with its lead, assisting and rotation members (MB1)', async () => {
    const res = await req(t, CREATE_MAILBOX, {
      name: '新兴街道委员信箱',
      code: 'NH-XX-01',
      community: '新兴社区',
      address: '新兴社区党群服务中心门口',
      organizationId: jx,
      liaisonGroupId: group,
      leadMemberId: lead,
      assistMemberId: assist,
      rotationMemberIds: [rotation],
      installedOn: '2026-01-05',
    });
    mailboxId = res.createMailbox.id;
    expect(res.createMailbox).toEqual({
      id: mailboxId,
      name: '新兴街道委员信箱',
      code: 'NH-XX-01',
      community: '新兴社区',
      address: '新兴社区党群服务中心门口',
      organizationId: jx,
      liaisonGroupId: group,
      leadMemberId: lead,
      leadMemberName: '王建国',
      assistMemberId: assist,
      rotationMemberIds: [rotation],
      openingPeriodDays: null,
      installedOn: '2026-01-05',
      isActive: true,
      lastOpenedOn: null,
      version: 1,
    });
  });

  it('updates the opening period override (MB2) and filters by member in rotation', async () => {
    const upd = await req(
      t,
      gql`mutation ($id: ID!) { updateMailbox(id: $id, version: 1, openingPeriodDays: 10) { openingPeriodDays rotationMemberIds version } }`,
      { id: mailboxId },
    );
    expect(upd.updateMailbox).toEqual({ openingPeriodDays: 10, rotationMemberIds: [rotation], version: 2 });
    const bad = await expectError(req(t, gql`mutation ($id: ID!) { updateMailbox(id: $id, openingPeriodDays: 0) { id } }`, { id: mailboxId }));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'openingPeriodDays' });
    const byRotation = await req(t, gql`query ($m: ID) { allMailboxes(filter: { rotationMemberId: $m }) { id } }`, { m: rotation });
    expect(byRotation.allMailboxes).toEqual([{ id: mailboxId }]);
    const byQ = await req(t, gql`{ allMailboxes(filter: { q: "新兴" }) { code } }`);
    expect(byQ.allMailboxes).toEqual([{ code: 'NH-XX-01' }]);
  });

  it('refuses the lead member as the assisting member (MB1) and a duplicate code', async () => {
    const same = await expectError(
      req(t, CREATE_MAILBOX, { name: '另一信箱', code: 'NH-XX-02', organizationId: jx, leadMemberId: lead, assistMemberId: lead }),
    );
    expect(same.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assistMemberId' });
    const dup = await expectError(req(t, CREATE_MAILBOX, { name: '重复编码', code: 'NH-XX-01', organizationId: jx, leadMemberId: lead }));
    expect(dup.extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const count = await req(t, gql`{ _allMailboxesMeta { count } }`);
    expect(count._allMailboxesMeta.count).toBe(1);
  });

  it('deletes a mailbox nothing depends on', async () => {
    const spare = await req(t, CREATE_MAILBOX, { name: '备用信箱', code: 'NH-XX-09', organizationId: jx, leadMemberId: rotation });
    const del = await req(t, gql`mutation ($id: ID!) { deleteMailbox(id: $id) { id code } }`, { id: spare.createMailbox.id });
    expect(del.deleteMailbox).toEqual({ id: spare.createMailbox.id, code: 'NH-XX-09' });
  });
});

describe('openMailbox (MB2, MB3)', () => {
  it('records an opening by the lead member and sets lastOpenedOn (MB3)', async () => {
    const res = await req(t, OPEN, { mailboxId, openedOn: '2026-03-01', openedByMemberId: lead, letterCount: 3, notes: '收到来信三封' });
    expect(res.openMailbox).toMatchObject({
      mailboxId,
      openedOn: '2026-03-01',
      openedByMemberId: lead,
      openedByMemberName: '王建国',
      isSubstitute: false,
      approvedByMemberId: null,
      letterCount: 3,
      notes: '收到来信三封',
      version: 1,
    });
    expect(await lastOpenedOn()).toBe('2026-03-01');
  });

  it('lets a rotation member open without approval (MB1)', async () => {
    const res = await req(t, OPEN, { mailboxId, openedOn: '2026-03-16', openedByMemberId: rotation, letterCount: 0 });
    expect(res.openMailbox).toMatchObject({ isSubstitute: false, approvedByMemberId: null, letterCount: 0 });
    expect(await lastOpenedOn()).toBe('2026-03-16');
  });

  it('refuses a substitute without the group leader’s approval, writing nothing (MB2)', async () => {
    const before = (await req(t, gql`{ _allMailboxOpeningsMeta { count } }`))._allMailboxOpeningsMeta.count;
    const none = await expectError(req(t, OPEN, { mailboxId, openedOn: '2026-04-01', openedByMemberId: other, letterCount: 1 }));
    expect(none.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'approvedByMemberId' });
    const wrong = await expectError(
      req(t, OPEN, { mailboxId, openedOn: '2026-04-01', openedByMemberId: other, approvedByMemberId: lead, letterCount: 1 }),
    );
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'approvedByMemberId' });
    expect((await req(t, gql`{ _allMailboxOpeningsMeta { count } }`))._allMailboxOpeningsMeta.count).toBe(before);
    expect(await lastOpenedOn()).toBe('2026-03-16');
  });

  it('accepts a substitute approved by the group leader (MB2)', async () => {
    const res = await req(t, OPEN, { mailboxId, openedOn: '2026-04-01', openedByMemberId: other, approvedByMemberId: groupLeader, letterCount: 2 });
    expect(res.openMailbox).toMatchObject({ openedByMemberId: other, isSubstitute: true, approvedByMemberId: groupLeader, letterCount: 2 });
    expect(await lastOpenedOn()).toBe('2026-04-01');
  });

  it('refuses an approval where none is needed (MB2)', async () => {
    const err = await expectError(
      req(t, OPEN, { mailboxId, openedOn: '2026-04-16', openedByMemberId: lead, approvedByMemberId: groupLeader, letterCount: 0 }),
    );
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'approvedByMemberId' });
  });

  it('never moves lastOpenedOn back for an opening recorded late', async () => {
    await req(t, OPEN, { mailboxId, openedOn: '2026-02-15', openedByMemberId: lead, letterCount: 1 });
    expect(await lastOpenedOn()).toBe('2026-04-01');
  });

  it('refuses a negative letter count, an opening before installation or in the future, and an unknown mailbox', async () => {
    const neg = await expectError(req(t, OPEN, { mailboxId, openedOn: '2026-05-01', openedByMemberId: lead, letterCount: -1 }));
    expect(neg.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'letterCount' });
    const early = await expectError(req(t, OPEN, { mailboxId, openedOn: '2025-12-01', openedByMemberId: lead, letterCount: 0 }));
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'openedOn' });
    const future = await expectError(req(t, OPEN, { mailboxId, openedOn: daysFromToday(1), openedByMemberId: lead, letterCount: 0 }));
    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'openedOn' });
    const unknown = await expectError(req(t, OPEN, { mailboxId: '999', openedOn: '2026-05-01', openedByMemberId: lead, letterCount: 0 }));
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'mailboxId' });
  });

  it('refuses an office of another organization, as if the mailbox or the member did not exist, writing nothing (PR3)', async () => {
    const { bodyId: hzBody, organizationId: hz } = await createOffice(t, { bodyName: '湖州市政协', kind: 'CPPCC', orgName: '湖州市政协办公室', code: 'HZ' });
    const huzhou = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: hz });
    const before = (await req(t, gql`{ _allMailboxOpeningsMeta { count } }`))._allMailboxOpeningsMeta.count;
    const mailbox = await expectError(
      huzhou.client.request(OPEN, { mailboxId, openedOn: '2026-05-01', openedByMemberId: lead, letterCount: 0 }),
    );
    expect(mailbox.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'mailboxId' });
    // nor can Jiaxing's office name Huzhou's member as the opener
    const stranger = await createMember({ ...t, client: huzhou.client }, { name: '钱伟', bodyId: hzBody, organizationId: hz });
    const opener = await expectError(req(t, OPEN, { mailboxId, openedOn: '2026-05-01', openedByMemberId: stranger, letterCount: 0 }));
    expect(opener.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'openedByMemberId' });
    expect((await req(t, gql`{ _allMailboxOpeningsMeta { count } }`))._allMailboxOpeningsMeta.count).toBe(before);
    expect(await lastOpenedOn()).toBe('2026-04-01');
  });

  it('updateMailboxOpening changes notes only', async () => {
    const list = await req(t, gql`query ($m: ID) { allMailboxOpenings(filter: { mailboxId: $m, isSubstitute: true }) { id } }`, { m: mailboxId });
    expect(list.allMailboxOpenings).toHaveLength(1);
    const id = list.allMailboxOpenings[0].id;
    const ok = await req(t, gql`mutation ($id: ID!) { updateMailboxOpening(id: $id, notes: "组长电话批准代开") { notes letterCount } }`, { id });
    expect(ok.updateMailboxOpening).toEqual({ notes: '组长电话批准代开', letterCount: 2 });
    const err = await expectError(req(t, gql`mutation ($id: ID!) { updateMailboxOpening(id: $id, letterCount: 9) { id } }`, { id }));
    expect(err.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses to delete a mailbox that has openings', async () => {
    const err = await expectError(req(t, gql`mutation ($id: ID!) { deleteMailbox(id: $id) { id } }`, { id: mailboxId }));
    expect(err.extensions.code).toBe('CONFLICT');
    expect(err.message).toContain('无法删除');
  });
});

describe('mailbox letters (MB3)', () => {
  it('registers a letter found at an opening, and refuses an opening of another mailbox', async () => {
    const openings = await req(t, gql`query ($m: ID) { allMailboxOpenings(filter: { mailboxId: $m }, sortField: "openedOn", sortOrder: "ASC") { id } }`, { m: mailboxId });
    const openingId = openings.allMailboxOpenings[0].id;
    const letter = await registerLetter(t, {
      organizationId: jx,
      channel: 'MAILBOX',
      title: '社区停车难',
      content: '新兴社区夜间停车难',
      mailboxId,
      mailboxOpeningId: openingId,
      memberId: lead,
    });
    expect(letter).toMatchObject({ channel: 'MAILBOX', mailboxId, mailboxOpeningId: openingId, memberId: lead, serialNumber: 'JX-2026-000001' });
    const other = await req(t, CREATE_MAILBOX, { name: '建设街道委员信箱', code: 'NH-JS-01', organizationId: jx, leadMemberId: rotation });
    const err = await expectError(
      registerLetter(t, { organizationId: jx, channel: 'MAILBOX', title: '错配', content: '内容', mailboxId: other.createMailbox.id, mailboxOpeningId: openingId }),
    );
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mailboxOpeningId' });
    const byMailbox = await req(t, gql`query ($m: ID) { allLetters(filter: { mailboxId: $m }) { serialNumber } }`, { m: mailboxId });
    expect(byMailbox.allLetters).toEqual([{ serialNumber: 'JX-2026-000001' }]);
  });
});

describe('an opening with the letters found registered in one go (MB3, MB4)', () => {
  const OPEN_WITH_LETTERS = gql`
    mutation ($m: ID!, $on: LocalDate!, $by: ID!, $n: Int!, $letters: [MailboxLetterInput!]) {
      openMailbox(mailboxId: $m, openedOn: $on, openedByMemberId: $by, letterCount: $n, letters: $letters) { id letterCount }
    }
  `;
  const FOUND = [
    { title: '楼道灯不亮', content: '新兴社区 3 幢楼道灯坏了两周', writerName: '周红', writerPhone: '13712345678', writerAddress: '新兴社区3幢201室' },
    { title: '垃圾分类点异味', content: '小区垃圾分类点夏天异味大', isAnonymous: true },
  ];

  it('opens the mailbox and registers each letter found as a mailbox letter of the opener, received that day (MB3, MB4)', async () => {
    const res = await req(t, OPEN_WITH_LETTERS, { m: mailboxId, on: '2026-05-01', by: lead, n: 2, letters: FOUND });
    const openingId = res.openMailbox.id;
    expect(res.openMailbox).toEqual({ id: openingId, letterCount: 2 });
    const letters = await req(
      t,
      gql`query ($o: ID) { allLetters(filter: { mailboxOpeningId: $o }, sortField: "id", sortOrder: "ASC") { serialNumber channel status title memberId organizationId community receivedOn writerName writerPhoneMasked isAnonymous } }`,
      { o: openingId },
    );
    expect(letters.allLetters).toEqual([
      { serialNumber: 'JX-2026-000002', channel: 'MAILBOX', status: 'REGISTERED', title: '楼道灯不亮', memberId: lead, organizationId: jx, community: '新兴社区', receivedOn: '2026-05-01', writerName: '周红', writerPhoneMasked: '137****5678', isAnonymous: false },
      { serialNumber: 'JX-2026-000003', channel: 'MAILBOX', status: 'REGISTERED', title: '垃圾分类点异味', memberId: lead, organizationId: jx, community: '新兴社区', receivedOn: '2026-05-01', writerName: null, writerPhoneMasked: null, isAnonymous: true },
    ]);
    expect(await lastOpenedOn()).toBe('2026-05-01');
  });

  it('refuses the opening when a letter is refused or the count differs, naming the letter, and writes nothing (MB3)', async () => {
    const before = (await req(t, gql`{ _allMailboxOpeningsMeta { count } }`))._allMailboxOpeningsMeta.count;
    const bad = await expectError(req(t, OPEN_WITH_LETTERS, { m: mailboxId, on: '2026-05-16', by: lead, n: 2, letters: [FOUND[1], { title: '', content: '没有标题' }] }));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'letters.1.title' });
    const phone = await expectError(req(t, OPEN_WITH_LETTERS, { m: mailboxId, on: '2026-05-16', by: lead, n: 1, letters: [{ ...FOUND[0], writerPhone: '12345' }] }));
    expect(phone.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'letters.0.writerPhone' });
    const count = await expectError(req(t, OPEN_WITH_LETTERS, { m: mailboxId, on: '2026-05-16', by: lead, n: 3, letters: FOUND }));
    expect(count.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'letterCount' });
    expect(count.message).toBe('letterCount：收到信件 3 封，登记了 2 封：每封来信都须登记（MB3）');
    expect((await req(t, gql`{ _allMailboxOpeningsMeta { count } }`))._allMailboxOpeningsMeta.count).toBe(before);
    expect((await req(t, gql`query ($m: ID) { _allLettersMeta(filter: { mailboxId: $m }) { count } }`, { m: mailboxId }))._allLettersMeta.count).toBe(3);
    expect(await lastOpenedOn()).toBe('2026-05-01');
  });
});
