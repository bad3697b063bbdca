import { date, enumOf, int, longText, ref, refs, text, type FieldSpecs } from '../../common/fields.js';
import { LiaisonStation } from '../liaison-station/liaison-station.entity.js';
import { Member } from '../../people/member/member.entity.js';
import { StationStaff } from '../station-staff/station-staff.entity.js';
import { ReceptionForm } from './reception.entity.js';

export const receptionFields: FieldSpecs = {
  liaisonStationId: ref(() => LiaisonStation, '代表联络站', { required: true }),
  form: enumOf(ReceptionForm, '接待形式', { required: true }),
  heldOn: date('接待日期', { required: true }),
  topic: text('主题', { max: 100 }),
  location: text('地点', { max: 200 }),
  deputyIds: refs(() => Member, '接待代表'),
  liaisonOfficerId: ref(() => StationStaff, '联络员'),
  visitorCount: int('接待群众人数', { min: 0, max: 100000 }),
  summary: longText('接待情况小结'),
};
