import fs from 'node:fs';
import { freePort } from '../support/ports.js';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient, gql } from 'graphql-request';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createApp, type App } from '../../server/src/app.js';
import { createBackup, restoreBackup, type BackupResult } from '../../server/src/db/backup.js';
import { openDatabase } from '../../server/src/db/database.js';
import { embeddedPassword, PASSWORD_FILE, startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/db/embedded.js';
import { ensureDatabase } from '../../server/src/db/ensure-database.js';
import crypto from 'node:crypto';
import { APP_PASSWORD_FILE, appRolePassword } from '../../server/src/db/app-role.js';
import { DEV_DATA_KEY } from '../../server/src/config.js';
import type { TestApp } from '../support/app.js';
import { registerLetter, setUpOffice, type Office } from '../support/reception-fixtures.js';
import { signIn, TEST_PASSWORD } from '../support/sessions.js';

// Issue 12 item 8: the backup needs an embedded cluster of its own (pg_backup_start copies the files
// of the server it runs on), so this file runs the same with the embedded default and TEST_DATABASE_URL.


interface Running {
  db: EmbeddedDatabase;
  pgDir: string;
  orm: MikroORM;
  app: App;
  t: TestApp;
  stop(): Promise<void>;
}

/** The embedded cluster in `pgDir`, migrated, and the app on it (as the product's main.ts does). */
async function startProduct(pgDir: string): Promise<Running> {
  const db = await startEmbeddedPostgres(pgDir, await freePort());
  const url = await ensureDatabase(db.url, 'lianluo');
  const orm = await openDatabase(url, 'backup-test-key');
  const app = await createApp({ orm });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
  const t: TestApp = {
    url: apiUrl,
    orm,
    app,
    client: new GraphQLClient(apiUrl),
    countQueries: () => {
      throw new Error('not used here');
    },
    close: async () => {},
  };
  return {
    db,
    pgDir,
    orm,
    app,
    t,
    async stop() {
      await app.stop();
      await orm.close(true);
      await db.stop();
    },
  };
}

const root = path.resolve(`.tmp/backup-test-${process.pid}`);
let source: Running;
let restored: Running | undefined;
let office: Office;
let writer: { username: string };
let backup: BackupResult;
let ackedBefore: number;
let ackedAfter: number;
let inFlightMax: number;

async function superuser(r: Running) {
  const client = new pg.Client({ connectionString: r.db.url.replace(/\/postgres$/, '/lianluo') });
  await client.connect();
  return client;
}

async function tableCounts(r: Running): Promise<Record<string, number>> {
  const client = await superuser(r);
  try {
    const { rows } = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of rows) counts[name] = Number((await client.query(`select count(*) as n from "${name}"`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  source = await startProduct(path.join(root, 'source', 'pg'));
  office = await setUpOffice(source.t, { bodyName: '嘉兴市政协', kind: 'CPPCC', orgName: '嘉兴市政协办公室', code: 'JX', level: 'CITY' });
  writer = await signIn(source.t, { roles: ['OFFICE_STAFF'], organizationId: office.organizationId, displayName: '登记员' });

  // a writer keeps registering letters through the API, two at a time, while the backup runs
  let acked = 0;
  let inFlight = 0;
  inFlightMax = 0;
  let stopWriting = false;
  const write = async (lane: number) => {
    for (let i = 0; !stopWriting; i++) {
      inFlight++;
      inFlightMax = Math.max(inFlightMax, inFlight);
      await registerLetter(office.clerk, { organizationId: office.organizationId, title: `来信 ${lane}-${i}`, content: '备份期间登记的来信' });
      inFlight--;
      acked++;
    }
  };
  const lanes = [write(1), write(2)];
  while (acked < 10) await new Promise((r) => setImmediate(r));
  ackedBefore = acked;
  backup = await createBackup({ pgDir: source.pgDir, url: source.db.url, out: path.join(root, 'lianluo.tar.gz') });
  ackedAfter = acked;
  // the writer goes on after the backup: the restore must not see these
  while (acked < ackedAfter + 5) await new Promise((r) => setImmediate(r));
  stopWriting = true;
  await Promise.all(lanes);
}, 180_000);

afterAll(async () => {
  await restored?.stop();
  await source?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('backup of the embedded default (issue 12 item 8: no backup of the embedded default)', () => {
  it('refuses to restore into a DATA_DIR that is not empty, and writes nothing there', async () => {
    const busy = path.join(root, 'busy');
    fs.mkdirSync(busy, { recursive: true });
    fs.writeFileSync(path.join(busy, 'keep.txt'), 'x');
    await expect(restoreBackup({ file: backup.file, dataDir: busy })).rejects.toThrow(/^DATA_DIR .* 不是空目录，恢复只写入空目录/);
    expect(fs.readdirSync(busy)).toEqual(['keep.txt']);
  });

  it('refuses a backup file whose checksum does not match, and leaves the DATA_DIR empty', async () => {
    const copy = path.join(root, 'corrupt.tar.gz');
    const bytes = fs.readFileSync(backup.file);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    fs.writeFileSync(copy, bytes);
    fs.copyFileSync(`${backup.file}.sha256`, `${copy}.sha256`);
    const target = path.join(root, 'corrupt-target');
    await expect(restoreBackup({ file: copy, dataDir: target })).rejects.toThrow('备份文件的 SHA-256 与 corrupt.tar.gz.sha256 不符');
    expect(fs.existsSync(target)).toBe(false);
  });

  it('restores an online backup taken while letters were being registered: the rows as of the backup, consistent', async () => {
    const dataDir = path.join(root, 'restored');
    const r = await restoreBackup({ file: backup.file, dataDir });
    expect(r.manifest.serverVersion).toMatch(/^18\./);
    expect(fs.readdirSync(dataDir)).toEqual(['pg']);
    restored = await startProduct(path.join(dataDir, 'pg'));

    const [before, after] = [await tableCounts(source), await tableCounts(restored)];
    const letters = after.letter;
    // the writer went on while the backup ran: it was taken online
    expect(ackedAfter).toBeGreaterThan(ackedBefore);
    // every letter acknowledged before the backup began is in it; none acknowledged after it ended
    expect(letters).toBeGreaterThanOrEqual(ackedBefore);
    expect(letters).toBeLessThanOrEqual(ackedAfter + inFlightMax);
    expect(before.letter).toBeGreaterThanOrEqual(ackedAfter + 5);

    const src = await superuser(source);
    const dst = await superuser(restored);
    try {
      const q = `select l.id, l.serial_number,
          (select count(*) from letter_event e where e.letter_id = l.id)::int as events,
          (select min(e.id) from letter_event e where e.letter_id = l.id) as first_event,
          (select count(*) from audit_event a where a.operation = 'registerLetter' and a.record_id = l.id::text and a.result = 'SUCCEEDED')::int as audits
        from letter l where l.id = any($1) order by l.serial_number`;
      const ids = (await dst.query('select id from letter')).rows.map((x) => x.id);
      const mine = (await dst.query(q, [ids])).rows;
      // the same letters, with the same first event and audit row, as the source holds for them
      expect(mine).toEqual((await src.query(q, [ids])).rows);
      expect(mine.map((l) => l.serial_number)).toEqual(Array.from({ length: letters }, (_, i) => `JX-2026-${String(i + 1).padStart(6, '0')}`));
      expect(mine.filter((l) => l.events < 1 || l.audits !== 1)).toEqual([]);

      // every other table as it was: only what the writer changes differs
      const changed = Object.keys(before).filter((name) => before[name] !== after[name]);
      expect(changed.filter((name) => !['letter', 'letter_event', 'audit_event', 'job'].includes(name))).toEqual([]);
      const eventsOf = async (c: pg.Client) => Number((await c.query('select count(*) as n from letter_event where letter_id = any($1)', [ids])).rows[0].n);
      expect(after.letter_event).toBe(await eventsOf(src));
      expect(await eventsOf(dst)).toBe(after.letter_event);
    } finally {
      await src.end();
      await dst.end();
    }

    // and a sign-in that works on the restored copy, with the password set before the backup
    const login = await restored.t.client.request<any>(
      gql`mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token mustChangePassword } }`,
      { u: writer.username, p: TEST_PASSWORD },
    );
    expect(login.login.token).toMatch(/.{20,}/);
    const me = await new GraphQLClient(restored.t.url, { headers: { authorization: `Bearer ${login.login.token}` } }).request<any>(gql`{ me { username } }`);
    expect(me.me.username).toBe(writer.username);
  });

  it('gives each embedded cluster its own random superuser password, kept in its data directory', () => {
    const password = embeddedPassword(source.pgDir);
    expect(password).not.toBe('lianluo');
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fs.statSync(path.join(source.pgDir, PASSWORD_FILE)).mode & 0o077).toBe(0);
    expect(source.db.url).toBe(`postgresql://postgres:${password}@127.0.0.1:${new URL(source.db.url).port}/postgres`);
    // the restored copy keeps the password of its backup (the roles came with it)
    expect(embeddedPassword(restored!.pgDir)).toBe(password);
  });
});

describe('embedded secrets (issue 12 item 8: fixed superuser password, app password from the published key)', () => {
  it('replaces the fixed password of a cluster made before, at its next start, keeping its data', async () => {
    const dir = path.join(root, 'legacy', 'pg');
    const port = await freePort();
    const first = await startEmbeddedPostgres(dir, port);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    // as a cluster made by the old code: the fixed password and no password file
    await client.query(`alter role postgres with password 'lianluo'`);
    await client.query('create table kept (n int)');
    await client.query('insert into kept values (42)');
    await client.end();
    await first.stop();
    fs.rmSync(path.join(dir, PASSWORD_FILE));

    const again = await startEmbeddedPostgres(dir, port);
    try {
      const password = embeddedPassword(dir);
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const fixed = new pg.Client({ connectionString: `postgresql://postgres:lianluo@127.0.0.1:${port}/postgres` });
      await expect(fixed.connect()).rejects.toThrow('password authentication failed for user "postgres"');
      const now = new pg.Client({ connectionString: again.url });
      await now.connect();
      expect((await now.query('select n from kept')).rows).toEqual([{ n: 42 }]);
      await now.end();
    } finally {
      await again.stop();
    }
  });

  it('without DATA_KEY, generates the app role password and keeps it in DATA_DIR instead of deriving it from the published key', () => {
    const dataDir = path.join(root, 'app-password');
    const env = { DATA_DIR: dataDir };
    const published = crypto.createHmac('sha256', DEV_DATA_KEY).update('lianluo app database role').digest('base64url');
    const password = appRolePassword(DEV_DATA_KEY, env);
    expect(password).not.toBe(published);
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fs.readFileSync(path.join(dataDir, APP_PASSWORD_FILE), 'utf8')).toBe(`${password}\n`);
    expect(fs.statSync(path.join(dataDir, APP_PASSWORD_FILE)).mode & 0o077).toBe(0);
    // stable across restarts and processes
    expect(appRolePassword(DEV_DATA_KEY, env)).toBe(password);
    // a real DATA_KEY, or APP_DB_PASSWORD, decides as before
    expect(appRolePassword('a-real-key', env)).toBe(crypto.createHmac('sha256', 'a-real-key').update('lianluo app database role').digest('base64url'));
    expect(appRolePassword(DEV_DATA_KEY, { ...env, APP_DB_PASSWORD: 'from-env' })).toBe('from-env');
  });
});
