import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import {
  act,
  actorFor,
  defaultArgs,
  eventsOf,
  NAMES,
  newLetter,
  PATHS,
  readerOf,
  VERBS,
  walk,
  WF_FIELDS,
  type Flow,
  rolesOf,
  type WorkflowWorld,
  setUpWorkflowWorld,
} from '../support/workflow-fixtures.js';
import { TRANSITIONS } from '../../server/src/casework/letter/letter.workflow.js';
import { reopenLetter } from '../../server/src/casework/letter/letter.workflow.service.js';
import { SYSTEM, type Context } from '../../server/src/common/context.js';
import { Role } from '../../server/src/platform/account/role.js';
import { Letter } from '../../server/src/casework/letter/letter.entity.js';

let t: TestApp;
let w: WorkflowWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await setUpWorkflowWorld(t);
});
afterAll(async () => {
  await t.close();
});

const path = (flow: Flow, status: string) => PATHS[flow][status];
const letterOf = async (flow: Flow, id: string) =>
  (await readerOf(w, flow).request<any>(gql`query ($id: ID!) { Letter(id: $id) { ${WF_FIELDS} } }`, { id })).Letter;

const walked = new Set<string>();

// each row walks its own letters, so the rows run side by side
describe.concurrent('every row of the three transition tables, walked through the API (PV2, MB4, ST4)', () => {
  const variantOf = (from: string, action: string) =>
    action === 'replyToLetter' && from === 'REVIEWING' ? 'replyToLetter:review' : action === 'replyToLetter' && from === 'RE_REVIEWING' ? 'replyToLetter:reReview' : action;
  // the leader confirms an investigation nobody in charge has signed yet
  const pathTo = (flow: Flow, from: string, action: string) =>
    action === 'confirmInvestigation' ? [...path(flow, from).slice(0, -1), 'recordInvestigation:pending'] : path(flow, from);

  const title = (r: (typeof TRANSITIONS)[number]) => `${r.flow}: ${r.from} --${r.action}--> ${r.to} (${r.rule})`;

  /** Rows walked their own way below: registration, merging, and the rating's escalation. */
  const OWN_WAY = ['registerLetter', 'mergeLetters', 'escalateAfterRating'];
  // the office hands over any letter in its reach (PV4); the station owns the issues it registered
  const takerOf = (flow: Flow, row: (typeof TRANSITIONS)[number]) =>
    actorFor(w, flow, row.action === 'handOverLetter' && row.roles.includes(Role.OFFICE_STAFF) && flow !== 'RECEPTION' ? [Role.OFFICE_STAFF] : row.roles);

  it.each(TRANSITIONS.filter((r) => !OWN_WAY.includes(r.action)).map((r) => [title(r), r] as const))('%s', async (_title, row) => {
    const flow = row.flow as Flow;
    const from = row.from!;
    let letter = await walk(w, flow, await newLetter(w, flow), pathTo(flow, from, row.action), rolesOf);
    let extra = 0;
    if (row.action === 'reportToHigherOffice' || row.action === 'approveHigherOfficeReport') {
      // only a letter a higher office referred, with its deadline, is reported back (PV2), once a leader approved
      letter = await act(w.jx.office, 'setLetterHigherOfficeDeadline', letter.id, defaultArgs(w, flow, 'setLetterHigherOfficeDeadline'));
      extra++;
      if (row.action === 'reportToHigherOffice') {
        letter = await act(w.jx.chair, 'approveHigherOfficeReport', letter.id, defaultArgs(w, flow, 'approveHigherOfficeReport'));
        extra++;
      }
    }
    expect([letter.status, letter.allowedActions.includes(row.action)]).toEqual([from, row.action !== 'updateLetter']);
    const actor = takerOf(flow, row);
    const after = await act(actor.client, row.action, letter.id, { ...defaultArgs(w, flow, variantOf(from, row.action)), version: letter.version });
    expect([after.status, after.version]).toEqual([row.to, letter.version + 1]);
    const events = await eventsOf(readerOf(w, flow), letter.id);
    // each change wrote exactly one event
    expect(events.length).toBe(path(flow, from).length + extra + 2);
    expect(events.at(-1)).toMatchObject({ action: row.action, fromStatus: from, toStatus: row.to, actorName: actor.name });
    walked.add(`${row.flow} ${row.from} ${row.action}`);
  });

  it.each(TRANSITIONS.filter((r) => r.action === 'registerLetter').map((r) => [title(r), r] as const))('%s', async (_title, row) => {
    const flow = row.flow as Flow;
    const letter = await newLetter(w, flow);
    expect([letter.status, letter.version]).toEqual([row.to, 1]);
    const events = await eventsOf(readerOf(w, flow), letter.id);
    expect(events).toEqual([{ action: 'registerLetter', fromStatus: null, toStatus: 'REGISTERED', actorName: flow === 'RECEPTION' ? NAMES.station : NAMES.jxOffice, note: `登记，编号 ${letter.serialNumber}` }]);
    walked.add(`${row.flow} ${row.from} ${row.action}`);
  });

  // SV2: the second 不满意 of a letter that was reopened once escalates it; the rating takes the step
  it.each(TRANSITIONS.filter((r) => r.action === 'escalateAfterRating').map((r) => [title(r), r] as const))('%s', async (_title, row) => {
    const flow = row.flow as Flow;
    const from = row.from!;
    const letter = await walk(w, flow, await newLetter(w, flow), path(flow, from), rolesOf);
    // reopened once before (its first round was rated 不满意)
    await t.orm.em.fork().nativeUpdate(Letter, { id: Number(letter.id) }, { reopenCount: 1 });
    const rater = flow === 'RECEPTION' ? w.bl.office : w.jx.office;
    const rated = await rater.request<any>(
      gql`mutation ($id: ID!) { rateLetter(letterId: $id, rating: DISSATISFIED, source: STAFF, method: PHONE, comment: "仍未解决") { escalatedLetter } }`,
      { id: letter.id },
    );
    expect(rated.rateLetter.escalatedLetter).toBe(true);
    const after = await letterOf(flow, letter.id);
    expect([after.status, after.version]).toEqual([row.to, letter.version + 1]);
    const events = await eventsOf(readerOf(w, flow), letter.id);
    expect(events.length).toBe(path(flow, from).length + 2);
    expect(events.at(-1)).toMatchObject({ action: 'escalateAfterRating', fromStatus: from, toStatus: row.to, actorName: flow === 'RECEPTION' ? NAMES.blOffice : NAMES.jxOffice });
    walked.add(`${row.flow} ${row.from} ${row.action}`);
  });

  // a repeat letter in the row's status is merged into a fresh main letter of its flow
  it.each(TRANSITIONS.filter((r) => r.action === 'mergeLetters').map((r) => [title(r), r] as const))('%s', async (_title, row) => {
    const flow = row.flow as Flow;
    const letter = await walk(w, flow, await newLetter(w, flow), path(flow, row.from!), rolesOf);
    expect([letter.status, letter.allowedActions.includes(row.action)]).toEqual([row.from, true]);
    const main = await newLetter(w, flow, { title: '同一事项的主件' });
    const actor = actorFor(w, flow, row.roles);
    const res = await actor.client.request<any>(VERBS.mergeLetters, { mainLetterId: main.id, letterIds: [letter.id] });
    expect([res.mergeLetters.id, res.mergeLetters.status]).toEqual([main.id, 'REGISTERED']);
    const after = await letterOf(flow, letter.id);
    expect([after.status, after.version, after.mergedIntoId]).toEqual([row.to, letter.version + 1, main.id]);
    const events = await eventsOf(readerOf(w, flow), letter.id);
    expect(events.length).toBe(path(flow, row.from!).length + 2);
    expect(events.at(-1)).toMatchObject({ action: row.action, fromStatus: row.from, toStatus: row.to, actorName: actor.name });
    walked.add(`${row.flow} ${row.from} ${row.action}`);
  });
});

describe('the walk', () => {
  it('took every row of the tables', () => {
    expect(walked.size).toBe(TRANSITIONS.length);
  });
});

/** A letter of `flow` walked to `status` along the flow's path. */
const letterAt = async (flow: Flow, status: string, spec: Parameters<typeof newLetter>[2] = {}) =>
  walk(w, flow, await newLetter(w, flow, spec), path(flow, status), rolesOf);
