import { date, enumOf, longText, text, type FieldSpecs } from '../../common/fields.js';
import { pairingLinkFields } from '../contact-pairing/contact-pairing.inputs.js';
import { ContactVisitMode, ContactVisitOutcome } from './contact-visit.entity.js';

export const contactVisitFields: FieldSpecs = {
  ...pairingLinkFields,
  mode: enumOf(ContactVisitMode, '方式', { required: true }),
  visitedOn: date('日期', { required: true }),
  location: text('地点', { max: 200 }),
  summary: longText('情况摘要'),
  issuesRaised: longText('反映的问题'),
  outcome: enumOf(ContactVisitOutcome, '问题去向（CT5）'),
};
