import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type GraphQLClient } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { act, newLetter, PATHS, walk, rolesOf, type WorkflowWorld, setUpWorkflowWorld } from '../support/workflow-fixtures.js';

/**
 * The notify phase of a step (issue 9): who hears of a letter's change, written with the step, and
 * never a unit or person the letter names as involved (PV5).
 */
let t: TestApp;
let w: WorkflowWorld;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  w = await setUpWorkflowWorld(t);
  const idOf = async (c: GraphQLClient) => (await c.request<any>(gql`{ me { id } }`)).me.id as string;
  for (const [k, c] of Object.entries({ office: w.jx.office, chair: w.jx.chair, sg: w.jx.secretaryGeneral, officeLeader: w.jx.officeLeader, housing: w.jx.housingHandler, transport: w.jx.transportHandler })) {
    ids[k] = await idOf(c);
  }
});
afterAll(async () => {
  await t.close();
});


/** The notifications about a letter, as the installation holds them: kind, recipient account, title. */
async function noticesOf(letterId: string): Promise<Array<[string, string, string]>> {
  const rows = await t.orm.em
    .fork()
    .getConnection()
    .execute<Array<{ kind: string; recipient: number; title: string }>>(
      `select kind, recipient_account_id as recipient, title from notification where letter_id = ? order by id`,
      [Number(letterId)],
    );
  return rows.map((r) => [r.kind, String(r.recipient), r.title]);
}

const forward = (letterId: string, co: string[] = []) =>
  act(w.jx.office, 'forwardLetter', letterId, {
    leadDepartmentId: w.jx.departments.housing,
    coHandlerDepartmentIds: co,
    coordinatorLeaderId: co.length ? w.jx.deputySecretaryGeneralId : null,
    forwardedOn: '2026-03-07',
  });