const jxEvents = (id: string) => eventsOf(w.jx.office, id);

describe('the office flow (PV2)', () => {
  it('walks a letter from registration to the reply: accept, propose, 批示, forward, handle, conclude, reply — each step an event with its actor (PV2)', async () => {
    const l0 = await newLetter(w, 'OFFICE', { title: '幸福小区路灯' });
    expect([l0.status, l0.flow, l0.allowedActions]).toEqual(['REGISTERED', 'OFFICE', ['acceptLetter', 'declineLetter', 'mergeLetters', 'extendDeadline', 'voidLetter', 'setLetterHigherOfficeDeadline', 'handOverLetter']]);
    const l1 = await act(w.jx.office, 'acceptLetter', l0.id, { writerNotifiedOn: '2026-03-05', version: 1 });
    const l2 = await act(w.jx.office, 'proposeHandling', l0.id, { opinion: '拟转市住建局办理' });
    const l3 = await act(w.jx.secretaryGeneral, 'decideLetter', l0.id, { decision: '请住建局抓紧办理', decidedOn: '2026-03-06' });
    const l4 = await act(w.jx.office, 'forwardLetter', l0.id, {
      leadDepartmentId: w.jx.departments.housing,
      coHandlerDepartmentIds: [w.jx.departments.transport],
      coordinatorLeaderId: w.jx.deputySecretaryGeneralId,
      forwardedOn: '2026-03-07',
    });
    const l5 = await act(w.jx.housingHandler, 'recordHandlingResult', l0.id, { result: '已更换线路，路灯恢复', handledOn: '2026-03-20' });
    const l6 = await act(w.jx.office, 'concludeLetter', l0.id, { outcome: 'RESOLVED', conclusion: '问题已解决', concludedOn: '2026-03-25' });
    const l7 = await act(w.jx.office, 'replyToLetter', l0.id, { method: 'PHONE', repliedOn: '2026-04-10', content: '路灯已修复，欢迎监督' });
    expect([l1, l2, l3, l4, l5, l6, l7].map((l) => [l.status, l.version])).toEqual([
      ['ACCEPTED', 2],
      ['PROPOSED', 3],
      ['DECIDED', 4],
      ['FORWARDED', 5],
      ['HANDLED', 6],
      ['CONCLUDED', 7],
      ['REPLIED', 8],
    ]);
    expect(l7).toMatchObject({
      writerNotifiedOn: '2026-03-05',
      proposedHandling: '拟转市住建局办理',
      proposedBy: NAMES.jxOffice,
      decision: '请住建局抓紧办理',
      decidedOn: '2026-03-06',
      decidedByLeaderId: w.jx.secretaryGeneralId,
      forwardedOn: '2026-03-07',
      leadDepartmentId: w.jx.departments.housing,
      coHandlerDepartmentIds: [w.jx.departments.transport],
      coordinatorLeaderId: w.jx.deputySecretaryGeneralId,
      handlingResult: '已更换线路，路灯恢复',
      handledOn: '2026-03-20',
      outcome: 'RESOLVED',
      conclusion: '问题已解决',
      concludedOn: '2026-03-25',
      replyMethod: 'PHONE',
      repliedOn: '2026-04-10',
      replyContent: '路灯已修复，欢迎监督',
      allowedActions: ['requestReview', 'closeLetter', 'reopenLetter', 'setLetterHigherOfficeDeadline'],
    });
    expect(await jxEvents(l0.id)).toEqual([
      { action: 'registerLetter', fromStatus: null, toStatus: 'REGISTERED', actorName: NAMES.jxOffice, note: `登记，编号 ${l0.serialNumber}` },
      { action: 'acceptLetter', fromStatus: 'REGISTERED', toStatus: 'ACCEPTED', actorName: NAMES.jxOffice, note: '受理，已于 2026-03-05 告知来信人' },
      { action: 'proposeHandling', fromStatus: 'ACCEPTED', toStatus: 'PROPOSED', actorName: NAMES.jxOffice, note: '拟办意见：拟转市住建局办理' },
      { action: 'decideLetter', fromStatus: 'PROPOSED', toStatus: 'DECIDED', actorName: NAMES.secretaryGeneral, note: '李明批示：请住建局抓紧办理' },
      {
        action: 'forwardLetter',
        fromStatus: 'DECIDED',
        toStatus: 'FORWARDED',
        actorName: NAMES.jxOffice,
        note: '转嘉兴市住房和城乡建设局主办，嘉兴市交通运输局协办，赵刚协调',
      },
      { action: 'recordHandlingResult', fromStatus: 'FORWARDED', toStatus: 'HANDLED', actorName: NAMES.housingHandler, note: '办理结果：已更换线路，路灯恢复' },
      { action: 'concludeLetter', fromStatus: 'HANDLED', toStatus: 'CONCLUDED', actorName: NAMES.jxOffice, note: '办结：已解决，问题已解决' },
      { action: 'replyToLetter', fromStatus: 'CONCLUDED', toStatus: 'REPLIED', actorName: NAMES.jxOffice, note: '电话答复来信人：路灯已修复，欢迎监督' },
    ]);
  });

  it('declines only with a reason and the day the named writer was told; an anonymous writer cannot be told (PV2, PR4)', async () => {
    const named = await newLetter(w, 'OFFICE');
    const blank = await expectError(act(w.jx.office, 'declineLetter', named.id, { reason: '  ', writerNotifiedOn: '2026-03-05' }));
    expect([blank.extensions.code, blank.extensions.field]).toEqual(['BAD_USER_INPUT', 'reason']);
    const untold = await expectError(act(w.jx.office, 'declineLetter', named.id, { reason: '不属于本机关受理范围' }));
    expect([untold.extensions.code, untold.extensions.field, untold.message]).toEqual(['BAD_USER_INPUT', 'writerNotifiedOn', 'writerNotifiedOn：实名来信须记录告知来信人不予受理的日期']);
    const early = await expectError(act(w.jx.office, 'declineLetter', named.id, { reason: '不属于本机关受理范围', writerNotifiedOn: '2026-03-01' }));
    expect([early.extensions.code, early.extensions.field]).toEqual(['BAD_USER_INPUT', 'writerNotifiedOn']);
    expect((await letterOf('OFFICE', named.id)).version).toBe(1);
    expect(await jxEvents(named.id)).toHaveLength(1);

    const declined = await act(w.jx.office, 'declineLetter', named.id, { reason: '不属于本机关受理范围', writerNotifiedOn: '2026-03-05' });
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: '不属于本机关受理范围', writerNotifiedOn: '2026-03-05', allowedActions: [] });

    const anonymous = await newLetter(w, 'OFFICE', { isAnonymous: true });
    const accepted = await act(w.jx.office, 'acceptLetter', anonymous.id);
    expect([accepted.status, accepted.writerNotifiedOn]).toEqual(['ACCEPTED', null]);
    expect((await jxEvents(anonymous.id)).at(-1).note).toBe('受理');
  });

  it('sends an important letter to a principal leader: the secretary-general’s 批示 is refused, the chair’s taken (PV2)', async () => {
    const letter = await letterAt('OFFICE', 'PROPOSED', { isImportant: true });
    const sg = await expectError(act(w.jx.secretaryGeneral, 'decideLetter', letter.id, { decision: '同意拟办意见' }));
    expect([sg.extensions.code, sg.extensions.field, sg.message]).toEqual([
      'BAD_USER_INPUT',
      'leaderId',
      'leaderId：重要来信须送主要领导批示（PV2），李明不是主要领导',
    ]);
    const other = await expectError(act(w.jx.secretaryGeneral, 'decideLetter', letter.id, { decision: '同意', leaderId: w.jx.chairId }));
    expect([other.extensions.code, other.extensions.field, other.message]).toEqual(['BAD_USER_INPUT', 'leaderId', 'leaderId：领导只能以本人名义批示']);
    const decided = await act(w.jx.chair, 'decideLetter', letter.id, { decision: '请抓紧研究解决', decidedOn: '2026-03-06' });
    expect([decided.status, decided.decidedByLeaderId, decided.decision]).toEqual(['DECIDED', w.jx.chairId, '请抓紧研究解决']);
  });

  it('records an investigation signed by the handler and the leader in charge — two different people (PV2)', async () => {
    // the handler signs with their account; the same account cannot sign again as the leader
    const a = await letterAt('OFFICE', 'DECIDED');
    const recorded = await act(w.jx.officeLeader, 'recordInvestigation', a.id, { findings: '经现场核实，线路老化' });
    expect(recorded).toMatchObject({
      status: 'INVESTIGATED',
      investigationFindings: '经现场核实，线路老化',
      investigationHandlerName: NAMES.officeLeader,
      investigationLeaderName: null,
      investigationLeaderSignedOn: null,
    });
    const early = await expectError(act(w.jx.office, 'concludeLetter', a.id, { outcome: 'RESOLVED' }));
    expect([early.extensions.code, early.extensions.reason]).toEqual(['CONFLICT', 'INVESTIGATION_NOT_CONFIRMED']);
    const same = await expectError(act(w.jx.officeLeader, 'confirmInvestigation', a.id));
    expect([same.extensions.code, same.extensions.reason]).toEqual(['FORBIDDEN', 'SAME_SIGNER']);
    const confirmed = await act(w.jx.chair, 'confirmInvestigation', a.id);
    expect([confirmed.status, confirmed.investigationHandlerName, confirmed.investigationLeaderName]).toEqual(['INVESTIGATED', NAMES.officeLeader, NAMES.chair]);
    const again = await expectError(act(w.jx.secretaryGeneral, 'confirmInvestigation', a.id));
    expect([again.extensions.code, again.extensions.reason]).toEqual(['CONFLICT', 'ALREADY_CONFIRMED']);
    expect((await act(w.jx.office, 'concludeLetter', a.id, { outcome: 'EXPLAINED', concludedOn: '2026-03-25' })).status).toBe('CONCLUDED');
    expect((await jxEvents(a.id)).slice(-3).map((e) => [e.action, e.actorName, e.note])).toEqual([
      ['recordInvestigation', NAMES.officeLeader, `调查核实：经现场核实，线路老化（承办人${NAMES.officeLeader}签字，待分管领导签字确认）`],
      ['confirmInvestigation', NAMES.chair, `分管领导${NAMES.chair}签字确认调查记录`],
      ['concludeLetter', NAMES.jxOffice, '办结：已解释说明'],
    ]);

    // signers without an account: names and dates, and still two people
    const b = await letterAt('OFFICE', 'FORWARDED');
    const one = await expectError(
      act(w.jx.housingHandler, 'recordInvestigation', b.id, { findings: '核实属实', handlerName: '钱进', handlerSignedOn: '2026-03-10', leaderName: '钱进', leaderSignedOn: '2026-03-11' }),
    );
    expect([one.extensions.code, one.extensions.field]).toEqual(['BAD_USER_INPUT', 'leaderName']);
    const undated = await expectError(act(w.jx.housingHandler, 'recordInvestigation', b.id, { findings: '核实属实', handlerName: '钱进' }));
    expect([undated.extensions.code, undated.extensions.field]).toEqual(['BAD_USER_INPUT', 'handlerSignedOn']);
    const paper = await act(w.jx.housingHandler, 'recordInvestigation', b.id, {
      findings: '核实属实',
      handlerName: '钱进',
      handlerSignedOn: '2026-03-10',
      leaderName: '刘强',
      leaderSignedOn: '2026-03-11',
    });
    expect(paper).toMatchObject({
      investigationHandlerName: '钱进',
      investigationHandlerSignedOn: '2026-03-10',
      investigationLeaderName: '刘强',
      investigationLeaderSignedOn: '2026-03-11',
    });
    expect((await act(w.jx.office, 'concludeLetter', b.id, { outcome: 'RESOLVED' })).status).toBe('CONCLUDED');
  });

  it('refuses a stale version with CONFLICT and writes nothing', async () => {
    const letter = await letterAt('OFFICE', 'ACCEPTED');
    const stale = await expectError(act(w.jx.office, 'proposeHandling', letter.id, { opinion: '拟办', version: letter.version - 1 }));
    expect([stale.extensions.code, stale.extensions.field, stale.extensions.expected, stale.extensions.actual]).toEqual(['CONFLICT', 'version', 1, 2]);
    expect([(await letterOf('OFFICE', letter.id)).status, (await jxEvents(letter.id)).length]).toEqual(['ACCEPTED', 2]);
  });

  it('refuses a step the status does not allow with TRANSITION_NOT_ALLOWED, naming the allowed ones (PV2)', async () => {
    const letter = await newLetter(w, 'OFFICE');
    const e = await expectError(act(w.jx.office, 'forwardLetter', letter.id, { leadDepartmentId: w.jx.departments.housing }));
    expect(e.extensions).toEqual({
      code: 'TRANSITION_NOT_ALLOWED',
      flow: 'OFFICE',
      from: 'REGISTERED',
      action: 'forwardLetter',
      allowed: ['acceptLetter', 'declineLetter', 'mergeLetters', 'extendDeadline', 'voidLetter', 'setLetterHigherOfficeDeadline', 'handOverLetter'],
    });
    expect(e.message).toBe(
      '机关信访来信处于「已登记」状态，不能执行 forwardLetter（转办）；当前可执行：acceptLetter（受理）、declineLetter（不予受理）、mergeLetters（合并重复件）、extendDeadline（延长办理期限）、voidLetter（作废）、setLetterHigherOfficeDeadline（登记上级机关时限）、handOverLetter（移交）',
    );
    expect((await letterOf('OFFICE', letter.id)).version).toBe(1);
  });

  it('lets each verb be taken only by its roles: a member cannot forward, a handler cannot decide (PV2)', async () => {
    const letter = await letterAt('OFFICE', 'PROPOSED');
    const member = await expectError(act(w.jx.member, 'forwardLetter', letter.id, { leadDepartmentId: w.jx.departments.housing }));
    expect([member.extensions.code, member.extensions.reason]).toEqual(['FORBIDDEN', 'ROLE_REQUIRED']);
    const handler = await expectError(act(w.jx.housingHandler, 'decideLetter', letter.id, { decision: '同意' }));
    expect([handler.extensions.code, handler.extensions.reason]).toEqual(['FORBIDDEN', 'ROLE_REQUIRED']);
  });

  it('voids a letter with its reason; it stays on record (PV1)', async () => {
    const letter = await newLetter(w, 'OFFICE');
    const voided = await act(w.jx.office, 'voidLetter', letter.id, { reason: '重复登记' });
    expect([voided.status, voided.voidReason, voided.allowedActions]).toEqual(['VOIDED', '重复登记', []]);
    expect((await letterOf('OFFICE', letter.id)).serialNumber).toBe(letter.serialNumber);
  });

  it('merges repeat letters into a main letter, which carries on; merged letters keep the link (PV1)', async () => {
    const main = await letterAt('OFFICE', 'ACCEPTED', { title: '东门路灯' });
    const r1 = await newLetter(w, 'OFFICE', { title: '东门路灯（重复）' });
    const r2 = await letterAt('OFFICE', 'ACCEPTED', { title: '东门路灯（又一封）' });
    const res = await w.jx.office.request<any>(VERBS.mergeLetters, { mainLetterId: main.id, letterIds: [r2.id, r1.id], note: '同一事项' });
    expect([res.mergeLetters.id, res.mergeLetters.status]).toEqual([main.id, 'ACCEPTED']);
    for (const r of [r1, r2]) expect(await letterOf('OFFICE', r.id)).toMatchObject({ status: 'MERGED', mergedIntoId: main.id, allowedActions: [] });
    expect((await jxEvents(main.id)).at(-1)).toEqual({
      action: 'mergeLetters',
      fromStatus: 'ACCEPTED',
      toStatus: 'ACCEPTED',
      actorName: NAMES.jxOffice,
      note: `并入重复件 ${r1.serialNumber}、${r2.serialNumber}；备注：同一事项`,
    });
    const self = await expectError(w.jx.office.request(VERBS.mergeLetters, { mainLetterId: main.id, letterIds: [main.id] }));
    expect([self.extensions.code, self.extensions.field]).toEqual(['BAD_USER_INPUT', 'letterIds']);
    const decided = await letterAt('OFFICE', 'DECIDED');
    const late = await expectError(w.jx.office.request(VERBS.mergeLetters, { mainLetterId: main.id, letterIds: [decided.id] }));
    expect([late.extensions.code, late.extensions.from]).toEqual(['TRANSITION_NOT_ALLOWED', 'DECIDED']);
  });
});

