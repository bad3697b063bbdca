import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Organization } from './organization.entity.js';

/** The tree must stay a tree: no unit may hang under itself or its own descendants. */
export async function validateOrganization({ em, entity }: WriteContext<Organization>): Promise<void> {
  if (!entity.parent || !entity.id) return;
  const rows: Array<{ id: number }> = await em.getConnection().execute(
    `with recursive sub as (select id from organization where id = ? union all
       select o.id from organization o join sub on o.parent_id = sub.id)
     select id from sub`,
    [entity.id],
  );
  if (rows.some((r) => r.id === entity.parent!.id)) throw badInput('parentId', '上级工作机构不能是自身或其下级');
}
