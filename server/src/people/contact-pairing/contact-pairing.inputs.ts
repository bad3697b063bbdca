import { date, enumOf, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Leader } from '../leader/leader.entity.js';
import { Committee } from '../committee/committee.entity.js';
import { Member } from '../member/member.entity.js';
import { Constituent } from '../constituent/constituent.entity.js';
import { ContactPairingKind } from './pairing-kind.js';

/** The links shared by pairings and contact visits. */
export const pairingLinkFields: FieldSpecs = {
  kind: enumOf(ContactPairingKind, '联系类别', { required: true }),
  leaderId: ref(() => Leader, '领导'),
  committeeId: ref(() => Committee, '专委会'),
  memberId: ref(() => Member, '委员/代表'),
  constituentId: ref(() => Constituent, '群众'),
};

export const contactPairingFields: FieldSpecs = {
  ...pairingLinkFields,
  startDate: date('开始日期', { required: true }),
  endDate: date('结束日期'),
  note: text('备注', { max: 500 }),
};
