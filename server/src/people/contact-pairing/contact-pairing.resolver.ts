import { createCrudResolver } from '../../common/crud.js';
import { ContactPairing } from './contact-pairing.entity.js';
import { contactPairingFields } from './contact-pairing.inputs.js';
import { validateContactPairing } from './contact-pairing.policy.js';

export const contactPairingResource = createCrudResolver<ContactPairing>({
  entity: ContactPairing,
  name: 'ContactPairing',
  plural: 'ContactPairings',
  label: '联系',
  capability: 'reference',
  fields: contactPairingFields,
  validate: validateContactPairing,
});
