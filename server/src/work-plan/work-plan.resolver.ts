import { createCrudResolver } from '../common/crud.js';
import { WorkPlan } from './work-plan.entity.js';
import { workPlanFields } from './work-plan.inputs.js';

export const workPlanResource = createCrudResolver<WorkPlan>({
  entity: WorkPlan,
  name: 'WorkPlan',
  plural: 'WorkPlans',
  label: '工作计划',
  capability: 'reference',
  fields: workPlanFields,
  pinyinSort: ['title'],
  defaultSort: { field: 'year', order: 'DESC' },
});
