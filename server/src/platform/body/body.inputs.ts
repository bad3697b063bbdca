import { enumOf, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Body, BodyKind, BodyLevel } from './body.entity.js';

export const bodyFields: FieldSpecs = {
  name: text('名称', { required: true, max: 100 }),
  region: text('行政区划', { max: 100 }),
  kind: enumOf(BodyKind, '类别', { required: true }),
  level: enumOf(BodyLevel, '层级', { required: true }),
  parentId: ref(() => Body, '上级机构'),
};
