import { createCrudResolver } from '../../common/crud.js';
import { SatisfactionSurvey } from './satisfaction-survey.entity.js';
import { satisfactionSurveyFields, satisfactionSurveyReadFields } from './satisfaction-survey.inputs.js';

export const satisfactionSurveyResource = createCrudResolver<SatisfactionSurvey>({
  entity: SatisfactionSurvey,
  name: 'SatisfactionSurvey',
  plural: 'SatisfactionSurveys',
  label: '满意度测评',
  capability: 'workflow',
  fields: satisfactionSurveyFields,
  readFields: satisfactionSurveyReadFields,
  defaultSort: { field: 'ratedAt', order: 'DESC' },
});
