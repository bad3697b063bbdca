import { enumOf, int, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Body } from '../body/body.entity.js';
import { Organization, OrganizationKind } from './organization.entity.js';
import { LANDLINE_RE, MOBILE_RE } from '../../common/validation.js';

export const organizationFields: FieldSpecs = {
  name: text('名称', { required: true, max: 100 }),
  code: text('简称代码（来信编号前缀）', { required: true, max: 12, pattern: /^[A-Z][A-Z0-9]{0,11}$/, patternMessage: '须为大写字母开头的字母数字，如 JX', filter: true }),
  kind: enumOf(OrganizationKind, '类别', { required: true }),
  bodyId: ref(() => Body, '所属机构', { required: true }),
  parentId: ref(() => Organization, '上级工作机构'),
  mailboxOpeningPeriodDays: int('信箱开启周期（天）', { min: 1, max: 90 }),
  address: text('地址', { max: 200 }),
  officePhone: text('办公电话', {
    max: 30,
    pattern: new RegExp(`(${MOBILE_RE.source})|(${LANDLINE_RE.source})`),
    patternMessage: '电话号码格式不正确（如 0573-82345678）',
  }),
};
