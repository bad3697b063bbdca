import { createCrudResolver } from '../../common/crud.js';
import { LiaisonGroup } from './liaison-group.entity.js';
import { liaisonGroupFields } from './liaison-group.inputs.js';
import { validateLiaisonGroup } from './liaison-group.policy.js';

export const liaisonGroupResource = createCrudResolver<LiaisonGroup>({
  entity: LiaisonGroup,
  name: 'LiaisonGroup',
  plural: 'LiaisonGroups',
  label: '委员活动小组',
  capability: 'reference',
  fields: liaisonGroupFields,
  pinyinSort: ['name'],
  validate: validateLiaisonGroup,
});
