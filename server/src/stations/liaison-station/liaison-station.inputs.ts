import { bool, longText, ref, refs, text, type FieldSpecs } from '../../common/fields.js';
import { LANDLINE_RE, MOBILE_RE } from '../../common/validation.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Member } from '../../people/member/member.entity.js';

export const PUBLIC_PHONE = {
  max: 30,
  pattern: new RegExp(`^((${MOBILE_RE.source.slice(1, -1)})|(${LANDLINE_RE.source.slice(1, -1)}))$`),
  patternMessage: '电话号码格式不正确（手机 11 位，固话如 0574-86781234）',
};

export const liaisonStationFields: FieldSpecs = {
  name: text('名称', { required: true, max: 100 }),
  organizationId: ref(() => Organization, '所属工作机构', { required: true }),
  isOnline: bool('是否网上联络站（ST3）'),
  address: text('地址（公开）', { max: 200 }),
  receptionSchedule: text('接待时间', { max: 200 }),
  contactPhone: text('联系电话（公开）', PUBLIC_PHONE),
  deputyInChargeId: ref(() => Member, '负责代表'),
  deputyIds: refs(() => Member, '进站代表（ST1 至少 2 名）'),
  rules: longText('工作制度（ST6）', { max: 5000 }),
};
