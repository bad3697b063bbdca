/**
 * The job queue (platform): enqueue in the caller's transaction, claim with `for update skip locked`,
 * run by the handler registered for the job's kind, record progress and errors. A worker started by
 * the server drains the queue; tests drain it deterministically with runPendingJobs.
 */
import os from 'node:os';
import { errorSummary } from '../../common/log-safe.js';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

export interface JobProgress {
  /** sets the number of items the job has to do */
  total(n: number): Promise<void>;
  /** adds items done; throws JobInterrupted once the worker is stopping (the job is put back, to run again) */
  advance(n: number): Promise<void>;
}

/** The worker is stopping: the job goes back to the queue (handlers are idempotent and run again from the start). */
export class JobInterrupted extends Error {
  constructor() {
    super('后台任务因服务停止而中断，稍后重新执行');
  }
}

export type JobHandler = (em: EntityManager, payload: Record<string, any>, progress: JobProgress) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Registers the handler of a kind of job (at import time of the feature that owns it). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

const recurring = new Map<string, number>();

/**
 * Declares a job the worker enqueues every `everyMs` (e.g. sealing the audit log each minute). The
 * queue holds at most one pending or running job of the kind, and one finished within the period,
 * so several app instances enqueue it once between them.
 */
export function registerRecurringJob(kind: string, everyMs: number): void {
  recurring.set(kind, everyMs);
}

/** Enqueues the recurring jobs that are due, and forgets their finished runs after a day. */
export async function enqueueDueJobs(orm: MikroORM): Promise<number> {
  let enqueued = 0;
  for (const [kind, everyMs] of recurring) {
    const em = orm.em.fork();
    const rows = await em.execute<Array<{ id: number }>>(
      `insert into job (kind, payload)
       select ?, '{}'::jsonb
        where not exists (
          select 1 from job
           where kind = ?
             and (status in ('PENDING', 'RUNNING') or finished_at > now() - make_interval(secs => ?)))
       returning id`,
      [kind, kind, everyMs / 1000],
    );
    enqueued += rows.length;
    await em.execute(`delete from job where kind = ? and status = 'DONE' and finished_at < now() - interval '1 day'`, [kind]);
  }
  return enqueued;
}

/** Enqueues a job in the caller's transaction: it runs only if that transaction commits. */
export async function enqueueJob(em: EntityManager, kind: string, payload: Record<string, unknown> = {}): Promise<number> {
  const rows = await em.execute<Array<{ id: number }>>(`insert into job (kind, payload) values (?, ?::jsonb) returning id`, [kind, JSON.stringify(payload)]);
  return Number(rows[0].id);
}

/** A job whose worker stopped without finishing it (crash) is taken up again after this long. */
const STALE_AFTER_MINUTES = 15;
const MAX_ATTEMPTS = 3;
const WORKER = `${os.hostname()}:${process.pid}`;

interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, any>;
}

/** Claims the oldest pending job (or a stale running one) for this worker; null when there is none. */
async function claim(orm: MikroORM): Promise<ClaimedJob | null> {
  const rows = await orm.em.fork().execute<Array<{ id: number; kind: string; payload: Record<string, any> }>>(
    `update job set status = 'RUNNING', attempts = attempts + 1, started_at = now(), locked_by = ?, error = null
      where id = (
        select id from job
         where (status = 'PENDING' and run_after <= now())
            or (status = 'RUNNING' and started_at < now() - interval '${STALE_AFTER_MINUTES} minutes' and attempts < ${MAX_ATTEMPTS})
         order by id
         limit 1
           for update skip locked)
      returning id, kind, payload`,
    [WORKER],
  );
  const r = rows[0];
  return r ? { id: Number(r.id), kind: r.kind, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload ?? {} } : null;
}

async function runOne(orm: MikroORM, job: ClaimedJob, stopping: () => boolean): Promise<boolean> {
  const em = orm.em.fork();
  const progress: JobProgress = {
    total: async (n) => void (await em.execute(`update job set total = ?, done = 0 where id = ?`, [n, job.id])),
    advance: async (n) => {
      await em.execute(`update job set done = done + ? where id = ?`, [n, job.id]);
      if (stopping()) throw new JobInterrupted();
    },
  };
  const handler = handlers.get(job.kind);
  try {
    if (!handler) throw new Error(`未知的后台任务类型：${job.kind}`);
    await handler(em, job.payload, progress);
    await em.execute(`update job set status = 'DONE', finished_at = now(), locked_by = null where id = ?`, [job.id]);
    return true;
  } catch (e) {
    if (e instanceof JobInterrupted) {
      await orm.em.fork().execute(`update job set status = 'PENDING', attempts = attempts - 1, locked_by = null, started_at = null where id = ?`, [job.id]);
      return true;
    }
    const message = (e as Error)?.message ?? String(e);
    await orm.em.fork().execute(`update job set status = 'FAILED', finished_at = now(), locked_by = null, error = ? where id = ?`, [message.slice(0, 2000), job.id]);
    return false;
  }
}

/** Runs the pending jobs until none is left; returns how many ran and how many failed. */
export async function runPendingJobs(orm: MikroORM, stopping: () => boolean = () => false): Promise<{ ran: number; failed: number }> {
  let ran = 0;
  let failed = 0;
  for (let job = stopping() ? null : await claim(orm); job; job = stopping() ? null : await claim(orm)) {
    ran++;
    if (!(await runOne(orm, job, stopping))) failed++;
  }
  return { ran, failed };
}

/**
 * The worker inside the server: polls the queue (every `intervalMs`, and at once on start), drains it,
 * and on stop lets the running job finish its batch and puts it back in the queue.
 */
export function startJobWorker(
  orm: MikroORM,
  { intervalMs = 5_000, log = console.log }: { intervalMs?: number; log?: (msg: string) => void } = {},
): { stop(): Promise<void>; runPending(): Promise<{ ran: number; failed: number }> } {
  let current: Promise<unknown> | null = null;
  let stopped = false;
  const drain = () => {
    if (!current) {
      current = enqueueDueJobs(orm)
        .then(() => runPendingJobs(orm, () => stopped))
        .then((r) => {
          if (r.ran) log(`[jobs] ${r.ran} job(s) run, ${r.failed} failed`);
          return r;
        })
        .finally(() => (current = null));
    }
    return current as Promise<{ ran: number; failed: number }>;
  };
  const tick = () => {
    if (!stopped) drain().catch((e) => log(`[jobs] failed: ${errorSummary(e)}`)); // no SQL or values in logs (issue 12)
  };
  const first = setTimeout(tick, 1_000);
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return {
    runPending: drain,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await current?.catch(() => undefined);
    },
  };
}
