import { DataloaderType, ReflectMetadataProvider, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entities } from '../modules.js';
import { migrationsList } from '../migrations/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The SQL that MikroORM's debug log shows, with every literal replaced by `?`: it inlines the
 * parameters, and those are writers' names, phone numbers, tracking codes and ciphertexts (PR1).
 */
export function redactSql(message: string): string {
  // only statements carry values; "[migrator] Processing 'Migration…'" and the like stay as they are
  if (!message.includes('[query]')) return message;
  // "[query] <sql> [took 3 ms, 1 result]": the timing is kept, the statement loses its literals
  const cut = message.lastIndexOf(' [took ');
  const sql = cut >= 0 ? message.slice(0, cut) : message;
  const tail = cut >= 0 ? message.slice(cut) : '';
  return (
    sql
      .replace(/E?'(?:[^']|'')*'/g, '?')
      .replace(/(?<![\w$."])-?\d+(?:\.\d+)?(?![\w"])/g, '?') + tail
  );
}

export interface OrmConfigOptions {
  /**
   * Ends any one statement after this long (PostgreSQL's statement_timeout): the app's connection
   * passes the request timeout; migrations and maintenance run as the owner without one.
   */
  statementTimeoutMs?: number;
}

export function ormConfig(clientUrl: string, overrides: Partial<Options<PostgreSqlDriver>> = {}, { statementTimeoutMs }: OrmConfigOptions = {}) {
  return defineConfig({
    clientUrl,
    entities,
    // decorator metadata comes from tsc/swc; every property also names its type explicitly
    metadataProvider: ReflectMetadataProvider,
    discovery: { warnWhenNoEntities: false },
    // No N+1: references and collections resolved per request are batched (ARCHITECTURE.md)
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    extensions: [Migrator],
    // the audit log is a partitioned table with triggers, and its chain (schema audit_chain), written by hand in the migrations
    schemaGenerator: { skipTables: ['audit_event', 'audit_seal_block', 'audit_seal_key'] },
    pool: { min: 0, max: 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      // listed explicitly so the same list runs under tsc builds and vitest
      migrationsList,
      pathTs: path.resolve(process.cwd(), 'server/src/migrations'),
      path: path.resolve(here, '../migrations'),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    // DEBUG_SQL=1 shows statements with their placeholders, never 'query-params' (the values)
    debug: process.env.DEBUG_SQL === '1' ? ['query', 'info'] : false,
    logger: (message: string) => console.log(redactSql(message)),
    ...(statementTimeoutMs ? { driverOptions: { connection: { statement_timeout: statementTimeoutMs } } } : {}),
    ...overrides,
  });
}
