import { createCrudResolver } from '../../common/crud.js';
import { DeadlinePolicy } from './deadline-policy.entity.js';
import { deadlinePolicyFields } from './deadline-policy.inputs.js';

export const deadlinePolicyResource = createCrudResolver<DeadlinePolicy>({
  entity: DeadlinePolicy,
  name: 'DeadlinePolicy',
  plural: 'DeadlinePolicies',
  label: '办理时限',
  capability: 'reference',
  fields: deadlinePolicyFields,
});
