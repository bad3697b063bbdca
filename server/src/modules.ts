import type { Resource } from './common/crud.js';
import { platformWing } from './platform/platform.module.js';
import { peopleWing } from './people/people.module.js';
import { caseworkWing } from './casework/casework.module.js';
import { stationsWing } from './stations/stations.module.js';
import { dutyWing } from './duty/duty.module.js';

/** The wings, as the domain groups its features (statistics/ and portal/ join here). */
const wings = [platformWing, peopleWing, stationsWing, caseworkWing, dutyWing];

/** The registry: every feature's entities and resolvers. */
export const entities: Function[] = wings.flatMap((w) => w.entities);
export const resources: Resource[] = wings.flatMap((w) => w.resources);
export const extraResolvers: Function[] = wings.flatMap((w) => w.resolvers);
export const resolvers = [...resources.flatMap((r) => r.resolvers), ...extraResolvers] as unknown as [Function, ...Function[]];
