import { int, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Body } from '../../platform/body/body.entity.js';

export const sectorFields: FieldSpecs = {
  name: text('名称', { required: true, max: 50, filter: true }),
  bodyId: ref(() => Body, '所属政协/人大', { required: true }),
  sortOrder: int('排序号', { min: 0, max: 9999 }),
};
