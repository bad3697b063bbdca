import type { Resource } from './common/crud.js';
import { Body } from './body/body.entity.js';
import { bodyResource } from './body/body.resolver.js';
import { Organization } from './organization/organization.entity.js';
import { organizationResource } from './organization/organization.resolver.js';

/** The registry: each feature's entities and resolvers. */
export const entities = [Body, Organization];

export const resources: Resource[] = [bodyResource, organizationResource];

export const resolvers = [...resources.flatMap((r) => r.resolvers)] as unknown as [Function, ...Function[]];
