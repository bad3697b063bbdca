import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, GraphQLClient } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { signIn } from '../support/sessions.js';
import {
  concludedOfficeLetter,
  createDepartment,
  createDeputy,
  createReception,
  createStation,
  leaderAccount,
  recordReceptionIssue,
  replyToReceptionIssue,
  setUpOffice,
  stationStaff,
  type Office,
} from '../support/reception-fixtures.js';
import { daysFromToday } from '../support/dates.js';

let t: TestApp;
let publicClient: GraphQLClient;

beforeAll(async () => {
  t = await startTestApp();
  publicClient = new GraphQLClient(t.url);
});
afterAll(async () => {
  await t.close();
});

const SURVEY = 'letterId receptionId rating comment source method recordedByName round reopenedLetter escalatedLetter';

const RATE_LETTER = gql`
  mutation ($letterId: ID!, $rating: SatisfactionRating!, $source: RatingSource!, $method: RatingMethod, $comment: String) {
    rateLetter(letterId: $letterId, rating: $rating, source: $source, method: $method, comment: $comment) { ${SURVEY} }
  }
`;
const RATE_BY_CODE = gql`
  mutation ($trackingCode: String!, $rating: SatisfactionRating!, $comment: String) {
    rateLetterByTrackingCode(trackingCode: $trackingCode, rating: $rating, comment: $comment) { rating round reopenedLetter escalatedLetter }
  }
`;
const RATE_RECEPTION = gql`
  mutation ($receptionId: ID!, $rating: SatisfactionRating!, $source: RatingSource!, $method: RatingMethod, $comment: String) {
    rateReception(receptionId: $receptionId, rating: $rating, source: $source, method: $method, comment: $comment) { ${SURVEY} }
  }
`;
const LETTER = gql`query ($id: ID!) { Letter(id: $id) { status reopenCount trackingCode } }`;
const EVENTS = gql`query ($id: ID) { allLetterEvents(filter: { letterId: $id }, sortField: "id", sortOrder: "ASC") { action fromStatus toStatus actorName note } }`;

