import type { Resource } from '../common/crud.js';
import { LiaisonStation, LiaisonStationDeputy } from './liaison-station/liaison-station.entity.js';
import { StationStaff } from './station-staff/station-staff.entity.js';
import { Reception } from './reception/reception.entity.js';
import { liaisonStationResource } from './liaison-station/liaison-station.resolver.js';
import { stationStaffResource } from './station-staff/station-staff.resolver.js';
import { receptionResource } from './reception/reception.resolver.js';
import { ReceptionIssueResolver } from './reception/reception.issues.js';
import { ReceptionComplianceResolver } from './reception/reception.compliance.resolver.js';

/** The stations wing: deputy liaison stations (004), their staff and receptions. */
export const stationsWing = {
  entities: [LiaisonStation, LiaisonStationDeputy, StationStaff, Reception] as Function[],
  resources: [liaisonStationResource, stationStaffResource, receptionResource] as Resource[],
  /** Resolvers beyond the CRUD grammar: workflow verbs, reveals, statistics. */
  resolvers: [ReceptionIssueResolver, ReceptionComplianceResolver] as Function[],
};