describe('time limits (PV3)', () => {
  it('extends the deadline once, by at most 30 days, approved by a leader, the writer told (PV3)', async () => {
    const letter = await letterAt('OFFICE', 'FORWARDED');
    const long = await expectError(act(w.jx.chair, 'extendDeadline', letter.id, { days: 31, reason: '情况复杂', writerNotifiedOn: '2026-03-20' }));
    expect([long.extensions.code, long.extensions.field]).toEqual(['BAD_USER_INPUT', 'days']);
    const untold = await expectError(act(w.jx.chair, 'extendDeadline', letter.id, { days: 30, reason: '情况复杂' }));
    expect([untold.extensions.code, untold.extensions.field]).toEqual(['BAD_USER_INPUT', 'writerNotifiedOn']);
    const staff = await expectError(act(w.jx.office, 'extendDeadline', letter.id, { days: 30, reason: '情况复杂', writerNotifiedOn: '2026-03-20' }));
    expect([staff.extensions.code, staff.extensions.reason]).toEqual(['FORBIDDEN', 'ROLE_REQUIRED']);

    const extended = await act(w.jx.chair, 'extendDeadline', letter.id, { days: 30, reason: '涉及多个部门，需协调', writerNotifiedOn: '2026-03-20' });
    expect(extended).toMatchObject({
      status: 'FORWARDED',
      deadlineExtendedDays: 30,
      deadlineExtensionReason: '涉及多个部门，需协调',
      deadlineExtensionApprovedBy: NAMES.chair,
      deadlineExtensionNotifiedOn: '2026-03-20',
    });
    const twice = await expectError(act(w.jx.chair, 'extendDeadline', letter.id, { days: 10, reason: '仍需协调', writerNotifiedOn: '2026-04-20' }));
    expect([twice.extensions.code, twice.extensions.reason, twice.message]).toEqual([
      'CONFLICT',
      'ALREADY_EXTENDED',
      `办理期限只能延长一次（PV3），已由${NAMES.chair}批准延长 30 日`,
    ]);
    expect((await jxEvents(letter.id)).at(-1)).toEqual({
      action: 'extendDeadline',
      fromStatus: 'FORWARDED',
      toStatus: 'FORWARDED',
      actorName: NAMES.chair,
      note: `${NAMES.chair}批准延长办理期限 30 日：涉及多个部门，需协调，已于 2026-03-20 告知来信人`,
    });
  });

  it('takes 复查 within 30 days of the answer and 复核 within 30 days of the review’s answer; after 复核 the matter is closed (PV3)', async () => {
    // answered 2026-04-10: day 30 is Sunday 10 May, so Monday 11 May is the last day (DL3)
    const letter = await letterAt('OFFICE', 'REPLIED');
    const late = await expectError(act(w.jx.office, 'requestReview', letter.id, { requestedOn: '2026-05-12', reason: '不服' }));
    expect([late.extensions.code, late.extensions.field, late.message]).toEqual([
      'BAD_USER_INPUT',
      'requestedOn',
      'requestedOn：复查须在答复之日（2026-04-10）起 30 日内申请（LAW 第35条），2026-05-12 已逾期',
    ]);
    const review = await act(w.jx.office, 'requestReview', letter.id, { requestedOn: '2026-05-10', reason: '认为处理不彻底' });
    expect([review.status, review.reviewRequestedOn, review.reviewReason]).toEqual(['REVIEWING', '2026-05-10', '认为处理不彻底']);
    const reviewed = await act(w.jx.office, 'replyToLetter', letter.id, { method: 'WRITTEN', repliedOn: '2026-05-20', content: '复查维持原意见' });
    expect([reviewed.status, reviewed.reviewAnsweredOn, reviewed.reviewAnswer, reviewed.repliedOn]).toEqual(['REVIEWED', '2026-05-20', '复查维持原意见', '2026-04-10']);
    const lateAgain = await expectError(act(w.jx.office, 'requestReReview', letter.id, { requestedOn: '2026-06-20', reason: '不服' }));
    expect([lateAgain.extensions.code, lateAgain.extensions.field]).toEqual(['BAD_USER_INPUT', 'requestedOn']);
    await act(w.jx.office, 'requestReReview', letter.id, { requestedOn: '2026-06-19', reason: '对复查意见不服' });
    const final = await act(w.jx.office, 'replyToLetter', letter.id, { method: 'WRITTEN', repliedOn: '2026-07-01', content: '复核维持复查意见' });
    expect(final).toMatchObject({
      status: 'RE_REVIEWED',
      reReviewRequestedOn: '2026-06-19',
      reReviewReason: '对复查意见不服',
      reReviewAnsweredOn: '2026-07-01',
      reReviewAnswer: '复核维持复查意见',
      allowedActions: ['closeLetter'],
    });
    for (const action of ['requestReview', 'requestReReview']) {
      const e = await expectError(act(w.jx.office, action, letter.id, { requestedOn: '2026-07-02', reason: '再次申请' }));
      expect([e.extensions.code, e.extensions.allowed]).toEqual(['TRANSITION_NOT_ALLOWED', ['closeLetter']]);
    }
    // the same matter, written again, is not accepted (LAW 第36条)
    const repeat = await newLetter(w, 'OFFICE', { title: '路灯问题再次来信' });
    const refused = await expectError(act(w.jx.office, 'acceptLetter', repeat.id, { writerNotifiedOn: '2026-07-05', repeatOfLetterId: letter.id }));
    expect([refused.extensions.code, refused.extensions.field]).toEqual(['BAD_USER_INPUT', 'repeatOfLetterId']);
    expect((await act(w.jx.office, 'declineLetter', repeat.id, { reason: '已复核终结，不再受理', writerNotifiedOn: '2026-07-05' })).status).toBe('DECLINED');
    // archived, it cannot be reopened either
    const closed = await act(w.jx.office, 'closeLetter', letter.id, { closedOn: '2026-07-02' });
    expect([closed.status, closed.closedOn, closed.allowedActions]).toEqual(['CLOSED', '2026-07-02', []]);
    const reopen = await expectError(act(w.jx.office, 'reopenLetter', letter.id, { reason: '来信人不满意' }));
    expect([reopen.extensions.code, reopen.extensions.reason]).toEqual(['CONFLICT', 'RE_REVIEWED']);
  });

  it('archives an answered office letter only once the 30 days for 复查 have passed, rolled off a day off (PV3, DL3)', async () => {
    // answered 2026-04-10: the 30 days run to Sunday 10 May, moved to Monday 11 May (DL3)
    const letter = await letterAt('OFFICE', 'REPLIED');
    const early = await expectError(act(w.jx.office, 'closeLetter', letter.id, { closedOn: '2026-05-11' }));
    expect([early.extensions.code, early.extensions.reason]).toEqual(['CONFLICT', 'REVIEW_WINDOW_OPEN']);
    expect((await act(w.jx.office, 'closeLetter', letter.id, { closedOn: '2026-05-12' })).status).toBe('CLOSED');
  });
});

