import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type GraphQLClient } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import {
  createDeputy,
  createLiaisonOfficer,
  createReception,
  createStation,
  recordAttendance,
  recordReceptionIssue,
  setUpOffice,
  stationStaff,
  type Office,
} from '../support/reception-fixtures.js';
import { daysFromToday } from '../support/dates.js';

let t: TestApp;
let nb: Office; // the city congress office
let bl: Office; // a county congress office under it
const d: Record<string, string> = {};
const st: Record<string, string> = {};
let xinqiStaff: GraphQLClient;
let xiaogangStaff: GraphQLClient;
let xinqiReception: string;
let officer: string;

beforeAll(async () => {
  t = await startTestApp();
  nb = await setUpOffice(t, { bodyName: '宁波市人大常委会', kind: 'CONGRESS', orgName: '宁波市人大常委会办公厅', code: 'NB', level: 'CITY' });
  bl = await setUpOffice(t, { bodyName: '北仑区人大常委会', kind: 'CONGRESS', orgName: '北仑区人大常委会办公室', code: 'BL', parent: nb });
  for (const name of ['孙海燕', '吴志强', '郑丽', '钱伟']) d[name] = await createDeputy(bl, name);
  d['冯刚'] = await createDeputy(bl, '冯刚', { termEnd: '2025-12-31' });
  d['周敏'] = await createDeputy(nb, '周敏');

  st['新碶'] = await createStation(bl, { name: '新碶街道代表联络站', deputyIds: [d['孙海燕'], d['吴志强']], deputyInChargeId: d['孙海燕'] });
  st['大碶'] = await createStation(bl, { name: '大碶街道代表联络站', deputyIds: [d['郑丽'], d['冯刚']], deputyInChargeId: d['郑丽'] });
  st['小港'] = await createStation(bl, { name: '小港街道代表联络站', deputyIds: [d['钱伟']] });
  st['网上'] = await createStation(bl, { name: '北仑区网上代表联络站', deputyIds: [], isOnline: true });
  st['宁波'] = await createStation(nb, { name: '宁波市人大代表联络站', deputyIds: [d['周敏'], d['孙海燕']] });
  officer = await createLiaisonOfficer(bl, st['新碶'], '冯婷');

  xinqiStaff = await stationStaff(t, bl, st['新碶'], '新碶联络员冯婷');
  xiaogangStaff = await stationStaff(t, bl, st['小港'], '小港联络员陈洁');

  // ST2 history: 新碶 received on 11-10 (吴志强 listed but absent); 大碶 on 09-22 (郑丽 came without being listed)
  xinqiReception = await createReception(bl, { liaisonStationId: st['新碶'], heldOn: '2026-11-10', deputyIds: [d['孙海燕'], d['吴志强']], topic: '老旧小区改造' });
  await recordAttendance(bl, xinqiReception, d['吴志强'], 'ABSENT');
  const dajie = await createReception(bl, { liaisonStationId: st['大碶'], heldOn: '2026-09-22', deputyIds: [] });
  await recordAttendance(bl, dajie, d['郑丽'], 'PRESENT');
  // a reception planned after the day checked does not count
  await createReception(bl, { liaisonStationId: st['大碶'], heldOn: daysFromToday(30), deputyIds: [d['郑丽']] });
});
afterAll(async () => {
  await t.close();
});

const EVENTS = gql`query ($id: ID) { allLetterEvents(filter: { letterId: $id }, sortField: "id", sortOrder: "ASC") { action fromStatus toStatus actorName note } }`;

