import buildGraphQLProvider from 'ra-data-graphql-simple';
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

const graphQLProvider = buildGraphQLProvider({
  clientOptions: { uri: '/graphql', credentials: 'include' },
  introspection: { schema: introspection },
});

export const dataProvider = withLocalizedErrors(graphQLProvider as DataProvider);