describe('the notify phase (PV5, PV6, PV7)', () => {
  it('tells the lead and co-handling departments that a letter was forwarded to them, and no other unit (PV7)', async () => {
    const letter = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE', { title: '路灯不亮' }), PATHS.OFFICE.DECIDED, rolesOf);
    await forward(letter.id, [w.jx.departments.transport]);
    expect(await noticesOf(letter.id)).toEqual([
      ['FORWARDED', ids.housing, `【转办】${letter.serialNumber} 路灯不亮`],
      ['FORWARDED', ids.transport, `【转办】${letter.serialNumber} 路灯不亮`],
    ]);
    const inbox = await w.jx.housingHandler.request<any>(gql`{ allNotifications(filter: { kind: FORWARDED }) { title body letterId recipientAccountId } }`);
    expect(inbox.allNotifications).toEqual([
      {
        title: `【转办】${letter.serialNumber} 路灯不亮`,
        body: '转办：转嘉兴市住房和城乡建设局主办，嘉兴市交通运输局协办，赵刚协调',
        letterId: letter.id,
        recipientAccountId: ids.housing,
      },
    ]);
  });

  it('writes nothing when the step is refused: a forward to an involved unit tells no one, and the picker never offers it (PV5)', async () => {
    const letter = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE', { involvedDepartmentIds: [w.jx.departments.housing] }), PATHS.OFFICE.DECIDED, rolesOf);
    const offered = await w.jx.office.request<any>(gql`query ($id: ID) { allDepartments(filter: { notInvolvedInLetterId: $id }, sortField: "id") { id } }`, { id: letter.id });
    expect(offered.allDepartments.map((d: any) => d.id)).toEqual([w.jx.departments.transport, w.jx.departments.water]);
    const e = await expectError(forward(letter.id));
    expect([e.extensions.code, e.extensions.rule]).toEqual(['BAD_USER_INPUT', 'PV5']);
    expect(await noticesOf(letter.id)).toEqual([]);
  });

  it('tells the leaders in charge the moment a letter is flagged urgent, except a leader it names as involved (PV6, PV5)', async () => {
    const urgent = await newLetter(w, 'OFFICE', { title: '燃气泄漏', urgency: 'URGENT' });
    // every leader account of the registering office (the deputy secretary-general also works in the office)
    expect(await noticesOf(urgent.id)).toEqual([
      ['URGENT_LETTER', ids.officeLeader, `【紧急来信】${urgent.serialNumber} 燃气泄漏`],
      ['URGENT_LETTER', ids.chair, `【紧急来信】${urgent.serialNumber} 燃气泄漏`],
      ['URGENT_LETTER', ids.sg, `【紧急来信】${urgent.serialNumber} 燃气泄漏`],
    ]);
    // flagged later through the register's form; the letter complains about the secretary-general
    const later = await newLetter(w, 'OFFICE', { title: '办事推诿' });
    await w.jx.office.request(gql`mutation ($id: ID!) { updateLetter(id: $id, involvedPersons: "李明") { id } }`, { id: later.id });
    expect(await noticesOf(later.id)).toEqual([]);
    await w.jx.office.request(gql`mutation ($id: ID!) { updateLetter(id: $id, urgency: URGENT) { id } }`, { id: later.id });
    expect(await noticesOf(later.id)).toEqual([
      ['URGENT_LETTER', ids.officeLeader, `【紧急来信】${later.serialNumber} 办事推诿`],
      ['URGENT_LETTER', ids.chair, `【紧急来信】${later.serialNumber} 办事推诿`],
    ]);
    // the involved leader sees neither the letter nor a notice about it
    const sg = await w.jx.secretaryGeneral.request<any>(gql`query ($id: ID) { allNotifications(filter: { letterId: $id }) { id } }`, { id: later.id });
    expect(sg.allNotifications).toEqual([]);
    // an edit that leaves it urgent tells no one again
    await w.jx.office.request(gql`mutation ($id: ID!) { updateLetter(id: $id, title: "办事推诿（更正）") { id } }`, { id: later.id });
    expect((await noticesOf(later.id)).length).toBe(2);
  });

  it('tells the office when the lead department reports its result, except an office account named as involved (PV5)', async () => {
    const letter = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE', { title: '违规收费' }), PATHS.OFFICE.DECIDED, rolesOf);
    await w.jx.office.request(gql`mutation ($id: ID!) { updateLetter(id: $id, involvedPersons: "赵刚") { id } }`, { id: letter.id });
    await forward(letter.id);
    await act(w.jx.housingHandler, 'recordHandlingResult', letter.id, { result: '已退还', handledOn: '2026-03-20' });
    expect((await noticesOf(letter.id)).filter(([kind]) => kind === 'RESULT_REPORTED')).toEqual([
      ['RESULT_REPORTED', ids.office, `【办理结果】${letter.serialNumber} 违规收费`],
    ]);
  });

  it('offers for a hand-over the accounts handOverLetter takes: active office staff of the units, the owner aside, no department or leader-only account (PV4)', async () => {
    const letter = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE', { title: '移交候选' }), PATHS.OFFICE.ACCEPTED, rolesOf);
    const q = gql`query ($id: ID!) { handOverCandidates(id: $id) { id displayName organizationName } }`;
    const { handOverCandidates: offered } = await w.jx.office.request<any>(q, { id: letter.id });
    const [{ owner }] = await t.orm.em.fork().getConnection().execute(`select owner_account_id::text as owner from letter where id = ?`, [Number(letter.id)]);
    const expected = await t.orm.em
      .fork()
      .getConnection()
      .execute(`select id::text as id from account where is_active and organization_id = (select organization_id from letter where id = ?) and 'OFFICE_STAFF' = any(roles) and id <> ? order by display_name, id`, [Number(letter.id), Number(owner)]);
    expect(offered.map((a: any) => a.id)).toEqual(expected.map((a: any) => a.id));
    expect(offered.map((a: any) => a.id)).toContain(ids.officeLeader);
    for (const never of [owner, ids.chair, ids.sg, ids.housing, ids.transport]) expect(offered.map((a: any) => a.id)).not.toContain(never);
    expect(offered.find((a: any) => a.id === ids.officeLeader)).toEqual({ id: ids.officeLeader, displayName: '赵刚', organizationName: '嘉兴市政协办公室' });
    // each one is taken by the hand-over itself
    const handed = await act(w.jx.office, 'handOverLetter', letter.id, { toAccountId: offered[0].id, reason: '工作调整' });
    expect(handed.ownerAccountId).toBe(offered[0].id);
    // a department may not hand over, nor list whom to
    const refused = await expectError(w.jx.housingHandler.request(q, { id: letter.id }));
    expect(refused.extensions.code).toBe('FORBIDDEN');
  });

  it('tells the owner when a letter comes back, and the new owner when it is handed over (SV2, PV4)', async () => {
    const letter = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE', { title: '噪音扰民' }), PATHS.OFFICE.ACCEPTED, rolesOf);
    const handed = await act(w.jx.office, 'handOverLetter', letter.id, { toAccountId: ids.officeLeader, reason: '工作调整' });
    expect([handed.ownerAccountId, handed.ownerName]).toEqual([ids.officeLeader, '赵刚']);
    expect(await noticesOf(letter.id)).toEqual([['ASSIGNED', ids.officeLeader, `【移交给您】${letter.serialNumber} 噪音扰民`]]);

    const accepted = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE', { title: '噪音扰民' }), PATHS.OFFICE.ACCEPTED, rolesOf);
    const handedOver = await act(w.jx.office, 'handOverLetter', accepted.id, { toAccountId: ids.officeLeader, reason: '工作调整' });
    const replied = await walk(w, 'OFFICE', handedOver, PATHS.OFFICE.REPLIED.slice(1), rolesOf);
    await act(w.jx.office, 'reopenLetter', replied.id, { reason: '来信人不满意' });
    const backAndOver = (await noticesOf(replied.id)).filter(([kind]) => kind === 'ASSIGNED' || kind === 'RETURNED');
    expect(backAndOver.map(([kind, to]) => [kind, to])).toEqual([
      ['ASSIGNED', ids.officeLeader],
      ['RETURNED', ids.officeLeader],
    ]);
  });

  it('gives each account an inbox of what is addressed to it, unread first counted, marked read once opened', async () => {
    const letter = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE', { title: '占道经营' }), PATHS.OFFICE.DECIDED, rolesOf);
    await forward(letter.id);
    const INBOX = gql`query { allNotifications(filter: { forMe: true, unread: true }, sortField: "id", sortOrder: "DESC") { id title } _allNotificationsMeta(filter: { forMe: true, unread: true }) { count } }`;
    const before = await w.jx.housingHandler.request<any>(INBOX);
    expect(before.allNotifications[0].title).toBe(`【转办】${letter.serialNumber} 占道经营`);
    // the office reads every notice of its units, but its inbox holds only its own
    const office = await w.jx.office.request<any>(gql`query ($id: ID) { allNotifications(filter: { forMe: true, letterId: $id }) { id } }`, { id: letter.id });
    expect(office.allNotifications).toEqual([]);
    await w.jx.housingHandler.request(gql`mutation ($id: ID!) { markNotificationRead(id: $id) { readAt } }`, { id: before.allNotifications[0].id });
    const after = await w.jx.housingHandler.request<any>(INBOX);
    expect(after._allNotificationsMeta.count).toBe(before._allNotificationsMeta.count - 1);
  });

  it('tells nobody named as involved that a letter came back to them, even its owner (PV5)', async () => {
    const accepted = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE', { title: '态度恶劣' }), PATHS.OFFICE.ACCEPTED, rolesOf);
    const handedOver = await act(w.jx.office, 'handOverLetter', accepted.id, { toAccountId: ids.officeLeader, reason: '工作调整' });
    const letter = await walk(w, 'OFFICE', handedOver, PATHS.OFFICE.REPLIED.slice(1), rolesOf);
    await w.jx.office.request(gql`mutation ($id: ID!) { updateLetter(id: $id, involvedPersons: "赵刚") { id } }`, { id: letter.id });
    await act(w.jx.office, 'reopenLetter', letter.id, { reason: '来信人不满意' });
    // handed over before it named him; nothing once it did
    const toOwner = (await noticesOf(letter.id)).filter(([, to]) => to === ids.officeLeader);
    expect(toOwner.map(([kind]) => kind)).toEqual(['ASSIGNED', 'RESULT_REPORTED']);
  });
});
