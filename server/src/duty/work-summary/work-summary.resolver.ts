import { createCrudResolver } from '../../common/crud.js';
import { WorkSummary } from './work-summary.entity.js';
import { yearlyFilingFields } from '../work-plan/yearly-filing.js';

export const workSummaryResource = createCrudResolver<WorkSummary>({
  entity: WorkSummary,
  name: 'WorkSummary',
  plural: 'WorkSummaries',
  label: '工作总结',
  capability: 'reference',
  fields: yearlyFilingFields,
  pinyinSort: ['title'],
  defaultSort: { field: 'year', order: 'DESC' },
});
