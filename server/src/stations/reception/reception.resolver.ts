import { createCrudResolver } from '../../common/crud.js';
import { Reception } from './reception.entity.js';
import { receptionFields } from './reception.inputs.js';
import { validateReception } from './reception.policy.js';

export const receptionResource = createCrudResolver<Reception>({
  entity: Reception,
  name: 'Reception',
  plural: 'Receptions',
  label: '接待活动',
  capability: 'reference',
  fields: receptionFields,
  pinyinSort: ['topic'],
  defaultSort: { field: 'heldOn', order: 'DESC' },
  validate: validateReception,
});
