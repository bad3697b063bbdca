import { datetime, enumOf, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Letter } from '../letter/letter.entity.js';
import { LetterStatus } from '../letter/letter.enums.js';

/** Read only: these specs only drive the filter and the sort fields. */
export const letterEventFields: FieldSpecs = {
  letterId: ref(() => Letter, '来信'),
  action: text('动作', { filter: true }),
  fromStatus: enumOf(LetterStatus, '原状态'),
  toStatus: enumOf(LetterStatus, '新状态'),
  actorName: text('经办人'),
  occurredAt: datetime('发生时间'),
};
