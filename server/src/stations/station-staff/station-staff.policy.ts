import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { StationStaff } from './station-staff.entity.js';

/** A helper serves exactly one station or one group (also a database check). */
export function validateStationStaff({ entity }: WriteContext<StationStaff>): void {
  if (!entity.liaisonStation === !entity.liaisonGroup) {
    throw badInput('liaisonStationId', '须指定所在代表联络站或委员活动小组之一，且只能指定一个');
  }
}