describe('issues raised at a reception (ST4, ST5)', () => {
  it('records an issue answered on the spot as a RECEPTION letter of the station, closed at once (ST4, ST5)', async () => {
    const letter = await recordReceptionIssue(xinqiStaff, {
      receptionId: xinqiReception,
      title: '政策咨询：老旧小区加装电梯补助',
      content: '询问加装电梯的补助标准和申请流程',
      writerName: '李秀英',
      writerPhone: '13812341234',
      answeredOnTheSpot: true,
      answer: '每台补助 20 万元，由街道统一受理申请',
    });
    expect(letter).toEqual({
      id: letter.id,
      serialNumber: 'BL-2026-000001',
      channel: 'RECEPTION',
      status: 'CLOSED',
      receptionId: xinqiReception,
      organizationId: bl.organizationId,
      title: '政策咨询：老旧小区加装电梯补助',
      content: '询问加装电梯的补助标准和申请流程',
      writerName: '李秀英',
      writerPhoneMasked: '138****1234',
      isAnonymous: false,
      receivedOn: '2026-11-10',
      trackingCode: letter.trackingCode,
    });
    const events = await xinqiStaff.request<any>(EVENTS, { id: letter.id });
    expect(events.allLetterEvents).toEqual([
      { action: 'registerLetter', fromStatus: null, toStatus: 'REGISTERED', actorName: '新碶联络员冯婷', note: '登记，编号 BL-2026-000001' },
      {
        action: 'answerOnTheSpot',
        fromStatus: 'REGISTERED',
        toStatus: 'CLOSED',
        actorName: '新碶联络员冯婷',
        note: '接待中当场答复并办结：每台补助 20 万元，由街道统一受理申请',
      },
    ]);
    const reply = await bl.clerk.request<any>(gql`query ($id: ID!) { Letter(id: $id) { replyMethod repliedOn replyContent closedOn } }`, { id: letter.id });
    expect(reply.Letter).toEqual({ replyMethod: 'IN_PERSON', repliedOn: '2026-11-10', replyContent: '每台补助 20 万元，由街道统一受理申请', closedOn: '2026-11-10' });
  });

  it('keeps an issue that needs handling REGISTERED for the station flow; a voter without a name stays anonymous (ST4)', async () => {
    const letter = await recordReceptionIssue(xinqiStaff, {
      receptionId: xinqiReception,
      title: '小区路灯不亮',
      content: '新碶街道幸福小区东门路灯坏了一个多月',
      answeredOnTheSpot: false,
    });
    expect(letter).toMatchObject({ serialNumber: 'BL-2026-000002', channel: 'RECEPTION', status: 'REGISTERED', writerName: null, isAnonymous: true });
    const events = await xinqiStaff.request<any>(EVENTS, { id: letter.id });
    expect(events.allLetterEvents).toEqual([
      { action: 'registerLetter', fromStatus: null, toStatus: 'REGISTERED', actorName: '新碶联络员冯婷', note: '登记，编号 BL-2026-000002' },
    ]);
    const flow = await xinqiStaff.request<any>(gql`query ($id: ID!) { Letter(id: $id) { flow allowedActions } }`, { id: letter.id });
    expect(flow.Letter.flow).toBe('RECEPTION');
    expect(flow.Letter.allowedActions).toContain('classifyLetter');
  });

  it('lets the office record an issue for a station of its own (ST4)', async () => {
    const letter = await recordReceptionIssue(bl.clerk, { receptionId: xinqiReception, title: '垃圾清运不及时', content: '菜场门口垃圾堆放', answeredOnTheSpot: false });
    expect(letter).toMatchObject({ serialNumber: 'BL-2026-000003', status: 'REGISTERED', organizationId: bl.organizationId });
  });

  it('refuses an on-the-spot answer without its content, an answer to an issue still to be handled, and a phone without a name (ST5, PV1)', async () => {
    const base = { receptionId: xinqiReception, title: '道路积水', content: '下雨后路口积水' };
    const noAnswer = await expectError(recordReceptionIssue(xinqiStaff, { ...base, answeredOnTheSpot: true, answer: '  ' }));
    expect(noAnswer.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answer' });
    const early = await expectError(recordReceptionIssue(xinqiStaff, { ...base, answeredOnTheSpot: false, answer: '已答复' }));
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answer' });
    const phone = await expectError(recordReceptionIssue(xinqiStaff, { ...base, answeredOnTheSpot: false, writerPhone: '13812341234' }));
    expect(phone.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'writerName' });
    const count = await bl.clerk.request<any>(gql`query ($o: ID) { _allLettersMeta(filter: { organizationId: $o }) { count } }`, { o: bl.organizationId });
    expect(count._allLettersMeta.count).toBe(3);
  });

  it('refuses issues of a reception not yet held (ST4)', async () => {
    const heldOn = daysFromToday(30);
    const planned = await createReception(bl, { liaisonStationId: st['新碶'], heldOn });
    const err = await expectError(recordReceptionIssue(xinqiStaff, { receptionId: planned, title: '提前登记', content: '尚未接待', answeredOnTheSpot: false }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receptionId' });
    expect(err.message).toBe(`receptionId：接待活动定于 ${heldOn}，尚未举行`);
  });

  it('gives a station no reach into another station’s receptions (ST4, PR3)', async () => {
    const err = await expectError(recordReceptionIssue(xiaogangStaff, { receptionId: xinqiReception, title: '越站登记', content: '不应成功', answeredOnTheSpot: false }));
    expect(err.extensions.code).toBe('NOT_FOUND');
  });
});

const RECENT = gql`
  query ($bodyId: ID, $asOf: LocalDate) {
    stationsWithoutRecentReception(bodyId: $bodyId, asOf: $asOf) { liaisonStationId liaisonStationName organizationId lastReceptionOn dueSince }
  }
`;

describe('stations and deputies behind on receptions (ST1, ST2)', () => {
  it('lists stations with no reception in the two months up to the day checked, never-held first; online stations are not listed (ST2)', async () => {
    const res = await bl.clerk.request<any>(RECENT, { asOf: '2026-11-23' });
    expect(res.stationsWithoutRecentReception).toEqual([
      { liaisonStationId: st['小港'], liaisonStationName: '小港街道代表联络站', organizationId: bl.organizationId, lastReceptionOn: null, dueSince: '2026-09-23' },
      { liaisonStationId: st['大碶'], liaisonStationName: '大碶街道代表联络站', organizationId: bl.organizationId, lastReceptionOn: '2026-09-22', dueSince: '2026-09-23' },
    ]);
  });

  it('counts a reception held exactly two months before the day checked (ST2)', async () => {
    const res = await bl.clerk.request<any>(RECENT, { asOf: '2026-11-22' });
    expect(res.stationsWithoutRecentReception.map((s: any) => s.liaisonStationName)).toEqual(['小港街道代表联络站']);
  });

  it('keeps to the caller’s reach and to the body asked for (ST2, PR3)', async () => {
    const city = await nb.clerk.request<any>(RECENT, { asOf: '2026-11-23' });
    // never-held first, by name in pinyin order (宁波 ning before 小港 xiao), then the longest overdue
    expect(city.stationsWithoutRecentReception.map((s: any) => s.liaisonStationName)).toEqual(['宁波市人大代表联络站', '小港街道代表联络站', '大碶街道代表联络站']);
    const cityOnly = await nb.clerk.request<any>(RECENT, { bodyId: nb.bodyId, asOf: '2026-11-23' });
    expect(cityOnly.stationsWithoutRecentReception.map((s: any) => s.liaisonStationName)).toEqual(['宁波市人大代表联络站']);
    const station = await xinqiStaff.request<any>(RECENT, { asOf: '2026-11-23' });
    expect(station.stationsWithoutRecentReception).toEqual([]);
    const outside = await expectError(bl.clerk.request(RECENT, { bodyId: nb.bodyId }));
    expect(outside.extensions.code).toBe('NOT_FOUND');
  });

  it('lists the deputies seated in a year who took part in no reception that year (ST2)', async () => {
    const q = gql`query ($bodyId: ID, $year: Int) { deputiesWithoutReceptionThisYear(bodyId: $bodyId, year: $year) { name } }`;
    // 孙海燕 received at 新碶; 郑丽 attended at 大碶 without being listed; 吴志强 was listed but absent;
    // 冯刚's term ended in 2025
    const y2026 = await bl.clerk.request<any>(q, { year: 2026 });
    expect(y2026.deputiesWithoutReceptionThisYear).toEqual([{ name: '钱伟' }, { name: '吴志强' }]);
    const y2025 = await bl.clerk.request<any>(q, { year: 2025 });
    expect(y2025.deputiesWithoutReceptionThisYear).toEqual([{ name: '冯刚' }, { name: '钱伟' }, { name: '孙海燕' }, { name: '吴志强' }, { name: '郑丽' }]);
    // without a year: this year in China
    const thisYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const noYear = await bl.clerk.request<any>(gql`{ deputiesWithoutReceptionThisYear { name } }`);
    expect(noYear).toEqual(await bl.clerk.request<any>(q, { year: thisYear }));
    const city = await nb.clerk.request<any>(q, { bodyId: nb.bodyId, year: 2026 });
    expect(city.deputiesWithoutReceptionThisYear).toEqual([{ name: '周敏' }]);
  });

  it('lists stations with fewer than two deputies in office (ST1)', async () => {
    const q = gql`query ($bodyId: ID) { stationsWithTooFewDeputies(bodyId: $bodyId) { name deputyIds } }`;
    const res = await bl.clerk.request<any>(q, {});
    // 大碶 lists two deputies, but 冯刚's term has ended
    expect(res.stationsWithTooFewDeputies).toEqual([
      { name: '北仑区网上代表联络站', deputyIds: [] },
      { name: '大碶街道代表联络站', deputyIds: [d['郑丽'], d['冯刚']] },
      { name: '小港街道代表联络站', deputyIds: [d['钱伟']] },
    ]);
    const city = await nb.clerk.request<any>(q, { bodyId: nb.bodyId });
    expect(city.stationsWithTooFewDeputies).toEqual([]);
  });
});

describe('a reception recorded with everything raised at it in one go (ST4, ST5)', () => {
  const RECORD = gql`
    mutation ($station: ID!, $on: LocalDate!, $deputies: [ID!], $officer: ID, $issues: [ReceptionIssueInput!]) {
      recordReception(liaisonStationId: $station, form: REGULAR, heldOn: $on, topic: "民生实事征集", deputyIds: $deputies, liaisonOfficerId: $officer, visitorCount: 3, issues: $issues) {
        id heldOn deputyIds liaisonOfficerId visitorCount
      }
    }
  `;
  const ISSUES = [
    { title: '咨询：医保异地备案', content: '在外地就医如何备案', writerName: '王芳', answeredOnTheSpot: true, answer: '可在浙里办上办理异地备案' },
    { title: '小区停车难', content: '新碶街道明州花园夜间停车位不足', writerName: '陈刚', writerPhone: '13912345678', answeredOnTheSpot: false },
    { title: '公交站台缺少雨棚', content: '中河路公交站没有雨棚', answeredOnTheSpot: false },
  ];
  const lettersOf = async (reception: string) =>
    (await xinqiStaff.request<any>(gql`query ($r: ID) { allLetters(filter: { receptionId: $r }, sortField: "id", sortOrder: "ASC") { title status channel writerName isAnonymous receivedOn } }`, { r: reception })).allLetters;

  it('records the reception, its deputies and liaison officer and its three issues, the one answered on the spot closed (ST4, ST5)', async () => {
    const res = await xinqiStaff.request<any>(RECORD, { station: st['新碶'], on: '2026-11-24', deputies: [d['孙海燕'], d['吴志强']], officer, issues: ISSUES });
    expect(res.recordReception).toEqual({ id: res.recordReception.id, heldOn: '2026-11-24', deputyIds: [d['孙海燕'], d['吴志强']], liaisonOfficerId: officer, visitorCount: 3 });
    expect(await lettersOf(res.recordReception.id)).toEqual([
      { title: '咨询：医保异地备案', status: 'CLOSED', channel: 'RECEPTION', writerName: '王芳', isAnonymous: false, receivedOn: '2026-11-24' },
      { title: '小区停车难', status: 'REGISTERED', channel: 'RECEPTION', writerName: '陈刚', isAnonymous: false, receivedOn: '2026-11-24' },
      { title: '公交站台缺少雨棚', status: 'REGISTERED', channel: 'RECEPTION', writerName: null, isAnonymous: true, receivedOn: '2026-11-24' },
    ]);
  });

  it('refuses the whole reception when one issue is refused, naming the issue, and writes nothing (ST5)', async () => {
    const before = (await xinqiStaff.request<any>(gql`{ _allReceptionsMeta { count } }`))._allReceptionsMeta.count;
    const issues = [ISSUES[0], { ...ISSUES[1] }, { title: '道路积水', content: '下雨后路口积水', answeredOnTheSpot: true, answer: ' ' }];
    const err = await expectError(xinqiStaff.request(RECORD, { station: st['新碶'], on: '2026-11-25', deputies: [d['孙海燕']], issues }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'issues.2.answer' });
    expect(err.message).toBe('第 3 个问题：answer：当场答复的问题须记录答复内容（ST5）');
    expect((await xinqiStaff.request<any>(gql`{ _allReceptionsMeta { count } }`))._allReceptionsMeta.count).toBe(before);
    const titles = (await xinqiStaff.request<any>(gql`{ allLetters(filter: { q: "医保异地备案" }) { receivedOn } }`)).allLetters;
    expect(titles).toEqual([{ receivedOn: '2026-11-24' }]);
  });

  it('refuses a station recording a reception for another station (PR3)', async () => {
    const err = await expectError(xiaogangStaff.request(RECORD, { station: st['新碶'], on: '2026-11-24', issues: [] }));
    expect(err.extensions.code).toBe('NOT_FOUND');
  });
});
