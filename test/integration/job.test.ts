import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueJob, registerJobHandler, runPendingJobs } from '../../server/src/platform/job/job.service.js';
import { startTestApp, type TestApp } from '../support/app.js';

/** The job queue held in PostgreSQL (ARCHITECTURE.md: all state there, any number of instances). */
let t: TestApp;
const seen: number[] = [];

beforeAll(async () => {
  t = await startTestApp();
  registerJobHandler('test.record', async (_em, payload, progress) => {
    await progress.total(2);
    seen.push(Number(payload.n));
    await progress.advance(1);
    await progress.advance(1);
  });
  registerJobHandler('test.fail', async () => {
    throw new Error('模拟失败');
  });
});
beforeEach(async () => {
  await t.orm.em.fork().execute(`delete from job`);
  seen.length = 0;
});
afterAll(async () => {
  await t.close();
});

const jobs = () => t.orm.em.fork().execute(`select kind, status, done, total, attempts, error from job order by id`);

describe('background jobs', () => {
  it('runs a job only if the transaction that enqueued it commits, and records its progress', async () => {
    await expect(
      t.orm.em.fork().transactional(async (tx) => {
        await enqueueJob(tx, 'test.record', { n: 1 });
        throw new Error('回滚');
      }),
    ).rejects.toThrow('回滚');
    await t.orm.em.fork().transactional((tx) => enqueueJob(tx, 'test.record', { n: 2 }));
    expect(await runPendingJobs(t.orm)).toEqual({ ran: 1, failed: 0 });
    expect(seen).toEqual([2]);
    expect(await jobs()).toEqual([{ kind: 'test.record', status: 'DONE', done: 2, total: 2, attempts: 1, error: null }]);
  });

  it('hands each job to one worker only when several drain the queue at once (for update skip locked)', async () => {
    const em = t.orm.em.fork();
    for (let n = 1; n <= 6; n++) await enqueueJob(em, 'test.record', { n });
    const runs = await Promise.all([runPendingJobs(t.orm), runPendingJobs(t.orm), runPendingJobs(t.orm)]);
    expect(runs.reduce((sum, r) => sum + r.ran, 0)).toBe(6);
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('records a failed job with its error, and an unknown kind as failed', async () => {
    const em = t.orm.em.fork();
    await enqueueJob(em, 'test.fail');
    await enqueueJob(em, 'test.unknown');
    expect(await runPendingJobs(t.orm)).toEqual({ ran: 2, failed: 2 });
    expect((await jobs()).map((j: any) => [j.kind, j.status, j.error])).toEqual([
      ['test.fail', 'FAILED', '模拟失败'],
      ['test.unknown', 'FAILED', '未知的后台任务类型：test.unknown'],
    ]);
  });

  it('puts a job back in the queue when the worker stops in the middle of it', async () => {
    await enqueueJob(t.orm.em.fork(), 'test.record', { n: 7 });
    let stopping = false;
    registerJobHandler('test.record', async (_em, payload, progress) => {
      await progress.total(2);
      stopping = true; // the server is asked to stop while the job runs
      await progress.advance(1);
      seen.push(Number(payload.n));
    });
    expect(await runPendingJobs(t.orm, () => stopping)).toEqual({ ran: 1, failed: 0 });
    expect(seen).toEqual([]);
    expect(await jobs()).toEqual([{ kind: 'test.record', status: 'PENDING', done: 1, total: 2, attempts: 0, error: null }]);
  });
});
