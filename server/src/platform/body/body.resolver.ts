import { createCrudResolver } from '../../common/crud.js';
import { Body } from './body.entity.js';
import { bodyFields } from './body.inputs.js';
import { validateBody } from './body.policy.js';

export const bodyResource = createCrudResolver<Body>({
  entity: Body,
  name: 'Body',
  plural: 'Bodies',
  label: '机构',
  capability: 'reference',
  fields: bodyFields,
  pinyinSort: ['name'],
  validate: validateBody,
});
