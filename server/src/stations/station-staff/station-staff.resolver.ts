import { createCrudResolver } from '../../common/crud.js';
import { StationStaff } from './station-staff.entity.js';
import { stationStaffFields } from './station-staff.inputs.js';
import { validateStationStaff } from './station-staff.policy.js';

export const stationStaffResource = createCrudResolver<StationStaff>({
  entity: StationStaff,
  name: 'StationStaff',
  plural: 'StationStaffs',
  label: '联络员',
  capability: 'reference',
  fields: stationStaffFields,
  pinyinSort: ['name'],
  validate: validateStationStaff,
});
