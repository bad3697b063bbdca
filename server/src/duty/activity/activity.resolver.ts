import { createCrudResolver } from '../../common/crud.js';
import { Activity } from './activity.entity.js';
import { activityFields } from './activity.inputs.js';
import { validateActivity } from './activity.policy.js';

export const activityResource = createCrudResolver<Activity>({
  entity: Activity,
  name: 'Activity',
  plural: 'Activities',
  label: '履职活动',
  capability: 'reference',
  fields: activityFields,
  pinyinSort: ['title'],
  defaultSort: { field: 'heldOn', order: 'DESC' },
  validate: validateActivity,
});
