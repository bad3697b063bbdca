import { registerEnumType } from 'type-graphql';
import { DeadlineMeasure } from '../deadline-policy/deadline-policy.entity.js';
import { MEASURE_LABELS } from './letter.deadlines.js';

/** What a deadline entry of a letter is about: the policies' measures and (PV2) the report to a higher office. */
export const LetterDeadlineMeasure = { ...DeadlineMeasure, HIGHER_OFFICE_REPORT: 'HIGHER_OFFICE_REPORT' } as const;
export type LetterDeadlineMeasure = (typeof LetterDeadlineMeasure)[keyof typeof LetterDeadlineMeasure];
registerEnumType(LetterDeadlineMeasure, {
  name: 'LetterDeadlineMeasure',
  description: '来信时限事项：办理时限的各项，及向上级机关报告办理结果（PV2）',
  valuesConfig: Object.fromEntries(Object.keys(LetterDeadlineMeasure).map((k) => [k, { description: MEASURE_LABELS[k as LetterDeadlineMeasure] }])),
});
