import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEV_DATA_KEY } from '../config.js';
import type { EntityManager } from '@mikro-orm/postgresql';

/** The role the app connects as: it owns nothing and may not change or remove audit rows. */
export const APP_ROLE = 'lianluo_app';

/** Where the app role's password is kept when no data key is set. */
export const APP_PASSWORD_FILE = 'app-db.password';

/**
 * A stable password for the app role: APP_DB_PASSWORD, else derived from the data key. Without a
 * DATA_KEY (development) the key is published, so the password is generated once and kept in DATA_DIR
 * instead (issue 12 item 8).
 */
export function appRolePassword(dataKey: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.APP_DB_PASSWORD) return env.APP_DB_PASSWORD;
  if (dataKey !== DEV_DATA_KEY) return crypto.createHmac('sha256', dataKey).update('lianluo app database role').digest('base64url');
  const dir = path.resolve(env.DATA_DIR ?? './data');
  const file = path.join(dir, APP_PASSWORD_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dir, { recursive: true });
  const password = crypto.randomBytes(24).toString('base64url');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${password}\n`, { mode: 0o600 });
  // two processes starting at once: the first file wins, both use it
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The owner's connection URL with the app role's credentials. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * Creates (or updates) the app role, run by the owner after the migrations: it may read and write the
 * tables, but owns none (so it cannot alter, drop or disable triggers on them), and on the audit log
 * it may only SELECT and INSERT (等保: audit records protected from the application itself).
 */
export async function ensureAppRole(em: EntityManager, password: string): Promise<void> {
  const conn = em.getConnection();
  const quoted = `'${password.replace(/'/g, "''")}'`;
  // several processes may start at once: a concurrent creation is fine
  await conn.execute(`do $$ begin
      create role ${APP_ROLE} login nosuperuser nocreatedb nocreaterole noinherit;
    exception when duplicate_object or unique_violation then null;
    end $$`);
  await conn.execute(`alter role ${APP_ROLE} with login password ${quoted}`);
  const [{ db }] = await conn.execute<{ db: string }[]>('select current_database() as db');
  await conn.execute(`grant connect, temporary on database "${db}" to ${APP_ROLE}`);
  await conn.execute(`grant usage on schema public to ${APP_ROLE}`);
  await conn.execute(`grant select, insert, update, delete on all tables in schema public to ${APP_ROLE}`);
  await conn.execute(`grant usage, select, update on all sequences in schema public to ${APP_ROLE}`);
  await conn.execute(`grant execute on all functions in schema public to ${APP_ROLE}`);
  // the audit log and each of its monthly partitions: read and append only
  const parts = await conn.execute<{ name: string }[]>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'audit_event'`,
  );
  for (const table of ['audit_event', ...parts.map((p) => p.name)]) {
    await conn.execute(`revoke update, delete, truncate, references, trigger on "${table}" from ${APP_ROLE}`);
  }
  // mikro_orm_migrations: the app never migrates
  const [{ migrations }] = await conn.execute<{ migrations: string | null }[]>(`select to_regclass('mikro_orm_migrations')::text as migrations`);
  if (migrations) await conn.execute(`revoke insert, update, delete, truncate on mikro_orm_migrations from ${APP_ROLE}`);
}
