import { Migration } from '@mikro-orm/migrations';

export class Migration20261203153240 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "login_throttle" ("key" text not null, "failures" int not null default 0, "last_failure_at" timestamptz not null, constraint "login_throttle_pkey" primary key ("key"));`);

    this.addSql(`create table "password_history" ("id" serial primary key, "account_id" int not null, "password_hash" text not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "password_history_account_id_index" on "password_history" ("account_id");`);
    this.addSql(`create index "password_history_account_id_created_at_index" on "password_history" ("account_id", "created_at");`);

    this.addSql(`alter table "password_history" add constraint "password_history_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_throttle" cascade;`);

    this.addSql(`drop table if exists "password_history" cascade;`);
  }

}
