import { date, enumOf, int, longText, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Body } from '../../platform/body/body.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Letter } from '../../casework/letter/letter.entity.js';
import { ProposalStatus } from './proposal.entity.js';

export const proposalFields: FieldSpecs = {
  title: text('案由（标题）', { required: true, max: 200 }),
  content: longText('提案内容'),
  memberId: ref(() => Member, '提案人'),
  liaisonGroupId: ref(() => LiaisonGroup, '委员活动小组 / 联络组'),
  bodyId: ref(() => Body, '所属机构', { required: true }),
  year: int('年度', { required: true, min: 1949, max: 2100 }),
  submittedOn: date('提交日期'),
  serialNumber: text('提案编号', { max: 50, filter: true }),
  status: enumOf(ProposalStatus, '状态'),
  sourceLetterId: ref(() => Letter, '来源来信（MB6）'),
};
