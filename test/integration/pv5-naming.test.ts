import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/sessions.js';
import { newLetter, PATHS, rolesOf, walk, type WorkflowWorld, setUpWorkflowWorld } from '../support/workflow-fixtures.js';

/**
 * Issue 12, item 3: PV5 is only as good as data entry. A letter whose text names a unit that is not
 * listed as involved is forwarded to that unit only with a reason, recorded on the step's event; and
 * a unit that handles the letter can never be marked involved afterwards.
 */
let t: TestApp;
let w: WorkflowWorld;
let minzheng: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await setUpWorkflowWorld(t);
  minzheng = (
    await w.jx.office.request<any>(gql`mutation ($o: ID!) { createDepartment(name: "苍南县民政局", code: "CN-MZJ", organizationId: $o, level: COUNTY) { id } }`, {
      o: w.jx.organizationId,
    })
  ).createDepartment.id;
  await signIn(t, { roles: ['DEPARTMENT_HANDLER'], organizationId: w.jx.organizationId, departmentId: minzheng, displayName: '林晓' });
});
afterAll(async () => {
  await t.close();
});

const FORWARD = gql`
  mutation ($id: ID!, $lead: ID!, $co: [ID!], $coordinator: ID, $confirm: String) {
    forwardLetter(id: $id, leadDepartmentId: $lead, coHandlerDepartmentIds: $co, coordinatorLeaderId: $coordinator, forwardedOn: "2026-03-07", confirmNamedDepartment: $confirm) {
      status leadDepartmentId coHandlerDepartmentIds
    }
  }
`;
const STATE = gql`query ($id: ID!) { Letter(id: $id) { status leadDepartmentId involvedDepartmentIds version } }`;
const LAST_EVENT = gql`query ($id: ID) { allLetterEvents(filter: { letterId: $id }, sortField: "id", sortOrder: "DESC", perPage: 1) { action note } }`;

async function decidedLetter(text: { title: string; content: string; involvedPersons?: string }) {
  const l = await newLetter(w, 'OFFICE', { title: text.title, content: text.content });
  const { updateLetter } = await w.jx.office.request<any>(gql`mutation ($id: ID!, $p: String) { updateLetter(id: $id, involvedPersons: $p) { version } }`, {
    id: l.id,
    p: text.involvedPersons ?? null,
  });
  return walk(w, 'OFFICE', { ...l, version: updateLetter.version }, PATHS.OFFICE.DECIDED, rolesOf);
}

