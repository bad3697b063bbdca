import sdl from '../../../schema/schema.graphql?raw';
import type { DataProvider } from 'react-admin';
import { withLocalizedErrors } from './localizedErrors';
import { buildSchemaModel, introspectionFromSdl } from './schema';

/**
 * The committed schema is the console's introspection result: the provider never sends an
 * introspection query, so the server may restrict introspection (ARCHITECTURE.md).
 */
export const introspection = introspectionFromSdl(sdl);

export const schemaModel = buildSchemaModel(introspection);

// ra-data-graphql-simple and Apollo Client load with the first data request, not with the login page
let graphQLProvider: Promise<DataProvider> | undefined;
const load = () =>
  (graphQLProvider ??= import('ra-data-graphql-simple').then(
    ({ default: build }) => build({ clientOptions: { uri: '/graphql', credentials: 'include' }, introspection: { schema: introspection } }) as unknown as DataProvider,
  ));

const METHODS = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'] as const;
const lazyProvider = Object.fromEntries(METHODS.map((m) => [m, (...args: unknown[]) => load().then((p) => (p[m] as (...a: unknown[]) => Promise<any>)(...args))])) as unknown as DataProvider;

export const dataProvider = withLocalizedErrors(lazyProvider);
