import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Suggestion, SuggestionStatus } from './suggestion.entity.js';

/** CT6: the member is told whether the suggestion was adopted — a reply needs a decision, and follows the suggestion. */
export function validateSuggestion({ entity }: WriteContext<Suggestion>): void {
  if (entity.respondedOn && entity.status === SuggestionStatus.SUBMITTED) {
    throw badInput('status', '已答复的意见建议须标明是否采纳');
  }
  if (entity.respondedOn && entity.submittedOn && entity.respondedOn < entity.submittedOn) {
    throw badInput('respondedOn', '答复日期不能早于提出日期');
  }
}
