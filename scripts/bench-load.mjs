#!/usr/bin/env node
// `npm run bench:load`: a repeatable load and fault check (issue 12). N clients of mixed console work
// (letter lists with their counts, a letter with its events, the dashboard counts, `q` search,
// notifications, and registerLetter with an idempotency key) for a bounded time against the real
// server, reporting errors by kind and p50/p95/p99 per kind of work; with --restart-db the database is
// stopped (fast shutdown) and started again in the middle, and afterwards every acknowledged write is
// looked up in the database: lost ones and duplicates from retries make the exit code 1.
//
// Without --url it starts the product itself: an embedded PostgreSQL 18 in a temporary DATA_DIR owned
// by this script (so it can restart it while the app keeps running) and the built server
// (server/dist, `npm run build` first) with DATABASE_URL pointing at it and the demo data.
//
// Usage: node scripts/bench-load.mjs [--clients 50] [--seconds 30] [--restart-db] [--restart-at 0.5]
//          [--down-seconds 3] [--url http://host:4000] [--database-url postgresql://…] [--keep]
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'server/dist/server/src');

export const PASSWORD = 'Lianluo#2026';
/** The demo accounts that sign in without TOTP (README); admin accounts are left out. */
export const ACCOUNTS = ['office', 'station', 'member', 'handler', 'leader'];

// ---------------------------------------------------------------- pure parts (test/bench-load.test.ts)