describe('rating replied letters and receptions (SV1, SV2)', () => {
  let bl: Office;
  let station: GraphQLClient;
  let otherStation: GraphQLClient;
  let reception: string;
  let xinqi: string;

  beforeAll(async () => {
    bl = await setUpOffice(t, { bodyName: '北仑区人大常委会', kind: 'CONGRESS', orgName: '北仑区人大常委会办公室', code: 'BL' });
    const deputies = [await createDeputy(bl, '孙海燕'), await createDeputy(bl, '吴志强')];
    xinqi = await createStation(bl, { name: '新碶街道代表联络站', deputyIds: deputies });
    const dajie = await createStation(bl, { name: '大碶街道代表联络站', deputyIds: deputies });
    station = await stationStaff(t, bl, xinqi, '新碶联络员冯婷');
    otherStation = await stationStaff(t, bl, dajie, '大碶联络员陈洁');
    reception = await createReception(bl, { liaisonStationId: xinqi, heldOn: '2026-11-10', deputyIds: deputies });
  });

  it('records a staff rating of a letter answered at a reception, with how it was made (SV1)', async () => {
    const letter = await recordReceptionIssue(station, {
      receptionId: reception,
      title: '咨询社保缴费',
      content: '灵活就业人员社保怎么缴',
      writerName: '李秀英',
      answeredOnTheSpot: true,
      answer: '可在街道社保窗口办理',
    });
    const res = await bl.clerk.request<any>(RATE_LETTER, { letterId: letter.id, rating: 'SATISFIED', source: 'STAFF', method: 'PHONE', comment: '答复清楚' });
    expect(res.rateLetter).toEqual({
      letterId: letter.id,
      receptionId: null,
      rating: 'SATISFIED',
      comment: '答复清楚',
      source: 'STAFF',
      method: 'PHONE',
      recordedByName: 'BL办公室',
      round: 1,
      reopenedLetter: false,
      escalatedLetter: false,
    });
    const again = await expectError(station.request(RATE_LETTER, { letterId: letter.id, rating: 'DISSATISFIED', source: 'STAFF', method: 'VISIT' }));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', field: 'letterId', round: 1 });
    expect(again.message).toBe('letterId：来信第 1 轮办理已经评价，每轮办理只评价一次（SV2）');
    expect((await bl.clerk.request<any>(LETTER, { id: letter.id })).Letter).toMatchObject({ status: 'CLOSED', reopenCount: 0 });
  });

  it('refuses to rate a letter not yet replied, a staff rating without its method, and another station’s letter (SV1)', async () => {
    const letter = await recordReceptionIssue(station, { receptionId: reception, title: '路灯不亮', content: '东门路灯坏了', answeredOnTheSpot: false });
    const early = await expectError(bl.clerk.request(RATE_LETTER, { letterId: letter.id, rating: 'SATISFIED', source: 'STAFF', method: 'PHONE' }));
    expect(early.extensions).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', field: 'letterId', from: 'REGISTERED' });
    const noMethod = await expectError(bl.clerk.request(RATE_LETTER, { letterId: letter.id, rating: 'SATISFIED', source: 'STAFF' }));
    expect(noMethod.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'method' });
    const outside = await expectError(otherStation.request(RATE_LETTER, { letterId: letter.id, rating: 'SATISFIED', source: 'STAFF', method: 'PHONE' }));
    expect(outside.extensions.code).toBe('NOT_FOUND');
  });

  // issue 12: the writer's own rating no longer comes through the staff API (rateLetterByTrackingCode is
  // refused, see "Rating forgery" below); SV2's reopening and escalation are the same for a written form
  // the station records (source WRITER, method FORM) as for any rating
  it('records the writer’s written form through the station; a first 不满意 reopens the letter once, a second escalates it (SV1, SV2)', async () => {
    const issue = await recordReceptionIssue(station, { receptionId: reception, title: '小区积水', content: '下雨后小区门口积水', writerName: '王芳', answeredOnTheSpot: false });
    const replied = await replyToReceptionIssue(station, issue.id);
    expect(replied).toMatchObject({ status: 'REPLIED', reopenCount: 0 });

    const first = await station.request<any>(RATE_LETTER, { letterId: issue.id, rating: 'DISSATISFIED', source: 'WRITER', comment: '积水还在' });
    expect(first.rateLetter).toMatchObject({ rating: 'DISSATISFIED', round: 1, source: 'WRITER', method: 'FORM', reopenedLetter: true, escalatedLetter: false });
    expect((await station.request<any>(LETTER, { id: issue.id })).Letter).toMatchObject({ status: 'REOPENED', reopenCount: 1 });
    const reopening = (await station.request<any>(EVENTS, { id: issue.id })).allLetterEvents.at(-1);
    expect(reopening).toEqual({
      action: 'reopenLetter',
      fromStatus: 'REPLIED',
      toStatus: 'REOPENED',
      actorName: '新碶联络员冯婷',
      note: '重新办理：来信人对第 1 轮办理不满意：积水还在',
    });

    // being handled again: nothing to rate until the new reply
    const meanwhile = await expectError(station.request(RATE_LETTER, { letterId: issue.id, rating: 'SATISFIED', source: 'WRITER' }));
    expect(meanwhile.extensions).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', from: 'REOPENED' });

    expect(await replyToReceptionIssue(station, issue.id, { reopened: true })).toMatchObject({ status: 'REPLIED', reopenCount: 1 });
    const second = await station.request<any>(RATE_LETTER, { letterId: issue.id, rating: 'DISSATISFIED', source: 'STAFF', method: 'VISIT', comment: '仍然积水' });
    expect(second.rateLetter).toMatchObject({ round: 2, rating: 'DISSATISFIED', recordedByName: '新碶联络员冯婷', reopenedLetter: false, escalatedLetter: true });
    expect((await station.request<any>(LETTER, { id: issue.id })).Letter).toMatchObject({ status: 'REPLIED', reopenCount: 1 });
    const escalation = (await station.request<any>(EVENTS, { id: issue.id })).allLetterEvents.at(-1);
    expect(escalation).toEqual({
      action: 'escalateAfterRating',
      fromStatus: 'REPLIED',
      toStatus: 'REPLIED',
      actorName: '新碶联络员冯婷',
      note: '来信人对第 2 轮办理仍不满意，上报领导：仍然积水',
    });
    // the letter came back to its owner when reopened (SV2) — the owner recorded both ratings itself
    // and is not told of its own steps, and this office has no leader account
    const notices = await bl.clerk.request<any>(
      gql`query ($id: ID) { allNotifications(filter: { letterId: $id, kind: RETURNED }, sortField: "id") { title } }`,
      { id: issue.id },
    );
    expect(notices.allNotifications).toEqual([]);

    const third = await expectError(station.request(RATE_LETTER, { letterId: issue.id, rating: 'DISSATISFIED', source: 'WRITER' }));
    expect(third.extensions).toMatchObject({ code: 'CONFLICT', round: 2 });
    const surveys = await bl.clerk.request<any>(
      gql`query ($id: ID) { allSatisfactionSurveys(filter: { letterId: $id }, sortField: "round", sortOrder: "ASC") { round rating source method recordedByName reopenedLetter escalatedLetter } }`,
      { id: issue.id },
    );
    expect(surveys.allSatisfactionSurveys).toEqual([
      { round: 1, rating: 'DISSATISFIED', source: 'WRITER', method: 'FORM', recordedByName: '新碶联络员冯婷', reopenedLetter: true, escalatedLetter: false },
      { round: 2, rating: 'DISSATISFIED', source: 'STAFF', method: 'VISIT', recordedByName: '新碶联络员冯婷', reopenedLetter: false, escalatedLetter: true },
    ]);
  });

  it('rates a held reception, once per voter asked, never one still planned (SV1)', async () => {
    const a = await station.request<any>(RATE_RECEPTION, { receptionId: reception, rating: 'SATISFIED', source: 'STAFF', method: 'VISIT' });
    expect(a.rateReception).toEqual({
      letterId: null,
      receptionId: reception,
      rating: 'SATISFIED',
      comment: null,
      source: 'STAFF',
      method: 'VISIT',
      recordedByName: '新碶联络员冯婷',
      round: 1,
      reopenedLetter: false,
      escalatedLetter: false,
    });
    const b = await station.request<any>(RATE_RECEPTION, { receptionId: reception, rating: 'BASICALLY_SATISFIED', source: 'WRITER', comment: '希望多开展' });
    expect(b.rateReception).toMatchObject({ rating: 'BASICALLY_SATISFIED', source: 'WRITER', method: 'FORM' });
    const planned = await createReception(bl, { liaisonStationId: xinqi, heldOn: daysFromToday(30) });
    const early = await expectError(station.request(RATE_RECEPTION, { receptionId: planned, rating: 'SATISFIED', source: 'STAFF', method: 'PHONE' }));
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receptionId' });
    const outside = await expectError(otherStation.request(RATE_RECEPTION, { receptionId: reception, rating: 'SATISFIED', source: 'STAFF', method: 'PHONE' }));
    expect(outside.extensions.code).toBe('NOT_FOUND');
  });
});

