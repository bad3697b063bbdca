import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { gql, type GraphQLClient } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/sessions.js';
import { act, newLetter, PATHS, rolesOf, walk, NAMES, type WorkflowWorld, setUpWorkflowWorld } from '../support/workflow-fixtures.js';
import { sendDeadlineReminders } from '../../server/src/casework/letter/letter.reminders.js';

/**
 * Issue 12, item 1: PV5 on every path a letter can show through. A complaint about the
 * secretary-general (李明) is handled to the end — forwarded, rated, reminded of, audited — and then
 * every resource and query that can mention a letter is walked as 李明 and as the unit a second
 * complaint names: none of them shows the letter. The same walk as a leader the letter does not name
 * finds it (the walk is not empty by construction). The audit log is read by the auditor only, who
 * holds no casework role nor link (三员分立), so no letter can name it: the named leader is refused.
 */
let t: TestApp;
let w: WorkflowWorld;
let complaint: any;
let aboutHousing: any;
let noticeId: string;
let eventId: string;
let surveyId: string;
const tokens: Record<string, string> = {};
const clients: Record<string, GraphQLClient> = {};

const q = (c: GraphQLClient, doc: string, vars: Record<string, unknown> = {}) => c.request<any>(doc, vars);

// a fixed "today" long after the letters' deadlines, so every open step is overdue
const TODAY = '2026-09-01';

beforeAll(async () => {
  t = await startTestApp();
  w = await setUpWorkflowWorld(t);
  const o = w.jx.organizationId;
  for (const [key, spec] of Object.entries({
    sg: { roles: ['LEADER'], leaderId: w.jx.secretaryGeneralId, displayName: NAMES.secretaryGeneral },
    chair: { roles: ['LEADER'], leaderId: w.jx.chairId, displayName: NAMES.chair },
    auditor: { roles: ['AUDIT_ADMIN'], displayName: '审计员' },
    transport: { roles: ['DEPARTMENT_HANDLER'], departmentId: w.jx.departments.transport, displayName: '孙莉' },
  })) {
    const s = await signIn(t, { organizationId: o, ...(spec as any) });
    tokens[key] = s.token;
    clients[key] = s.client;
  }
  // three letters of one community about the same matter (000 第四条); the first complains about 李明
  const letters = [];
  for (let i = 0; i < 3; i++) {
    const l = await newLetter(w, 'OFFICE', { title: '办事推诿拖延', content: '幸福小区加装电梯审批办事推诿拖延' });
    const { updateLetter } = await q(w.jx.office, gql`mutation ($id: ID!, $p: String) { updateLetter(id: $id, community: "幸福社区", involvedPersons: $p) { version } }`, {
      id: l.id,
      p: i === 0 ? '李明' : null,
    });
    letters.push({ ...l, version: updateLetter.version });
  }
  complaint = await walk(w, 'OFFICE', letters[0], PATHS.OFFICE.REPLIED, rolesOf);
  await w.jx.office.request(gql`mutation ($id: ID!) { rateLetter(letterId: $id, rating: SATISFIED, source: STAFF, method: PHONE) { id } }`, { id: complaint.id });
  // a complaint about the transport bureau, forwarded to housing: the open steps are reminded of
  aboutHousing = await walk(w, 'OFFICE', await newLetter(w, 'OFFICE', { title: '公交线路调整', involvedDepartmentIds: [w.jx.departments.transport] }), PATHS.OFFICE.ACCEPTED, rolesOf);
  await walk(w, 'OFFICE', await newLetter(w, 'OFFICE', { title: '未完成的另一封' }), PATHS.OFFICE.ACCEPTED, rolesOf);
  // an open complaint about 李明, so that the reminders and deadline lists have something to say
  const open = await newLetter(w, 'OFFICE', { title: '李明办事推诿', urgency: 'URGENT' });
  await w.jx.office.request(gql`mutation ($id: ID!) { updateLetter(id: $id, involvedPersons: "李明副秘书长") { id } }`, { id: open.id });
  complaint.open = open;
  await sendDeadlineReminders(t.orm.em.fork(), TODAY);
  const db = t.orm.em.fork().getConnection();
  // a notice written before the rule reached the reminders (every path must hide it, whoever wrote it)
  const [n] = await db.execute(
    `insert into notification (title, kind, letter_id, organization_id, recipient_name, recipient_account_id, version, created_at, updated_at)
     select '【已超期】' || serial_number || ' 办理', 'DEADLINE_PASSED', id, organization_id, '李明', (select id from account where leader_id = ? order by id limit 1), 1, now(), now()
       from letter where id = ? returning id`,
    [Number(w.jx.secretaryGeneralId), Number(complaint.id)],
  );
  noticeId = String(n.id);
  eventId = String((await db.execute(`select min(id) as id from letter_event where letter_id = ?`, [Number(complaint.id)]))[0].id);
  surveyId = String((await db.execute(`select id from satisfaction_survey where letter_id = ?`, [Number(complaint.id)]))[0].id);
});
afterAll(async () => {
  await t.close();
});

