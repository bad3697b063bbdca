import { FlushMode } from '@mikro-orm/core';
import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Constituent } from './constituent.entity.js';

/** One register entry per person and office: the same ID number twice in one register is refused. */
export async function validateConstituent({ em, entity }: WriteContext<Constituent>): Promise<void> {
  if (!entity.idNumberHash) return;
  const twin = await em.findOne(
    Constituent,
    { organization: entity.organization.id, idNumberHash: entity.idNumberHash, id: { $ne: entity.id ?? 0 } },
    { flushMode: FlushMode.COMMIT },
  );
  if (twin) throw badInput('idNumber', `本机构群众名册中已有此身份证号（编号 ${twin.id}）`, { existingId: String(twin.id) });
}
