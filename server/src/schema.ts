import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { accessGate } from './access/access.middleware.js';
import { mutationTransaction } from './access/access.plugins.js';
import { resolvers } from './modules.js';

let cached: GraphQLSchema | undefined;

export async function createSchema(): Promise<GraphQLSchema> {
  cached ??= await buildSchema({
    resolvers,
    // each root mutation in one transaction with its audit row (issue 12); PR3: then the access gate
    globalMiddlewares: [mutationTransaction, accessGate],
    validate: { forbidUnknownValues: false, skipMissingProperties: false },
    emitSchemaFile: false,
  });
  return cached;
}

/** The committed contract (schema/schema.graphql): sorted so diffs are stable. */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}
