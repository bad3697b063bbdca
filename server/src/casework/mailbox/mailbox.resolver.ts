import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { createCrudResolver } from '../../common/crud.js';
import { buildCreateArgs } from '../../common/fields.js';
import { MailboxOpening } from '../mailbox-opening/mailbox-opening.entity.js';
import { openMailboxFields } from '../mailbox-opening/mailbox-opening.inputs.js';
import { Mailbox } from './mailbox.entity.js';
import { mailboxFields, mailboxReadFields } from './mailbox.inputs.js';
import { validateMailbox } from './mailbox.policy.js';
import { openMailbox, type OpenMailboxInput } from './mailbox.service.js';

export const mailboxResource = createCrudResolver<Mailbox>({
  entity: Mailbox,
  name: 'Mailbox',
  plural: 'Mailboxes',
  label: '委员信箱',
  capability: 'reference',
  fields: mailboxFields,
  readFields: mailboxReadFields,
  pinyinSort: ['name', 'community'],
  validate: validateMailbox,
});

const OpenMailboxArgs = buildCreateArgs('OpenMailbox', openMailboxFields);

@Resolver(() => MailboxOpening)
export class MailboxVerbResolver {
  @Mutation(() => MailboxOpening, { description: '开启信箱：记录开启人和收到的信件数（MB3）；代开须组长批准（MB2）' })
  async openMailbox(@Args(() => OpenMailboxArgs) args: OpenMailboxInput, @Ctx() ctx: Context) {
    return openMailbox(ctx, args);
  }
}
