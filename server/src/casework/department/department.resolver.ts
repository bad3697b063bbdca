import { raw, type FilterQuery } from '@mikro-orm/core';
import { ID } from 'type-graphql';
import { createCrudResolver, parseId } from '../../common/crud.js';
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
  filters: {
    // PV5: the forwarding picker never offers a unit the letter complains about
    notInvolvedInLetterId: {
      type: () => ID,
      description: '不是该来信反映（涉及）的单位（转办时可选的承办单位，PV5）',
      where: (letterId: string) => {
        const id = parseId(letterId, 'filter.notInvolvedInLetterId');
        return { [raw((a: string) => `${a}.id not in (select department_id from letter_involved_departments where letter_id = ?)`, [id])]: true } as FilterQuery<Department>;
      },
    },
  },
});