const RATES = gql`
  query ($organizationId: ID, $departmentId: ID, $from: LocalDate!, $to: LocalDate!) {
    satisfactionRates(organizationId: $organizationId, departmentId: $departmentId, from: $from, to: $to) {
      organizationId departmentId from to rated satisfied basicallySatisfied dissatisfied satisfactionRate concluded resolved resolutionRate
      departments { departmentId rated satisfied basicallySatisfied dissatisfied satisfactionRate concluded resolved resolutionRate }
    }
  }
`;

describe('satisfaction and resolution rates (SV3)', () => {
  let jx: Office;
  let nh: Office;
  let housing: string;
  let transport: string;

  beforeAll(async () => {
    jx = await setUpOffice(t, { bodyName: '嘉兴市政协', kind: 'CPPCC', orgName: '嘉兴市政协办公室', code: 'JX', level: 'CITY' });
    nh = await setUpOffice(t, { bodyName: '南湖区政协', kind: 'CPPCC', orgName: '南湖区政协办公室', code: 'NH', parent: jx });
    housing = await createDepartment(jx, '嘉兴市住房和城乡建设局', 'JX-ZJJ');
    transport = await createDepartment(jx, '嘉兴市交通运输局', 'JX-JTJ');
    const leader = await leaderAccount(t, jx, '沈建国', 'CHAIR');
    const letter = (title: string, departmentId: string, outcome: 'RESOLVED' | 'EXPLAINED' | 'NOT_RESOLVABLE', concludedOn: string, receivedOn?: string) =>
      concludedOfficeLetter(jx, leader, { title, content: `${title}，请求处理`, departmentId, outcome, concludedOn, receivedOn });
    const a1 = await letter('小区路灯不亮', housing, 'RESOLVED', '2026-03-10');
    const a2 = await letter('物业收费不透明', housing, 'EXPLAINED', '2026-03-11');
    const a3 = await letter('老旧小区加装电梯', housing, 'NOT_RESOLVABLE', '2026-03-12');
    await letter('公交站点调整', transport, 'RESOLVED', '2026-03-13');
    await letter('去年的道路修补', transport, 'RESOLVED', '2025-12-01', '2025-10-08');

    // the writer's written form (issue 12: no longer through rateLetterByTrackingCode; same figures)
    await jx.clerk.request(RATE_LETTER, { letterId: a1.id, rating: 'SATISFIED', source: 'WRITER', method: 'FORM' });
    await jx.clerk.request(RATE_LETTER, { letterId: a2.id, rating: 'BASICALLY_SATISFIED', source: 'STAFF', method: 'PHONE' });
    // a 不满意 reopens the letter; it stays concluded in March for the resolution rate
    await jx.clerk.request(RATE_LETTER, { letterId: a3.id, rating: 'DISSATISFIED', source: 'STAFF', method: 'VISIT' });

    // a reception of a station of the county office under the city office
    const stationId = await createStation(nh, { name: '南湖区委员工作站', deputyIds: [] });
    const receptionId = await createReception(nh, { liaisonStationId: stationId, heldOn: '2026-03-01' });
    await jx.clerk.request(RATE_RECEPTION, { receptionId, rating: 'SATISFIED', source: 'STAFF', method: 'VISIT' });
    await nh.clerk.request(RATE_RECEPTION, { receptionId, rating: 'DISSATISFIED', source: 'WRITER', method: 'FORM' });
  });

  const SINCE_2026 = { from: '2026-01-01', to: '2100-12-31' };

  it('gives (满意 + 基本满意) / rated and resolved / concluded for an organization and the units under it, by department (SV3)', async () => {
    const res = await jx.clerk.request<any>(RATES, { organizationId: jx.organizationId, ...SINCE_2026 });
    expect(res.satisfactionRates).toEqual({
      organizationId: jx.organizationId,
      departmentId: null,
      ...SINCE_2026,
      // three letters and the county station's two reception ratings
      rated: 5,
      satisfied: 2,
      basicallySatisfied: 1,
      dissatisfied: 2,
      satisfactionRate: 0.6,
      // concluded in the period: four; resolved: 小区路灯 and 公交站点
      concluded: 4,
      resolved: 2,
      resolutionRate: 0.5,
      departments: [
        { departmentId: housing, rated: 3, satisfied: 1, basicallySatisfied: 1, dissatisfied: 1, satisfactionRate: 0.6667, concluded: 3, resolved: 1, resolutionRate: 0.3333 },
        { departmentId: transport, rated: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, satisfactionRate: null, concluded: 1, resolved: 1, resolutionRate: 1 },
      ],
    });
  });

  it('narrows to one department, one organization or another period (SV3)', async () => {
    const dept = await jx.clerk.request<any>(RATES, { departmentId: housing, ...SINCE_2026 });
    expect(dept.satisfactionRates).toMatchObject({ organizationId: null, departmentId: housing, rated: 3, satisfactionRate: 0.6667, concluded: 3, resolved: 1, resolutionRate: 0.3333 });
    const county = await nh.clerk.request<any>(RATES, SINCE_2026);
    expect(county.satisfactionRates).toEqual({
      organizationId: null,
      departmentId: null,
      ...SINCE_2026,
      rated: 2,
      satisfied: 1,
      basicallySatisfied: 0,
      dissatisfied: 1,
      satisfactionRate: 0.5,
      concluded: 0,
      resolved: 0,
      resolutionRate: null,
      departments: [],
    });
    const lastYear = await jx.clerk.request<any>(RATES, { organizationId: jx.organizationId, from: '2025-01-01', to: '2025-12-31' });
    expect(lastYear.satisfactionRates).toMatchObject({ rated: 0, satisfactionRate: null, concluded: 1, resolved: 1, resolutionRate: 1 });
  });

  it('keeps the figures to the caller’s reach and to leaders and the office (SV3, PR3)', async () => {
    const outside = await expectError(nh.clerk.request(RATES, { organizationId: jx.organizationId, ...SINCE_2026 }));
    expect(outside.extensions.code).toBe('NOT_FOUND');
    const reversed = await expectError(jx.clerk.request(RATES, { from: '2026-12-01', to: '2026-01-01' }));
    expect(reversed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const { client: handler } = await signIn(t, { roles: ['DEPARTMENT_HANDLER'], organizationId: jx.organizationId, departmentId: housing });
    const forbidden = await expectError(handler.request(RATES, SINCE_2026));
    expect(forbidden.extensions.code).toBe('FORBIDDEN');
  });
});

describe('Rating forgery: a department handler can neither read a tracking code nor rate as the writer (issue 12, SV1)', () => {
  it('shows the tracking code to the office and station staff only, and refuses every rating through rateLetterByTrackingCode, writing nothing', async () => {
    const jx = await setUpOffice(t, { bodyName: '海宁市政协', kind: 'CPPCC', orgName: '海宁市政协办公室', code: 'HN', level: 'CITY' });
    const housing = await createDepartment(jx, '海宁市住房和城乡建设局', 'HN-ZJJ');
    const leader = await leaderAccount(t, jx, '沈国庆', 'CHAIR');
    const letter = await concludedOfficeLetter(jx, leader, { title: '楼道灯不亮', content: '楼道灯不亮，请求处理', departmentId: housing, outcome: 'RESOLVED', concludedOn: '2026-03-10' });
    const handler = await signIn(t, { roles: ['DEPARTMENT_HANDLER'], organizationId: jx.organizationId, departmentId: housing, displayName: '钱进' });
    const [{ code }] = await t.orm.em.fork().getConnection().execute(`select tracking_code as code from letter where id = ?`, [Number(letter.id)]);

    const read = async (c: GraphQLClient) => (await c.request<any>(gql`query ($id: ID!) { Letter(id: $id) { trackingCode } }`, { id: letter.id })).Letter.trackingCode;
    expect(await read(jx.clerk)).toBe(code);
    // the handler has the letter in hand (lead department) but not its code; nor the leader
    expect(await read(handler.client)).toBe('********');
    expect(await read(leader.client)).toBe('********');
    const listed = await handler.client.request<any>(gql`{ allLetters { id trackingCode } }`);
    expect(listed.allLetters).toEqual([{ id: letter.id, trackingCode: '********' }]);

    // even with the real code, signed in or not, the staff API takes no WRITER rating
    for (const client of [handler.client, publicClient, jx.clerk]) {
      const e = await expectError(client.request(RATE_BY_CODE, { trackingCode: code, rating: 'SATISFIED' }));
      expect([e.extensions.code, e.extensions.field, e.extensions.reason]).toEqual(['FORBIDDEN', 'source', 'WRITER_RATING_PORTAL_ONLY']);
      expect(e.message).toBe('source：来信人本人的评价（WRITER）只能经公开门户提交；工作人员代录请用 rateLetter');
    }
    const unknown = await expectError(publicClient.request(RATE_BY_CODE, { trackingCode: 'ZZZZZZZZZZZZ', rating: 'SATISFIED' }));
    expect(unknown.extensions.reason).toBe('WRITER_RATING_PORTAL_ONLY');
    const [{ n }] = await t.orm.em.fork().getConnection().execute(`select count(*)::int as n from satisfaction_survey where letter_id = ?`, [Number(letter.id)]);
    expect(n).toBe(0);
    // the handler cannot record a rating through the staff verb either
    const staffVerb = await expectError(handler.client.request(RATE_LETTER, { letterId: letter.id, rating: 'SATISFIED', source: 'WRITER' }));
    expect(staffVerb.extensions.code).toBe('FORBIDDEN');

    const { __type } = await jx.clerk.request<any>(gql`{ __type(name: "Mutation") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`);
    expect(__type.fields.find((f: any) => f.name === 'rateLetterByTrackingCode')).toEqual({
      name: 'rateLetterByTrackingCode',
      isDeprecated: true,
      deprecationReason: '来信人（WRITER）的评价只经公开门户提交；工作人员代录评价请用 rateLetter。此操作一律拒绝（WRITER_RATING_PORTAL_ONLY）',
    });
  });
});
