import type { Resource } from '../common/crud.js';
import { Sector } from './sector/sector.entity.js';
import { Committee, CommitteeSector } from './committee/committee.entity.js';
import { Leader } from './leader/leader.entity.js';
import { Member } from './member/member.entity.js';
import { Constituent } from './constituent/constituent.entity.js';
import { LiaisonGroup } from './liaison-group/liaison-group.entity.js';
import { ContactPairing } from './contact-pairing/contact-pairing.entity.js';
import { ContactVisit } from './contact-visit/contact-visit.entity.js';
import { sectorResource } from './sector/sector.resolver.js';
import { committeeResource } from './committee/committee.resolver.js';
import { leaderResource } from './leader/leader.resolver.js';
import { memberResource, MemberConstituentResolver } from './member/member.resolver.js';
import { constituentResource, ConstituentRevealResolver } from './constituent/constituent.resolver.js';
import { liaisonGroupResource } from './liaison-group/liaison-group.resolver.js';
import { contactPairingResource } from './contact-pairing/contact-pairing.resolver.js';
import { contactVisitResource } from './contact-visit/contact-visit.resolver.js';

/** The people wing: the contact hierarchy (001) — sectors, committees, leaders, members, constituents, groups, pairings, visits. */
export const peopleWing = {
  entities: [Sector, Committee, CommitteeSector, Leader, Member, Constituent, LiaisonGroup, ContactPairing, ContactVisit] as Function[],
  resources: [sectorResource, committeeResource, leaderResource, memberResource, constituentResource, liaisonGroupResource, contactPairingResource, contactVisitResource] as Resource[],
  /** Resolvers beyond the CRUD grammar: workflow verbs, reveals, statistics. */
  resolvers: [MemberConstituentResolver, ConstituentRevealResolver] as Function[],
};
