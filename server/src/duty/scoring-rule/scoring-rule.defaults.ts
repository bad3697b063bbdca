import { BodyKind } from '../../platform/body/body.entity.js';
import { MemberKind } from '../../people/member/member.entity.js';
import { PerformanceMeasure } from './scoring-rule.entity.js';

export interface ScoringRuleTemplate {
  memberKind: MemberKind;
  measure: PerformanceMeasure;
  threshold: number;
  points: number;
  pointsPerExtra: number;
  maxPoints: number | null;
  ruleRef: string;
}

const minimum = (memberKind: MemberKind, measure: PerformanceMeasure, threshold: number, ruleRef: string): ScoringRuleTemplate => ({
  memberKind,
  measure,
  threshold,
  points: 10,
  pointsPerExtra: 0,
  maxPoints: null,
  ruleRef,
});

/**
 * PF1 defaults by body kind: LO2's six yearly minimums for CPPCC members; ST2 (at least one
 * reception a year) for deputies. Offices edit them as data afterwards.
 */
export function defaultScoringRules(bodyKind: BodyKind): ScoringRuleTemplate[] {
  if (bodyKind === BodyKind.CPPCC) {
    const m = MemberKind.CPPCC_MEMBER;
    return [
      minimum(m, PerformanceMeasure.PROPOSALS, 1, 'LO2：每年至少提交一份提案'),
      minimum(m, PerformanceMeasure.OPINION_REPORTS, 1, 'LO2：每年至少撰写一篇社情民意信息'),
      minimum(m, PerformanceMeasure.RESEARCH, 1, 'LO2：每年至少参与一项调研活动'),
      minimum(m, PerformanceMeasure.INSPECTIONS, 1, 'LO2：每年至少参加一次视察活动'),
      minimum(m, PerformanceMeasure.SECTOR_ACTIVITIES, 1, 'LO2：每年至少参加一次界别活动'),
      minimum(m, PerformanceMeasure.PRACTICAL_DEEDS, 1, 'LO2：每年至少为群众办好一件实事'),
    ];
  }
  return [minimum(MemberKind.DEPUTY, PerformanceMeasure.RECEPTIONS_ATTENDED, 1, 'ST2：每年至少参加一次接待选民群众活动')];
}
