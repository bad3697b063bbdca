import { createCrudResolver } from '../../common/crud.js';
import { Department } from './department.entity.js';
import { departmentFields } from './department.inputs.js';
import { validateDepartment } from './department.policy.js';

export const departmentResource = createCrudResolver<Department>({
  entity: Department,
  name: 'Department',
  plural: 'Departments',
  label: '承办单位',
  capability: 'reference',
  fields: departmentFields,
  pinyinSort: ['name', 'contactPerson'],
  validate: validateDepartment,
});
