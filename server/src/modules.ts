import type { Resource } from './common/crud.js';
import { Body } from './body/body.entity.js';
import { bodyResource } from './body/body.resolver.js';
import { Organization } from './organization/organization.entity.js';
import { organizationResource } from './organization/organization.resolver.js';
// <people-imports>
// </people-imports>
// <casework-imports>
// </casework-imports>
// <duty-imports>
// </duty-imports>

/** The registry: each feature's entities and resolvers. */
export const entities: Function[] = [
  Body,
  Organization,
  // <people-entities>
  // </people-entities>
  // <casework-entities>
  // </casework-entities>
  // <duty-entities>
  // </duty-entities>
];

export const resources: Resource[] = [
  bodyResource,
  organizationResource,
  // <people-resources>
  // </people-resources>
  // <casework-resources>
  // </casework-resources>
  // <duty-resources>
  // </duty-resources>
];

/** Resolvers beyond the CRUD grammar: workflow verbs, reveals, statistics. */
export const extraResolvers: Function[] = [
  // <people-resolvers>
  // </people-resolvers>
  // <casework-resolvers>
  // </casework-resolvers>
  // <duty-resolvers>
  // </duty-resolvers>
];

export const resolvers = [...resources.flatMap((r) => r.resolvers), ...extraResolvers] as unknown as [Function, ...Function[]];
