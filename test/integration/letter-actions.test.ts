import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type GraphQLClient } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { act, actorFor, defaultArgs, NAMES, newLetter, PATHS, VERBS, walk, type Flow, rolesOf, type WorkflowWorld, setUpWorkflowWorld } from '../support/workflow-fixtures.js';
import { isStepAction, TRANSITIONS } from '../../server/src/casework/letter/letter.workflow.js';
import { Role } from '../../server/src/platform/account/role.js';

/**
 * `myActions` agrees with the verbs (issue 9): for every row of the table and every account of the
 * flow's offices, a step the account is offered never fails with FORBIDDEN, NOT_FOUND or
 * TRANSITION_NOT_ALLOWED when taken, and a step it is not offered fails; `actionableByMe` selects
 * exactly the letters where `myActions` offers something.
 */
let t: TestApp;
let w: WorkflowWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await setUpWorkflowWorld(t);
});
afterAll(async () => {
  await t.close();
});


interface Account {
  name: string;
  client: () => GraphQLClient;
}
/** Every account that works on a flow's letters in the test world. */
const ACCOUNTS: Record<Flow, Account[]> = {
  OFFICE: [
    { name: NAMES.jxOffice, client: () => w.jx.office },
    { name: NAMES.chair, client: () => w.jx.chair },
    { name: NAMES.secretaryGeneral, client: () => w.jx.secretaryGeneral },
    { name: NAMES.officeLeader, client: () => w.jx.officeLeader },
    { name: NAMES.housingHandler, client: () => w.jx.housingHandler },
    { name: NAMES.transportHandler, client: () => w.jx.transportHandler },
    { name: NAMES.member, client: () => w.jx.member },
    { name: NAMES.groupStaff, client: () => w.jx.groupStaff },
  ],
  MAILBOX: [],
  RECEPTION: [
    { name: NAMES.blOffice, client: () => w.bl.office },
    { name: NAMES.director, client: () => w.bl.director },
    { name: NAMES.station, client: () => w.bl.station },
    { name: NAMES.districtHandler, client: () => w.bl.districtHandler },
  ],
};
ACCOUNTS.MAILBOX = ACCOUNTS.OFFICE;

const MINE = gql`query ($id: ID!) { Letter(id: $id) { myActions { action label primary } } }`;
const ACTIONABLE = gql`query ($id: ID!) { _allLettersMeta(filter: { ids: [$id], actionableByMe: true }) { count } }`;

/** What an account is offered on a letter (an account that cannot read it is offered nothing). */
async function offered(client: GraphQLClient, id: string, primaryOnly = false): Promise<string[]> {
  try {
    return (await client.request<any>(MINE, { id })).Letter.myActions.filter((a: any) => a.primary || !primaryOnly).map((a: any) => a.action);
  } catch (e) {
    const err = await expectError(Promise.reject(e));
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(err.extensions.code);
    return [];
  }
}
async function actionable(client: GraphQLClient, id: string): Promise<number> {
  try {
    return (await client.request<any>(ACTIONABLE, { id }))._allLettersMeta.count;
  } catch (e) {
    const err = await expectError(Promise.reject(e));
    expect(err.extensions.code).toBe('FORBIDDEN');
    return 0;
  }
}

const variantOf = (from: string, action: string) =>
  action === 'replyToLetter' && from === 'REVIEWING' ? 'replyToLetter:review' : action === 'replyToLetter' && from === 'RE_REVIEWING' ? 'replyToLetter:reReview' : action;

/** A letter of the row's flow in the row's status, with what the row's step needs. */
async function letterFor(row: (typeof TRANSITIONS)[number]): Promise<any> {
  const flow = row.flow as Flow;
  const steps = row.action === 'confirmInvestigation' ? [...PATHS[flow][row.from!].slice(0, -1), 'recordInvestigation:pending'] : PATHS[flow][row.from!];
  let letter = await walk(w, flow, await newLetter(w, flow), steps, rolesOf);
  if (row.action === 'reportToHigherOffice' || row.action === 'approveHigherOfficeReport') {
    letter = await act(w.jx.office, 'setLetterHigherOfficeDeadline', letter.id, defaultArgs(w, flow, 'setLetterHigherOfficeDeadline'));
    if (row.action === 'reportToHigherOffice') letter = await act(w.jx.chair, 'approveHigherOfficeReport', letter.id, defaultArgs(w, flow, 'approveHigherOfficeReport'));
  }
  return letter;
}

/** Takes the row's step on the letter as `client`. */
async function take(client: GraphQLClient, row: (typeof TRANSITIONS)[number], letter: any): Promise<unknown> {
  const flow = row.flow as Flow;
  if (row.action === 'mergeLetters') {
    const main = await newLetter(w, flow, { title: '同一事项的主件' });
    return client.request(VERBS.mergeLetters, { mainLetterId: main.id, letterIds: [letter.id] });
  }
  return act(client, row.action, letter.id, { ...defaultArgs(w, flow, variantOf(row.from!, row.action)), version: letter.version });
}

