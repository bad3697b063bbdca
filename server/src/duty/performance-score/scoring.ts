import { PerformanceMeasure } from '../scoring-rule/scoring-rule.entity.js';

export type MeasureCounts = Partial<Record<PerformanceMeasure, number>>;

export interface RuleLike {
  measure: PerformanceMeasure;
  threshold: number;
  points: number;
  pointsPerExtra?: number | null;
  maxPoints?: number | null;
  ruleRef?: string | null;
}

export interface ScoreLineValue {
  measure: PerformanceMeasure;
  value: number;
  threshold: number;
  points: number;
  met: boolean;
  ruleRef: string | null;
}

const ORDER = Object.values(PerformanceMeasure);
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * PF1/PF2: a rule is met when the value reaches its threshold; it then earns its points plus
 * pointsPerExtra for each unit above the threshold, capped at maxPoints. Unmet rules earn 0.
 * The breakdown keeps one line per rule, in the measure order of the enum.
 */
export function scoreMember(counts: MeasureCounts, rules: readonly RuleLike[]): { total: number; breakdown: ScoreLineValue[] } {
  const breakdown = [...rules]
    .sort((a, b) => ORDER.indexOf(a.measure) - ORDER.indexOf(b.measure))
    .map((r): ScoreLineValue => {
      const value = counts[r.measure] ?? 0;
      const met = value >= r.threshold;
      let points = 0;
      if (met) {
        points = r.points + (r.pointsPerExtra ?? 0) * (value - r.threshold);
        if (r.maxPoints != null) points = Math.min(points, r.maxPoints);
      }
      return { measure: r.measure, value, threshold: r.threshold, points: round2(points), met, ruleRef: r.ruleRef ?? null };
    });
  return { total: round2(breakdown.reduce((s, l) => s + l.points, 0)), breakdown };
}
