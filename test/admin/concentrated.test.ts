import { describe, expect, it } from 'vitest';
import { collectiveResult, forwardable, issueOf, issueSummary } from '../../admin/src/concentrated/concentrated.js';

const issue = { community: '灵溪镇渡龙社区', keyWords: ['门口', '交通'], letterCount: 3, letterIds: ['708', '736', '779'], firstReceivedOn: '2026-02-05', lastReceivedOn: '2026-08-19' };

describe('concentrated issues, handled together (000 第四条)', () => {
  it('sum a group up by community, count and the days its letters came in', () => {
    expect(issueSummary(issue)).toBe('灵溪镇渡龙社区 · 3 件 · 2026-02-05 至 2026-08-19');
    expect(issueSummary({ ...issue, lastReceivedOn: '2026-02-05' })).toBe('灵溪镇渡龙社区 · 3 件 · 2026-02-05');
  });

  it('find the group of a letter by its id, whether given as a number or a string', () => {
    expect(issueOf([issue], 736)).toBe(issue);
    expect(issueOf([issue], '779')).toBe(issue);
    expect(issueOf([issue], 1)).toBeUndefined();
    expect(issueOf(undefined, 1)).toBeUndefined();
  });

  it('forward together only the letters whose next step is the forward', () => {
    const a = { id: '708', myActions: [{ action: 'forwardLetter' }, { action: 'voidLetter' }] };
    const b = { id: '736', myActions: [{ action: 'decideLetter' }] };
    const c = { id: '779' };
    expect(forwardable([a, b, c])).toEqual({ ready: [a], waiting: [b, c] });
  });

  it('say what the collective forward did', () => {
    expect(collectiveResult(2, [], 0)).toBe('已转办 2 件');
    expect(collectiveResult(1, [{ serialNumber: 'CN-2026-000003', message: '不能转给被反映的单位' }], 1)).toBe(
      '已转办 1 件；1 件未能转办：CN-2026-000003（不能转给被反映的单位）；1 件尚不能转办（未到转办步骤）',
    );
  });
});
