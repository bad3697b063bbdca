import { createCrudResolver } from '../../common/crud.js';
import { Organization } from './organization.entity.js';
import { organizationFields } from './organization.inputs.js';
import { validateOrganization } from './organization.policy.js';

export const organizationResource = createCrudResolver<Organization>({
  entity: Organization,
  name: 'Organization',
  plural: 'Organizations',
  label: '工作机构',
  capability: 'reference',
  fields: organizationFields,
  pinyinSort: ['name'],
  validate: validateOrganization,
});