async function xlsxIds(resource: string, filter: Record<string, unknown>, token: string, column: string): Promise<string[]> {
  const base = t.url.replace(/\/graphql$/, '');
  const res = await fetch(`${base}/export/${resource}.xlsx?${new URLSearchParams({ filter: JSON.stringify(filter), sort: 'id', order: 'ASC' })}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const at = header.indexOf(column);
  expect(at).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (let r = 2; r <= ws.rowCount; r++) out.push(String((ws.getRow(r).values as unknown[]).slice(1)[at]));
  return out;
}

const notFound = async (p: Promise<unknown>) => (await expectError(p)).extensions.code;

/**
 * Every path that can mention a letter: a name, and what it shows of letter `id` to `who` — the
 * letter's ids (or serial numbers) it shows, or a count. `audit`: paths only an auditor walks.
 */
type Path = { name: string; run: (who: string, id: string) => Promise<unknown> };
const PATHS_WALKED: Path[] = [
  { name: 'Letter', run: async (who, id) => (await q(clients[who], gql`query ($id: ID!) { Letter(id: $id) { id } }`, { id }).catch(() => ({ Letter: null }))).Letter?.id ?? null },
  { name: 'allLetters ids', run: async (who, id) => (await q(clients[who], gql`query ($id: ID!) { allLetters(filter: { ids: [$id] }) { id } }`, { id })).allLetters.map((l: any) => l.id) },
  { name: 'allLetters q (search)', run: async (who, id) => (await q(clients[who], gql`{ allLetters(filter: { q: "推诿" }, perPage: 100) { id } }`)).allLetters.map((l: any) => l.id).filter((x: string) => x === id) },
  { name: '_allLettersMeta', run: async (who, id) => (await q(clients[who], gql`query ($id: ID!) { _allLettersMeta(filter: { ids: [$id] }) { count } }`, { id }))._allLettersMeta.count },
  { name: 'allLetterEvents', run: async (who, id) => (await q(clients[who], gql`query ($id: ID) { allLetterEvents(filter: { letterId: $id }) { letterId } }`, { id })).allLetterEvents.length },
  { name: '_allLetterEventsMeta', run: async (who, id) => (await q(clients[who], gql`query ($id: ID) { _allLetterEventsMeta(filter: { letterId: $id }) { count } }`, { id }))._allLetterEventsMeta.count },
  { name: 'LetterEvent', run: async (who, id) => (id === complaint.id ? await notFound(q(clients[who], gql`query ($id: ID!) { LetterEvent(id: $id) { id } }`, { id: eventId })).catch(() => 'FOUND') : 'NOT_FOUND') },
  { name: 'allNotifications', run: async (who, id) => (await q(clients[who], gql`query ($id: ID) { allNotifications(filter: { letterId: $id }) { title } }`, { id })).allNotifications.length },
  { name: '_allNotificationsMeta', run: async (who, id) => (await q(clients[who], gql`query ($id: ID) { _allNotificationsMeta(filter: { letterId: $id }) { count } }`, { id }))._allNotificationsMeta.count },
  { name: 'allNotifications q (search)', run: async (who, id) => (await q(clients[who], gql`{ allNotifications(filter: { q: "超期" }, perPage: 500) { letterId } }`)).allNotifications.filter((n: any) => n.letterId === id).length },
  { name: 'Notification', run: async (who, id) => (id === complaint.id ? await notFound(q(clients[who], gql`query ($id: ID!) { Notification(id: $id) { id } }`, { id: noticeId })).catch(() => 'FOUND') : 'NOT_FOUND') },
  { name: 'allSatisfactionSurveys', run: async (who, id) => (await q(clients[who], gql`query ($id: ID) { allSatisfactionSurveys(filter: { letterId: $id }) { id } }`, { id })).allSatisfactionSurveys.length },
  { name: '_allSatisfactionSurveysMeta', run: async (who, id) => (await q(clients[who], gql`query ($id: ID) { _allSatisfactionSurveysMeta(filter: { letterId: $id }) { count } }`, { id }))._allSatisfactionSurveysMeta.count },
  { name: 'SatisfactionSurvey', run: async (who, id) => (id === complaint.id ? await notFound(q(clients[who], gql`query ($id: ID!) { SatisfactionSurvey(id: $id) { id } }`, { id: surveyId })).catch(() => 'FOUND') : 'NOT_FOUND') },
  { name: 'satisfactionRates (SV3)', run: async (who) => (await q(clients[who], gql`{ satisfactionRates(from: "2026-01-01", to: "2026-12-31") { rated concluded } }`)).satisfactionRates },
  { name: 'overdueLetters', run: async (who, id) => (await q(clients[who], gql`query ($d: LocalDate) { overdueLetters(asOf: $d, perPage: 100) { id } }`, { d: TODAY })).overdueLetters.map((l: any) => l.id).filter((x: string) => x === id) },
  { name: '_overdueLettersMeta', run: async (who) => (await q(clients[who], gql`query ($d: LocalDate) { _overdueLettersMeta(asOf: $d) { count } }`, { d: TODAY }))._overdueLettersMeta.count },
  { name: 'lettersDueWithin', run: async (who, id) => (await q(clients[who], gql`{ lettersDueWithin(asOf: "2026-03-03", days: 30, perPage: 100) { id } }`)).lettersDueWithin.map((l: any) => l.id).filter((x: string) => x === id) },
  { name: '_lettersDueWithinMeta', run: async (who) => (await q(clients[who], gql`{ _lettersDueWithinMeta(asOf: "2026-03-03", days: 30) { count } }`))._lettersDueWithinMeta.count },
  { name: 'urgentLetters', run: async (who, id) => (await q(clients[who], gql`{ urgentLetters(includeNonUrgent: true, perPage: 100) { id } }`)).urgentLetters.map((l: any) => l.id).filter((x: string) => x === id) },
  { name: 'actionableByMe', run: async (who, id) => (await q(clients[who], gql`{ allLetters(filter: { actionableByMe: true }, perPage: 100) { id } }`)).allLetters.map((l: any) => l.id).filter((x: string) => x === id) },
  {
    name: 'concentratedIssues',
    run: async (who, id) =>
      (await q(clients[who], gql`query ($o: ID!) { concentratedIssues(organizationId: $o, minLetters: 2, from: "2026-01-01", to: "2026-12-31") { letterIds } }`, { o: w.jx.organizationId })).concentratedIssues
        .flatMap((i: any) => i.letterIds)
        .filter((x: string) => x === id),
  },
  { name: 'export Letter.xlsx', run: async (who, id) => xlsxIds('Letter', { ids: [id] }, tokens[who], '编号') },
  { name: 'export Notification.xlsx', run: async (who, id) => (await xlsxIds('Notification', { letterId: id }, tokens[who], '编号')).length },
  { name: 'export LetterEvent.xlsx', run: async (who, id) => (await xlsxIds('LetterEvent', { letterId: id }, tokens[who], '编号')).length },
  { name: 'allAuditEvents', run: async (who, id) => (await q(clients[who], gql`query ($id: String) { allAuditEvents(filter: { recordId: $id, operation: "forwardLetter" }) { operation } }`, { id }).catch(async (e) => (await expectError(Promise.reject(e))).extensions.code)) },
  { name: 'export AuditEvent.xlsx', run: async (who, id) => (await xlsxIds('AuditEvent', { recordId: id, operation: 'forwardLetter' }, tokens[who], '操作（GraphQL 变更名）').catch(() => 'REFUSED')) },
];

describe('PV5: a leader named in a complaint sees none of its notifications — nor the letter on any other path', () => {
  it('writes no reminder to the leader a letter names as involved, and writes it to the others (PV5, DL1)', async () => {
    const rows = await t.orm.em
      .fork()
      .getConnection()
      .execute(`select recipient_name as name from notification where letter_id = ? and kind = 'DEADLINE_PASSED' and title not like '%办理' order by recipient_name`, [Number(complaint.open.id)]);
    const names = rows.map((r: any) => r.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain(NAMES.secretaryGeneral);
    expect(names).toContain(NAMES.chair);
  });

  it(`walks ${PATHS_WALKED.length} paths as the named leader: none shows the letter, while the same walk as another leader finds it on each (PV5)`, async () => {
    const named: Record<string, unknown> = {};
    const other: Record<string, unknown> = {};
    for (const p of PATHS_WALKED) {
      named[p.name] = await p.run('sg', complaint.id);
      other[p.name] = await p.run(p.name.includes('AuditEvent') ? 'auditor' : 'chair', complaint.id);
    }
    // the leader and auditor named as involved: nothing on any path
    expect(named).toEqual({
      Letter: null,
      'allLetters ids': [],
      'allLetters q (search)': [],
      _allLettersMeta: 0,
      allLetterEvents: 0,
      _allLetterEventsMeta: 0,
      LetterEvent: 'NOT_FOUND',
      allNotifications: 0,
      _allNotificationsMeta: 0,
      'allNotifications q (search)': 0,
      Notification: 'NOT_FOUND',
      allSatisfactionSurveys: 0,
      _allSatisfactionSurveysMeta: 0,
      SatisfactionSurvey: 'NOT_FOUND',
      'satisfactionRates (SV3)': { rated: 0, concluded: 0 },
      overdueLetters: [],
      _overdueLettersMeta: 4,
      lettersDueWithin: [],
      _lettersDueWithinMeta: 2,
      urgentLetters: [],
      actionableByMe: [],
      concentratedIssues: [],
      'export Letter.xlsx': [],
      'export Notification.xlsx': 0,
      'export LetterEvent.xlsx': 0,
      allAuditEvents: 'FORBIDDEN',
      'export AuditEvent.xlsx': 'REFUSED',
    });
    // a leader (and auditor) the letter does not name sees it on each path
    expect(other).toMatchObject({
      Letter: complaint.id,
      'allLetters ids': [complaint.id],
      'allLetters q (search)': [complaint.id],
      _allLettersMeta: 1,
      LetterEvent: 'FOUND',
      Notification: 'FOUND',
      allSatisfactionSurveys: 1,
      _allSatisfactionSurveysMeta: 1,
      SatisfactionSurvey: 'FOUND',
      'satisfactionRates (SV3)': { rated: 1, concluded: 1 },
      urgentLetters: [],
      concentratedIssues: [complaint.id],
      'export Letter.xlsx': [complaint.serialNumber],
      allAuditEvents: { allAuditEvents: [{ operation: 'forwardLetter' }] },
      'export AuditEvent.xlsx': ['forwardLetter'],
    });
    // the counts of the deadline lists: the letters about 李明 make the whole difference
    const named2 = async (query: string, vars: Record<string, unknown>) =>
      (Object.values(await q(clients.chair, query, vars))[0] as any[]).filter((l) => [complaint.id, complaint.open.id].includes(l.id)).length;
    const overdueAbout = await named2(gql`query ($d: LocalDate) { overdueLetters(asOf: $d, perPage: 100) { id } }`, { d: TODAY });
    const dueAbout = await named2(gql`{ lettersDueWithin(asOf: "2026-03-03", days: 30, perPage: 100) { id } }`, {});
    // the replied complaint has no open step left; the open one is overdue on TODAY and was due within 30 days of 03-03
    expect([overdueAbout, dueAbout]).toEqual([1, 1]);
    expect([other._overdueLettersMeta, other._lettersDueWithinMeta]).toEqual([4 + overdueAbout, 2 + dueAbout]);
    expect(other.allLetterEvents).toBe(other._allLetterEventsMeta);
    expect(other['export LetterEvent.xlsx']).toBe(other._allLetterEventsMeta);
    expect(Number(other.allLetterEvents)).toBeGreaterThan(0);
    expect(Number(other.allNotifications)).toBeGreaterThan(0);
  });

  it('hides the open complaint about the leader from its deadline lists, urgent list and reminders (PV5, PV6)', async () => {
    const id = complaint.open.id;
    const named = await Promise.all(['overdueLetters', 'lettersDueWithin', 'urgentLetters', 'allNotifications'].map((n) => PATHS_WALKED.find((p) => p.name === n)!.run('sg', id)));
    const other = await Promise.all(['overdueLetters', 'lettersDueWithin', 'urgentLetters', 'allNotifications'].map((n) => PATHS_WALKED.find((p) => p.name === n)!.run('chair', id)));
    expect(named).toEqual([[], [], [], 0]);
    expect(other.slice(0, 3)).toEqual([[id], [id], [id]]);
    expect(Number(other[3])).toBeGreaterThan(0);
  });

  it('walks the same paths as the unit a complaint names: none shows it (PV5)', async () => {
    const found: Record<string, unknown> = {};
    for (const p of PATHS_WALKED.filter((x) => !['satisfactionRates (SV3)', '_overdueLettersMeta', '_lettersDueWithinMeta'].includes(x.name))) {
      found[p.name] = await p.run('transport', aboutHousing.id).catch(async (e) => (await expectError(Promise.reject(e))).extensions.code);
    }
    expect(Object.entries(found).filter(([, v]) => !(v === null || v === 0 || v === 'NOT_FOUND' || v === 'FORBIDDEN' || v === 'REFUSED' || (Array.isArray(v) && v.length === 0)))).toEqual([]);
  });
});
