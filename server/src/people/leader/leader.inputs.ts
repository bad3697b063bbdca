import { bool, date, enumOf, int, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Body } from '../../platform/body/body.entity.js';
import { Member } from '../member/member.entity.js';
import { LeaderPosition } from './leader.entity.js';

export const leaderFields: FieldSpecs = {
  name: text('姓名', { required: true, max: 50 }),
  position: enumOf(LeaderPosition, '职务', { required: true }),
  bodyId: ref(() => Body, '所属政协/人大', { required: true }),
  memberId: ref(() => Member, '同时作为委员/代表的记录'),
  termNumber: int('届次', { min: 1, max: 99 }),
  termStart: date('任职开始日期'),
  termEnd: date('任职结束日期'),
  isPrincipal: bool('是否主要领导（PV2）'),
};
