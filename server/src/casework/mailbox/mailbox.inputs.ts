import { bool, date, int, ref, refs, text, type FieldSpecs } from '../../common/fields.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { LiaisonGroup } from '../../people/liaison-group/liaison-group.entity.js';
import { Member } from '../../people/member/member.entity.js';

export const mailboxFields: FieldSpecs = {
  name: text('名称', { required: true, max: 100 }),
  code: text('信箱编码', { required: true, max: 30, pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,29}$/, patternMessage: '须为字母、数字或连字符，如 NH-XX-01', filter: true }),
  community: text('所在社区', { max: 100, filter: true }),
  address: text('设置地点', { max: 200 }),
  organizationId: ref(() => Organization, '所属工作机构', { required: true }),
  liaisonGroupId: ref(() => LiaisonGroup, '委员活动小组'),
  leadMemberId: ref(() => Member, '负责委员', { required: true }),
  assistMemberId: ref(() => Member, '协助的区级委员'),
  rotationMemberIds: refs(() => Member, '轮值委员'),
  openingPeriodDays: int('开启周期（天）', { min: 1, max: 90 }),
  installedOn: date('设立日期'),
  isActive: bool('是否启用'),
};

export const mailboxReadFields: FieldSpecs = {
  lastOpenedOn: date('最近开启日期'),
};
