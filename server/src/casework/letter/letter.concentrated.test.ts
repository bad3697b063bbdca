import { describe, expect, it } from 'vitest';
import { contentWords, groupConcentratedIssues, jaccard, normalizeCommunity, type IssueLetter } from './letter.concentrated.js';

const TEXTS: Array<[string, string]> = [
  ['东门路灯不亮', '幸福小区东门路灯不亮，晚上出行很不方便'],
  ['路灯坏了', '幸福小区路灯坏了一个多月，晚上很黑'],
  ['小区路灯损坏无人维修', '小区东门的路灯坏了没人修，老人晚上走路容易摔倒'],
  ['增设充电桩', '建议在幸福小区增设电动车充电桩'],
  ['充电难', '小区电动车充电桩太少，充电难，有人飞线充电'],
  ['电动车飞线充电有隐患', '楼道里电动车飞线充电，存在火灾隐患，希望增加充电桩'],
  ['菜场噪音', '菜场凌晨卸货噪音扰民'],
  ['卸货太吵', '幸福路菜市场早上卸货声音太吵，影响休息'],
  ['垃圾分类', '垃圾桶摆放位置不合理，夏天气味大'],
  ['道路积水', '下雨后小区门口道路积水严重，出行不便'],
];

const letters = (community: string | null | ((i: number) => string | null), firstId = 1): IssueLetter[] =>
  TEXTS.map(([title, content], i) => ({
    id: firstId + i,
    community: typeof community === 'function' ? community(i) : community,
    title,
    content,
    receivedOn: `2026-03-${String(10 - i).padStart(2, '0')}`,
  }));

describe('concentrated issues (000 §4, MB4)', () => {
  it('groups letters about the same matter from one community, with the words they share', () => {
    expect(groupConcentratedIssues(letters('幸福小区'))).toEqual([
      { community: '幸福小区', letterIds: [1, 2, 3], keyWords: ['路灯', '晚上', '东', '门', '坏'], firstReceivedOn: '2026-03-08', lastReceivedOn: '2026-03-10' },
      { community: '幸福小区', letterIds: [4, 5, 6], keyWords: ['充电', '桩', '电', '动', '车'], firstReceivedOn: '2026-03-05', lastReceivedOn: '2026-03-07' },
    ]);
  });

  it('never groups letters of different communities, nor letters without one', () => {
    const spread = letters((i) => (i < 3 ? ['幸福小区', '和平小区', '东栅街道'][i] : null));
    expect(groupConcentratedIssues(spread)).toEqual([]);
  });

  it('treats a community written with spaces as the same community', () => {
    const spaced = letters((i) => (i === 1 ? ' 幸福 小区 ' : '幸福小区'));
    expect(groupConcentratedIssues(spaced).map((g) => [g.community, g.letterIds])).toEqual([
      ['幸福小区', [1, 2, 3]],
      ['幸福小区', [4, 5, 6]],
    ]);
  });

  it('asks for at least minLetters letters and at least minSimilarity in common', () => {
    expect(groupConcentratedIssues(letters('幸福小区'), { minLetters: 4 })).toEqual([]);
    // 0.36 between the first and the last charging letter, 0.2–0.24 among the street-light letters
    expect(groupConcentratedIssues(letters('幸福小区'), { minSimilarity: 0.3 }).map((g) => g.letterIds)).toEqual([[4, 5, 6]]);
    // the two noise letters share 卸货 and 菜 (0.15): a pair once the bar is lower
    expect(groupConcentratedIssues(letters('幸福小区'), { minLetters: 2, minSimilarity: 0.15 }).map((g) => g.letterIds)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8],
    ]);
  });

  it('lists the largest groups first, then by community in pinyin order', () => {
    const two = [...letters('幸福小区'), ...letters('和平小区', 11).slice(0, 3), ...letters('安居小区', 21).slice(3, 6)];
    expect(groupConcentratedIssues(two).map((g) => [g.community, g.letterIds])).toEqual([
      ['安居小区', [24, 25, 26]],
      ['和平小区', [11, 12, 13]],
      ['幸福小区', [1, 2, 3]],
      ['幸福小区', [4, 5, 6]],
    ]);
  });

  it('keeps the words that name the matter: no function words, petition words, numbers or the community', () => {
    expect([...contentWords('建议尽快修复幸福小区3号楼东门的路灯', new Set(['幸福', '小区']))]).toEqual(['修复', '号', '楼', '东', '门', '路灯']);
    expect(normalizeCommunity('  ')).toBeNull();
    expect(normalizeCommunity('幸福\u3000小区')).toBe('幸福小区');
  });

  it('measures similarity as shared words over all words (Jaccard)', () => {
    expect(jaccard(new Set(['路灯', '晚上']), new Set(['路灯', '东', '门']))).toBe(0.25);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(jaccard(new Set(['a']), new Set(['a']))).toBe(1);
  });
});
