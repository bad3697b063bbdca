import { date, int, longText, ref, text, type FieldSpecs } from '../common/fields.js';
import { Organization } from '../organization/organization.entity.js';

/** LO1: one per organization and year. */
export const workSummaryFields: FieldSpecs = {
  organizationId: ref(() => Organization, '工作机构', { required: true }),
  year: int('年度', { required: true, min: 1949, max: 2100 }),
  title: text('标题', { required: true, max: 200 }),
  content: longText('正文'),
  filedOn: date('报送日期'),
};
