import { createCrudResolver } from '../../common/crud.js';
import { WorkPlan } from './work-plan.entity.js';
import { yearlyFilingFields } from './yearly-filing.js';

export const workPlanResource = createCrudResolver<WorkPlan>({
  entity: WorkPlan,
  name: 'WorkPlan',
  plural: 'WorkPlans',
  label: '工作计划',
  capability: 'reference',
  fields: yearlyFilingFields,
  pinyinSort: ['title'],
  defaultSort: { field: 'year', order: 'DESC' },
});
