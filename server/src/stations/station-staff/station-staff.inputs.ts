import { enumOf, ref, text, type FieldSpecs } from '../../common/fields.js';
import { LiaisonStation } from '../liaison-station/liaison-station.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { PUBLIC_PHONE } from '../liaison-station/liaison-station.inputs.js';
import { StationStaffRole } from './station-staff.entity.js';

export const stationStaffFields: FieldSpecs = {
  name: text('姓名', { required: true, max: 50 }),
  role: enumOf(StationStaffRole, '类别', { required: true }),
  liaisonStationId: ref(() => LiaisonStation, '所在代表联络站'),
  liaisonGroupId: ref(() => LiaisonGroup, '所在委员活动小组/联络组'),
  contactPhone: text('联系电话', PUBLIC_PHONE),
};