describe('confidentiality (PV5)', () => {
  it('never forwards a letter to a unit it complains about, as lead or co-handler; nothing is written (PV5)', async () => {
    const letter = await letterAt('OFFICE', 'DECIDED', { title: '反映水务集团乱收费', involvedDepartmentIds: [w.jx.departments.water] });
    const lead = await expectError(act(w.jx.office, 'forwardLetter', letter.id, { leadDepartmentId: w.jx.departments.water }));
    expect([lead.extensions.code, lead.extensions.field, lead.extensions.rule, lead.message]).toEqual([
      'BAD_USER_INPUT',
      'leadDepartmentId',
      'PV5',
      'leadDepartmentId：嘉兴市水务集团是来信反映（涉及）的单位，不能转其办理（PV5）',
    ]);
    const co = await expectError(
      act(w.jx.office, 'forwardLetter', letter.id, { leadDepartmentId: w.jx.departments.housing, coHandlerDepartmentIds: [w.jx.departments.transport, w.jx.departments.water] }),
    );
    expect([co.extensions.code, co.extensions.field, co.extensions.rule]).toEqual(['BAD_USER_INPUT', 'coHandlerDepartmentIds', 'PV5']);
    const after = await letterOf('OFFICE', letter.id);
    expect([after.status, after.version, after.leadDepartmentId, after.coHandlerDepartmentIds]).toEqual(['DECIDED', letter.version, null, []]);
    expect(await jxEvents(letter.id)).toHaveLength(4);
    const ok = await act(w.jx.office, 'forwardLetter', letter.id, { leadDepartmentId: w.jx.departments.housing });
    expect([ok.status, ok.leadDepartmentId]).toEqual(['FORWARDED', w.jx.departments.housing]);
  });
});

