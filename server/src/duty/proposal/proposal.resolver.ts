import { createCrudResolver } from '../../common/crud.js';
import { Proposal } from './proposal.entity.js';
import { proposalFields } from './proposal.inputs.js';
import { validateProposal } from './proposal.policy.js';

export const proposalResource = createCrudResolver<Proposal>({
  entity: Proposal,
  name: 'Proposal',
  plural: 'Proposals',
  label: '提案',
  capability: 'reference',
  fields: proposalFields,
  pinyinSort: ['title'],
  validate: validateProposal,
});
