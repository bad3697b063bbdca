import { createCrudResolver } from '../../common/crud.js';
import { LiaisonStation } from './liaison-station.entity.js';
import { liaisonStationFields } from './liaison-station.inputs.js';
import { validateLiaisonStation } from './liaison-station.policy.js';

export const liaisonStationResource = createCrudResolver<LiaisonStation>({
  entity: LiaisonStation,
  name: 'LiaisonStation',
  plural: 'LiaisonStations',
  label: '代表联络站',
  capability: 'reference',
  fields: liaisonStationFields,
  pinyinSort: ['name'],
  validate: validateLiaisonStation,
});