/** Parses the command line; unknown flags are refused so a typo never runs the wrong bench. */
export function parseArgs(argv) {
  const o = { clients: 50, seconds: 30, restartDb: false, restartAt: 0.5, downSeconds: 3, url: undefined, databaseUrl: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const number = () => {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${a} must be a positive number`);
      return n;
    };
    if (a === '--clients') o.clients = Math.floor(number());
    else if (a === '--seconds') o.seconds = number();
    else if (a === '--restart-db') o.restartDb = true;
    else if (a === '--restart-at') o.restartAt = number();
    else if (a === '--down-seconds') o.downSeconds = number();
    else if (a === '--url') o.url = value().replace(/\/+$/, '');
    else if (a === '--database-url') o.databaseUrl = value();
    else if (a === '--keep') o.keep = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (o.restartAt >= 1) throw new Error('--restart-at is a fraction of the run (0 < f < 1)');
  if (o.restartDb && o.url) throw new Error('--restart-db needs the database this script starts (leave out --url)');
  return o;
}

/** Nearest-rank percentile of ascending `sorted` (p in 0..100); undefined for no samples. */
export function percentile(sorted, p) {
  if (!sorted.length) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * The kind of a failed request: `HTTP <status> <extensions.code>` for a GraphQL error or an HTTP error
 * status, `network <code>` when no answer came, `timeout` when it came too late; null on success.
 */
export function errorKind({ status, body, error }) {
  if (error) return error.name === 'TimeoutError' || error.name === 'AbortError' ? 'timeout' : `network ${error.cause?.code ?? error.code ?? error.name ?? 'error'}`;
  const first = body?.errors?.[0];
  if (first) return `HTTP ${status} ${first.extensions?.code ?? 'NO_CODE'}`;
  if (status >= 400) return `HTTP ${status}`;
  if (!body || typeof body !== 'object' || !('data' in body)) return `HTTP ${status} NOT_GRAPHQL`;
  return null;
}

/** Retried as it is: HTTP 503 or a GraphQL error marked retryable (the database is restarting). */
export function isRetryable({ status, body, error }) {
  if (error) return true; // no answer: the same idempotency key makes a resend safe
  return status === 503 || Boolean(body?.errors?.some((e) => e.extensions?.retryable));
}

/**
 * An error kind the product must never give, even during a database restart: a 5xx other than the
 * retryable 503, an INTERNAL_SERVER_ERROR at any status, or no answer at all (the app keeps running).
 */
export function isUnexpected(kind) {
  if (kind === 'timeout' || kind.startsWith('network ')) return true;
  const m = /^HTTP (\d+)(?: (\S+))?$/.exec(kind);
  if (!m) return true;
  const status = Number(m[1]);
  return (status >= 500 && status !== 503) || m[2] === 'INTERNAL_SERVER_ERROR';
}

/** Samples and errors per kind of work. */
export class Stats {
  constructor() {
    this.byWork = new Map();
    this.errors = new Map();
    this.errorTimes = [];
    /** failed attempts of writes that were resent, by kind (a write is one request however often sent) */
    this.writeAttempts = new Map();
  }
  record(work, ms, kind) {
    let w = this.byWork.get(work);
    if (!w) this.byWork.set(work, (w = { ms: [], errors: 0 }));
    w.ms.push(ms);
    if (kind) {
      w.errors++;
      this.error(kind);
    }
  }
  /** An error not counted as a request of its own (a further count of the dashboard, a resent write). */
  error(kind) {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    this.errorTimes.push([Date.now(), kind]);
  }
  /** Rows of { work, requests, errors, p50, p95, p99, max } and an `all` row, latencies in ms. */
  summary() {
    const row = (work, ms, errors) => {
      const s = [...ms].sort((a, b) => a - b);
      return { work, requests: s.length, errors, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
    };
    const rows = [...this.byWork].sort(([a], [b]) => (a < b ? -1 : 1)).map(([work, w]) => row(work, w.ms, w.errors));
    const all = [...this.byWork.values()];
    rows.push(row('all', all.flatMap((w) => w.ms), all.reduce((n, w) => n + w.errors, 0)));
    return rows;
  }
}

/** The report as printed: one line per kind of work, then the errors by kind. */
export function formatReport({ rows, errors, writeAttempts, seconds, clients }) {
  const f = (n) => (n === undefined ? '-' : n < 10 ? n.toFixed(1) : String(Math.round(n)));
  const lines = [];
  lines.push(`clients ${clients}, ${seconds.toFixed(1)} s`);
  lines.push(['work'.padEnd(14), 'requests'.padStart(9), 'errors'.padStart(7), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'p99 ms'.padStart(8), 'max ms'.padStart(8)].join(' '));
  for (const r of rows) lines.push([r.work.padEnd(14), String(r.requests).padStart(9), String(r.errors).padStart(7), f(r.p50).padStart(8), f(r.p95).padStart(8), f(r.p99).padStart(8), f(r.max).padStart(8)].join(' '));
  const all = rows[rows.length - 1];
  lines.push(`requests/s ${(all.requests / seconds).toFixed(1)}`);
  lines.push('errors by kind:' + (errors.size ? '' : ' none'));
  for (const [kind, n] of [...errors].sort((a, b) => b[1] - a[1])) lines.push(`  ${kind}: ${n}${isUnexpected(kind) ? '  (unexpected)' : ''}`);
  if (writeAttempts?.size) {
    lines.push('failed write attempts that were resent with the same key:');
    for (const [kind, n] of [...writeAttempts].sort((a, b) => b[1] - a[1])) lines.push(`  ${kind}: ${n}${isUnexpected(kind) ? '  (unexpected)' : ''}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- the server and its database

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startProduct(opts) {
  const entry = path.join(dist, 'main.js');
  if (!fs.existsSync(entry)) throw new Error('server/dist is missing: run `npm run build` first');
  const { startEmbeddedPostgres } = await import(pathToFileURL(path.join(dist, 'db/embedded.js')).href);
  const { ensureDatabase } = await import(pathToFileURL(path.join(dist, 'db/ensure-database.js')).href);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianluo-bench-load-'));
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755); // the postgres OS user owns pg/ below it
  const pgDir = path.join(dataDir, 'pg');
  const pgPort = await freePort();
  let embedded = await startEmbeddedPostgres(pgDir, pgPort);
  const databaseUrl = await ensureDatabase(embedded.url, 'lianluo');
  const port = await freePort();
  const app = spawn(process.execPath, [path.join(dist, 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO: 'true',
      // the bench signs in 5 accounts from one address; a second run within the window must not be refused
      LOGIN_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = fs.createWriteStream(path.join(dataDir, 'server.log'));
  app.stdout.pipe(log);
  app.stderr.pipe(log);
  let exited = null;
  app.on('exit', (code, signal) => (exited = { code, signal }));
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  for (;;) {
    if (exited) throw new Error(`the server exited (${JSON.stringify(exited)}) before it was ready; see ${path.join(dataDir, 'server.log')}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - t0 > 180_000) throw new Error('the server was not ready within 180 s');
    await sleep(250);
  }
  console.log(`[bench:load] server ready in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${url} (DATA_DIR ${dataDir})`);
  return {
    url,
    databaseUrl,
    dataDir,
    serverExited: () => exited,
    /** user + system CPU seconds of the server process so far (Linux /proc; PostgreSQL's processes are not in it) */
    serverCpuSeconds() {
      try {
        const f = fs.readFileSync(`/proc/${app.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
      } catch {
        return 0;
      }
    },
    async restartDatabase(downMs) {
      const t = Date.now();
      await embedded.stop(); // SIGINT: PostgreSQL's fast shutdown (open transactions roll back)
      const stopped = Date.now();
      await sleep(downMs);
      embedded = await startEmbeddedPostgres(pgDir, pgPort);
      return { stopMs: stopped - t, downMs: Date.now() - stopped };
    },
    /** `keep`: leave the DATA_DIR (its server.log tells what went wrong) */
    async stop(keep) {
      if (!exited) {
        const done = new Promise((r) => app.once('exit', r));
        app.kill('SIGTERM');
        await done;
      }
      await embedded.stop();
      log.end();
      if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
      else console.log(`[bench:load] kept ${dataDir} (server.log: the server's output)`);
    },
  };
}

// ---------------------------------------------------------------- the clients

const REQUEST_TIMEOUT_MS = 30_000;

/** HTTP requests sent to /graphql (a dashboard is 5, a resent write one per attempt) */
let httpRequests = 0;

async function gql(url, token, query, variables) {
  httpRequests++;
  const t = performance.now();
  let status = 0;
  let body;
  let error;
  try {
    const r = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = r.status;
    const text = await r.text();
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status, body, ms: performance.now() - t, retryAfter: Number(r.headers.get('retry-after')) || 0 };
  } catch (e) {
    error = e;
    return { status, body, error, ms: performance.now() - t, retryAfter: 0 };
  }
}

const LIST = `query List($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: LetterFilter) {
  items: allLetters(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
    id serialNumber title status urgency receivedOn nextDueOn organizationName leadDepartmentName isImportant
  }
  total: _allLettersMeta(page: $page, perPage: $perPage, filter: $filter) { count }
}`;
const COUNT = `query Count($filter: LetterFilter) { total: _allLettersMeta(page: 0, perPage: 1, filter: $filter) { count } }`;
const LETTER = `query One($id: ID!) {
  data: Letter(id: $id) { id serialNumber title content status urgency receivedOn nextDueOn category channel organizationName leadDepartmentName allowedActions version }
  events: allLetterEvents(filter: { letterId: $id }, perPage: 100, sortField: "occurredAt", sortOrder: "ASC") { id action actionLabel actorName occurredAt toStatus note }
}`;
const NOTIFICATIONS = `query Notifications {
  items: allNotifications(page: 0, perPage: 25, sortField: "createdAt", sortOrder: "DESC") { id kind title letterId readAt createdAt }
  total: _allNotificationsMeta(page: 0, perPage: 25) { count }
}`;
const ME = `query { me { id username organizationId roles } }`;
const LOGIN = `mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { token } }`;
const REGISTER = `mutation Register($organizationId: ID!, $receivedOn: LocalDate!, $title: String!, $content: String!, $idempotencyKey: String) {
  data: registerLetter(organizationId: $organizationId, channel: PHONE, receivedOn: $receivedOn, title: $title, content: $content, writerName: "压测来信人", idempotencyKey: $idempotencyKey) { id serialNumber }
}`;

const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const pick = (a) => a[Math.floor(Math.random() * a.length)];
const SEARCH_WORDS = ['道路', '噪音', '停车', '学校', '医疗', '补贴', '拆迁', '环境', '供水', '养老'];

async function signIn(url) {
  const sessions = [];
  for (const username of ACCOUNTS) {
    const r = await gql(url, undefined, LOGIN, { username, password: PASSWORD });
    const token = r.body?.data?.login?.token;
    if (!token) throw new Error(`sign-in of ${username} failed: ${errorKind(r) ?? 'no token'} ${r.body?.errors?.[0]?.message ?? ''}`);
    const me = (await gql(url, token, ME)).body?.data?.me;
    sessions.push({ username, token, me, letterIds: [], titles: [] });
  }
  return sessions;
}

/** One kind of work for a session: returns the recorded work name. */
async function work(ctx, s, kind, stats) {
  const { url } = ctx;
  const run = async (name, query, variables) => {
    const r = await gql(url, s.token, query, variables);
    stats.record(name, r.ms, errorKind(r));
    noteUnexpected(ctx, name, r);
    if (errorKind(r) && isRetryable(r)) await backOff(r); // as the console does: no resending in a tight loop
    return r;
  };
  if (kind === 'list') {
    const filter = pick([{}, { open: true }, { overdue: true }, { status: pick(['REGISTERED', 'FORWARDED', 'CLOSED']) }]);
    const r = await run('list', LIST, { page: Math.floor(Math.random() * 3), perPage: 25, sortField: pick(['receivedOn', 'nextDueOn', 'serialNumber']), sortOrder: pick(['ASC', 'DESC']), filter });
    for (const l of r.body?.data?.items ?? []) {
      if (s.letterIds.length < 200 && !s.letterIds.includes(l.id)) {
        s.letterIds.push(l.id);
        s.titles.push(l.title);
      }
    }
  } else if (kind === 'letter') {
    if (!s.letterIds.length) return work(ctx, s, 'list', stats);
    await run('letter+events', LETTER, { id: pick(s.letterIds) });
  } else if (kind === 'dashboard') {
    // the cards of the dashboard: one count each, sent together as the console does
    const today = todayInChina();
    const filters = [{ actionableByMe: true }, { overdue: true }, { receivedOn_gte: today, receivedOn_lte: today }, { urgency: 'URGENT', open: true }, { isImportant: true, open: true }];
    const t = performance.now();
    const rs = await Promise.all(filters.map((filter) => gql(url, s.token, COUNT, { filter })));
    const kinds = rs.map(errorKind).filter(Boolean);
    stats.record('dashboard', performance.now() - t, kinds[0] ?? null);
    for (const k of kinds.slice(1)) stats.error(k);
    for (const r of rs) noteUnexpected(ctx, 'dashboard', r);
    if (rs.some(isRetryable)) await backOff(rs.find(isRetryable));
  } else if (kind === 'search') {
    // a word of a title this account has seen (its own scope), else a common one
    const title = s.titles.length ? pick(s.titles) : '';
    const q = title.length >= 2 && Math.random() < 0.7 ? title.slice(0, 2 + Math.floor(Math.random() * 3)) : pick(SEARCH_WORDS);
    await run('search', LIST, { page: 0, perPage: 25, sortField: 'receivedOn', sortOrder: 'DESC', filter: { q } });
  } else if (kind === 'notifications') {
    await run('notifications', NOTIFICATIONS);
  } else if (kind === 'write') {
    await register(ctx, s, stats);
  }
}

/** Keeps the first unexpected answers with when they came and their message, for the report. */
function noteUnexpected(ctx, work, r) {
  const kind = errorKind(r);
  if (!kind || !isUnexpected(kind) || ctx.unexpected.length >= 10) return;
  ctx.unexpected.push({ at: (Date.now() - ctx.startedAt) / 1000, work, kind, ms: r.ms, status: r.status, message: r.body?.errors?.[0]?.message ?? r.error?.message });
}

/** registerLetter with an idempotency key, resent with the same key while the answer is retryable. */
async function register(ctx, s, stats) {
  const key = `bench-${crypto.randomUUID()}`;
  const vars = { organizationId: s.me.organizationId, receivedOn: todayInChina(), title: `压测 ${key}`, content: `负载与故障检查登记的来信（bench:load）${key}`, idempotencyKey: key };
  ctx.attempted.set(key, null);
  const t = performance.now();
  const giveUp = ctx.endsAt + 60_000; // a write begun before the end may finish after it
  for (let attempt = 0; ; attempt++) {
    const r = await gql(ctx.url, s.token, REGISTER, vars);
    const kind = errorKind(r);
    noteUnexpected(ctx, 'write', r);
    const id = r.body?.data?.data?.id;
    if (id) {
      ctx.attempted.set(key, id); // acknowledged: it must be in the database afterwards, once
      if (attempt) ctx.retried++;
      stats.record('write', performance.now() - t, null);
      return;
    }
    // each failed attempt is counted by kind; the write as a request only once it succeeds or is given up
    stats.writeAttempts.set(kind, (stats.writeAttempts.get(kind) ?? 0) + 1);
    stats.errorTimes.push([Date.now(), kind]);
    if (!isRetryable(r) || Date.now() > giveUp) {
      stats.record('write', performance.now() - t, kind);
      ctx.writeGiveUps.push({ key, kind, message: r.body?.errors?.[0]?.message });
      return;
    }
    await backOff(r);
  }
}

/** Waits before the next request after a retryable answer: up to 1 s (shorter than Retry-After, to measure the recovery). */
const backOff = (r) => sleep(Math.min(r.retryAfter || 1, 1) * 1000 * (0.5 + Math.random()));

const READ_MIX = [['list', 30], ['letter', 20], ['dashboard', 20], ['search', 15], ['notifications', 15]];
const OFFICE_MIX = [['write', 35], ['list', 25], ['letter', 15], ['dashboard', 10], ['search', 10], ['notifications', 5]];

function choose(mix) {
  let n = Math.random() * mix.reduce((t, [, w]) => t + w, 0);
  for (const [k, w] of mix) if ((n -= w) < 0) return k;
  return mix[0][0];
}

async function client(ctx, s, stats) {
  const mix = s.username === 'office' ? OFFICE_MIX : READ_MIX;
  while (Date.now() < ctx.endsAt) await work(ctx, s, choose(mix), stats);
}

// ---------------------------------------------------------------- checking the acknowledged writes

async function checkWrites(ctx, databaseUrl) {
  const acked = [...ctx.attempted].filter(([, id]) => id);
  const { default: pg } = await import('pg');
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const ids = acked.map(([, id]) => id);
    const found = new Set((await db.query('select id::text from letter where id::text = any($1)', [ids])).rows.map((r) => r.id));
    const lost = acked.filter(([, id]) => !found.has(String(id)));
    // every attempted key (acknowledged or not): never two letters for one key
    const titles = [...ctx.attempted.keys()].map((k) => `压测 ${k}`);
    const counts = (await db.query('select title, count(*)::int as n from letter where title = any($1) group by title', [titles])).rows;
    const duplicated = counts.filter((r) => r.n > 1);
    const unacknowledgedStored = counts.filter((r) => !ctx.attempted.get(r.title.slice(3))).length;
    const maxPerKey = counts.reduce((m, r) => Math.max(m, r.n), 0);
    return { acknowledged: acked.length, lost, duplicated, maxPerKey, unacknowledgedStored };
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const product = opts.url ? { url: opts.url, databaseUrl: opts.databaseUrl, stop: async () => {}, serverExited: () => null } : await startProduct(opts);
  let failed = false;
  try {
    const sessions = await signIn(product.url);
    // warm each account's pool of letter ids and titles (not measured)
    const warm = new Stats();
    for (const s of sessions) await work({ url: product.url }, s, 'list', warm);
    const stats = new Stats();
    const ctx = { url: product.url, endsAt: Date.now() + opts.seconds * 1000, attempted: new Map(), retried: 0, writeGiveUps: [], unexpected: [], startedAt: Date.now() };
    console.log(`[bench:load] ${opts.clients} clients for ${opts.seconds} s as ${ACCOUNTS.join(', ')}${opts.restartDb ? `, database restart at ${Math.round(opts.restartAt * 100)} %` : ''}`);
    const t0 = performance.now();
    const http0 = httpRequests;
    const cpu0 = process.cpuUsage();
    const serverCpu0 = product.serverCpuSeconds?.();
    const clients = Array.from({ length: opts.clients }, (_, i) => client(ctx, sessions[i % sessions.length], stats));
    // /healthz touches no database: its latency is the server's event-loop delay under the load
    const health = new Stats();
    const probe = (async () => {
      while (Date.now() < ctx.endsAt) {
        const t = performance.now();
        const h = await fetch(`${product.url}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then((x) => x.text().then(() => x.ok), () => false);
        health.record('healthz', performance.now() - t, h ? null : 'healthz');
        await sleep(1000);
      }
    })();
    let restart;
    if (opts.restartDb) {
      restart = (async () => {
        await sleep(opts.seconds * 1000 * opts.restartAt);
        console.log('[bench:load] stopping the database (fast shutdown)');
        const from = Date.now();
        const r = await product.restartDatabase(opts.downSeconds * 1000);
        console.log(`[bench:load] database back after ${((r.stopMs + r.downMs) / 1000).toFixed(1)} s down`);
        // how long until the app answers again without being restarted itself
        const back = performance.now();
        for (;;) {
          const h = await fetch(`${product.url}/readyz`).catch(() => null);
          if (h?.ok) break;
          await sleep(100);
        }
        r.recoverMs = performance.now() - back;
        r.window = [from, Date.now() + 2000]; // answers already under way when it came back count as the outage's
        return r;
      })();
    }
    await Promise.all(clients);
    await probe;
    const r = restart ? await restart : undefined;
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const serverCpu = serverCpu0 === undefined ? undefined : product.serverCpuSeconds() - serverCpu0;
    const rows = stats.summary();
    console.log('\n' + formatReport({ rows, errors: stats.errors, writeAttempts: stats.writeAttempts, seconds, clients: opts.clients }));
    console.log(`HTTP requests to /graphql ${httpRequests - http0} (${((httpRequests - http0) / seconds).toFixed(1)}/s; a dashboard sends 5 at once, a write one per attempt)`);
    const unexpected = [...stats.errors.keys(), ...stats.writeAttempts.keys()].filter(isUnexpected);
    if (unexpected.length) failed = true;
    const outside = new Map();
    for (const [t, kind] of stats.errorTimes) if (!r || t < r.window[0] || t > r.window[1]) outside.set(kind, (outside.get(kind) ?? 0) + 1);
    console.log(`errors outside the database outage: ${[...outside.values()].reduce((a, b) => a + b, 0)}${[...outside].map(([k, n]) => `, ${k}: ${n}`).join('')}`);
    for (const u of ctx.unexpected) console.log(`  unexpected: sent at ${(u.at - u.ms / 1000).toFixed(1)} s, ended at ${u.at.toFixed(1)} s (${u.work}): ${u.kind} ${u.message ?? ''}`);
    const hz = health.summary()[0];
    if (hz) console.log(`/healthz probed once a second (no database work): p50 ${Math.round(hz.p50)} ms, p95 ${Math.round(hz.p95)} ms, max ${Math.round(hz.max)} ms, ${hz.errors} without answer`);
    if (r) console.log(`database restart at ${((r.window[0] - ctx.startedAt) / 1000).toFixed(1)} s: stopped in ${(r.stopMs / 1000).toFixed(1)} s, down ${(r.downMs / 1000).toFixed(1)} s, app ready ${(r.recoverMs / 1000).toFixed(1)} s after the database was back`);
    const attempted = ctx.attempted.size;
    console.log(`writes: ${attempted} attempted, ${ctx.retried} acknowledged after a retry, ${ctx.writeGiveUps.length} given up`);
    for (const g of ctx.writeGiveUps.slice(0, 5)) console.log(`  given up: ${g.kind} ${g.message ?? ''}`);
    if (product.serverExited()) {
      console.log(`the server exited during the run: ${JSON.stringify(product.serverExited())}`);
      failed = true;
    }
    if (product.databaseUrl) {
      const c = await checkWrites(ctx, product.databaseUrl);
      console.log(`acknowledged writes: ${c.acknowledged}`);
      console.log(`acknowledged writes lost: ${c.lost.length}`);
      console.log(`letters per idempotency key: at most ${c.maxPerKey}${c.duplicated.length ? ` (${c.duplicated.length} keys with more than one letter)` : ' (1 each)'}`);
      if (c.unacknowledgedStored) console.log(`stored although never acknowledged (answer lost, retry given up): ${c.unacknowledgedStored}`);
      if (c.lost.length || c.duplicated.length) failed = true;
    } else {
      console.log('acknowledged writes not checked: give --database-url to look them up');
    }
    console.log(`\nCPU during the load: the bench ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s${serverCpu === undefined ? '' : `, the Node server ${serverCpu.toFixed(1)} s`} (of ${seconds.toFixed(0)} s wall)`);
    console.log(`${os.cpus().length} CPUs, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} (the bench and the server share them)`);
  } catch (e) {
    console.error('[bench:load]', e);
    failed = true;
  } finally {
    await product.stop(opts.keep || failed); // a failed run keeps the server's log
  }
  console.log(failed ? 'bench:load FAILED' : 'bench:load passed');
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
