import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-request';
import pg from 'pg';
import { expectError, startTestApp, type TestApp } from '../support/app.js';
import { createOffice, LETTER_FIELDS, req } from '../support/casework-fixtures.js';
import { signIn, type SignedIn } from '../support/sessions.js';

/**
 * Issue 12, item 7 (crashes): the mutation's audit row commits with its change, a retried
 * registration with the same idempotency key returns the first letter, and an unreachable database
 * gives a retryable HTTP 503 from which the server recovers by itself.
 */
let t: TestApp;
let jx: string;
let clerk: SignedIn;

const REGISTER = gql`
  mutation ($organizationId: ID!, $title: String!, $content: String!, $idempotencyKey: String) {
    registerLetter(organizationId: $organizationId, channel: POST, title: $title, content: $content, receivedOn: "2026-03-02",
      writerName: "张伟", idempotencyKey: $idempotencyKey) {
      ${LETTER_FIELDS}
    }
  }
`;

const sql = async (text: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute(text, params);
const letterCount = async () => Number((await sql(`select count(*)::int as n from letter`))[0].n);

beforeAll(async () => {
  t = await startTestApp();
  ({ organizationId: jx } = await createOffice(t, { bodyName: '嘉兴市政协', kind: 'CPPCC', orgName: '嘉兴市政协办公室', code: 'JX' }));
  clerk = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: jx, displayName: '钱芳' });
  t.client = clerk.client;
});
afterAll(async () => {
  await t.close();
});

describe('crashes: the mutation audit row is written in the same transaction as the change (issue 12, item 7)', () => {
  it('commits the letter and its audit row in one transaction (same top-level transaction id)', async () => {
    // the letter's transaction as its insert saw it (the service's savepoint has its own subtransaction id)
    await sql(`create table test_letter_tx (letter_id int, tx bigint)`);
    await sql(`create or replace function test_letter_tx() returns trigger language plpgsql as $$
      begin
        insert into test_letter_tx values (new.id, pg_current_xact_id()::text::bigint);
        return new;
      end $$`);
    await sql(`create trigger test_letter_tx after insert on letter for each row execute function test_letter_tx()`);
    try {
      const res = await req(t, REGISTER, { organizationId: jx, title: '小区路灯不亮', content: '幸福小区东门路灯已坏一月有余' });
      const id = res.registerLetter.id;
      const [letter] = await sql(`select tx::text as tx from test_letter_tx where letter_id = ?`, [id]);
      const rows = await sql(
        `select tx_id::text as tx, result, operation, record_id, username from audit_event where operation = 'registerLetter' and record_id = ?`,
        [id],
      );
      expect(rows).toEqual([{ tx: letter.tx, result: 'SUCCEEDED', operation: 'registerLetter', record_id: id, username: clerk.username }]);
    } finally {
      await sql(`drop trigger test_letter_tx on letter`);
      await sql(`drop function test_letter_tx()`);
      await sql(`drop table test_letter_tx`);
    }
  });

  it('commits no letter when its audit row cannot be written, and records the failure separately', async () => {
    // the audit insert of a successful registration fails (as a crash between change and audit would)
    await sql(`create or replace function test_refuse_audit() returns trigger language plpgsql as $$
      begin
        if new.operation = 'registerLetter' and new.result = 'SUCCEEDED' then raise exception 'audit store unavailable'; end if;
        return new;
      end $$`);
    await sql(`create trigger test_refuse_audit before insert on audit_event for each row execute function test_refuse_audit()`);
    try {
      const before = await letterCount();
      const [{ last: lastSerial }] = await sql(`select coalesce(max(last), 0)::int as last from letter_serial_counter`);
      const err = await expectError(req(t, REGISTER, { organizationId: jx, title: '公交线路调整', content: '建议恢复12路公交站点' }));
      expect(err.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await letterCount()).toBe(before);
      expect(await sql(`select count(*)::int as n from letter where title = '公交线路调整'`)).toEqual([{ n: 0 }]);
      // the serial number was not consumed either (PV1: no gap)
      expect(await sql(`select coalesce(max(last), 0)::int as last from letter_serial_counter`)).toEqual([{ last: lastSerial }]);
      expect(await sql(`select result, reason from audit_event where operation = 'registerLetter' and result <> 'SUCCEEDED'`)).toEqual([
        { result: 'FAILED', reason: 'INTERNAL_SERVER_ERROR' },
      ]);
    } finally {
      await sql(`drop trigger test_refuse_audit on audit_event`);
      await sql(`drop function test_refuse_audit()`);
    }
  });
});

