import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../db/orm.config.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { ensureDatabase } from '../db/ensure-database.js';

/**
 * `npm run migration:create [-- --initial]`: diffs the entities against a fresh database migrated
 * with the committed migrations and writes the difference as a new migration in server/src/migrations.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianluo-migrate-'));
fs.chmodSync(dir, 0o777);
const pg = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(path.join(dir, 'pg'), 54398);
const name = `migrate_${Date.now()}`;
const url = await ensureDatabase(process.env.DATABASE_URL ?? pg!.url, name);
const orm = await MikroORM.init(ormConfig(url));
try {
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration(undefined, false, process.argv.includes('--initial'));
  if (!result.fileName) {
    console.log('no changes: entities and migrations agree');
  } else {
    const indexFile = path.resolve('server/src/migrations/index.ts');
    const cls = result.fileName.replace(/\.ts$/, '');
    let index = fs.readFileSync(indexFile, 'utf8');
    index = `import { ${cls} } from './${cls}.js';\n${index}`.replace(
      /export const migrationsList: MigrationObject\[\] = \[([\s\S]*?)\];/,
      (_m, body: string) => `export const migrationsList: MigrationObject[] = [${body.trimEnd()}\n  { name: '${cls}', class: ${cls} },\n];`,
    );
    fs.writeFileSync(indexFile, index);
    console.log(`created server/src/migrations/${result.fileName}; review it, then commit`);
  }
} finally {
  await orm.close(true);
  await pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
