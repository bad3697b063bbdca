import { createCrudResolver } from '../../common/crud.js';
import { DeadlinePolicy } from './deadline-policy.entity.js';
import { deadlinePolicyFields } from './deadline-policy.inputs.js';
import { enqueuePolicyRecompute } from '../letter/letter.deadlines.service.js';

export const deadlinePolicyResource = createCrudResolver<DeadlinePolicy>({
  entity: DeadlinePolicy,
  name: 'DeadlinePolicy',
  plural: 'DeadlinePolicies',
  label: '办理时限',
  capability: 'reference',
  fields: deadlinePolicyFields,
  // DL4: kept rules do not change, but letters without kept rules count by the policies up their tree
  afterWrite: ({ em, entity, before }) => enqueuePolicyRecompute(em, [entity.organization?.id, before?.organization?.id]),
});
