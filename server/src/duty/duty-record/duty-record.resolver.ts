import { ID } from 'type-graphql';
import { createCrudResolver, parseId } from '../../common/crud.js';
import { int, ref, type FieldSpecs } from '../../common/fields.js';
import { Member } from '../../people/member/member.entity.js';
import { DutyRecord } from './duty-record.entity.js';

const count = (description: string) => int(description);

export const dutyRecordReadFields: FieldSpecs = {
  memberId: ref(() => Member, '委员 / 代表'),
  year: int('年度'),
  proposals: count('提交提案'),
  opinionReports: count('社情民意信息'),
  research: count('参与调研'),
  inspections: count('参加视察'),
  sectorActivities: count('参加界别活动'),
  practicalDeeds: count('为群众办实事'),
  receptionsAttended: count('参加接待选民活动'),
  constituentVisits: count('走访联系群众'),
  constituentsInTouch: count('联系群众'),
  lettersHandled: count('经办来信'),
};

export const dutyRecordResource = createCrudResolver<DutyRecord>({
  entity: DutyRecord,
  name: 'DutyRecord',
  plural: 'DutyRecords',
  label: '履职档案',
  capability: 'readonly',
  fields: {},
  readFields: dutyRecordReadFields,
  filters: {
    bodyId: { type: () => ID, description: '所属机构（政协/人大）', where: (v) => ({ member: { body: parseId(v, 'filter.bodyId') } }) },
  },
  defaultSort: { field: 'year', order: 'DESC' },
});
