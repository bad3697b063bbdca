import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';
import { modelForRoles } from '../../admin/src/providers/access.js';
import { argLabel, ASKED_AFTER_REFUSAL, verbDefaults, verbModel, verbUsable, verbVariables } from '../../admin/src/letters/verbs.js';
import { addDays, chinaDateTime, daysFrom, deadlineText, deadlineTone, dueInDays, ruleText, todayInChina } from '../../admin/src/letters/deadlines.js';
import { canRate, ratingConsequence, ratingSource } from '../../admin/src/letters/rating.js';

const model = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));

describe('the dialog of a step, from the committed schema', () => {
  it('asks for the forward’s lead department, co-handlers, coordinator, date and note, and supplies the letter (PV7); the reason for a unit the letter names is asked after a refusal (PV5)', () => {
    const forward = verbModel(model, 'forwardLetter')!;
    // required first, the note last; labels without rule codes, what the brackets said as a hint
    expect(forward.args.map((a) => [a.name, a.kind, a.reference ?? null, a.required, a.label, a.hint])).toEqual([
      ['leadDepartmentId', 'ref', 'Department', true, '主办单位', null],
      ['coHandlerDepartmentIds', 'refs', 'Department', false, '协办单位', null],
      // issue 12: shown only once the server refuses a forward to a unit the letter names (ASKED_AFTER_REFUSAL)
      ['confirmNamedDepartment', 'string', null, false, '确认转办理由', '来信内容提到所选单位而未列为涉及单位时须填写；记入办理记录'],
      ['coordinatorLeaderId', 'ref', 'Leader', false, '协调主办、协办单位的分管副秘书长', '有协办单位时必填'],
      ['forwardedOn', 'date', null, false, '转办日期', '默认今天'],
      ['note', 'string', null, false, '备注', null],
    ]);
    expect(ASKED_AFTER_REFUSAL.forwardLetter).toBe('confirmNamedDepartment');
    expect(forward.document).toBe(
      'mutation ($coHandlerDepartmentIds: [ID!], $confirmNamedDepartment: String, $coordinatorLeaderId: ID, $forwardedOn: LocalDate, $id: ID!, $leadDepartmentId: ID!, $note: String, $version: Int) { forwardLetter(coHandlerDepartmentIds: $coHandlerDepartmentIds, confirmNamedDepartment: $confirmNamedDepartment, coordinatorLeaderId: $coordinatorLeaderId, forwardedOn: $forwardedOn, id: $id, leadDepartmentId: $leadDepartmentId, note: $note, version: $version) { id version status } }',
    );
  });

  it('sends the letter, its version and what was filled in, leaving out what was left empty', () => {
    const accept = verbModel(model, 'acceptLetter')!;
    expect(verbVariables(accept, { id: 7, version: 3 }, { writerNotifiedOn: '2026-03-05', repeatOfLetterId: '', note: undefined })).toEqual({
      id: '7',
      version: 3,
      writerNotifiedOn: '2026-03-05',
    });
    const extend = verbModel(model, 'extendDeadline')!;
    expect(verbVariables(extend, { id: '7', version: 1 }, { days: '30', reason: '情况复杂' })).toEqual({ id: '7', version: 1, days: 30, reason: '情况复杂' });
    // merging takes the letter as a repeat of the main letter picked in the dialog
    const merge = verbModel(model, 'mergeLetters')!;
    expect([merge.takesId, verbVariables(merge, { id: '9', version: 2 }, { mainLetterId: '4' })]).toEqual([false, { letterIds: ['9'], mainLetterId: '4' }]);
  });

  it('hides a dialog whose picker the role may not read, but for a hand-over, whose accounts come from handOverCandidates (PV4)', () => {
    const office = modelForRoles(model, ['OFFICE_STAFF']);
    expect([verbUsable(verbModel(office, 'forwardLetter')!, office), verbUsable(verbModel(office, 'handOverLetter')!, office)]).toEqual([true, true]);
    // a picker of a resource the role may not read is not offered
    const noDepartments = { ...office, resources: office.resources.filter((r) => r.name !== 'Department') };
    expect(verbUsable(verbModel(noDepartments, 'forwardLetter')!, noDepartments)).toBe(false);
  });

  it('reads labels and hints from the descriptions without rule codes', () => {
    expect([argLabel('告知来信人受理的日期（LAW 第23条：15 日内；匿名来信可空）', 'x'), argLabel('延长天数（1–30，PV3）', 'x'), argLabel('备注', 'x')]).toEqual([
      { label: '告知来信人受理的日期', hint: '15 日内；匿名来信可空' },
      { label: '延长天数', hint: '1–30' },
      { label: '备注', hint: null },
    ]);
  });

  it('starts the reply’s required date at today; a date the server defaults itself stays empty', () => {
    expect(verbDefaults(verbModel(model, 'replyToLetter')!, '2026-11-26')).toEqual({ repliedOn: '2026-11-26' });
    expect(verbDefaults(verbModel(model, 'forwardLetter')!, '2026-11-26')).toEqual({});
  });

  it('knows no step the API does not have', () => {
    expect(verbModel(model, 'teleportLetter')).toBeNull();
  });
});