describe('urgent letters (PV6)', () => {
  it('puts unresolved urgent letters first on the leaders’ list, important ones first, then the oldest (PV6)', async () => {
    const older = await newLetter(w, 'OFFICE', { title: '燃气泄漏', urgency: 'URGENT', receivedOn: '2026-02-20' });
    const important = await newLetter(w, 'MAILBOX', { title: '危房险情', urgency: 'URGENT', isImportant: true, receivedOn: '2026-03-01' });
    const newer = await letterAt('OFFICE', 'FORWARDED', { title: '道路塌陷', urgency: 'URGENT', receivedOn: '2026-02-25' });
    const resolved = await letterAt('OFFICE', 'REPLIED', { title: '已答复的紧急来信', urgency: 'URGENT', receivedOn: '2026-02-10' });
    const Q = gql`query ($o: ID, $all: Boolean) { urgentLetters(organizationId: $o, includeNonUrgent: $all) { id urgency status } }`;
    const urgent = (await w.jx.chair.request<any>(Q, { o: w.jx.organizationId })).urgentLetters;
    expect(urgent.map((l: any) => l.id)).toEqual([important.id, older.id, newer.id]);
    const all = (await w.jx.office.request<any>(Q, { o: w.jx.organizationId, all: true })).urgentLetters;
    expect(all.slice(0, 3).map((l: any) => l.id)).toEqual([important.id, older.id, newer.id]);
    expect([all.slice(3).every((l: any) => l.urgency === 'NORMAL'), all.some((l: any) => l.id === resolved.id)]).toEqual([true, false]);
    // the station's leader sees none of them (PR3)
    expect((await w.bl.director.request<any>(Q, {})).urgentLetters).toEqual([]);
    const member = await expectError(w.jx.member.request(Q, {}));
    expect([member.extensions.code, member.extensions.reason]).toEqual(['FORBIDDEN', 'ROLE_REQUIRED']);
  });
});

describe('lead department and co-handlers (PV7)', () => {
  it('forwards to one lead department with co-handlers; only the lead department records the result (PV7)', async () => {
    const letter = await letterAt('OFFICE', 'DECIDED');
    const both = await expectError(
      act(w.jx.office, 'forwardLetter', letter.id, { leadDepartmentId: w.jx.departments.housing, coHandlerDepartmentIds: [w.jx.departments.housing] }),
    );
    expect([both.extensions.code, both.extensions.field]).toEqual(['BAD_USER_INPUT', 'coHandlerDepartmentIds']);
    const missing = await expectError(act(w.jx.office, 'forwardLetter', letter.id, { leadDepartmentId: '999999' }));
    expect([missing.extensions.code, missing.extensions.field]).toEqual(['NOT_FOUND', 'leadDepartmentId']);
    const forwarded = await act(w.jx.office, 'forwardLetter', letter.id, {
      leadDepartmentId: w.jx.departments.housing,
      coHandlerDepartmentIds: [w.jx.departments.transport],
      coordinatorLeaderId: w.jx.deputySecretaryGeneralId,
      forwardedOn: '2026-03-07',
    });
    expect([forwarded.leadDepartmentId, forwarded.coHandlerDepartmentIds, forwarded.coordinatorLeaderId]).toEqual([
      w.jx.departments.housing,
      [w.jx.departments.transport],
      w.jx.deputySecretaryGeneralId,
    ]);
    const co = await expectError(act(w.jx.transportHandler, 'recordHandlingResult', letter.id, { result: '已配合' }));
    expect([co.extensions.code, co.extensions.reason]).toEqual(['FORBIDDEN', 'NOT_LEAD_DEPARTMENT']);
    const handled = await act(w.jx.housingHandler, 'recordHandlingResult', letter.id, { result: '已协调交通局共同处理', handledOn: '2026-03-15' });
    expect([handled.status, handled.handlingResult]).toEqual(['HANDLED', '已协调交通局共同处理']);
    expect((await jxEvents(letter.id)).at(-1).actorName).toBe(NAMES.housingHandler);
  });
});

describe('the coordinating deputy secretary-general (PV7)', () => {
  it('records the deputy secretary-general who coordinates the co-handlers, and refuses co-handlers without one (PV7)', async () => {
    const letter = await letterAt('OFFICE', 'DECIDED');
    const args = { leadDepartmentId: w.jx.departments.housing, coHandlerDepartmentIds: [w.jx.departments.transport], forwardedOn: '2026-03-07' };
    const missing = await expectError(act(w.jx.office, 'forwardLetter', letter.id, args));
    expect([missing.extensions.code, missing.extensions.field, missing.extensions.rule, missing.message]).toEqual([
      'BAD_USER_INPUT',
      'coordinatorLeaderId',
      'PV7',
      'coordinatorLeaderId：有协办单位时须指定协调主办、协办单位的分管副秘书长（PV7）',
    ]);
    const unknown = await expectError(act(w.jx.office, 'forwardLetter', letter.id, { ...args, coordinatorLeaderId: '999999' }));
    expect([unknown.extensions.code, unknown.extensions.field]).toEqual(['NOT_FOUND', 'coordinatorLeaderId']);
    const after = await letterOf('OFFICE', letter.id);
    expect([after.status, after.version, after.coordinatorLeaderId]).toEqual(['DECIDED', letter.version, null]);
    const ok = await act(w.jx.office, 'forwardLetter', letter.id, { ...args, coordinatorLeaderId: w.jx.deputySecretaryGeneralId, version: letter.version });
    expect([ok.status, ok.coordinatorLeaderId]).toEqual(['FORWARDED', w.jx.deputySecretaryGeneralId]);
    expect((await jxEvents(letter.id)).at(-1).note).toBe('转嘉兴市住房和城乡建设局主办，嘉兴市交通运输局协办，赵刚协调');
    // a lead department alone needs no coordinator
    const alone = await act(w.jx.office, 'forwardLetter', (await letterAt('OFFICE', 'DECIDED')).id, { leadDepartmentId: w.jx.departments.housing });
    expect([alone.status, alone.coordinatorLeaderId]).toEqual(['FORWARDED', null]);
  });
});

