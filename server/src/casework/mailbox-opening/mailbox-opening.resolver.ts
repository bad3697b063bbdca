import { createCrudResolver } from '../../common/crud.js';
import { MailboxOpening } from './mailbox-opening.entity.js';
import { mailboxOpeningFields, mailboxOpeningReadFields } from './mailbox-opening.inputs.js';

export const mailboxOpeningResource = createCrudResolver<MailboxOpening>({
  entity: MailboxOpening,
  name: 'MailboxOpening',
  plural: 'MailboxOpenings',
  label: '信箱开启记录',
  capability: 'workflow',
  fields: mailboxOpeningFields,
  readFields: mailboxOpeningReadFields,
  defaultSort: { field: 'openedOn', order: 'DESC' },
});
