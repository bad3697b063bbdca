import { bool, datetime, enumOf, int, ref, text, type FieldSpecs } from '../../common/fields.js';
import { Letter } from '../letter/letter.entity.js';
import { Reception } from '../../stations/reception/reception.entity.js';
import { RatingMethod, RatingSource, SatisfactionRating } from './satisfaction-survey.entity.js';

/** updateSatisfactionSurvey changes the comment only. */
export const satisfactionSurveyFields: FieldSpecs = {
  comment: text('意见', { max: 1000 }),
};

export const satisfactionSurveyReadFields: FieldSpecs = {
  letterId: ref(() => Letter, '来信'),
  receptionId: ref(() => Reception, '接待活动'),
  rating: enumOf(SatisfactionRating, '评价'),
  source: enumOf(RatingSource, '评价来源'),
  method: enumOf(RatingMethod, '评价方式'),
  recordedByName: text('录入人'),
  reopenedLetter: bool('此评价使来信重新办理（SV2）'),
  escalatedLetter: bool('此评价使来信上报（SV2）'),
  round: int('办理轮次'),
  ratedAt: datetime('评价时间'),
};
