import { enumOf, ref, text, type FieldSpecs } from '../../common/fields.js';
import { LANDLINE_RE, MOBILE_RE } from '../../common/validation.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Department, DepartmentLevel } from './department.entity.js';

export const departmentFields: FieldSpecs = {
  name: text('名称', { required: true, max: 100 }),
  code: text('单位代码', { required: true, max: 30, pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,29}$/, patternMessage: '须为字母、数字或连字符，如 JX-ZJJ', filter: true }),
  organizationId: ref(() => Organization, '列入其名录的工作机构', { required: true }),
  parentId: ref(() => Department, '上级单位'),
  level: enumOf(DepartmentLevel, '层级', { required: true }),
  contactPerson: text('联系人', { max: 50 }),
  contactPhone: text('联系电话', {
    max: 30,
    pattern: new RegExp(`^(${MOBILE_RE.source.slice(1, -1)}|${LANDLINE_RE.source.slice(1, -1)})$`),
    patternMessage: '电话号码格式不正确（手机 11 位，固话如 0573-82345678）',
  }),
};
