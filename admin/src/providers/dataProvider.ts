import buildGraphQLProvider from 'ra-data-graphql-simple';
import sdl from '../../../schema/schema.graphql?raw';
import type { DataProvider } from 'react-admin';
import { localizeError } from '../i18n/i18nProvider';
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

/** A refusal's words in the chosen language (react-admin notifies error.message); the error stays the same object for checkError. */
function localized(e: any): never {
  const first = e?.graphQLErrors?.[0] ?? e?.body?.graphQLErrors?.[0];
  if (first && typeof e.message === 'string') e.message = localizeError(first.message, first.extensions);
  throw e;
}

export const dataProvider = new Proxy(graphQLProvider, {
  get(target, prop, receiver) {
    const value = Reflect.get(target, prop, receiver);
    if (typeof value !== 'function') return value;
    return (...args: unknown[]) => {
      const result = value.apply(target, args);
      return result instanceof Promise ? result.catch(localized) : result;
    };
  },
}) as DataProvider;
