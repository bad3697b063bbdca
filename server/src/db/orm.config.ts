import { DataloaderType, ReflectMetadataProvider, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entities } from '../modules.js';
import { migrationsList } from '../migrations/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export function ormConfig(clientUrl: string, overrides: Partial<Options<PostgreSqlDriver>> = {}) {
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
    debug: process.env.DEBUG_SQL === '1',
    ...overrides,
  });
}
