import { date, enumOf, longText, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Body } from '../../platform/body/body.entity.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Sector } from '../../people/sector/sector.entity.js';
import { ActivityKind } from './activity.entity.js';

export const activityFields: FieldSpecs = {
  title: text('活动名称', { required: true, max: 200 }),
  kind: enumOf(ActivityKind, '类别', { required: true }),
  bodyId: ref(() => Body, '所属机构', { required: true }),
  organizationId: ref(() => Organization, '组织单位'),
  liaisonGroupId: ref(() => LiaisonGroup, '委员活动小组 / 联络组'),
  sectorId: ref(() => Sector, '界别'),
  heldOn: date('活动日期', { required: true }),
  location: text('地点', { max: 200 }),
  description: longText('活动内容'),
};
