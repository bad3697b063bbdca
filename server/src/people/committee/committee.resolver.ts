import { createCrudResolver } from '../../common/crud.js';
import { Committee } from './committee.entity.js';
import { committeeFields } from './committee.inputs.js';
import { validateCommittee } from './committee.policy.js';

export const committeeResource = createCrudResolver<Committee>({
  entity: Committee,
  name: 'Committee',
  plural: 'Committees',
  label: '专委会',
  capability: 'reference',
  fields: committeeFields,
  pinyinSort: ['name'],
  validate: validateCommittee,
});
