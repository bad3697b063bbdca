import { bool, date, longText, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Body } from '../../platform/body/body.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Letter } from '../../casework/letter/letter.entity.js';

export const opinionReportFields: FieldSpecs = {
  title: text('标题', { required: true, max: 200 }),
  content: longText('内容'),
  memberId: ref(() => Member, '报送委员'),
  liaisonGroupId: ref(() => LiaisonGroup, '委员活动小组 / 联络组'),
  bodyId: ref(() => Body, '所属机构', { required: true }),
  submittedOn: date('报送日期', { required: true }),
  isAdopted: bool('是否被采用'),
  adoptedBy: text('采用单位', { max: 100 }),
  sourceLetterId: ref(() => Letter, '来源来信（MB6）'),
};
