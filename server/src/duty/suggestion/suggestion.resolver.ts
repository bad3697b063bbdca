import { createCrudResolver } from '../../common/crud.js';
import { Suggestion } from './suggestion.entity.js';
import { suggestionFields } from './suggestion.inputs.js';
import { validateSuggestion } from './suggestion.policy.js';

export const suggestionResource = createCrudResolver<Suggestion>({
  entity: Suggestion,
  name: 'Suggestion',
  plural: 'Suggestions',
  label: '意见建议',
  capability: 'reference',
  fields: suggestionFields,
  pinyinSort: ['title'],
  validate: validateSuggestion,
});
