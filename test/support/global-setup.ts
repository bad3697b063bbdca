import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/db/embedded.js';
import { ensureDatabase } from '../../server/src/db/ensure-database.js';
import { ormConfig } from '../../server/src/db/orm.config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
  }
}

let embedded: EmbeddedDatabase | undefined;

/**
 * One PostgreSQL for the run (embedded 18, or TEST_DATABASE_URL), one migrated template database;
 * each test file then gets its own database copied from the template.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = path.resolve('.tmp/test-pg');
    fs.rmSync(dir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres(dir, Number(process.env.TEST_PG_PORT ?? 54330));
    adminUrl = embedded.url;
  }
  const templateDb = `lianluo_tpl_${process.pid}`;
  const url = await ensureDatabase(adminUrl, templateDb);
  const orm = await MikroORM.init(ormConfig(url));
  await orm.getMigrator().up();
  await orm.close(true);
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query(`select datname from pg_database where datname like 'lianluo_%_${process.pid}%'`);
    for (const r of rows) await client.query(`drop database if exists "${r.datname}" with (force)`);
    await client.end();
    await embedded?.stop();
  };
}
