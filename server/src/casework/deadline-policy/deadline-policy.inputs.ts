import { bool, enumOf, int, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { LetterChannel } from '../letter/letter.enums.js';
import { DayKind, DeadlineMeasure } from './deadline-policy.entity.js';

export const deadlinePolicyFields: FieldSpecs = {
  organizationId: ref(() => Organization, '工作机构', { required: true }),
  measure: enumOf(DeadlineMeasure, '时限事项', { required: true }),
  channel: enumOf(LetterChannel, '适用渠道（空表示所有渠道）'),
  days: int('天数', { required: true, min: 1, max: 365 }),
  dayKind: enumOf(DayKind, '计日方式', { required: true }),
  ruleRef: text('依据（DL1）', { required: true, max: 200 }),
  isDefault: bool('是否默认时限'),
};
