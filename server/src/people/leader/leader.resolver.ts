import { createCrudResolver } from '../../common/crud.js';
import { Leader } from './leader.entity.js';
import { leaderFields } from './leader.inputs.js';
import { validateLeader } from './leader.policy.js';

export const leaderResource = createCrudResolver<Leader>({
  entity: Leader,
  name: 'Leader',
  plural: 'Leaders',
  label: '领导',
  capability: 'reference',
  fields: leaderFields,
  pinyinSort: ['name'],
  validate: validateLeader,
});
