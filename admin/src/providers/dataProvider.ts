import buildGraphQLProvider from 'ra-data-graphql-simple';
import sdl from '../../../schema/schema.graphql?raw';
import { buildSchemaModel, introspectionFromSdl } from './schema';

/**
 * The committed schema is the console's introspection result: the provider never sends an
 * introspection query, so the server may restrict introspection (ARCHITECTURE.md).
 */
export const introspection = introspectionFromSdl(sdl);

export const schemaModel = buildSchemaModel(introspection);

export const dataProvider = buildGraphQLProvider({
  clientOptions: { uri: '/graphql', credentials: 'include' },
  introspection: { schema: introspection },
});
