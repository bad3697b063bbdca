import { bool, date, enumOf, int, phone, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Body } from '../../platform/body/body.entity.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { LiaisonGroup } from '../liaison-group/liaison-group.entity.js';
import { Gender, MemberKind } from './member.entity.js';

export const memberFields: FieldSpecs = {
  name: text('姓名', { required: true, max: 50 }),
  kind: enumOf(MemberKind, '类别', { required: true }),
  gender: enumOf(Gender, '性别'),
  bodyId: ref(() => Body, '所属政协/人大', { required: true }),
  organizationId: ref(() => Organization, '管理单位（工作机构）', { required: true }),
  sectorId: ref(() => Sector, '界别'),
  liaisonGroupId: ref(() => LiaisonGroup, '委员活动小组/联络组'),
  isStandingMember: bool('是否常委/常委会组成人员'),
  termNumber: int('届次', { required: true, min: 1, max: 99 }),
  termStart: date('本届任期开始日期', { required: true }),
  termEnd: date('本届任期结束日期'),
  workUnit: text('工作单位及职务', { max: 200 }),
  party: text('党派', { max: 50, filter: true }),
  phone: phone('联系电话'),
};