describe('deadline chips (DL1)', () => {
  it('say how much time is left or how late, and colour it', () => {
    const cases = [
      { done: true, overdue: false, daysLeft: null },
      { done: false, overdue: true, daysLeft: -3 },
      { done: false, overdue: false, daysLeft: 0 },
      { done: false, overdue: false, daysLeft: 2 },
      { done: false, overdue: false, daysLeft: 9 },
    ];
    expect(cases.map((d) => [deadlineText(d), deadlineTone(d)])).toEqual([
      ['已完成', 'success'],
      ['已超期 3 个工作日', 'error'],
      ['今天到期', 'warning'],
      ['剩 2 个工作日', 'warning'],
      ['剩 9 个工作日', 'default'],
    ]);
    expect(ruleText({ ruleRef: 'MB5：15 个工作日', provisional: true })).toBe('依据：MB5：15 个工作日（暂定：该年度节假日尚未录入）');
  });

  it('give the list’s chip in calendar days, across a month and a year', () => {
    expect(daysFrom('2026-11-26', '2026-12-01')).toBe(5);
    expect(daysFrom('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysFrom('2026-11-26', '2026-03-19')).toBe(-252);
    expect([dueInDays(-252), dueInDays(0), dueInDays(3)]).toEqual(['超期 252 天', '今天到期', '剩 3 天']);
  });

  it('count the due-soon window in calendar days from today in China', () => {
    expect([addDays('2026-12-28', 7), todayInChina(new Date('2026-12-01T17:30:00Z'))]).toEqual(['2027-01-04', '2026-12-02']);
    expect(chinaDateTime('2026-08-17T19:00:00.000Z')).toBe('2026-08-18 03:00');
  });
});

describe('recording a rating (SV1, SV2)', () => {
  it('says before saving what a 不满意 will do: reopen once, then go to the leaders', () => {
    expect([
      ratingConsequence('SATISFIED', { reopenCount: 0 }),
      ratingConsequence('DISSATISFIED', { reopenCount: 0 }),
      ratingConsequence('DISSATISFIED', { reopenCount: 1 }),
      ratingConsequence('DISSATISFIED', { reopenCount: 0, reReviewAnsweredOn: '2026-06-01' }),
    ]).toEqual([null, '保存后，来信将退回重新办理（SV2：不满意的来信重新办理一次）。', '保存后，来信将上报领导（SV2：重新办理后仍不满意的上报）。', '保存后，来信将上报领导（SV2：重新办理后仍不满意的上报）。']);
  });

  it('is offered to the office and the station on answered letters only; a paper form is the writer’s', () => {
    expect([canRate(['OFFICE_STAFF'], { status: 'REPLIED' }), canRate(['LEADER'], { status: 'REPLIED' }), canRate(['OFFICE_STAFF'], { status: 'FORWARDED' })]).toEqual([true, false, false]);
    expect([ratingSource('PHONE'), ratingSource('VISIT'), ratingSource('FORM')]).toEqual(['STAFF', 'STAFF', 'WRITER']);
  });
});
