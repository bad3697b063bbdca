import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { registerLetter, setUpOffice, type Office } from '../support/reception-fixtures.js';

let t: TestApp;
let jx: Office;
let nh: Office;
const ids: Record<string, string> = {};

const LETTERS: Array<[key: string, office: 'jx' | 'nh', community: string | null, receivedOn: string, title: string, content: string]> = [
  ['light1', 'jx', '幸福小区', '2026-03-02', '东门路灯不亮', '幸福小区东门路灯不亮，晚上出行很不方便'],
  ['light2', 'jx', '幸福小区', '2026-03-03', '路灯坏了', '幸福小区路灯坏了一个多月，晚上很黑'],
  ['light3', 'jx', '幸福小区', '2026-03-04', '小区路灯损坏无人维修', '小区东门的路灯坏了没人修，老人晚上走路容易摔倒'],
  ['charge1', 'jx', '幸福小区', '2026-04-01', '增设充电桩', '建议在幸福小区增设电动车充电桩'],
  ['charge2', 'jx', '幸福小区', '2026-04-02', '充电难', '小区电动车充电桩太少，充电难，有人飞线充电'],
  ['charge3', 'jx', '幸福小区', '2026-04-03', '电动车飞线充电有隐患', '楼道里电动车飞线充电，存在火灾隐患，希望增加充电桩'],
  ['rubbish', 'jx', '幸福小区', '2026-04-04', '垃圾分类', '垃圾桶摆放位置不合理，夏天气味大'],
  ['peace1', 'jx', '和平小区', '2026-03-05', '路灯坏了', '和平小区路灯坏了，晚上很黑'],
  ['peace2', 'jx', '和平小区', '2026-03-06', '路灯不亮', '路灯不亮，晚上出行不便'],
  ['peace3', 'jx', '和平小区', '2026-03-07', '路灯损坏', '路灯坏了，晚上看不清路'],
  ['nolight', 'jx', null, '2026-03-08', '路灯坏了', '路灯坏了，晚上很黑'],
  // registered by the county office under the city office: the same community and matter
  ['county', 'nh', '幸福小区', '2026-03-20', '路灯又坏了', '幸福小区路灯又坏了，晚上黑'],
];

beforeAll(async () => {
  t = await startTestApp();
  jx = await setUpOffice(t, { bodyName: '嘉兴市政协', kind: 'CPPCC', orgName: '嘉兴市政协办公室', code: 'JX', level: 'CITY' });
  nh = await setUpOffice(t, { bodyName: '南湖区政协', kind: 'CPPCC', orgName: '南湖区政协办公室', code: 'NH', parent: jx });
  for (const [key, office, community, receivedOn, title, content] of LETTERS) {
    const o = office === 'jx' ? jx : nh;
    ids[key] = (await registerLetter(o.clerk, { organizationId: o.organizationId, community, receivedOn, title, content })).id;
  }
  // a voided letter is no longer a letter on the matter
  await jx.clerk.request(gql`mutation ($id: ID!) { voidLetter(id: $id, reason: "重复登记") { status } }`, { id: ids.peace3 });
});
afterAll(async () => {
  await t.close();
});

const ISSUES = gql`
  query ($o: ID!, $from: LocalDate, $to: LocalDate, $min: Int, $sim: Float) {
    concentratedIssues(organizationId: $o, from: $from, to: $to, minLetters: $min, minSimilarity: $sim) {
      community letterIds letterCount keyWords firstReceivedOn lastReceivedOn
    }
  }
`;

describe('concentrated issues (000 §4)', () => {
  it('groups letters on the same matter from one community, with the units under the office, for collective handling (MB4)', async () => {
    const res = await jx.clerk.request<any>(ISSUES, { o: jx.organizationId });
    expect(res.concentratedIssues).toEqual([
      {
        community: '幸福小区',
        letterIds: [ids.light1, ids.light2, ids.light3, ids.county],
        letterCount: 4,
        keyWords: ['路灯', '晚上', '坏', '东', '门'],
        firstReceivedOn: '2026-03-02',
        lastReceivedOn: '2026-03-20',
      },
      {
        community: '幸福小区',
        letterIds: [ids.charge1, ids.charge2, ids.charge3],
        letterCount: 3,
        keyWords: ['充电', '桩', '电', '动', '车'],
        firstReceivedOn: '2026-04-01',
        lastReceivedOn: '2026-04-03',
      },
    ]);
  });

  it('takes the period, the smallest group and the similarity asked for (MB4)', async () => {
    const april = await jx.clerk.request<any>(ISSUES, { o: jx.organizationId, from: '2026-04-01', to: '2026-04-30' });
    expect(april.concentratedIssues.map((g: any) => g.letterIds)).toEqual([[ids.charge1, ids.charge2, ids.charge3]]);
    // two live letters in 和平小区 (the third was voided) make a group of two
    const pairs = await jx.clerk.request<any>(ISSUES, { o: jx.organizationId, min: 2 });
    expect(pairs.concentratedIssues.map((g: any) => [g.community, g.letterIds])).toEqual([
      ['幸福小区', [ids.light1, ids.light2, ids.light3, ids.county]],
      ['幸福小区', [ids.charge1, ids.charge2, ids.charge3]],
      ['和平小区', [ids.peace1, ids.peace2]],
    ]);
    const strict = await jx.clerk.request<any>(ISSUES, { o: jx.organizationId, sim: 0.3 });
    expect(strict.concentratedIssues.map((g: any) => g.letterIds)).toEqual([[ids.charge1, ids.charge2, ids.charge3]]);
  });

  it('keeps to the caller’s reach (MB4, PR3)', async () => {
    const county = await nh.clerk.request<any>(ISSUES, { o: nh.organizationId, min: 2 });
    expect(county.concentratedIssues).toEqual([]);
    const outside = await expectError(nh.clerk.request(ISSUES, { o: jx.organizationId }));
    expect(outside.extensions.code).toBe('NOT_FOUND');
    const small = await expectError(jx.clerk.request(ISSUES, { o: jx.organizationId, min: 1 }));
    expect(small.extensions.code).toBe('BAD_USER_INPUT');
  });
});
