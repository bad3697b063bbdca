import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Activity, ActivityKind } from './activity.entity.js';

/** A sector activity names its sector (LO2 counts it per member); the organizer belongs to the same body. */
export async function validateActivity({ em, entity }: WriteContext<Activity>): Promise<void> {
  if (entity.kind === ActivityKind.SECTOR_ACTIVITY && !entity.sector) {
    throw badInput('sectorId', '界别活动须指定界别');
  }
  if (entity.organization) {
    const org = await em.findOneOrFail(Organization, entity.organization.id);
    if (org.body.id !== entity.body.id) throw badInput('organizationId', `组织单位（${org.name}）不属于所选机构`);
  }
}
