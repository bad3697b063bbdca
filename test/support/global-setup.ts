import fs from 'node:fs';
import { freePort } from './ports.js';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/db/embedded.js';
import { ensureDatabase } from '../../server/src/db/ensure-database.js';
import { ormConfig } from '../../server/src/db/orm.config.js';
import { AUDIT_EVENT_SQL } from '../../server/src/platform/audit-event/audit-event.sql.js';

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
    // per-run directory and free port, so parallel runs (and a running `npm start`) never collide
    const dir = path.resolve(`.tmp/test-pg-${process.pid}`);
    fs.rmSync(dir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres(dir, Number(process.env.TEST_PG_PORT ?? (await freePort())));
    adminUrl = embedded.url;
  }
  const templateDb = `lianluo_tpl_${process.pid}`;
  const url = await ensureDatabase(adminUrl, templateDb);
  const orm = await MikroORM.init(ormConfig(url));
  if (process.env.SCHEMA_FROM_ENTITIES === '1') {
    // development only, while features are added in parallel; CI runs the committed migrations
    await orm.schema.createSchema();
    // the audit log is raw SQL (partitioned, protected), outside the entity schema
    for (const statement of AUDIT_EVENT_SQL) await orm.em.getConnection().execute(statement);
  } else {
    await orm.getMigrator().up();
  }
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
    if (embedded) fs.rmSync(path.resolve(`.tmp/test-pg-${process.pid}`), { recursive: true, force: true });
  };
}
