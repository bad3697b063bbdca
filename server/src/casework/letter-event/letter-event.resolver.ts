import { createCrudResolver } from '../../common/crud.js';
import { LetterEvent } from './letter-event.entity.js';
import { letterEventFields } from './letter-event.inputs.js';

export const letterEventResource = createCrudResolver<LetterEvent>({
  entity: LetterEvent,
  name: 'LetterEvent',
  plural: 'LetterEvents',
  label: '办理记录',
  capability: 'readonly',
  fields: letterEventFields,
  defaultSort: { field: 'occurredAt', order: 'ASC' },
});
