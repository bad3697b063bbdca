import { Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../common/context.js';
import { createCrudResolver } from '../../common/crud.js';
import { buildCreateArgs, buildInput, listArg } from '../../common/fields.js';
import { MailboxOpening } from '../mailbox-opening/mailbox-opening.entity.js';
import { mailboxLetterFields, openMailboxFields } from '../mailbox-opening/mailbox-opening.inputs.js';
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
const MailboxLetterInput = buildInput('MailboxLetter', mailboxLetterFields, '开启信箱时收到的一封来信（MB3：逐封登记）');
listArg(OpenMailboxArgs, 'letters', MailboxLetterInput, '收到的来信，随开启一并登记为信箱来信（MB3）；封数须与收到信件数一致', 200);

@Resolver(() => MailboxOpening)
export class MailboxVerbResolver {
  @Mutation(() => MailboxOpening, { description: '开启信箱：记录开启人和收到的信件，逐封登记来信（MB3）；代开须组长批准（MB2）' })
  async openMailbox(@Args(() => OpenMailboxArgs) args: OpenMailboxInput, @Ctx() ctx: Context) {
    return (await openMailbox(ctx, args)).opening;
  }
}
