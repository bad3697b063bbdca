import { date, enumOf, longText, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Body } from '../../platform/body/body.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { Letter } from '../../casework/letter/letter.entity.js';
import { SuggestionStatus } from './suggestion.entity.js';

export const suggestionFields: FieldSpecs = {
  title: text('标题', { required: true, max: 200 }),
  content: longText('内容'),
  memberId: ref(() => Member, '提出的委员 / 代表'),
  bodyId: ref(() => Body, '所属机构', { required: true }),
  submittedOn: date('提出日期'),
  status: enumOf(SuggestionStatus, '处理情况'),
  responseNote: longText('答复意见'),
  respondedOn: date('答复日期'),
  sourceLetterId: ref(() => Letter, '来源来信（MB6）'),
};
