import { ref, text, type FieldSpecs } from '../../common/fields.js';
import { Body } from '../../platform/body/body.entity.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Member } from '../member/member.entity.js';

export const liaisonGroupFields: FieldSpecs = {
  name: text('名称', { required: true, max: 100 }),
  bodyId: ref(() => Body, '所属政协/人大', { required: true }),
  organizationId: ref(() => Organization, '所属联络处（工作机构）'),
  area: text('活动区域', { max: 100, filter: true }),
  leaderMemberId: ref(() => Member, '组长'),
};
