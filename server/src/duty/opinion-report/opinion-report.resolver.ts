import { createCrudResolver } from '../../common/crud.js';
import { OpinionReport } from './opinion-report.entity.js';
import { opinionReportFields } from './opinion-report.inputs.js';
import { validateOpinionReport } from './opinion-report.policy.js';

export const opinionReportResource = createCrudResolver<OpinionReport>({
  entity: OpinionReport,
  name: 'OpinionReport',
  plural: 'OpinionReports',
  label: '社情民意信息',
  capability: 'reference',
  fields: opinionReportFields,
  pinyinSort: ['title'],
  defaultSort: { field: 'submittedOn', order: 'DESC' },
  validate: validateOpinionReport,
});
