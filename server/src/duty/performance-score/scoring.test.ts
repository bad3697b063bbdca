import { describe, expect, it } from 'vitest';
import { PerformanceMeasure as M } from '../scoring-rule/scoring-rule.entity.js';
import { scoreMember, type RuleLike } from './scoring.js';

const rule = (measure: M, threshold: number, points: number, extra: Partial<RuleLike> = {}): RuleLike => ({
  measure,
  threshold,
  points,
  pointsPerExtra: 0,
  maxPoints: null,
  ruleRef: 'LO2',
  ...extra,
});

describe('scoreMember (PF1, PF2)', () => {
  it('earns the points of each met minimum and nothing for an unmet one, line by line (LO2)', () => {
    const res = scoreMember({ [M.PROPOSALS]: 2, [M.RESEARCH]: 0 }, [rule(M.RESEARCH, 1, 10), rule(M.PROPOSALS, 1, 10)]);
    expect(res).toEqual({
      total: 10,
      breakdown: [
        { measure: 'PROPOSALS', value: 2, threshold: 1, points: 10, met: true, ruleRef: 'LO2' },
        { measure: 'RESEARCH', value: 0, threshold: 1, points: 0, met: false, ruleRef: 'LO2' },
      ],
    });
  });

  it('adds pointsPerExtra for each unit above the threshold, capped at maxPoints', () => {
    const rules = [rule(M.PROPOSALS, 1, 10, { pointsPerExtra: 2.5, maxPoints: 15 }), rule(M.OPINION_REPORTS, 1, 10, { pointsPerExtra: 1 })];
    const res = scoreMember({ [M.PROPOSALS]: 4, [M.OPINION_REPORTS]: 3 }, rules);
    expect(res.breakdown.map((l) => l.points)).toEqual([15, 12]);
    expect(res.total).toBe(27);
  });

  it('counts a measure with no value as 0, and a zero threshold as met', () => {
    const res = scoreMember({}, [rule(M.SATISFACTION, 0.9, 5), rule(M.CONSTITUENT_VISITS, 0, 1, { ruleRef: null })]);
    expect(res.breakdown).toEqual([
      { measure: 'CONSTITUENT_VISITS', value: 0, threshold: 0, points: 1, met: true, ruleRef: null },
      { measure: 'SATISFACTION', value: 0, threshold: 0.9, points: 0, met: false, ruleRef: 'LO2' },
    ]);
    expect(res.total).toBe(1);
  });

  it('rounds points to cents, avoiding float noise', () => {
    const res = scoreMember({ [M.PROPOSALS]: 4 }, [rule(M.PROPOSALS, 1, 0.1, { pointsPerExtra: 0.1 })]);
    expect(res.total).toBe(0.4);
  });

  it('scores nothing without rules', () => {
    expect(scoreMember({ [M.PROPOSALS]: 3 }, [])).toEqual({ total: 0, breakdown: [] });
  });
});
