import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type GraphQLClient } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { admin, authenticationStatements } from '../support/casework-fixtures.js';
import { signIn } from '../support/sessions.js';
import { Notification, NotificationKind } from '../../server/src/platform/notification/notification.entity.js';

let t: TestApp;
/** As the session `t.client` points at: each describe acts as the office staff of its organization. */
const req = <T = any>(query: string, variables?: Record<string, unknown>) => t.client.request<T>(query, variables);
/** An office staff session of `organizationId` (PR3: it reaches that organization's subtree and bodies). */
const officeStaff = async (organizationId: string) => (await signIn(t, { roles: ['OFFICE_STAFF'], organizationId })).client;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

// bodies and organizations are installation-wide: the system administrator creates them
async function body(name: string, kind: 'CPPCC' | 'CONGRESS', level: 'CITY' | 'COUNTY' = 'COUNTY'): Promise<string> {
  const r = await (await admin(t)).request<any>(
    gql`mutation ($name: String!, $kind: BodyKind!, $level: BodyLevel!) { createBody(name: $name, kind: $kind, level: $level) { id } }`,
    { name, kind, level },
  );
  return r.createBody.id;
}
async function organization(name: string, code: string, bodyId: string, parentId?: string, kind = 'LIAISON_OFFICE'): Promise<string> {
  const r = await (await admin(t)).request<any>(
    gql`mutation ($name: String!, $code: String!, $bodyId: ID!, $parentId: ID, $kind: OrganizationKind!) {
      createOrganization(name: $name, code: $code, kind: $kind, bodyId: $bodyId, parentId: $parentId) { id }
    }`,
    { name, code, bodyId, parentId, kind },
  );
  return r.createOrganization.id;
}
async function member(name: string, kind: 'CPPCC_MEMBER' | 'DEPUTY', bodyId: string, organizationId: string, termEnd?: string): Promise<string> {
  const r = await req(
    gql`mutation ($name: String!, $kind: MemberKind!, $bodyId: ID!, $organizationId: ID!, $termEnd: LocalDate) {
      createMember(name: $name, kind: $kind, bodyId: $bodyId, organizationId: $organizationId, termNumber: 6, termStart: "2022-01-01", termEnd: $termEnd) { id }
    }`,
    { name, kind, bodyId, organizationId, termEnd },
  );
  return r.createMember.id;
}
async function sector(name: string, bodyId: string): Promise<string> {
  const r = await req(gql`mutation ($name: String!, $bodyId: ID!) { createSector(name: $name, bodyId: $bodyId) { id } }`, { name, bodyId });
  return r.createSector.id;
}
async function group(name: string, bodyId: string, organizationId: string): Promise<string> {
  const r = await req(
    gql`mutation ($name: String!, $bodyId: ID!, $organizationId: ID!) { createLiaisonGroup(name: $name, bodyId: $bodyId, organizationId: $organizationId) { id } }`,
    { name, bodyId, organizationId },
  );
  return r.createLiaisonGroup.id;
}

const CREATE_ACTIVITY = gql`
  mutation ($title: String!, $kind: ActivityKind!, $bodyId: ID!, $heldOn: LocalDate!, $sectorId: ID, $organizationId: ID, $location: String) {
    createActivity(title: $title, kind: $kind, bodyId: $bodyId, heldOn: $heldOn, sectorId: $sectorId, organizationId: $organizationId, location: $location) {
      id title kind bodyId sectorId organizationId liaisonGroupId heldOn location version
    }
  }
`;
async function activity(title: string, kind: string, bodyId: string, heldOn: string, sectorId?: string): Promise<string> {
  const r = await req(CREATE_ACTIVITY, { title, kind, bodyId, heldOn, sectorId });
  return r.createActivity.id;
}

const RECORD = gql`
  mutation ($memberId: ID!, $activityId: ID, $receptionId: ID, $status: AttendanceStatus!, $note: String) {
    recordAttendance(memberId: $memberId, activityId: $activityId, receptionId: $receptionId, status: $status, note: $note) {
      id memberId memberName activityId receptionId status note version
    }
  }
`;
const attend = (memberId: string, activityId: string, status = 'PRESENT') => req(RECORD, { memberId, activityId, status });

const CREATE_PROPOSAL = gql`
  mutation ($title: String!, $bodyId: ID!, $year: Int!, $memberId: ID, $liaisonGroupId: ID, $status: ProposalStatus, $serialNumber: String, $sourceLetterId: ID, $submittedOn: LocalDate) {
    createProposal(title: $title, bodyId: $bodyId, year: $year, memberId: $memberId, liaisonGroupId: $liaisonGroupId, status: $status, serialNumber: $serialNumber, sourceLetterId: $sourceLetterId, submittedOn: $submittedOn) {
      id title memberId memberName liaisonGroupId bodyId year status serialNumber sourceLetterId submittedOn
    }
  }
`;
const CREATE_REPORT = gql`
  mutation ($title: String!, $bodyId: ID!, $submittedOn: LocalDate!, $memberId: ID, $liaisonGroupId: ID, $isAdopted: Boolean, $adoptedBy: String) {
    createOpinionReport(title: $title, bodyId: $bodyId, submittedOn: $submittedOn, memberId: $memberId, liaisonGroupId: $liaisonGroupId, isAdopted: $isAdopted, adoptedBy: $adoptedBy) {
      id title memberId liaisonGroupId submittedOn isAdopted adoptedBy
    }
  }
`;

