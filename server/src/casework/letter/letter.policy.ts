import { todayInChina } from '../../people/member/dates.js';
import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { MailboxOpening } from '../mailbox-opening/mailbox-opening.entity.js';
import type { Letter } from './letter.entity.js';
import { LetterChannel } from './letter.enums.js';

/** Writer identity: the argument named in a refusal and whether the letter carries it. */
const WRITER_IDENTITY: Array<[string, (l: Letter) => unknown]> = [
  ['writerName', (l) => l.writerName],
  ['writerUnit', (l) => l.writerUnit],
  ['writerPhone', (l) => l.writerPhoneEncrypted],
  ['writerIdNumber', (l) => l.writerIdNumberEncrypted],
  ['writerAddress', (l) => l.writerAddressEncrypted],
  ['constituentId', (l) => l.constituent],
];

/** Cross-field rules of a letter, on registration and on every update. */
export async function validateLetter({ em, entity }: WriteContext<Letter>): Promise<void> {
  if (entity.isAnonymous) {
    // PR4: an anonymous writer stays anonymous
    for (const [field, value] of WRITER_IDENTITY) {
      if (value(entity)) throw badInput(field, '匿名来信不能填写来信人身份信息（PR4）');
    }
  } else if (!entity.writerName) {
    throw badInput('writerName', '实名来信须登记来信人姓名（PV1）');
  }
  if (entity.channel === LetterChannel.MAILBOX && !entity.mailbox) {
    throw badInput('mailboxId', '信箱来信须注明所在信箱（MB3）');
  }
  if (entity.channel === LetterChannel.RECEPTION && !entity.reception) {
    throw badInput('receptionId', '接待活动中反映的问题须注明接待活动（ST4）');
  }
  if (entity.mailboxOpening) {
    const opening = await em.findOneOrFail(MailboxOpening, entity.mailboxOpening.id);
    if (opening.mailbox.id !== entity.mailbox?.id) {
      throw badInput('mailboxOpeningId', '信箱开启记录不属于所填信箱');
    }
  }
  if (entity.receivedOn > todayInChina()) throw badInput('receivedOn', '收到日期不能晚于今天');
}
