import { createCrudResolver } from '../../common/crud.js';
import { Sector } from './sector.entity.js';
import { sectorFields } from './sector.inputs.js';

export const sectorResource = createCrudResolver<Sector>({
  entity: Sector,
  name: 'Sector',
  plural: 'Sectors',
  label: '界别',
  capability: 'reference',
  fields: sectorFields,
  pinyinSort: ['name'],
  defaultSort: { field: 'sortOrder', order: 'ASC' },
});
