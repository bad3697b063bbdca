import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestApp, type TestApp } from '../support/app.js';
import { APP_ROLE, appRolePassword, appRoleUrl, ensureAppRole } from '../../server/src/db/app-role.js';
import { SEAL_AUDIT_JOB, sealAuditChain, verifyAuditChain } from '../../server/src/platform/audit-event/audit-event.chain.js';
import { enqueueDueJobs, runPendingJobs } from '../../server/src/platform/job/job.service.js';
import { PRUNE_IDEMPOTENCY_JOB } from '../../server/src/platform/idempotency/idempotency.service.js';

/**
 * Issue 12, item 8 (audit integrity): the app role can append audit rows but neither read the chain's
 * key nor write the chain; a job seals settled rows every minute into HMAC-chained blocks, and the
 * verifier reports the first broken link when sealed rows are forged, altered or removed.
 */
let t: TestApp;
let superuser: pg.Client;

const sql = async (text: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute(text, params);
const verify = () => verifyAuditChain(t.orm.em.fork());
/** As a superuser who bypasses the log's triggers (session_replication_role), as a tampering DBA could. */
const tamper = async (statement: string, params: unknown[] = []) => {
  await superuser.query('set session_replication_role = replica');
  try {
    return await superuser.query(statement, params);
  } finally {
    await superuser.query('set session_replication_role = origin');
  }
};
const insertRows = async (n: number, reason: string) => {
  for (let i = 0; i < n; i++) await sql(`insert into audit_event (action, result, reason) values ('MUTATION', 'SUCCEEDED', ?)`, [`${reason}-${i}`]);
};

beforeAll(async () => {
  t = await startTestApp();
  superuser = new pg.Client({ connectionString: t.orm.config.get('clientUrl') as string });
  await superuser.connect();
});
afterAll(async () => {
  await superuser.end();
  await t.close();
});

describe('audit integrity: the audit log is sealed into a keyed hash chain (issue 12, item 8)', () => {
  it('seals the settled rows into chained blocks and verifies them', async () => {
    await insertRows(3, 'first');
    const first = await sealAuditChain(t.orm.em.fork());
    expect(first).toBe(Number((await sql(`select count(*)::int as n from audit_event`))[0].n));
    await insertRows(2, 'second');
    expect(await sealAuditChain(t.orm.em.fork())).toBe(2);
    expect(await sealAuditChain(t.orm.em.fork())).toBe(0); // nothing new: no empty block
    const blocks = await sql(`select block_no, row_count, prev_hash, hash from audit_chain.audit_seal_block order by block_no`);
    expect(blocks.map((b: any) => [b.block_no, b.row_count])).toEqual([
      [1, first],
      [2, 2],
    ]);
    expect(blocks[0].prev_hash).toBe('0'.repeat(64));
    expect(blocks[1].prev_hash).toBe(blocks[0].hash);
    expect(await verify()).toEqual({ ok: true, blocks: 2, sealedRows: first + 2, unsealedRows: 0, lastHash: blocks[1].hash, broken: null });
  });

  it('never waits for a writer: a row of a transaction still open is left for the next seal', async () => {
    const writer = new pg.Client({ connectionString: t.orm.config.get('clientUrl') as string });
    await writer.connect();
    try {
      await writer.query('begin');
      await writer.query(`insert into audit_event (action, result, reason) values ('MUTATION', 'SUCCEEDED', 'in flight')`);
      await insertRows(1, 'after');
      // the committed row after it is not sealed either: the open transaction holds the horizon
      expect(await sealAuditChain(t.orm.em.fork())).toBe(0);
      await writer.query('commit');
      expect(await sealAuditChain(t.orm.em.fork())).toBe(2);
      expect((await verify()).ok).toBe(true);
    } finally {
      await writer.end();
    }
  });

  it('keeps the key from the app role, which may append rows and trigger a seal but not write the chain', async () => {
    const password = appRolePassword('test-key');
    await ensureAppRole(t.orm.em.fork(), password);
    const app = new pg.Client({ connectionString: appRoleUrl(t.orm.config.get('clientUrl') as string, password) });
    await app.connect();
    try {
      expect((await app.query('select current_user as u')).rows).toEqual([{ u: APP_ROLE }]);
      for (const statement of [
        'select key from audit_chain.audit_seal_key',
        `insert into audit_chain.audit_seal_block (block_no, tx_from, tx_to, row_count, months, prev_hash, hash) values (99, 0, 1, 0, '{}', '', '')`,
        'delete from audit_chain.audit_seal_block',
      ]) {
        const refused = await app.query(statement).then(
          () => null,
          (e: any) => e.code,
        );
        expect([statement, refused]).toEqual([statement, '42501']); // insufficient_privilege
      }
      // a row cannot be slipped into sealed history: the transaction stamp is the trigger's, not the inserter's
      const stamped = await app.query(
        `insert into audit_event (action, result, reason, tx_id) values ('MUTATION', 'SUCCEEDED', 'backdated', 1)
         returning tx_id::text as tx, pg_current_xact_id()::text as mine`,
      );
      expect(stamped.rows[0].tx).toBe(stamped.rows[0].mine);
      expect((await app.query('select audit_seal() as n')).rows).toEqual([{ n: 1 }]);
    } finally {
      await app.end();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('detects a forged row inserted into a sealed block', async () => {
    const forged = await tamper(
      `insert into audit_event (action, result, username, operation, tx_id) values ('MUTATION', 'SUCCEEDED', 'admin', 'deleteLetter', 1) returning id, occurred_at`,
    );
    const month = new Date(forged.rows[0].occurred_at).toISOString().slice(0, 7);
    const [{ sealed }] = await sql(`select (months -> ? ->> 'rows')::int as sealed from audit_chain.audit_seal_block where block_no = 1`, [month]);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({ blockNo: 1, problem: 'ROWS_FORGED', month, sealedRows: sealed, foundRows: sealed + 1 });
    await tamper(`delete from audit_event where id = $1`, [forged.rows[0].id]);
    expect((await verify()).ok).toBe(true);
  });

  it('detects an altered sealed row', async () => {
    const [row] = await sql(`select id, reason from audit_event where reason = 'second-1'`);
    await tamper(`update audit_event set reason = 'nothing happened' where id = $1`, [row.id]);
    expect((await verify()).broken).toMatchObject({ blockNo: 2, problem: 'ROWS_ALTERED' });
    await tamper(`update audit_event set reason = $2 where id = $1`, [row.id, row.reason]);
    expect((await verify()).ok).toBe(true);
  });

  it('detects a removed sealed row, and reports it to the operator through npm run audit:verify', async () => {
    const [row] = await sql(`select * from audit_event where reason = 'in flight'`);
    await tamper(`delete from audit_event where id = $1`, [row.id]);
    const report = await verify();
    expect(report.broken).toMatchObject({ blockNo: 3, problem: 'ROWS_REMOVED', sealedRows: 2, foundRows: 1 });
    expect(report.blocks).toBe(2); // the blocks before the broken link verified
    // the command (run here from source, as `npm run audit:verify` runs its build): exit code 1, the first broken link
    const run = await promisify(execFile)(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', 'server/src/cli/audit-verify.ts', '--no-seal'],
      { env: { ...process.env, DATABASE_URL: t.orm.config.get('clientUrl') as string, NODE_ENV: 'test' } },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (e: any) => ({ code: e.code, stderr: String(e.stderr) }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[audit-verify] BROKEN at block 3: ROWS_REMOVED');
  }, 180_000);

  it('detects a tampered or removed block record', async () => {
    await sql(`update audit_chain.audit_seal_block set row_count = row_count + 1 where block_no = 2`);
    expect((await verify()).broken).toMatchObject({ blockNo: 2, problem: 'BLOCK_ALTERED' });
    await sql(`delete from audit_chain.audit_seal_block where block_no = 2`);
    expect((await verify()).broken).toMatchObject({ blockNo: 3, problem: 'BLOCK_MISSING' });
  });
});

describe('audit integrity: the seal runs as a recurring job (issue 12, item 8)', () => {
  it('enqueues one seal job per minute between all workers', async () => {
    await sql(`delete from job`);
    // the seal every minute, and the pruning of old idempotency keys every hour
    expect(await enqueueDueJobs(t.orm)).toBe(2);
    expect(await enqueueDueJobs(t.orm)).toBe(0); // already pending
    const kinds = await sql(`select kind from job where status = 'PENDING' order by kind`);
    expect(kinds.map((k: any) => k.kind)).toEqual([SEAL_AUDIT_JOB, PRUNE_IDEMPOTENCY_JOB]);
    const before = Number((await sql(`select count(*)::int as n from audit_chain.audit_seal_block`))[0].n);
    await insertRows(1, 'by the job');
    expect(await runPendingJobs(t.orm)).toEqual({ ran: 2, failed: 0 });
    expect(await sql(`select count(*)::int as n from audit_chain.audit_seal_block`)).toEqual([{ n: before + 1 }]);
    expect(await enqueueDueJobs(t.orm)).toBe(0); // ran less than a minute ago
  });
});
