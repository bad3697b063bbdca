import { bool, date, int, ref, text, type FieldSpecs } from '../../common/fields.js';
import { letterFields } from '../letter/letter.inputs.js';
import { Mailbox } from '../mailbox/mailbox.entity.js';
import { Member } from '../../people/member/member.entity.js';

/** updateMailboxOpening changes the notes only; the rest is set by openMailbox. */
export const mailboxOpeningFields: FieldSpecs = {
  notes: text('备注', { max: 500 }),
};

export const mailboxOpeningReadFields: FieldSpecs = {
  mailboxId: ref(() => Mailbox, '信箱'),
  openedOn: date('开启日期'),
  openedByMemberId: ref(() => Member, '开启委员'),
  isSubstitute: bool('是否代为开启'),
  approvedByMemberId: ref(() => Member, '批准代开的小组组长'),
  letterCount: int('收到信件数'),
};

/** Arguments of openMailbox (MB3). */
export const openMailboxFields: FieldSpecs = {
  mailboxId: ref(() => Mailbox, '信箱', { required: true }),
  openedOn: date('开启日期', { required: true }),
  openedByMemberId: ref(() => Member, '开启委员', { required: true }),
  approvedByMemberId: ref(() => Member, '批准代开的小组组长（代开时必填，MB2）'),
  letterCount: int('收到信件数', { required: true, min: 0, max: 10000 }),
  notes: text('备注', { max: 500 }),
};

/** One letter found at an opening (MB3: each registered, PV1): the letter's own field rules. */
export const mailboxLetterFields: FieldSpecs = {
  title: letterFields.title,
  content: letterFields.content,
  category: letterFields.category,
  isAnonymous: letterFields.isAnonymous,
  writerName: letterFields.writerName,
  writerPhone: letterFields.writerPhone,
  writerAddress: letterFields.writerAddress,
  writerCount: letterFields.writerCount,
};
