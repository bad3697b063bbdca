import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import type { Department } from './department.entity.js';

/** The department tree stays a tree: no unit under itself or one of its own sub-units. */
export async function validateDepartment({ em, entity }: WriteContext<Department>): Promise<void> {
  if (!entity.parent || !entity.id) return;
  const rows: Array<{ id: number }> = await em.getConnection().execute(
    `with recursive sub as (select id from department where id = ? union all
       select d.id from department d join sub on d.parent_id = sub.id)
     select id from sub`,
    [entity.id],
    'all',
    em.getTransactionContext(),
  );
  if (rows.some((r) => r.id === entity.parent!.id)) throw badInput('parentId', '上级单位不能是自身或其下级');
}