describe('duty activities, attendance and outputs', () => {
  let jx: string;
  let office: string;
  let econ: string;
  let grp: string;
  let zhang: string;
  let li: string;
  let research: string;
  let cityOffice: string;
  let hn: string;

  beforeAll(async () => {
    // the district's liaison office and another county-level body's office both hang under the city office
    cityOffice = await organization('嘉兴市政协办公室', 'JX', await body('嘉兴市政协', 'CPPCC', 'CITY'), undefined, 'OFFICE');
    jx = await body('嘉兴市南湖区政协', 'CPPCC');
    office = await organization('南湖区政协新兴街道联络处', 'NHXX', jx, cityOffice);
    hn = await body('海宁市政协', 'CPPCC');
    await organization('海宁市政协办公室', 'HN', hn, cityOffice, 'OFFICE');
    t.client = await officeStaff(office);
    econ = await sector('经济界', jx);
    grp = await group('新兴街道委员活动小组', jx, office);
    zhang = await member('张伟', 'CPPCC_MEMBER', jx, office);
    li = await member('李娜', 'CPPCC_MEMBER', jx, office);
  });

  it('creates, updates, searches and deletes an activity', async () => {
    const created = await req(CREATE_ACTIVITY, {
      title: '老旧小区加装电梯专题调研',
      kind: 'RESEARCH',
      bodyId: jx,
      heldOn: '2025-03-10',
      organizationId: office,
      location: '新兴街道',
    });
    expect(created.createActivity).toMatchObject({
      title: '老旧小区加装电梯专题调研',
      kind: 'RESEARCH',
      bodyId: jx,
      organizationId: office,
      sectorId: null,
      heldOn: '2025-03-10',
      version: 1,
    });
    research = created.createActivity.id;
    const upd = await req(gql`mutation ($id: ID!) { updateActivity(id: $id, version: 1, location: "新兴街道社区服务中心") { location version } }`, { id: research });
    expect(upd.updateActivity).toEqual({ location: '新兴街道社区服务中心', version: 2 });
    const found = await req(gql`{ allActivities(filter: { q: "电梯" }) { id } _allActivitiesMeta(filter: { kind: RESEARCH }) { count } }`);
    expect(found).toEqual({ allActivities: [{ id: research }], _allActivitiesMeta: { count: 1 } });
    const tmp = await activity('年度学习会', 'STUDY', jx, '2025-01-05');
    const del = await req(gql`mutation ($id: ID!) { deleteActivity(id: $id) { id title } }`, { id: tmp });
    expect(del.deleteActivity).toEqual({ id: tmp, title: '年度学习会' });
  });

  it('refuses a sector activity without its sector, naming sectorId (LO2)', async () => {
    const err = await expectError(req(CREATE_ACTIVITY, { title: '经济界界别活动', kind: 'SECTOR_ACTIVITY', bodyId: jx, heldOn: '2025-06-01' }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sectorId' });
    const ok = await req(CREATE_ACTIVITY, { title: '经济界界别活动', kind: 'SECTOR_ACTIVITY', bodyId: jx, heldOn: '2025-06-01', sectorId: econ });
    expect(ok.createActivity.sectorId).toBe(econ);
  });

  it('refuses an organizer from another body, naming organizationId', async () => {
    // the city office reaches both bodies; the district's liaison office cannot organize Haining's activity
    const city = await officeStaff(cityOffice);
    const err = await expectError(city.request(CREATE_ACTIVITY, { title: '视察', kind: 'INSPECTION', bodyId: hn, heldOn: '2025-06-01', organizationId: office }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
  });

  it('records attendance and lets status and note change, never who or where', async () => {
    const rec = await req(RECORD, { memberId: zhang, activityId: research, status: 'PRESENT' });
    expect(rec.recordAttendance).toMatchObject({ memberId: zhang, memberName: '张伟', activityId: research, receptionId: null, status: 'PRESENT', note: null, version: 1 });
    const id = rec.recordAttendance.id;
    const upd = await req(gql`mutation ($id: ID!) { updateAttendance(id: $id, version: 1, status: EXCUSED, note: "因公出差请假") { status note version } }`, { id });
    expect(upd.updateAttendance).toEqual({ status: 'EXCUSED', note: '因公出差请假', version: 2 });
    const noMove = await expectError(req(gql`mutation ($id: ID!, $m: ID!) { updateAttendance(id: $id, memberId: $m) { id } }`, { id, m: li }));
    expect(noMove.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const noDelete = await expectError(req(gql`mutation ($id: ID!) { deleteAttendance(id: $id) { id } }`, { id }));
    expect(noDelete.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const created = await req(gql`mutation ($m: ID!, $a: ID!) { createAttendance(memberId: $m, activityId: $a, status: PRESENT) { memberId status } }`, { m: li, a: research });
    expect(created.createAttendance).toEqual({ memberId: li, status: 'PRESENT' });
  });

  it('refuses attendance at neither an activity nor a reception, naming activityId, writing nothing', async () => {
    const neither = await expectError(req(RECORD, { memberId: zhang, status: 'PRESENT' }));
    expect(neither.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'activityId' });
    const count = await req(gql`{ _allAttendancesMeta { count } }`);
    expect(count._allAttendancesMeta.count).toBe(2);
  });

  it('keeps the exactly-one rule in the database too (check constraint)', async () => {
    const conn = t.orm.em.getConnection();
    await expect(conn.execute(`insert into attendance (member_id, status) values (${zhang}, 'PRESENT')`)).rejects.toThrow(
      /attendance_activity_xor_reception/,
    );
  });

  it('refuses a second attendance of the same member at the same activity with CONFLICT naming memberId', async () => {
    const err = await expectError(attend(zhang, research, 'ABSENT'));
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', field: 'memberId' });
    const list = await req(gql`query ($a: ID!) { allAttendances(filter: { activityId: $a }, sortField: "id") { memberName status } }`, { a: research });
    expect(list.allAttendances).toEqual([
      { memberName: '张伟', status: 'EXCUSED' },
      { memberName: '李娜', status: 'PRESENT' },
    ]);
  });

  it('refuses to delete an activity someone attended', async () => {
    const err = await expectError(req(gql`mutation ($id: ID!) { deleteActivity(id: $id) { id } }`, { id: research }));
    expect(err.extensions.code).toBe('CONFLICT');
    expect(err.message).toContain('无法删除');
  });

  it('needs a proposer or a group for a proposal (MB6), and keeps the source letter link', async () => {
    const err = await expectError(req(CREATE_PROPOSAL, { title: '关于加强社区养老服务的提案', bodyId: jx, year: 2025 }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
    const letter = await req(
      gql`mutation ($org: ID!) { registerLetter(organizationId: $org, channel: POST, title: "社区缺少养老服务站", content: "希望在社区设立养老服务站", receivedOn: "2025-02-01", writerName: "赵敏") { id } }`,
      { org: office },
    );
    const byGroup = await req(CREATE_PROPOSAL, {
      title: '关于加强社区养老服务的提案',
      bodyId: jx,
      year: 2025,
      liaisonGroupId: grp,
      sourceLetterId: letter.registerLetter.id,
      serialNumber: '2025-001',
    });
    expect(byGroup.createProposal).toMatchObject({
      memberId: null,
      memberName: null,
      liaisonGroupId: grp,
      status: 'DRAFT',
      serialNumber: '2025-001',
      sourceLetterId: letter.registerLetter.id,
    });
    const byMember = await req(CREATE_PROPOSAL, { title: '关于优化公交线路的提案', bodyId: jx, year: 2025, memberId: zhang, status: 'SUBMITTED', submittedOn: '2025-01-15' });
    expect(byMember.createProposal).toMatchObject({ memberId: zhang, memberName: '张伟', status: 'SUBMITTED', submittedOn: '2025-01-15' });
    const found = await req(gql`query ($l: ID!) { allProposals(filter: { sourceLetterId: $l }) { title } }`, { l: letter.registerLetter.id });
    expect(found.allProposals).toEqual([{ title: '关于加强社区养老服务的提案' }]);
  });

  it('refuses a proposal serial number used twice in a body and year, allowing it in another year', async () => {
    const err = await expectError(req(CREATE_PROPOSAL, { title: '重复编号提案', bodyId: jx, year: 2025, memberId: li, serialNumber: '2025-001' }));
    expect(err.extensions.code).toBe('CONFLICT');
    expect(err.extensions.field).toBe('bodyId,year,serialNumber');
    const ok = await req(CREATE_PROPOSAL, { title: '另一年度提案', bodyId: jx, year: 2026, memberId: li, serialNumber: '2025-001' });
    expect(ok.createProposal.year).toBe(2026);
  });

  it('creates an opinion report in a member’s name; an adopting unit needs adoption', async () => {
    const bad = await expectError(req(CREATE_REPORT, { title: '关于电动自行车充电难的建议', bodyId: jx, submittedOn: '2025-04-01', memberId: zhang, adoptedBy: '省政协采用' }));
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'adoptedBy' });
    const none = await expectError(req(CREATE_REPORT, { title: '无署名信息', bodyId: jx, submittedOn: '2025-04-01' }));
    expect(none.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
    const ok = await req(CREATE_REPORT, {
      title: '关于电动自行车充电难的建议',
      bodyId: jx,
      submittedOn: '2025-04-01',
      memberId: zhang,
      isAdopted: true,
      adoptedBy: '省政协采用',
    });
    expect(ok.createOpinionReport).toMatchObject({ memberId: zhang, liaisonGroupId: null, isAdopted: true, adoptedBy: '省政协采用', submittedOn: '2025-04-01' });
    const adopted = await req(gql`{ allOpinionReports(filter: { isAdopted: true, q: "充电" }) { title } }`);
    expect(adopted.allOpinionReports).toEqual([{ title: '关于电动自行车充电难的建议' }]);
  });

  it('records a suggestion and the office’s answer whether it was adopted (CT6)', async () => {
    const s = await req(gql`mutation ($b: ID!, $m: ID!) { createSuggestion(title: "改进委员学习培训方式", bodyId: $b, memberId: $m, submittedOn: "2025-05-01") { id status version } }`, { b: jx, m: li });
    expect(s.createSuggestion).toMatchObject({ status: 'SUBMITTED', version: 1 });
    const id = s.createSuggestion.id;
    const undecided = await expectError(req(gql`mutation ($id: ID!) { updateSuggestion(id: $id, respondedOn: "2025-06-01", responseNote: "已收悉") { id } }`, { id }));
    expect(undecided.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    const early = await expectError(req(gql`mutation ($id: ID!) { updateSuggestion(id: $id, status: ADOPTED, respondedOn: "2025-04-01") { id } }`, { id }));
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'respondedOn' });
    const ok = await req(gql`mutation ($id: ID!) { updateSuggestion(id: $id, version: 1, status: ADOPTED, respondedOn: "2025-06-01", responseNote: "主席会议已采纳") { status respondedOn responseNote memberName version } }`, { id });
    expect(ok.updateSuggestion).toEqual({ status: 'ADOPTED', respondedOn: '2025-06-01', responseNote: '主席会议已采纳', memberName: '李娜', version: 2 });
  });

  it('files one work plan and one summary per liaison office and year (LO1)', async () => {
    const plan = await req(gql`mutation ($o: ID!) { createWorkPlan(organizationId: $o, year: 2025, title: "2025年度工作计划", content: "每季度至少开展一次活动", filedOn: "2025-01-10") { organizationId year title filedOn } }`, { o: office });
    expect(plan.createWorkPlan).toEqual({ organizationId: office, year: 2025, title: '2025年度工作计划', filedOn: '2025-01-10' });
    const dup = await expectError(req(gql`mutation ($o: ID!) { createWorkPlan(organizationId: $o, year: 2025, title: "重复计划") { id } }`, { o: office }));
    expect(dup.extensions).toMatchObject({ code: 'CONFLICT', field: 'organizationId,year' });
    const summary = await req(gql`mutation ($o: ID!) { createWorkSummary(organizationId: $o, year: 2025, title: "2025年度工作总结") { id year } }`, { o: office });
    expect(summary.createWorkSummary.year).toBe(2025);
    const list = await req(gql`query ($o: ID!) { allWorkPlans(filter: { organizationId: $o, year: 2025 }) { title } allWorkSummaries { title } }`, { o: office });
    expect(list).toEqual({ allWorkPlans: [{ title: '2025年度工作计划' }], allWorkSummaries: [{ title: '2025年度工作总结' }] });
  });
});

const CREATE_RULE = gql`
  mutation ($bodyId: ID!, $year: Int!, $memberKind: MemberKind!, $measure: PerformanceMeasure!, $threshold: Float!, $points: Float!, $pointsPerExtra: Float, $maxPoints: Float, $ruleRef: String) {
    createScoringRule(bodyId: $bodyId, year: $year, memberKind: $memberKind, measure: $measure, threshold: $threshold, points: $points, pointsPerExtra: $pointsPerExtra, maxPoints: $maxPoints, ruleRef: $ruleRef) {
      id bodyId year memberKind measure threshold points pointsPerExtra maxPoints ruleRef
    }
  }
`;

describe('scoring rules (PF1)', () => {
  let cn: string;
  beforeAll(async () => {
    cn = await body('苍南县政协', 'CPPCC');
    t.client = await officeStaff(await organization('苍南县政协办公室', 'CN', cn, undefined, 'OFFICE'));
  });

  it('creates a rule and refuses a second one for the same body, year, kind and measure', async () => {
    const r = await req(CREATE_RULE, { bodyId: cn, year: 2024, memberKind: 'CPPCC_MEMBER', measure: 'CONSTITUENT_VISITS', threshold: 2, points: 5, ruleRef: 'CT4' });
    expect(r.createScoringRule).toMatchObject({ bodyId: cn, year: 2024, threshold: 2, points: 5, pointsPerExtra: 0, maxPoints: null, ruleRef: 'CT4' });
    const dup = await expectError(req(CREATE_RULE, { bodyId: cn, year: 2024, memberKind: 'CPPCC_MEMBER', measure: 'CONSTITUENT_VISITS', threshold: 3, points: 5 }));
    expect(dup.extensions).toMatchObject({ code: 'CONFLICT', field: 'bodyId,year,memberKind,measure' });
  });

  it('refuses deputies’ rules for a CPPCC, a negative threshold and a cap below the points', async () => {
    const kind = await expectError(req(CREATE_RULE, { bodyId: cn, year: 2024, memberKind: 'DEPUTY', measure: 'RECEPTIONS_ATTENDED', threshold: 1, points: 10 }));
    expect(kind.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberKind' });
    const neg = await expectError(req(CREATE_RULE, { bodyId: cn, year: 2024, memberKind: 'CPPCC_MEMBER', measure: 'PROPOSALS', threshold: -1, points: 10 }));
    expect(neg.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'threshold' });
    const cap = await expectError(req(CREATE_RULE, { bodyId: cn, year: 2024, memberKind: 'CPPCC_MEMBER', measure: 'PROPOSALS', threshold: 1, points: 10, maxPoints: 5 }));
    expect(cap.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxPoints' });
  });

  it('installs the default rules of the body kind, keeping existing ones (LO2)', async () => {
    const r = await req(gql`mutation ($b: ID!) { installDefaultScoringRules(bodyId: $b, year: 2024) { measure threshold points ruleRef } }`, { b: cn });
    expect(r.installDefaultScoringRules.map((x: any) => x.measure)).toEqual([
      'CONSTITUENT_VISITS',
      'PROPOSALS',
      'OPINION_REPORTS',
      'RESEARCH',
      'INSPECTIONS',
      'SECTOR_ACTIVITIES',
      'PRACTICAL_DEEDS',
    ]);
    const again = await req(gql`mutation ($b: ID!) { installDefaultScoringRules(bodyId: $b, year: 2024) { id } }`, { b: cn });
    expect(again.installDefaultScoringRules).toHaveLength(7);
  });
});

describe('computePerformanceScores (LO3, PF1, PF2)', () => {
  let cppcc: string;
  let a: string;
  let b: string;
  let congress: string;
  let wang: string;
  let chen: string;
  let r1: string;
  let rec1: string;
  let bl: string;
  /** The office staff of Longwan's liaison office and of Beilun's street working committee. */
  let lwyz: GraphQLClient;
  let blxq: GraphQLClient;

  beforeAll(async () => {
    cppcc = await body('温州市龙湾区政协', 'CPPCC');
    const office = await organization('龙湾区政协永中街道联络处', 'LWYZ', cppcc);
    lwyz = await officeStaff(office);
    t.client = lwyz;
    const sec = await sector('教育界', cppcc);
    const grp = await group('永中街道委员活动小组', cppcc, office);
    a = await member('王秀英', 'CPPCC_MEMBER', cppcc, office);
    b = await member('刘洋', 'CPPCC_MEMBER', cppcc, office);
    // seated until the end of 2024: not scored for 2025
    await member('陈杰', 'CPPCC_MEMBER', cppcc, office, '2024-12-31');

    r1 = await activity('河道治理调研', 'RESEARCH', cppcc, '2025-03-10');
    const i1 = await activity('民生实事项目视察', 'INSPECTION', cppcc, '2025-05-20');
    const s1 = await activity('教育界别活动', 'SECTOR_ACTIVITY', cppcc, '2025-06-01', sec);
    const p1 = await activity('为困难群众送温暖', 'PRACTICAL_DEED', cppcc, '2025-08-01');
    const r0 = await activity('上年度调研', 'RESEARCH', cppcc, '2024-11-01');
    for (const act of [r1, i1, s1, p1, r0]) await attend(a, act);
    await attend(b, r1);
    await attend(b, i1, 'ABSENT');
    await attend(b, s1, 'EXCUSED');

    const proposal = (title: string, memberId: string | undefined, status: string, year = 2025) =>
      req(CREATE_PROPOSAL, { title, bodyId: cppcc, year, memberId, liaisonGroupId: memberId ? undefined : grp, status });
    await proposal('关于河道保洁的提案', a, 'SUBMITTED');
    await proposal('关于校园安全的提案', a, 'HANDLED');
    await proposal('尚未提交的草稿', a, 'DRAFT');
    await proposal('关于停车难的提案', b, 'ACCEPTED');
    await proposal('以小组名义的提案', undefined, 'SUBMITTED');
    await proposal('上年度提案', b, 'SUBMITTED', 2024);
    await req(CREATE_REPORT, { title: '关于垃圾分类的社情民意', bodyId: cppcc, submittedOn: '2025-04-01', memberId: a });
    await req(CREATE_REPORT, { title: '上年度信息', bodyId: cppcc, submittedOn: '2024-12-30', memberId: b });

    const c = await req(gql`mutation ($o: ID!) { createConstituent(name: "周敏", organizationId: $o) { id } }`, { o: office });
    const constituentId = c.createConstituent.id;
    await req(gql`mutation ($m: ID!, $c: ID!) { createContactPairing(kind: MEMBER_CONSTITUENT, memberId: $m, constituentId: $c, startDate: "2025-01-01") { id } }`, { m: a, c: constituentId });
    const visit = (memberId: string, visitedOn: string) =>
      req(gql`mutation ($m: ID!, $c: ID!, $d: LocalDate!) { createContactVisit(kind: MEMBER_CONSTITUENT, mode: VISIT, memberId: $m, constituentId: $c, visitedOn: $d) { id } }`, {
        m: memberId,
        c: constituentId,
        d: visitedOn,
      });
    await visit(a, '2025-02-01');
    await visit(a, '2025-09-01');
    await visit(b, '2025-03-01');
    await visit(b, '2024-10-01');

    // the rules: LO2's defaults, proposals rewarded beyond the minimum, and CT4
    const rules = await req(gql`mutation ($b: ID!) { installDefaultScoringRules(bodyId: $b, year: 2025) { id measure } }`, { b: cppcc });
    const proposals = rules.installDefaultScoringRules.find((r: any) => r.measure === 'PROPOSALS');
    await req(gql`mutation ($id: ID!) { updateScoringRule(id: $id, pointsPerExtra: 2, maxPoints: 14) { id } }`, { id: proposals.id });
    await req(CREATE_RULE, { bodyId: cppcc, year: 2025, memberKind: 'CPPCC_MEMBER', measure: 'CONSTITUENT_VISITS', threshold: 2, points: 5, ruleRef: 'CT4' });
    // another year's rules do not apply
    await req(CREATE_RULE, { bodyId: cppcc, year: 2024, memberKind: 'CPPCC_MEMBER', measure: 'RESEARCH', threshold: 1, points: 100 });

    // deputies: ST2 receptions
    congress = await body('宁波市北仑区人大常委会', 'CONGRESS');
    bl = await organization('北仑区人大新碶街道工委', 'BLXQ', congress);
    blxq = await officeStaff(bl);
    t.client = blxq;
    wang = await member('王芳', 'DEPUTY', congress, bl);
    chen = await member('陈静', 'DEPUTY', congress, bl);
    const st = await req(gql`mutation ($o: ID!, $d: [ID!]) { createLiaisonStation(name: "新碶街道代表联络站", organizationId: $o, deputyIds: $d) { id } }`, {
      o: bl,
      d: [wang, chen],
    });
    const reception = (heldOn: string, deputyIds: string[]) =>
      req(gql`mutation ($s: ID!, $d: LocalDate!, $ids: [ID!]) { createReception(liaisonStationId: $s, form: REGULAR, heldOn: $d, deputyIds: $ids) { id } }`, {
        s: st.createLiaisonStation.id,
        d: heldOn,
        ids: deputyIds,
      }).then((r: any) => r.createReception.id as string);
    rec1 = await reception('2025-02-15', [wang]);
    const rec2 = await reception('2025-04-15', [wang, chen]);
    await req(RECORD, { memberId: chen, receptionId: rec1, status: 'PRESENT' });
    await req(RECORD, { memberId: chen, receptionId: rec2, status: 'ABSENT', note: '外出学习' });
    await req(gql`mutation ($b: ID!) { installDefaultScoringRules(bodyId: $b, year: 2025) { id } }`, { b: congress });
  });

  const RECORDS = gql`
    query ($b: ID!) {
      allDutyRecords(filter: { bodyId: $b, year: 2025 }, sortField: "memberId", sortOrder: "ASC") {
        memberName proposals opinionReports research inspections sectorActivities practicalDeeds
        receptionsAttended constituentVisits constituentsInTouch lettersHandled version
      }
    }
  `;
  const SCORES = gql`
    query ($b: ID!) {
      allPerformanceScores(filter: { bodyId: $b, year: 2025 }) {
        memberId memberName year total version
        breakdown { measure value threshold points met ruleRef }
      }
    }
  `;

  it('refuses attendance at both an activity and a reception, naming activityId, writing nothing', async () => {
    t.client = blxq;
    // an activity of the deputy's own congress (Longwan's activities are outside Beilun's reach, PR3)
    const inspection = await activity('代表集中视察', 'INSPECTION', congress, '2025-03-20');
    const both = await expectError(req(RECORD, { memberId: wang, activityId: inspection, receptionId: rec1, status: 'PRESENT' }));
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'activityId' });
    const count = await req(gql`query ($m: ID!) { _allAttendancesMeta(filter: { memberId: $m }) { count } }`, { m: wang });
    expect(count._allAttendancesMeta.count).toBe(0);
  });

  it('refuses a second attendance of a member at the same reception with CONFLICT naming memberId', async () => {
    t.client = blxq;
    const err = await expectError(req(RECORD, { memberId: chen, receptionId: rec1, status: 'ABSENT' }));
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', field: 'memberId' });
  });

  it('counts each member’s year in SQL and scores it rule by rule', async () => {
    t.client = lwyz;
    const n = await req(gql`mutation ($b: ID!) { computePerformanceScores(bodyId: $b, year: 2025) }`, { b: cppcc });
    expect(n.computePerformanceScores).toBe(2);
    const records = await req(RECORDS, { b: cppcc });
    expect(records.allDutyRecords).toEqual([
      {
        memberName: '王秀英',
        proposals: 2,
        opinionReports: 1,
        research: 1,
        inspections: 1,
        sectorActivities: 1,
        practicalDeeds: 1,
        receptionsAttended: 0,
        constituentVisits: 2,
        constituentsInTouch: 1,
        lettersHandled: 0,
        version: 1,
      },
      {
        memberName: '刘洋',
        proposals: 1,
        opinionReports: 0,
        research: 1,
        inspections: 0,
        sectorActivities: 0,
        practicalDeeds: 0,
        receptionsAttended: 0,
        constituentVisits: 1,
        constituentsInTouch: 0,
        lettersHandled: 0,
        version: 1,
      },
    ]);
    const scores = await req(SCORES, { b: cppcc });
    const lo2 = (measure: string, value: number, points: number, ruleRef: string) => ({ measure, value, threshold: 1, points, met: points > 0, ruleRef });
    expect(scores.allPerformanceScores).toEqual([
      {
        memberId: a,
        memberName: '王秀英',
        year: 2025,
        total: 67,
        version: 1,
        breakdown: [
          lo2('PROPOSALS', 2, 12, 'LO2：每年至少提交一份提案'),
          lo2('OPINION_REPORTS', 1, 10, 'LO2：每年至少撰写一篇社情民意信息'),
          lo2('RESEARCH', 1, 10, 'LO2：每年至少参与一项调研活动'),
          lo2('INSPECTIONS', 1, 10, 'LO2：每年至少参加一次视察活动'),
          lo2('SECTOR_ACTIVITIES', 1, 10, 'LO2：每年至少参加一次界别活动'),
          lo2('PRACTICAL_DEEDS', 1, 10, 'LO2：每年至少为群众办好一件实事'),
          { measure: 'CONSTITUENT_VISITS', value: 2, threshold: 2, points: 5, met: true, ruleRef: 'CT4' },
        ],
      },
      {
        memberId: b,
        memberName: '刘洋',
        year: 2025,
        total: 20,
        version: 1,
        breakdown: [
          lo2('PROPOSALS', 1, 10, 'LO2：每年至少提交一份提案'),
          lo2('OPINION_REPORTS', 0, 0, 'LO2：每年至少撰写一篇社情民意信息'),
          lo2('RESEARCH', 1, 10, 'LO2：每年至少参与一项调研活动'),
          lo2('INSPECTIONS', 0, 0, 'LO2：每年至少参加一次视察活动'),
          lo2('SECTOR_ACTIVITIES', 0, 0, 'LO2：每年至少参加一次界别活动'),
          lo2('PRACTICAL_DEEDS', 0, 0, 'LO2：每年至少为群众办好一件实事'),
          { measure: 'CONSTITUENT_VISITS', value: 1, threshold: 2, points: 0, met: false, ruleRef: 'CT4' },
        ],
      },
    ]);
  });

  it('recomputes in place after new work is recorded, one record per member and year', async () => {
    t.client = lwyz;
    const more = await activity('第二次视察', 'INSPECTION', cppcc, '2025-10-10');
    await attend(b, more);
    await req(gql`mutation ($b: ID!) { computePerformanceScores(bodyId: $b, year: 2025) }`, { b: cppcc });
    const records = await req(RECORDS, { b: cppcc });
    expect(records.allDutyRecords.map((r: any) => [r.memberName, r.inspections, r.version])).toEqual([
      ['王秀英', 1, 2],
      ['刘洋', 1, 2],
    ]);
    const scores = await req(SCORES, { b: cppcc });
    expect(scores.allPerformanceScores.map((s: any) => [s.memberName, s.total, s.version])).toEqual([
      ['王秀英', 67, 2],
      ['刘洋', 30, 2],
    ]);
    const meta = await req(gql`{ _allDutyRecordsMeta { count } _allPerformanceScoresMeta { count } }`);
    expect(meta).toEqual({ _allDutyRecordsMeta: { count: 2 }, _allPerformanceScoresMeta: { count: 2 } });
  });

  it('counts receptions attended for deputies, an absence overriding the listing (ST2)', async () => {
    t.client = blxq;
    const n = await req(gql`mutation ($b: ID!) { computePerformanceScores(bodyId: $b, year: 2025) }`, { b: congress });
    expect(n.computePerformanceScores).toBe(2);
    const records = await req(RECORDS, { b: congress });
    expect(records.allDutyRecords.map((r: any) => [r.memberName, r.receptionsAttended])).toEqual([
      ['王芳', 2],
      ['陈静', 1],
    ]);
    const scores = await req(SCORES, { b: congress });
    expect(scores.allPerformanceScores.map((s: any) => [s.memberId, s.total, s.breakdown])).toEqual([
      [wang, 10, [{ measure: 'RECEPTIONS_ATTENDED', value: 2, threshold: 1, points: 10, met: true, ruleRef: 'ST2：每年至少参加一次接待选民群众活动' }]],
      [chen, 10, [{ measure: 'RECEPTIONS_ATTENDED', value: 1, threshold: 1, points: 10, met: true, ruleRef: 'ST2：每年至少参加一次接待选民群众活动' }]],
    ]);
  });

  it('issues the same number of SQL statements for 2 members as for 6', async () => {
    const ra = await body('瑞安市政协', 'CPPCC');
    const office = await organization('瑞安市政协办公室', 'RA', ra);
    t.client = await officeStaff(office);
    for (const name of ['郑强', '孙丽', '马超', '胡静', '朱军', '高峰']) await member(name, 'CPPCC_MEMBER', ra, office);
    await req(gql`mutation ($b: ID!) { installDefaultScoringRules(bodyId: $b, year: 2025) { id } }`, { b: ra });
    // each body's own office computes it; fresh sessions, so that neither request is the one that
    // touches its session's last-seen time (at most once a minute, session.service.ts)
    const [beilun, ruian] = [await officeStaff(bl), await officeStaff(office)];
    const compute = (client: GraphQLClient, b: string) => client.request(gql`mutation ($b: ID!) { computePerformanceScores(bodyId: $b, year: 2025) }`, { b });
    const two = await t.countQueries(() => compute(beilun, congress));
    const six = await t.countQueries(() => compute(ruian, ra));
    expect([two.result, six.result]).toEqual([{ computePerformanceScores: 2 }, { computePerformanceScores: 6 }]);
    // both requests authenticated: the session and the caller's scope (PR3) come first, the same for both
    expect(authenticationStatements(two.statements)).toEqual(['session', 'scope']);
    expect(authenticationStatements(six.statements)).toEqual(['session', 'scope']);
    expect(six.count).toBe(two.count);
  });

  it('refuses an unknown body with NOT_FOUND naming bodyId, and a year out of range', async () => {
    t.client = lwyz;
    const unknown = await expectError(req(gql`mutation { computePerformanceScores(bodyId: "9999", year: 2025) }`));
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'bodyId' });
    const year = await expectError(req(gql`mutation ($b: ID!) { computePerformanceScores(bodyId: $b, year: 1800) }`, { b: cppcc }));
    expect(year.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('refuses to compute scores or install rules for a body outside the caller’s reach, writing nothing (PR3)', async () => {
    // Longwan's office does not reach Beilun's congress: as unknown as a missing body
    const compute = await expectError(lwyz.request(gql`mutation ($b: ID!) { computePerformanceScores(bodyId: $b, year: 2025) }`, { b: congress }));
    expect(compute.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'bodyId' });
    const install = await expectError(lwyz.request(gql`mutation ($b: ID!) { installDefaultScoringRules(bodyId: $b, year: 2026) { id } }`, { b: congress }));
    expect(install.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'bodyId' });
    const own = await blxq.request<any>(
      gql`query ($b: ID!) { allPerformanceScores(filter: { bodyId: $b, year: 2025 }) { version } _allScoringRulesMeta(filter: { bodyId: $b, year: 2026 }) { count } }`,
      { b: congress },
    );
    // computed twice by Beilun's own office (the ST2 test and the statement count), never by Longwan's
    expect(own).toEqual({ allPerformanceScores: [{ version: 2 }, { version: 2 }], _allScoringRulesMeta: { count: 0 } });
  });

  it('offers duty records and scores read only', async () => {
    const err = await expectError(req(gql`mutation { deletePerformanceScore(id: "1") { id } }`));
    expect(err.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const err2 = await expectError(req(gql`mutation { createDutyRecord(memberId: "1", year: 2025) { id } }`));
    expect(err2.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('notifications', () => {
  let first: number;
  beforeAll(async () => {
    // notifications go to an organization; its office staff read them
    const tx = await organization('桐乡市政协办公室', 'TX', await body('桐乡市政协', 'CPPCC'), undefined, 'OFFICE');
    t.client = await officeStaff(tx);
    const em = t.orm.em.fork();
    const make = (title: string, kind: NotificationKind, recipientName: string) =>
      em.create(Notification, { title, kind, recipientName, organization: Number(tx) } as any);
    const n1 = make('来信即将到期', NotificationKind.DEADLINE_NEAR, '李静');
    make('紧急来信待处理', NotificationKind.URGENT_LETTER, '李静');
    make('系统维护通知', NotificationKind.INFO, '王强');
    await em.flush();
    first = n1.id;
  });

  it('lists unread notifications and marks one read, keeping the first reading time', async () => {
    const unread = await req(gql`{ allNotifications(filter: { unread: true, recipientName: "李静" }, sortField: "id", sortOrder: "ASC") { title readAt } }`);
    expect(unread.allNotifications).toEqual([
      { title: '来信即将到期', readAt: null },
      { title: '紧急来信待处理', readAt: null },
    ]);
    const marked = await req(gql`mutation ($id: ID!) { markNotificationRead(id: $id) { id readAt version } }`, { id: String(first) });
    expect(marked.markNotificationRead.readAt).not.toBeNull();
    expect(marked.markNotificationRead.version).toBe(2);
    const again = await req(gql`mutation ($id: ID!) { markNotificationRead(id: $id) { readAt version } }`, { id: String(first) });
    expect(again.markNotificationRead).toEqual({ readAt: marked.markNotificationRead.readAt, version: 2 });
    const counts = await req(gql`{ unread: _allNotificationsMeta(filter: { unread: true }) { count } read: _allNotificationsMeta(filter: { unread: false }) { count } }`);
    expect(counts).toEqual({ unread: { count: 2 }, read: { count: 1 } });
  });

  it('refuses an unknown notification with NOT_FOUND', async () => {
    const err = await expectError(req(gql`mutation { markNotificationRead(id: "9999") { id } }`));
    expect(err.extensions.code).toBe('NOT_FOUND');
  });

  it('offers no writes besides the read state', async () => {
    const err = await expectError(req(gql`mutation { createNotification(title: "x") { id } }`));
    expect(err.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
