/**
 * The audit chain (issue 12, audit integrity), for migration Migration20261203151000: the owner's
 * schema `audit_chain` (no USAGE for the app role) holds the HMAC key and the sealed blocks; the app
 * role may only call `audit_seal()`, a SECURITY DEFINER function that seals what is settled.
 *
 * - every audit row is stamped by a trigger with the id of the transaction that inserted it (`tx_id`,
 *   not settable by the inserter), so no row can be slipped into sealed history;
 * - block k holds the rows with tx_from <= coalesce(tx_id, 0) < tx_to, where tx_to is the oldest
 *   transaction still open in this database when it was sealed: every transaction below it has ended,
 *   so the block's rows are final (inserts never wait for the sealer, nor for each other);
 * - per month of occurred_at the block keeps the row count and a sha256 of the rows (a month dropped
 *   by retention, audit-event.maintenance.ts, can still be linked); the block's hash is
 *   HMAC-SHA256(key, prev_hash|block_no|tx_from|tx_to|row_count|months), chained onto the previous one.
 * HMAC is written with the built-in sha256() (PostgreSQL 11+), so no extension is needed.
 * No `?` appears here: knex would take it for a binding.
 */
export const AUDIT_CHAIN_SQL = [
  `alter table "audit_event" add column "tx_id" bigint null`,
  `create or replace function audit_event_stamp() returns trigger language plpgsql as $$
  begin
    new.tx_id := pg_current_xact_id()::text::bigint;
    return new;
  end
  $$`,
  `create index "audit_event_tx_id_index" on "audit_event" ("tx_id")`,
  `create trigger "audit_event_stamp" before insert on "audit_event" for each row execute function audit_event_stamp()`,
  `create schema if not exists audit_chain`,
  `revoke all on schema audit_chain from public`,
  `create table audit_chain.audit_seal_key ("id" int primary key check ("id" = 1), "key" bytea not null)`,
  // 244 random bits from two version-4 UUIDs (gen_random_uuid is built in since PostgreSQL 13)
  `insert into audit_chain.audit_seal_key ("id", "key")
    values (1, decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'))`,
  `create table audit_chain.audit_seal_block (
    "block_no" int primary key,
    "tx_from" bigint not null,
    "tx_to" bigint not null check ("tx_to" > "tx_from"),
    "row_count" int not null,
    "months" jsonb not null,
    "prev_hash" text not null,
    "hash" text not null,
    "sealed_at" timestamptz not null default now()
  )`,
  `create or replace function audit_chain.hmac_sha256(msg bytea, k bytea) returns bytea language plpgsql immutable as $$
  declare
    pad bytea;
    ipad bytea;
    opad bytea;
  begin
    if length(k) > 64 then k := sha256(k); end if;
    pad := k || decode(repeat('00', 64 - length(k)), 'hex');
    ipad := pad;
    opad := pad;
    for i in 0..63 loop
      ipad := set_byte(ipad, i, get_byte(pad, i) # 54);
      opad := set_byte(opad, i, get_byte(pad, i) # 92);
    end loop;
    return sha256(opad || sha256(ipad || msg));
  end
  $$`,
  // one row as text: every column, timestamps as UTC microseconds (independent of the session's TimeZone)
  `create or replace function audit_chain.row_text(e public.audit_event) returns text language sql immutable as $$
    select jsonb_build_array(e.id, e.version, (extract(epoch from e.created_at) * 1000000)::bigint,
      (extract(epoch from e.updated_at) * 1000000)::bigint, (extract(epoch from e.occurred_at) * 1000000)::bigint,
      e.account_id, e.username, e.action, e.resource, e.record_id, e.operation, e.result, e.reason, e.ip, e.detail, e.tx_id)::text
  $$`,
  `create or replace function audit_chain.block_months(tx_from bigint, tx_to bigint) returns jsonb language sql stable as $$
    select coalesce(jsonb_object_agg(m.month, jsonb_build_object('rows', m.n, 'digest', m.digest)), '{}'::jsonb)
      from (
        select to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM') as month, count(*)::int as n,
               encode(sha256(convert_to(string_agg(audit_chain.row_text(e), chr(10) order by e.id, e.occurred_at), 'UTF8')), 'hex') as digest
          from public.audit_event e
         where coalesce(e.tx_id, 0) >= tx_from and coalesce(e.tx_id, 0) < tx_to
         group by 1
      ) m
  $$`,
  `create or replace function audit_chain.block_hash(prev_hash text, block_no int, tx_from bigint, tx_to bigint, row_count int, months jsonb)
    returns text language sql stable as $$
    select encode(audit_chain.hmac_sha256(
      convert_to(prev_hash || '|' || block_no || '|' || tx_from || '|' || tx_to || '|' || row_count || '|' || months::text, 'UTF8'),
      (select k.key from audit_chain.audit_seal_key k where k.id = 1)), 'hex')
  $$`,
  `create or replace function audit_seal() returns int language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
  declare
    horizon bigint;
    last_block audit_chain.audit_seal_block;
    lo bigint;
    months jsonb;
    n int;
    prev text;
  begin
    -- one sealer at a time across app instances; writers of audit rows never take this lock
    if not pg_try_advisory_xact_lock(hashtext('audit_chain.seal')) then return 0; end if;
    -- the oldest transaction still open in this database (one holding any lock here: every writer
    -- does until it ends), else the next transaction id; other databases of the cluster do not count
    select least(pg_snapshot_xmax(snap.s)::text::bigint,
                 (select min(i::text::bigint) from pg_snapshot_xip(snap.s) i
                   where i::text::bigint % 4294967296 in (
                     select x.transactionid::text::bigint
                       from pg_catalog.pg_locks x
                       join pg_catalog.pg_locks r on r.virtualtransaction = x.virtualtransaction
                      where x.locktype = 'transactionid' and r.locktype = 'relation'
                        and r.database = (select d.oid from pg_catalog.pg_database d where d.datname = current_database()))))
      into horizon
      from (select pg_current_snapshot() as s) snap;
    select * into last_block from audit_chain.audit_seal_block order by block_no desc limit 1;
    lo := coalesce(last_block.tx_to, 0);
    if horizon <= lo then return 0; end if;
    months := audit_chain.block_months(lo, horizon);
    select coalesce(sum((v ->> 'rows')::int), 0) into n from jsonb_each(months) as x(k, v);
    if n = 0 then return 0; end if;
    prev := coalesce(last_block.hash, repeat('0', 64));
    insert into audit_chain.audit_seal_block (block_no, tx_from, tx_to, row_count, months, prev_hash, hash)
      values (coalesce(last_block.block_no, 0) + 1, lo, horizon, n, months, prev,
              audit_chain.block_hash(prev, coalesce(last_block.block_no, 0) + 1, lo, horizon, n, months));
    return n;
  end
  $$`,
  `revoke all on function audit_seal() from public`,
];

export const AUDIT_CHAIN_DOWN_SQL = [
  `drop function if exists audit_seal()`,
  `drop schema if exists audit_chain cascade`,
  `drop trigger if exists "audit_event_stamp" on "audit_event"`,
  `drop function if exists audit_event_stamp()`,
  `alter table "audit_event" drop column if exists "tx_id"`,
];