describe('reporting back to a higher office (PV2)', () => {
  const REPORT_DEADLINE = gql`query ($id: ID!, $asOf: LocalDate) { Letter(id: $id) { deadlines(asOf: $asOf) { measure dueOn ruleRef done doneOn late overdue } } }`;
  const reportDeadline = async (id: string, asOf: string) =>
    (await w.jx.office.request<any>(REPORT_DEADLINE, { id, asOf })).Letter.deadlines.find((d: any) => d.measure === 'HIGHER_OFFICE_REPORT');

  it('reports the result a higher office asked for back to it by its deadline, once concluded or replied; the status stays (PV2)', async () => {
    const letter = await letterAt('OFFICE', 'CONCLUDED', { title: '省政协交办：老旧小区加装电梯' });
    const report = { reportedOn: '2026-04-12', summary: '已协调加装电梯，来信人满意' };
    // a letter no higher office referred has nothing to report
    expect(letter.allowedActions).not.toContain('reportToHigherOffice');
    const none = await expectError(act(w.jx.office, 'reportToHigherOffice', letter.id, report));
    expect([none.extensions.code, none.extensions.reason, none.extensions.rule]).toEqual(['CONFLICT', 'NO_HIGHER_OFFICE_DEADLINE', 'PV2']);

    const set = await w.jx.office.request<any>(
      gql`mutation ($id: ID!) { setLetterHigherOfficeDeadline(id: $id, dueOn: "2026-04-15", office: "浙江省政协办公厅") { version allowedActions } }`,
      { id: letter.id },
    );
    // first a leader's approval, then the report (PV2)
    expect([set.setLetterHigherOfficeDeadline.allowedActions.includes('approveHigherOfficeReport'), set.setLetterHigherOfficeDeadline.allowedActions.includes('reportToHigherOffice')]).toEqual([true, false]);
    expect(await reportDeadline(letter.id, '2026-04-16')).toEqual({
      measure: 'HIGHER_OFFICE_REPORT',
      dueOn: '2026-04-15',
      ruleRef: 'PV2：向浙江省政协办公厅报告办理结果（上级机关交办时限）',
      done: false,
      doneOn: null,
      late: false,
      overdue: true,
    });
    const leader = await expectError(act(w.jx.chair, 'reportToHigherOffice', letter.id, report));
    expect([leader.extensions.code, leader.extensions.reason]).toEqual(['FORBIDDEN', 'ROLE_REQUIRED']);
    // the report goes up only once a leader has reviewed and approved it (003 §三.4)
    const unapproved = await expectError(act(w.jx.office, 'reportToHigherOffice', letter.id, report));
    expect([unapproved.extensions.code, unapproved.extensions.reason, unapproved.extensions.rule]).toEqual(['CONFLICT', 'REPORT_NOT_APPROVED', 'PV2']);
    const clerk = await expectError(act(w.jx.office, 'approveHigherOfficeReport', letter.id, { opinion: '同意' }));
    expect([clerk.extensions.code, clerk.extensions.reason]).toEqual(['FORBIDDEN', 'ROLE_REQUIRED']);
    const approved = await act(w.jx.chair, 'approveHigherOfficeReport', letter.id, { opinion: '同意上报', approvedOn: '2026-04-11', version: set.setLetterHigherOfficeDeadline.version });
    expect([approved.status, approved.higherOfficeReportApprovedOn, approved.higherOfficeReportApprovedBy, approved.higherOfficeReportApproval]).toEqual([
      'CONCLUDED',
      '2026-04-11',
      NAMES.chair,
      '同意上报',
    ]);
    expect([approved.allowedActions.includes('approveHigherOfficeReport'), approved.allowedActions.includes('reportToHigherOffice')]).toEqual([false, true]);
    const twice = await expectError(act(w.jx.chair, 'approveHigherOfficeReport', letter.id, { opinion: '同意' }));
    expect([twice.extensions.code, twice.extensions.reason]).toEqual(['CONFLICT', 'ALREADY_APPROVED']);
    const early = await expectError(act(w.jx.office, 'reportToHigherOffice', letter.id, { ...report, reportedOn: '2026-03-20' }));
    expect([early.extensions.code, early.extensions.field]).toEqual(['BAD_USER_INPUT', 'reportedOn']);
    const blank = await expectError(act(w.jx.office, 'reportToHigherOffice', letter.id, { ...report, summary: '  ' }));
    expect([blank.extensions.code, blank.extensions.field]).toEqual(['BAD_USER_INPUT', 'summary']);

    const version = approved.version;
    const done = await act(w.jx.office, 'reportToHigherOffice', letter.id, { ...report, version });
    expect([done.status, done.version, done.reportedToHigherOfficeOn, done.higherOfficeReportSummary]).toEqual([
      'CONCLUDED',
      version + 1,
      '2026-04-12',
      '已协调加装电梯，来信人满意',
    ]);
    expect(done.allowedActions).not.toContain('reportToHigherOffice');
    expect((await jxEvents(letter.id)).at(-1)).toEqual({
      action: 'reportToHigherOffice',
      fromStatus: 'CONCLUDED',
      toStatus: 'CONCLUDED',
      actorName: NAMES.jxOffice,
      note: '向浙江省政协办公厅报告办理结果：已协调加装电梯，来信人满意',
    });
    expect(await reportDeadline(letter.id, '2026-04-16')).toMatchObject({ done: true, doneOn: '2026-04-12', late: false, overdue: false });
    // once only; the letter carries on to the reply
    const again = await expectError(act(w.jx.office, 'reportToHigherOffice', letter.id, report));
    expect([again.extensions.code, again.extensions.reason]).toEqual(['CONFLICT', 'ALREADY_REPORTED']);
    const replied = await act(w.jx.office, 'replyToLetter', letter.id, defaultArgs(w, 'OFFICE', 'replyToLetter'));
    expect(replied.status).toBe('REPLIED');
  });

  it('is refused before the letter is concluded, and shows a late report as late (PV2)', async () => {
    const forwarded = await letterAt('OFFICE', 'FORWARDED');
    await w.jx.office.request(gql`mutation ($id: ID!) { setLetterHigherOfficeDeadline(id: $id, dueOn: "2026-04-15", office: "浙江省政协办公厅") { id } }`, { id: forwarded.id });
    const e = await expectError(act(w.jx.office, 'reportToHigherOffice', forwarded.id, { reportedOn: '2026-04-12', summary: '尚在办理' }));
    expect([e.extensions.code, e.extensions.from]).toEqual(['TRANSITION_NOT_ALLOWED', 'FORWARDED']);

    const replied = await letterAt('OFFICE', 'REPLIED');
    await w.jx.office.request(gql`mutation ($id: ID!) { setLetterHigherOfficeDeadline(id: $id, dueOn: "2026-04-15", office: "浙江省政协办公厅") { id } }`, { id: replied.id });
    await act(w.jx.chair, 'approveHigherOfficeReport', replied.id, { opinion: '同意上报', approvedOn: '2026-04-19' });
    const late = await act(w.jx.office, 'reportToHigherOffice', replied.id, { reportedOn: '2026-04-20', summary: '路灯已修复' });
    expect([late.status, late.reportedToHigherOfficeOn]).toEqual(['REPLIED', '2026-04-20']);
    expect((await jxEvents(replied.id)).at(-1).note).toBe('向浙江省政协办公厅报告办理结果（逾期，时限为 2026-04-15）：路灯已修复');
    expect(await reportDeadline(replied.id, '2026-05-01')).toMatchObject({ done: true, doneOn: '2026-04-20', late: true, overdue: false });
  });
});

