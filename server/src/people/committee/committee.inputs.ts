import { longText, ref, refs, text, type FieldSpecs } from '../../common/fields.js';
import { Body } from '../../platform/body/body.entity.js';
import { Sector } from '../sector/sector.entity.js';

export const committeeFields: FieldSpecs = {
  name: text('名称', { required: true, max: 100 }),
  bodyId: ref(() => Body, '所属政协/人大', { required: true }),
  sectorIds: refs(() => Sector, '联系的界别（CT2）'),
  description: longText('职责说明', { max: 2000 }),
};
