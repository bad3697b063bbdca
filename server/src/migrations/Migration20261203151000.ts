import { Migration } from '@mikro-orm/migrations';
import { AUDIT_CHAIN_DOWN_SQL, AUDIT_CHAIN_SQL } from '../platform/audit-event/audit-event.chain.sql.js';

/** Issue 12: idempotency keys of mutations (crash safety) and the sealed audit chain (audit integrity). */
export class Migration20261203151000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "idempotency_key" ("account_id" int not null, "operation" text not null, "key" text not null, "request_hash" text not null, "record_id" text null, "created_at" timestamptz not null default now(), constraint "idempotency_key_pkey" primary key ("account_id", "operation", "key"));`);
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at");`);
    for (const statement of AUDIT_CHAIN_SQL) this.addSql(statement);
  }

  override async down(): Promise<void> {
    for (const statement of AUDIT_CHAIN_DOWN_SQL) this.addSql(statement);
    this.addSql(`drop table if exists "idempotency_key" cascade;`);
  }

}
