import { address, bool, date, enumOf, idNumber, int, longText, phone, ref, refs, text, type FieldSpecs } from '../../common/fields.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Department } from '../department/department.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { Constituent } from '../../people/constituent/constituent.entity.js';
import { Mailbox } from '../mailbox/mailbox.entity.js';
import { MailboxOpening } from '../mailbox-opening/mailbox-opening.entity.js';
import { Reception } from '../../stations/reception/reception.entity.js';
import { LetterCategory, LetterChannel, LetterStatus, Urgency } from './letter.enums.js';

const once = { updatable: false } as const;

/**
 * Registration arguments (registerLetter / createLetter). Only descriptive fields stay updatable:
 * title, content, category, urgency, isImportant, community, involvedDepartmentIds, involvedPersons, writerUnit.
 */
export const letterFields: FieldSpecs = {
  organizationId: ref(() => Organization, '登记机构', { required: true, ...once }),
  channel: enumOf(LetterChannel, '渠道', { required: true, ...once }),
  title: text('标题', { required: true, max: 100 }),
  content: longText('内容（反映的问题和诉求）', { required: true }),
  category: enumOf(LetterCategory, '类别'),
  urgency: enumOf(Urgency, '缓急程度（PV6）'),
  isImportant: bool('是否重要'),
  isAnonymous: bool('是否匿名（PR4）', once),
  writerName: text('来信人姓名', { max: 50, ...once }),
  writerUnit: text('来信人单位', { max: 100 }),
  // hashed: a repeat writer is found by phone at registration, never by decrypting (PR1)
  writerPhone: phone('来信人电话', { ...once, hashed: true }),
  writerIdNumber: idNumber('来信人身份证号', once),
  writerAddress: address('来信人住址', once),
  writerCount: int('联名人数', { min: 1, max: 100000, ...once }),
  community: text('所在社区', { max: 100 }),
  receivedOn: date('收到日期', { required: true, ...once }),
  constituentId: ref(() => Constituent, '群众', once),
  memberId: ref(() => Member, '经办委员/代表', once),
  mailboxId: ref(() => Mailbox, '委员信箱', once),
  mailboxOpeningId: ref(() => MailboxOpening, '信箱开启记录', once),
  receptionId: ref(() => Reception, '接待活动', once),
  involvedDepartmentIds: refs(() => Department, '涉及（被反映）的单位'),
  involvedPersons: text('涉及（被反映）的人员', { max: 200 }),
  // a letter referred by a higher office with its own date (PV3: it overrides); later changes go
  // through setLetterHigherOfficeDeadline, which records an event
  higherOfficeDueOn: date('上级机关要求的办结日期（PV3）', once),
  higherOfficeName: text('提出时限的上级机关', { max: 100, ...once }),
};

/** Set by the workflow, never by arguments; readable, sortable and filterable. */
export const letterReadFields: FieldSpecs = {
  serialNumber: text('编号', { filter: true }),
  year: int('编号年度'),
  status: enumOf(LetterStatus, '办理状态'),
  leadDepartmentId: ref(() => Department, '主办单位'),
  coHandlerDepartmentIds: refs(() => Department, '协办单位'),
  ownerName: text('首问责任人'),
  // issue 9: the stored next due date (filters nextDueOn_gte / nextDueOn_lte, sortField nextDueOn)
  nextDueOn: date('下一个到期日期（DL1）'),
};