describe('member mailboxes (MB4, MB6)', () => {
  it('lets the member handle a mailbox letter directly, with no acceptance or leader’s 批示 (MB4)', async () => {
    const letter = await newLetter(w, 'MAILBOX');
    expect([letter.flow, letter.allowedActions]).toEqual([
      'MAILBOX',
      ['handleLetter', 'escalateLetter', 'convertLetter', 'mergeLetters', 'extendDeadline', 'voidLetter', 'setLetterHigherOfficeDeadline', 'handOverLetter'],
    ]);
    const accept = await expectError(act(w.jx.office, 'acceptLetter', letter.id, { writerNotifiedOn: '2026-03-05' }));
    expect([accept.extensions.code, accept.extensions.flow, accept.extensions.allowed]).toEqual([
      'TRANSITION_NOT_ALLOWED',
      'MAILBOX',
      ['handleLetter', 'escalateLetter', 'convertLetter', 'mergeLetters', 'extendDeadline', 'voidLetter', 'setLetterHigherOfficeDeadline', 'handOverLetter'],
    ]);
    await act(w.jx.member, 'handleLetter', letter.id, { result: '联系社区更换路灯', handledOn: '2026-03-06' });
    await act(w.jx.member, 'concludeLetter', letter.id, { outcome: 'RESOLVED', concludedOn: '2026-03-07' });
    await act(w.jx.member, 'replyToLetter', letter.id, { method: 'PHONE', repliedOn: '2026-03-09', content: '路灯已更换' });
    const closed = await act(w.jx.member, 'closeLetter', letter.id, { closedOn: '2026-03-10' });
    expect(closed).toMatchObject({ status: 'CLOSED', handlingResult: '联系社区更换路灯', outcome: 'RESOLVED', repliedOn: '2026-03-09', escalationLevel: null });
    expect((await jxEvents(letter.id)).map((e) => [e.action, e.toStatus, e.actorName])).toEqual([
      ['registerLetter', 'REGISTERED', NAMES.jxOffice],
      ['handleLetter', 'HANDLED', NAMES.member],
      ['concludeLetter', 'CONCLUDED', NAMES.member],
      ['replyToLetter', 'REPLIED', NAMES.member],
      ['closeLetter', 'CLOSED', NAMES.member],
    ]);
  });

  it('escalates member → group → county office → city office, each step with its reason, and no further (MB4)', async () => {
    const letter = await newLetter(w, 'MAILBOX', { title: '片区积水' });
    const down = await expectError(act(w.jx.member, 'escalateLetter', letter.id, { reason: '需协调', level: 'MEMBER' }));
    expect([down.extensions.code, down.extensions.field]).toEqual(['BAD_USER_INPUT', 'level']);
    const g = await act(w.jx.member, 'escalateLetter', letter.id, { reason: '多户反映，需小组集体办理' });
    const c = await act(w.jx.groupStaff, 'escalateLetter', letter.id, { reason: '涉及面广，提交区政协研究' });
    const city = await act(w.jx.office, 'escalateLetter', letter.id, { reason: '区政协难以处理，提交市政协' });
    expect([g, c, city].map((l) => [l.status, l.escalationLevel, l.escalationReason])).toEqual([
      ['ESCALATED', 'LIAISON_GROUP', '多户反映，需小组集体办理'],
      ['ESCALATED', 'COUNTY_OFFICE', '涉及面广，提交区政协研究'],
      ['ESCALATED', 'CITY_OFFICE', '区政协难以处理，提交市政协'],
    ]);
    const top = await expectError(act(w.jx.office, 'escalateLetter', letter.id, { reason: '再上报' }));
    expect([top.extensions.code, top.extensions.reason]).toEqual(['CONFLICT', 'TOP_OF_LADDER']);
    const handled = await act(w.jx.office, 'handleLetter', letter.id, { result: '市政协协调水务部门疏通管网', handledOn: '2026-03-20' });
    expect([handled.status, handled.escalationLevel]).toEqual(['HANDLED', 'CITY_OFFICE']);
    expect((await jxEvents(letter.id)).slice(1).map((e) => [e.action, e.actorName, e.note])).toEqual([
      ['escalateLetter', NAMES.member, '上报至委员活动小组（联络组）：多户反映，需小组集体办理'],
      ['escalateLetter', NAMES.groupStaff, '上报至县（市、区）政协：涉及面广，提交区政协研究'],
      ['escalateLetter', NAMES.jxOffice, '上报至市政协：区政协难以处理，提交市政协'],
      ['handleLetter', NAMES.jxOffice, '办理（市政协）：市政协协调水务部门疏通管网'],
    ]);
  });

  it('keeps the office’s steps to the office: the group’s staff cannot void a mailbox letter (MB4)', async () => {
    const letter = await newLetter(w, 'MAILBOX');
    const e = await expectError(act(w.jx.groupStaff, 'voidLetter', letter.id, { reason: '重复' }));
    expect([e.extensions.code, e.extensions.reason, e.extensions.roles]).toEqual(['FORBIDDEN', 'ROLE_REQUIRED', ['OFFICE_STAFF']]);
    expect((await act(w.jx.office, 'voidLetter', letter.id, { reason: '重复' })).status).toBe('VOIDED');
  });

  it('turns a mailbox letter into an opinion report in the member’s name, keeping the link, and still answers the writer (MB6)', async () => {
    const letter = await newLetter(w, 'MAILBOX', { title: '老旧小区加装电梯', content: '建议简化加装电梯审批' });
    const converted = await act(w.jx.member, 'convertLetter', letter.id, { into: 'OPINION_REPORT' });
    expect([converted.status, converted.convertedTo, converted.allowedActions]).toEqual(['CONVERTED', 'OPINION_REPORT', ['replyToLetter', 'extendDeadline', 'setLetterHigherOfficeDeadline', 'handOverLetter']]);
    const report = await w.jx.office.request<any>(gql`query ($id: ID!) { OpinionReport(id: $id) { title content memberId sourceLetterId bodyId } }`, {
      id: converted.convertedRecordId,
    });
    expect(report.OpinionReport).toEqual({ title: '老旧小区加装电梯', content: '建议简化加装电梯审批', memberId: w.jx.members.lead, sourceLetterId: letter.id, bodyId: w.jx.bodyId });
    expect((await jxEvents(letter.id)).at(-1).note).toBe(`转为社情民意信息「老旧小区加装电梯」（以${NAMES.member}名义）`);
    const replied = await act(w.jx.member, 'replyToLetter', letter.id, { method: 'WRITTEN', repliedOn: '2026-03-12', content: '已作为社情民意信息报送' });
    expect(replied.status).toBe('REPLIED');
  });

  it('turns a letter into a proposal in the group’s name, or a research topic for the group (MB6)', async () => {
    const a = await letterAt('MAILBOX', 'ESCALATED', { title: '社区养老服务' });
    const proposal = await act(w.jx.groupStaff, 'convertLetter', a.id, { into: 'PROPOSAL', liaisonGroupId: w.jx.groupId, memberId: null, title: '关于完善社区养老服务的提案' });
    const p = await w.jx.office.request<any>(gql`query ($id: ID!) { Proposal(id: $id) { title liaisonGroupId sourceLetterId status } }`, { id: proposal.convertedRecordId });
    expect(p.Proposal).toEqual({ title: '关于完善社区养老服务的提案', liaisonGroupId: w.jx.groupId, sourceLetterId: a.id, status: 'DRAFT' });

    const b = await letterAt('MAILBOX', 'HANDLED', { title: '河道保洁' });
    const topic = await act(w.jx.member, 'convertLetter', b.id, { into: 'RESEARCH_TOPIC', liaisonGroupId: w.jx.groupId, researchTopic: '城区河道长效保洁机制' });
    expect([topic.status, topic.convertedTo, topic.convertedRecordId, topic.researchTopic]).toEqual(['CONVERTED', 'RESEARCH_TOPIC', null, '城区河道长效保洁机制']);
    expect((await jxEvents(b.id)).at(-1).note).toBe('转为调研课题「城区河道长效保洁机制」（南湖区第一委员活动小组）');
  });

  it('refuses a deputy’s suggestion from a CPPCC letter and a proposal in nobody’s name (MB6)', async () => {
    const letter = await letterAt('OFFICE', 'ACCEPTED');
    const kind = await expectError(act(w.jx.office, 'convertLetter', letter.id, { into: 'SUGGESTION', memberId: w.jx.members.other }));
    expect([kind.extensions.code, kind.extensions.field]).toEqual(['BAD_USER_INPUT', 'into']);
    const nobody = await expectError(act(w.jx.office, 'convertLetter', letter.id, { into: 'PROPOSAL' }));
    expect([nobody.extensions.code, nobody.extensions.field, nobody.extensions.rule]).toEqual(['BAD_USER_INPUT', 'memberId', 'MB6']);
    const ok = await act(w.jx.office, 'convertLetter', letter.id, { into: 'PROPOSAL', memberId: w.jx.members.other });
    expect([ok.status, ok.convertedTo]).toEqual(['CONVERTED', 'PROPOSAL']);
  });
});