const noticesOf = async (letterId: string) =>
  (await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from notification where letter_id = ? and kind = 'FORWARDED'`, [Number(letterId)]))[0].n;

describe('PV5 only as good as data entry: a unit the letter names is forwarded to only with a recorded reason', () => {
  it('refuses to forward a complaint naming 苍南县民政局 (full and short names) to it without a reason, naming the unit; nothing is written (PV5)', async () => {
    const letter = await decidedLetter({ title: '县民政局低保审核不公', content: '苍南县民政局对我家低保申请一拖再拖', involvedPersons: '民政局工作人员' });
    const e = await expectError(w.jx.office.request(FORWARD, { id: letter.id, lead: minzheng }));
    expect(e.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'confirmNamedDepartment',
      rule: 'PV5',
      reason: 'NAMED_DEPARTMENT',
      departmentIds: [minzheng],
      departmentNames: ['苍南县民政局'],
    });
    // the short names (县民政局, 民政局) lie inside the full name the text also has: the longest is shown
    expect(e.message).toBe('confirmNamedDepartment：来信内容提到苍南县民政局（来信中写有“苍南县民政局”），但未列为涉及单位；确需转其办理的，请填写理由（PV5）');
    // as a co-handler too; a blank reason is no reason
    const co = await expectError(
      w.jx.office.request(FORWARD, { id: letter.id, lead: w.jx.departments.housing, co: [minzheng], coordinator: w.jx.deputySecretaryGeneralId, confirm: '  ' }),
    );
    expect([co.extensions.field, co.extensions.departmentNames]).toEqual(['confirmNamedDepartment', ['苍南县民政局']]);
    expect((await w.jx.office.request<any>(STATE, { id: letter.id })).Letter).toMatchObject({ status: 'DECIDED', leadDepartmentId: null });
    expect(await noticesOf(letter.id)).toBe(0);
  });

  it('forwards with the reason and records it on the letter’s event (PV5, PV2)', async () => {
    const letter = await decidedLetter({ title: '民政局低保政策咨询', content: '想了解低保申请条件' });
    const res = await w.jx.office.request<any>(FORWARD, { id: letter.id, lead: minzheng, confirm: '来信咨询低保政策，并非反映民政局' });
    expect(res.forwardLetter).toEqual({ status: 'FORWARDED', leadDepartmentId: minzheng, coHandlerDepartmentIds: [] });
    const { allLetterEvents } = await w.jx.office.request<any>(LAST_EVENT, { id: letter.id });
    expect(allLetterEvents).toEqual([{ action: 'forwardLetter', note: '转苍南县民政局主办；来信提到苍南县民政局，确认转其办理：来信咨询低保政策，并非反映民政局' }]);
  });

  it('knows a unit by the names of its accounts, and asks nothing when the text names none of the chosen units (PV5)', async () => {
    const byPerson = await decidedLetter({ title: '低保审核', content: '经办人推诿', involvedPersons: '林晓' });
    const e = await expectError(w.jx.office.request(FORWARD, { id: byPerson.id, lead: minzheng }));
    expect([e.extensions.field, e.extensions.departmentNames]).toEqual(['confirmNamedDepartment', ['苍南县民政局']]);
    expect(e.message).toContain('来信中写有“林晓”');
    // the same letter to a unit it does not name goes without a reason
    const res = await w.jx.office.request<any>(FORWARD, { id: byPerson.id, lead: w.jx.departments.housing });
    expect(res.forwardLetter.status).toBe('FORWARDED');
  });
});

describe('PV5: the lead department or a co-handler can never be marked involved afterwards', () => {
  it('refuses updateLetter marking the lead or a co-handling unit as involved, naming the field and the unit; nothing is written; another unit can be marked', async () => {
    const letter = await decidedLetter({ title: '道路积水', content: '新兴路雨后积水' });
    await w.jx.office.request(FORWARD, { id: letter.id, lead: w.jx.departments.housing, co: [w.jx.departments.transport], coordinator: w.jx.deputySecretaryGeneralId });
    const before = (await w.jx.office.request<any>(STATE, { id: letter.id })).Letter;
    const mark = (ids: string[]) => w.jx.office.request<any>(gql`mutation ($id: ID!, $ids: [ID!]) { updateLetter(id: $id, involvedDepartmentIds: $ids) { involvedDepartmentIds } }`, { id: letter.id, ids });

    const lead = await expectError(mark([w.jx.departments.housing]));
    expect([lead.extensions.code, lead.extensions.field, lead.extensions.rule, lead.extensions.departmentIds]).toEqual(['BAD_USER_INPUT', 'involvedDepartmentIds', 'PV5', [w.jx.departments.housing]]);
    expect(lead.message).toBe('involvedDepartmentIds：嘉兴市住房和城乡建设局（主办单位）正在办理本来信，不能再列为涉及（被反映）的单位；如来信反映该单位，请先改转其他单位办理（PV5）');
    const co = await expectError(mark([w.jx.departments.water, w.jx.departments.transport]));
    expect([co.extensions.field, co.message]).toEqual([
      'involvedDepartmentIds',
      'involvedDepartmentIds：嘉兴市交通运输局（协办单位）正在办理本来信，不能再列为涉及（被反映）的单位；如来信反映该单位，请先改转其他单位办理（PV5）',
    ]);
    expect((await w.jx.office.request<any>(STATE, { id: letter.id })).Letter).toEqual(before);

    expect((await mark([w.jx.departments.water])).updateLetter.involvedDepartmentIds).toEqual([w.jx.departments.water]);
    // the handling unit still has the letter in hand
    const seen = await w.jx.housingHandler.request<any>(gql`query ($id: ID!) { Letter(id: $id) { id } }`, { id: letter.id });
    expect(seen.Letter.id).toBe(letter.id);
  });
});
