import { todayInChina } from '../../people/member/dates.js';
import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { MailboxOpening } from '../mailbox-opening/mailbox-opening.entity.js';
import type { Letter } from './letter.entity.js';
import { Department } from '../department/department.entity.js';
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
  await assertHandlersNotInvolved(em, entity);
}

/**
 * PV5 (issue 12): the lead department and the co-handlers hold the letter; marking one of them as
 * involved afterwards would strand the letter with a unit that may not see it. Refused, naming the
 * field and the unit; the office forwards the letter elsewhere first.
 */
async function assertHandlersNotInvolved(em: WriteContext<Letter>['em'], entity: Letter): Promise<void> {
  if (!entity.involvedDepartments.isInitialized()) return; // not written by this request
  const involved = entity.involvedDepartments.getItems();
  if (!involved.length) return;
  const handlers = [
    ...(entity.leadDepartment ? [{ id: entity.leadDepartment.id, role: '主办' }] : []),
    ...(await entity.coHandlerDepartments.load()).map((d) => ({ id: d.id, role: '协办' })),
  ];
  const clash = handlers.filter((h) => involved.some((d) => d.id === h.id));
  if (!clash.length) return;
  const found = await em.find(Department, { id: { $in: clash.map((h) => h.id) } }, { fields: ['id', 'name'] as any });
  const names = clash.map((h) => `${found.find((d) => d.id === h.id)?.name ?? h.id}（${h.role}单位）`);
  throw badInput('involvedDepartmentIds', `${names.join('、')}正在办理本来信，不能再列为涉及（被反映）的单位；如来信反映该单位，请先改转其他单位办理（PV5）`, {
    rule: 'PV5',
    departmentIds: clash.map((h) => String(h.id)),
  });
}
