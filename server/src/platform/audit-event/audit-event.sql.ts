import { AUDIT_CHAIN_SQL } from './audit-event.chain.sql.js';

/**
 * Database protections of the audit log, for the initial migration (paste each statement as one
 * `this.addSql(...)`, after the generated tables; the first statement replaces the plain table MikroORM
 * generates from the entity — or keep `audit_event` out of the generator with
 * `schemaGenerator: { skipTables: ['audit_event'] }`). No `?` appears here: knex would take it for a
 * binding.
 *
 * - the table is partitioned by month on occurred_at, primary key (id, occurred_at);
 * - `audit_event_ensure_partitions()` creates the current and next 12 monthly partitions (run it at
 *   start-up and from the maintenance command); a default partition catches anything beyond;
 * - a row trigger refuses UPDATE and DELETE (cloned to every partition), a statement trigger refuses
 *   TRUNCATE (on the table and on each partition);
 * - UPDATE, DELETE and TRUNCATE are revoked from PUBLIC. The app's role should be granted only
 *   SELECT and INSERT (and USAGE on audit_event_id_seq); whole partitions past retention are dropped
 *   by the owner (cli/audit-maintenance.ts).
 */
export const AUDIT_EVENT_TABLE_SQL = [
  `drop table if exists "audit_event" cascade`,
  `create table "audit_event" (
    "id" serial not null,
    "version" int not null default 1,
    "created_at" timestamptz not null default now(),
    "updated_at" timestamptz not null default now(),
    "occurred_at" timestamptz not null default clock_timestamp(),
    "account_id" int null,
    "username" text null,
    "action" text not null,
    "resource" text null,
    "record_id" text null,
    "operation" text null,
    "result" text not null check ("result" in ('SUCCEEDED', 'FAILED', 'DENIED')),
    "reason" text null,
    "ip" text null,
    "detail" jsonb null,
    constraint "audit_event_pkey" primary key ("id", "occurred_at")
  ) partition by range ("occurred_at")`,
  `create index "audit_event_occurred_at_index" on "audit_event" ("occurred_at")`,
  `create index "audit_event_account_id_occurred_at_index" on "audit_event" ("account_id", "occurred_at")`,
  `create index "audit_event_action_occurred_at_index" on "audit_event" ("action", "occurred_at")`,
];

export const AUDIT_EVENT_PROTECTION_SQL = [
  `create or replace function audit_event_refuse_change() returns trigger language plpgsql as $$
  begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
  end
  $$`,
  `create trigger "audit_event_no_update_delete" before update or delete on "audit_event"
    for each row execute function audit_event_refuse_change()`,
  `create trigger "audit_event_no_truncate" before truncate on "audit_event"
    for each statement execute function audit_event_refuse_change()`,
  `revoke update, delete, truncate on "audit_event" from public`,
  `create table "audit_event_default" partition of "audit_event" default`,
  `create trigger "audit_event_no_truncate" before truncate on "audit_event_default"
    for each statement execute function audit_event_refuse_change()`,
  `revoke update, delete, truncate on "audit_event_default" from public`,
  `create or replace function audit_event_ensure_partitions(months_ahead int default 12) returns int language plpgsql as $$
  declare
    first_month date := date_trunc('month', now() at time zone 'UTC')::date;
    m date;
    part text;
    created int := 0;
  begin
    for i in 0..months_ahead loop
      m := (first_month + make_interval(months => i))::date;
      part := 'audit_event_' || to_char(m, 'YYYYMM');
      if to_regclass(quote_ident(part)) is null then
        begin
          execute format('create table %I partition of audit_event for values from (%L) to (%L)',
            part, m::text || ' 00:00:00+00', (m + interval '1 month')::date::text || ' 00:00:00+00');
          execute format('create trigger audit_event_no_truncate before truncate on %I for each statement execute function audit_event_refuse_change()', part);
          execute format('revoke update, delete, truncate on %I from public', part);
          created := created + 1;
        exception when others then
          -- rows of that month already sit in the default partition: keep them there
          raise warning 'audit_event partition % not created: %', part, sqlerrm;
        end;
      end if;
    end loop;
    return created;
  end
  $$`,
  `select audit_event_ensure_partitions()`,
];

/** Everything, in order (for a schema made from the entities; the migrations hold the same). */
export const AUDIT_EVENT_SQL = [...AUDIT_EVENT_TABLE_SQL, ...AUDIT_EVENT_PROTECTION_SQL, ...AUDIT_CHAIN_SQL];