describe('crashes: a retried registerLetter with the same idempotency key registers the letter once (issue 12, item 7)', () => {
  const letter = { title: '菜场噪音', content: '凌晨卸货噪音扰民' };

  it('returns the first letter to a retry with the same key and writes nothing new', async () => {
    const args = { ...letter, organizationId: jx, idempotencyKey: 'retry-key-0001' };
    const first = (await req(t, REGISTER, args)).registerLetter;
    const letters = await letterCount();
    const [{ n: events }] = await sql(`select count(*)::int as n from letter_event`);
    const [{ last }] = await sql(`select last from letter_serial_counter where year = 2026`);
    const again = (await req(t, REGISTER, args)).registerLetter;
    expect(again).toEqual(first);
    expect(await letterCount()).toBe(letters);
    expect(await sql(`select count(*)::int as n from letter_event`)).toEqual([{ n: events }]);
    expect(await sql(`select last from letter_serial_counter where year = 2026`)).toEqual([{ last }]);
    expect(await sql(`select record_id from idempotency_key where key = 'retry-key-0001'`)).toEqual([{ record_id: first.id }]);
  });

  it('registers once when the same key arrives twice at the same moment', async () => {
    const args = { ...letter, organizationId: jx, title: '同时重试', idempotencyKey: 'retry-key-0002' };
    const before = await letterCount();
    const [a, b] = await Promise.all([req(t, REGISTER, args), req(t, REGISTER, args)]);
    expect(a.registerLetter.id).toBe(b.registerLetter.id);
    expect(await letterCount()).toBe(before + 1);
  });

  it('refuses the same key with a different payload with a coded error, writing nothing', async () => {
    await req(t, REGISTER, { ...letter, organizationId: jx, idempotencyKey: 'retry-key-0003' });
    const before = await letterCount();
    const err = await expectError(req(t, REGISTER, { ...letter, organizationId: jx, title: '另一封信', idempotencyKey: 'retry-key-0003' }));
    expect(err.extensions).toEqual({ code: 'CONFLICT', field: 'idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await letterCount()).toBe(before);
  });

  it('keeps keys per account: another clerk with the same key registers a letter of their own', async () => {
    const args = { ...letter, organizationId: jx, idempotencyKey: 'retry-key-0004' };
    const mine = (await req(t, REGISTER, args)).registerLetter;
    const colleague = await signIn(t, { roles: ['OFFICE_STAFF'], organizationId: jx, displayName: '孙丽' });
    const theirs = (await colleague.client.request<any>(REGISTER, args)).registerLetter;
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.ownerName).toBe('孙丽');
  });

  it('refuses a malformed key naming the field', async () => {
    const err = await expectError(req(t, REGISTER, { ...letter, organizationId: jx, idempotencyKey: 'short' }));
    expect([err.extensions.code, err.extensions.field]).toEqual(['BAD_USER_INPUT', 'idempotencyKey']);
  });
});

describe('crashes: database unavailable gives HTTP 503 with a retryable code, and the server recovers (issue 12, item 7)', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while its database refuses connections, then serves again', async () => {
    // a second app on its own database, which is then closed to connections and its sessions terminated
    const down = await startTestApp();
    const dbName = new URL(down.orm.config.get('clientUrl') as string).pathname.slice(1);
    const office = await createOffice(down, { bodyName: '南湖区政协', kind: 'CPPCC', orgName: '南湖区政协办公室', code: 'NH' });
    const staff = await signIn(down, { roles: ['OFFICE_STAFF'], organizationId: office.organizationId });
    const admin = new pg.Client({ connectionString: t.orm.config.get('clientUrl') as string });
    await admin.connect();
    const post = (headers: Record<string, string>, query: string) =>
      fetch(down.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    const asStaff = { authorization: `Bearer ${staff.token}` };
    try {
      await admin.query(`alter database "${dbName}" allow_connections false`);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [dbName]);
      // signed in: the session look-up (context) fails; anonymous: the resolver's query fails
      for (const [headers, query] of [
        [asStaff, '{ _allLettersMeta { count } }'],
        [{}, 'mutation { login(username: "nobody", password: "Wrong#2026x") { token } }'],
      ] as const) {
        const res = await post(headers, query);
        const body = await res.json();
        expect([query, res.status, res.headers.get('retry-after')]).toEqual([query, 503, '5']);
        expect(body.errors.map((e: any) => e.extensions)).toEqual([{ code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterSeconds: 5 }]);
      }
      await admin.query(`alter database "${dbName}" allow_connections true`);
      const back = await post(asStaff, '{ _allLettersMeta { count } }');
      expect([back.status, await back.json()]).toEqual([200, { data: { _allLettersMeta: { count: 0 } } }]);
    } finally {
      await admin.query(`alter database "${dbName}" allow_connections true`);
      await admin.end();
      await down.close();
    }
  });
});
