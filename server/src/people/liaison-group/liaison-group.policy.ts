import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Member } from '../member/member.entity.js';
import { LiaisonGroup } from './liaison-group.entity.js';

/** The group's office and leader belong to the group's body. */
export async function validateLiaisonGroup({ em, entity }: WriteContext<LiaisonGroup>): Promise<void> {
  if (entity.organization) {
    const organization = await em.findOneOrFail(Organization, entity.organization.id);
    if (organization.body.id !== entity.body.id) throw badInput('organizationId', `${organization.name}不属于本小组所在的政协/人大`);
  }
  if (entity.leaderMember) {
    const leader = await em.findOneOrFail(Member, entity.leaderMember.id);
    if (leader.body.id !== entity.body.id) throw badInput('leaderMemberId', `${leader.name}不是本小组所在政协/人大的委员/代表`);
  }
}
