import { createCrudResolver } from '../../common/crud.js';
import { ContactVisit } from './contact-visit.entity.js';
import { contactVisitFields } from './contact-visit.inputs.js';
import { validateContactVisit } from './contact-visit.policy.js';

export const contactVisitResource = createCrudResolver<ContactVisit>({
  entity: ContactVisit,
  name: 'ContactVisit',
  plural: 'ContactVisits',
  label: '联系活动',
  capability: 'reference',
  fields: contactVisitFields,
  defaultSort: { field: 'visitedOn', order: 'DESC' },
  validate: validateContactVisit,
});
