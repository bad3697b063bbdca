import { createCrudResolver } from '../common/crud.js';
import { WorkSummary } from './work-summary.entity.js';
import { workSummaryFields } from './work-summary.inputs.js';

export const workSummaryResource = createCrudResolver<WorkSummary>({
  entity: WorkSummary,
  name: 'WorkSummary',
  plural: 'WorkSummaries',
  label: '工作总结',
  capability: 'reference',
  fields: workSummaryFields,
  pinyinSort: ['title'],
  defaultSort: { field: 'year', order: 'DESC' },
});
