import { describe, expect, it } from 'vitest';
import { BodyKind } from '../../platform/body/body.entity.js';
import { MemberKind } from '../../people/member/member.entity.js';
import { defaultScoringRules } from './scoring-rule.defaults.js';

describe('defaultScoringRules (PF1)', () => {
  it("gives CPPCC members LO2's six yearly minimums of one each", () => {
    const rules = defaultScoringRules(BodyKind.CPPCC);
    expect(rules.map((r) => [r.memberKind, r.measure, r.threshold, r.points])).toEqual([
      [MemberKind.CPPCC_MEMBER, 'PROPOSALS', 1, 10],
      [MemberKind.CPPCC_MEMBER, 'OPINION_REPORTS', 1, 10],
      [MemberKind.CPPCC_MEMBER, 'RESEARCH', 1, 10],
      [MemberKind.CPPCC_MEMBER, 'INSPECTIONS', 1, 10],
      [MemberKind.CPPCC_MEMBER, 'SECTOR_ACTIVITIES', 1, 10],
      [MemberKind.CPPCC_MEMBER, 'PRACTICAL_DEEDS', 1, 10],
    ]);
    expect(rules.every((r) => r.ruleRef.startsWith('LO2') && r.pointsPerExtra === 0 && r.maxPoints === null)).toBe(true);
  });

  it('gives deputies ST2: at least one reception attended a year', () => {
    expect(defaultScoringRules(BodyKind.CONGRESS)).toEqual([
      {
        memberKind: MemberKind.DEPUTY,
        measure: 'RECEPTIONS_ATTENDED',
        threshold: 1,
        points: 10,
        pointsPerExtra: 0,
        maxPoints: null,
        ruleRef: 'ST2：每年至少参加一次接待选民群众活动',
      },
    ]);
  });

  it('returns fresh objects each call, so callers may edit them', () => {
    const a = defaultScoringRules(BodyKind.CPPCC);
    a[0].points = 99;
    expect(defaultScoringRules(BodyKind.CPPCC)[0].points).toBe(10);
  });
});
