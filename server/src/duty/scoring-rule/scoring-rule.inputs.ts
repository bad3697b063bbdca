import { enumOf, float, int, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Body } from '../../platform/body/body.entity.js';
import { MemberKind } from '../../people/member/member.entity.js';
import { PerformanceMeasure } from './scoring-rule.entity.js';

export const scoringRuleFields: FieldSpecs = {
  bodyId: ref(() => Body, '所属机构', { required: true }),
  year: int('年度', { required: true, min: 1949, max: 2100 }),
  memberKind: enumOf(MemberKind, '适用对象', { required: true }),
  measure: enumOf(PerformanceMeasure, '考核指标', { required: true }),
  threshold: float('达标线', { required: true, min: 0 }),
  points: float('达标得分', { required: true, min: 0 }),
  pointsPerExtra: float('超出部分每项加分', { min: 0 }),
  maxPoints: float('本项最高得分', { min: 0 }),
  ruleRef: text('依据', { max: 100 }),
};