const STEP_ROWS = TRANSITIONS.filter((r) => r.from !== null && isStepAction(r.action));
const title = (r: (typeof TRANSITIONS)[number]) => `${r.flow}: ${r.from} --${r.action}--> ${r.to} (${r.rule})`;
const REFUSED_BY_ACCESS = ['FORBIDDEN', 'NOT_FOUND', 'TRANSITION_NOT_ALLOWED'];

describe.concurrent('myActions agrees with the verbs for every row and every account (PV2, MB4, ST4, PR3, PV5)', () => {
  it.each(STEP_ROWS.map((r) => [title(r), r] as const))('%s', async (_title, row) => {
    const flow = row.flow as Flow;
    const letter = await letterFor(row);
    const accounts = ACCOUNTS[flow];
    const offers = await Promise.all(accounts.map(async (a) => (await offered(a.client(), letter.id)).includes(row.action)));
    const selected = await Promise.all(accounts.map((a) => actionable(a.client(), letter.id)));
    // the SQL of actionableByMe agrees with myActions in memory: a primary step offered
    for (const [i, a] of accounts.entries()) {
      const work = (await offered(a.client(), letter.id, true)).length > 0;
      expect([a.name, selected[i]]).toEqual([a.name, work ? 1 : 0]);
    }
    // the account the every-row walk takes the step with is offered it
    const taker = actorFor(w, flow, row.action === 'handOverLetter' && row.roles.includes(Role.OFFICE_STAFF) && flow !== 'RECEPTION' ? [Role.OFFICE_STAFF] : row.roles);
    expect(accounts.filter((_a, i) => offers[i]).map((a) => a.name)).toContain(taker.name);
    // not offered: refused, and nothing changes
    for (const [i, a] of accounts.entries()) {
      if (offers[i]) continue;
      const e = await expectError(take(a.client(), row, letter));
      expect([a.name, typeof e.extensions.code]).toEqual([a.name, 'string']);
    }
    // offered: taken without a refusal of access or of the table, each on a letter of its own
    let fresh = letter;
    for (const [i, a] of accounts.entries()) {
      if (!offers[i]) continue;
      const outcome = await take(a.client(), row, fresh).then(
        () => 'taken',
        async (e) => (await expectError(Promise.reject(e))).extensions.code as string,
      );
      expect([a.name, REFUSED_BY_ACCESS.includes(outcome)]).toEqual([a.name, false]);
      fresh = await letterFor(row);
    }
  });
});

describe('myActions', () => {
  it('names each step in Chinese and offers a department handler only the letters its department leads (PV7, PR2)', async () => {
    const forwarded = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE'), PATHS.OFFICE.FORWARDED, rolesOf);
    const lead = (await w.jx.housingHandler.request<any>(MINE, { id: forwarded.id })).Letter.myActions;
    expect(lead).toEqual([
      { action: 'recordHandlingResult', label: '登记办理结果', primary: true },
      { action: 'recordInvestigation', label: '登记调查核实情况', primary: true },
    ]);
    const office = (await w.jx.office.request<any>(MINE, { id: forwarded.id })).Letter.myActions.map((a: any) => a.label);
    expect(office).toEqual(['登记办理结果', '登记调查核实情况', '作废', '登记上级机关时限', '移交']);
    const leader = (await w.jx.chair.request<any>(MINE, { id: forwarded.id })).Letter.myActions.map((a: any) => a.action);
    expect(leader).toEqual(['extendDeadline']);
  });

  it('costs the same SQL statements for a page of 5 letters as for 40 (no N+1)', async () => {
    for (let i = 0; i < 40; i++) await newLetter(w, 'OFFICE', { title: `批量来信 ${i}` });
    const page = (n: number) =>
      t.countQueries(() => w.jx.office.request(gql`query ($n: Int) { allLetters(perPage: $n, sortField: "id", sortOrder: "DESC") { id myActions { action } } }`, { n }));
    const five = await page(5);
    const forty = await page(40);
    expect(forty.count).toBe(five.count);
  });

  it('lists the letters where I have a step to take, paged and counted (actionableByMe)', async () => {
    const mine = gql`query { allLetters(perPage: 500, filter: { actionableByMe: true }) { id myActions { action primary } } _allLettersMeta(filter: { actionableByMe: true }) { count } }`;
    const handler = await w.jx.transportHandler.request<any>(mine);
    // the transport bureau leads nothing in this world: nothing to do
    expect([handler.allLetters, handler._allLettersMeta.count]).toEqual([[], 0]);
    // the chair's work: the letters awaiting a leader's 批示, signature or approval — not every letter
    // it could extend (a side step)
    const leader = await w.jx.chair.request<any>(mine);
    expect(leader._allLettersMeta.count).toBe(leader.allLetters.length);
    expect(leader.allLetters.every((l: any) => l.myActions.some((a: any) => a.primary))).toBe(true);
    const proposed = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE'), PATHS.OFFICE.PROPOSED, rolesOf);
    const accepted = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE'), PATHS.OFFICE.ACCEPTED, rolesOf);
    const chairs = (await w.jx.chair.request<any>(gql`query ($ids: [ID!]) { allLetters(filter: { ids: $ids, actionableByMe: true }) { id } }`, { ids: [proposed.id, accepted.id] })).allLetters;
    expect(chairs).toEqual([{ id: proposed.id }]);
  });
});
