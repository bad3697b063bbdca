import { address, enumOf, idNumber, longText, phone, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Gender } from '../member/member.entity.js';

export const constituentFields: FieldSpecs = {
  name: text('姓名', { required: true, max: 50 }),
  gender: enumOf(Gender, '性别'),
  phone: phone('联系电话'),
  idNumber: idNumber('身份证号'),
  address: address('住址'),
  community: text('所在社区/村', { max: 100, filter: true }),
  occupation: text('职业', { max: 100 }),
  organizationId: ref(() => Organization, '登记的工作机构', { required: true }),
  notes: longText('备注', { max: 2000 }),
};