describe('deputy liaison stations (ST4, ST5)', () => {
  const blEvents = (id: string) => eventsOf(w.bl.office, id);

  it('classifies an issue, the street office head signs the assignment, it is followed up, the result comes back to the station and then to the voter (ST4)', async () => {
    const letter = await newLetter(w, 'RECEPTION', { title: '小区停车难' });
    expect([letter.flow, letter.allowedActions]).toEqual([
      'RECEPTION',
      ['answerOnTheSpot', 'classifyLetter', 'mergeLetters', 'extendDeadline', 'voidLetter', 'setLetterHigherOfficeDeadline', 'handOverLetter'],
    ]);
    await act(w.bl.station, 'classifyLetter', letter.id, { category: 'REQUEST', summary: '属街道职责范围' });
    const unsigned = await expectError(act(w.bl.station, 'assignLetter', letter.id, { signedBy: ' ', assignedTo: '新碶街道党政办' }));
    expect([unsigned.extensions.code, unsigned.extensions.field]).toEqual(['BAD_USER_INPUT', 'signedBy']);
    const assigned = await act(w.bl.station, 'assignLetter', letter.id, { signedBy: '林伟', assignedTo: '新碶街道党政办', signedOn: '2026-03-05' });
    await act(w.bl.station, 'followUpLetter', letter.id, { note: '人大街道工委电话督办' });
    const followed = await act(w.bl.station, 'followUpLetter', letter.id, { note: '现场查看进度' });
    const reported = await act(w.bl.station, 'reportResultToStation', letter.id, { result: '新增停车位 40 个', handledOn: '2026-03-25' });
    const replied = await act(w.bl.station, 'replyToLetter', letter.id, { method: 'IN_PERSON', repliedOn: '2026-03-28', content: '已新增车位' });
    expect([assigned.status, followed.status, followed.followUpCount, reported.status, replied.status]).toEqual(['ASSIGNED', 'ASSIGNED', 2, 'HANDLED', 'REPLIED']);
    expect(replied).toMatchObject({
      category: 'REQUEST',
      assignmentSignedBy: '林伟',
      assignmentSignedOn: '2026-03-05',
      assignedTo: '新碶街道党政办',
      handlingResult: '新增停车位 40 个',
      replyMethod: 'IN_PERSON',
      repliedOn: '2026-03-28',
    });
    expect((await blEvents(letter.id)).map((e) => [e.action, e.fromStatus, e.toStatus, e.actorName, e.note])).toEqual([
      ['registerLetter', null, 'REGISTERED', NAMES.station, `登记，编号 ${letter.serialNumber}`],
      ['classifyLetter', 'REGISTERED', 'CLASSIFIED', NAMES.station, '归类为「申诉求决」：属街道职责范围'],
      ['assignLetter', 'CLASSIFIED', 'ASSIGNED', NAMES.station, '林伟签字交办新碶街道党政办落实'],
      ['followUpLetter', 'ASSIGNED', 'ASSIGNED', NAMES.station, '第 1 次督办：人大街道工委电话督办'],
      ['followUpLetter', 'ASSIGNED', 'ASSIGNED', NAMES.station, '第 2 次督办：现场查看进度'],
      ['reportResultToStation', 'ASSIGNED', 'HANDLED', NAMES.station, '办理结果反馈联络站：新增停车位 40 个'],
      ['replyToLetter', 'HANDLED', 'REPLIED', NAMES.station, '当面答复来信人：已新增车位'],
    ]);
  });

  it('answers an issue on the spot and closes it at once (ST5)', async () => {
    const letter = await newLetter(w, 'RECEPTION', { title: '医保政策咨询' });
    const closed = await act(w.bl.station, 'answerOnTheSpot', letter.id, { answer: '已当场解释医保报销政策', answeredBy: '孙海燕' });
    expect(closed).toMatchObject({
      status: 'CLOSED',
      replyMethod: 'IN_PERSON',
      repliedOn: '2026-03-02',
      closedOn: '2026-03-02',
      replyContent: '已当场解释医保报销政策',
      allowedActions: ['reopenLetter'],
    });
    expect((await blEvents(letter.id)).at(-1)).toEqual({
      action: 'answerOnTheSpot',
      fromStatus: 'REGISTERED',
      toStatus: 'CLOSED',
      actorName: NAMES.station,
      note: '接待中当场答复并办结，答复人孙海燕：已当场解释医保报销政策',
    });
  });

  it('sends an issue beyond the street’s powers to a district department, whose handler reports the result back to the station (ST5)', async () => {
    const letter = await letterAt('RECEPTION', 'CLASSIFIED', { title: '占道经营' });
    const forwarded = await act(w.bl.station, 'forwardLetter', letter.id, { leadDepartmentId: w.bl.districtDepartment, forwardedOn: '2026-03-04' });
    expect([forwarded.status, forwarded.leadDepartmentId]).toEqual(['FORWARDED', w.bl.districtDepartment]);
    await act(w.bl.station, 'followUpLetter', letter.id, { note: '督促执法局尽快处理' });
    const back = await act(w.bl.districtHandler, 'reportResultToStation', letter.id, { result: '已清理占道摊位', handledOn: '2026-03-18' });
    expect([back.status, back.handlingResult]).toEqual(['HANDLED', '已清理占道摊位']);
    expect((await blEvents(letter.id)).at(-1).actorName).toBe(NAMES.districtHandler);
    expect((await act(w.bl.station, 'replyToLetter', letter.id, { method: 'PHONE', repliedOn: '2026-03-20', content: '摊位已清理' })).status).toBe('REPLIED');
  });

  it('or makes it a deputy’s suggestion, keeping the link (ST5)', async () => {
    const letter = await letterAt('RECEPTION', 'CLASSIFIED', { title: '增设公交线路' });
    const converted = await act(w.bl.station, 'convertLetter', letter.id, { into: 'SUGGESTION', memberId: w.bl.deputies[1] });
    const s = await w.bl.office.request<any>(gql`query ($id: ID!) { Suggestion(id: $id) { title memberId sourceLetterId status } }`, { id: converted.convertedRecordId });
    expect(s.Suggestion).toEqual({ title: '增设公交线路', memberId: w.bl.deputies[1], sourceLetterId: letter.id, status: 'SUBMITTED' });
    const none = await letterAt('RECEPTION', 'CLASSIFIED');
    const missing = await expectError(act(w.bl.station, 'convertLetter', none.id, { into: 'SUGGESTION' }));
    expect([missing.extensions.code, missing.extensions.field]).toEqual(['BAD_USER_INPUT', 'memberId']);
  });
});

describe('re-handling after a 不满意 rating (SV2)', () => {
  it('reopens a replied letter for re-handling once; a second reopening is refused (SV2)', async () => {
    const letter = await letterAt('OFFICE', 'REPLIED');
    const reopened = await act(w.jx.office, 'reopenLetter', letter.id, { reason: '来信人对处理结果不满意' });
    expect([reopened.status, reopened.reopenCount, reopened.allowedActions]).toEqual(['REOPENED', 1, ['forwardLetter', 'recordHandlingResult', 'extendDeadline', 'voidLetter', 'setLetterHigherOfficeDeadline', 'handOverLetter']]);
    await act(w.jx.office, 'forwardLetter', letter.id, { leadDepartmentId: w.jx.departments.transport, forwardedOn: '2026-04-12' });
    await act(w.jx.transportHandler, 'recordHandlingResult', letter.id, { result: '重新核查后已整改', handledOn: '2026-04-20' });
    await act(w.jx.office, 'concludeLetter', letter.id, { outcome: 'RESOLVED', concludedOn: '2026-04-21' });
    const again = await act(w.jx.office, 'replyToLetter', letter.id, { method: 'PHONE', repliedOn: '2026-04-22', content: '已整改' });
    expect([again.status, again.repliedOn]).toEqual(['REPLIED', '2026-04-22']);
    const second = await expectError(act(w.jx.office, 'reopenLetter', letter.id, { reason: '仍不满意' }));
    expect([second.extensions.code, second.extensions.reason, second.extensions.rule]).toEqual(['CONFLICT', 'ALREADY_REOPENED', 'SV2']);
    expect((await jxEvents(letter.id)).filter((e) => e.action === 'reopenLetter').map((e) => [e.fromStatus, e.toStatus, e.note])).toEqual([
      ['REPLIED', 'REOPENED', '重新办理：来信人对处理结果不满意'],
    ]);
  });

  it('is what the satisfaction survey calls: reopenLetter(ctx, letterId, note) (SV2)', async () => {
    const letter = await letterAt('RECEPTION', 'CLOSED');
    const ctx = { em: t.orm.em.fork(), actor: SYSTEM } as unknown as Context;
    const reopened = await reopenLetter(ctx, letter.id, '满意度测评：不满意');
    expect([reopened.status, reopened.reopenCount]).toEqual(['REOPENED', 1]);
    expect((await eventsOf(w.bl.office, letter.id)).at(-1)).toEqual({
      action: 'reopenLetter',
      fromStatus: 'CLOSED',
      toStatus: 'REOPENED',
      actorName: '系统',
      note: '重新办理：满意度测评：不满意',
    });
    await expect(reopenLetter({ em: t.orm.em.fork(), actor: SYSTEM } as unknown as Context, letter.id, '再次不满意')).rejects.toMatchObject({
      extensions: { code: 'TRANSITION_NOT_ALLOWED', from: 'REOPENED' },
    });
    expect((await act(w.bl.station, 'assignLetter', letter.id, { signedBy: '林伟', assignedTo: '新碶街道城建办' })).status).toBe('ASSIGNED');
  });
});
