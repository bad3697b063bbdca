import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { Body, BodyKind } from '../../platform/body/body.entity.js';
import { Organization } from '../../platform/organization/organization.entity.js';
import { Sector } from '../sector/sector.entity.js';
import { LiaisonGroup } from '../liaison-group/liaison-group.entity.js';
import { Member, MemberKind } from './member.entity.js';

export const MEMBER_KIND_OF_BODY: Record<BodyKind, MemberKind> = {
  CPPCC: MemberKind.CPPCC_MEMBER,
  CONGRESS: MemberKind.DEPUTY,
};

/** Kind follows the body (委员 sit in a CPPCC, 代表 in a congress); every link stays within the body. */
export async function validateMember({ em, entity }: WriteContext<Member>): Promise<void> {
  const body = await em.findOneOrFail(Body, entity.body.id);
  if (MEMBER_KIND_OF_BODY[body.kind] !== entity.kind) {
    throw badInput('kind', `${body.name}的成员须为${body.kind === BodyKind.CPPCC ? '政协委员（CPPCC_MEMBER）' : '人大代表（DEPUTY）'}`);
  }
  if (entity.termEnd && entity.termEnd < entity.termStart) throw badInput('termEnd', '任期结束日期不能早于开始日期');
  const organization = await em.findOneOrFail(Organization, entity.organization.id);
  if (organization.body.id !== body.id) throw badInput('organizationId', `${organization.name}不属于${body.name}`);
  if (entity.sector) {
    const sector = await em.findOneOrFail(Sector, entity.sector.id);
    if (sector.body.id !== body.id) throw badInput('sectorId', `界别“${sector.name}”不属于${body.name}`);
  }
  if (entity.liaisonGroup) {
    const group = await em.findOneOrFail(LiaisonGroup, entity.liaisonGroup.id);
    if (group.body.id !== body.id) throw badInput('liaisonGroupId', `${group.name}不属于${body.name}`);
  }
}
