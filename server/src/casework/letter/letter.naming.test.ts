import { describe, expect, it } from 'vitest';
import { letterText, namedDepartments, shortNames } from './letter.naming.js';

describe('the departments a letter names (PV5, issue 12)', () => {
  it('derives short names from the place names at the head of a unit’s name', () => {
    expect(shortNames('苍南县民政局')).toEqual(['县民政局', '民政局']);
    expect(shortNames('浙江省苍南县民政局')).toEqual(['省苍南县民政局', '苍南县民政局', '县民政局', '民政局']);
    expect(shortNames('嘉兴市住房和城乡建设局')).toEqual(['市住房和城乡建设局', '住房和城乡建设局']);
    expect(shortNames('苍南县市场监督管理局')).toEqual(['县市场监督管理局', '市场监督管理局']);
    expect(shortNames('新兴街道办事处')).toEqual(['街道办事处', '办事处']);
    // nothing left worth matching, or no place at the head
    expect(shortNames('苍南县局')).toEqual([]);
    expect(shortNames('国家电网')).toEqual([]);
    expect(shortNames('区公安')).toEqual([]);
  });

  const departments = [
    { id: 1, name: '苍南县民政局', accountNames: ['林晓'] },
    { id: 2, name: '苍南县住房和城乡建设局', accountNames: ['陈'] },
    { id: 3, name: '苍南县市场监督管理局', accountNames: [] },
  ];

  it('finds a department by its full name, a short name or an account’s name, keeping the longest words', () => {
    expect(namedDepartments('反映苍南县民政局低保审核不公', departments)).toEqual([{ id: 1, name: '苍南县民政局', matched: ['苍南县民政局'] }]);
    expect(namedDepartments('县民政局工作人员态度差', departments)).toEqual([{ id: 1, name: '苍南县民政局', matched: ['县民政局'] }]);
    expect(namedDepartments('民政局迟迟不答复', departments)).toEqual([{ id: 1, name: '苍南县民政局', matched: ['民政局'] }]);
    expect(namedDepartments('经办人林晓推诿，住房和城乡建设局也不管', departments)).toEqual([
      { id: 1, name: '苍南县民政局', matched: ['林晓'] },
      { id: 2, name: '苍南县住房和城乡建设局', matched: ['住房和城乡建设局'] },
    ]);
  });

  it('names nothing for a text about other units, and ignores one-character account names', () => {
    expect(namedDepartments('小区路灯不亮，请陈师傅修理', departments)).toEqual([]);
    expect(namedDepartments('市场里的摊位', departments)).toEqual([]);
    expect(namedDepartments('', departments)).toEqual([]);
  });

  it('reads title, content and involved persons as the letter’s text', () => {
    expect(letterText({ title: '低保', content: '审核不公', involvedPersons: '县民政局林晓' })).toBe('低保\n审核不公\n县民政局林晓');
    expect(letterText({ title: '低保', content: '审核不公', involvedPersons: null })).toBe('低保\n审核不公');
  });
});
