import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122817 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "body" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "name" text not null, "region" text null, "kind" text check ("kind" in ('CPPCC', 'CONGRESS')) not null, "level" text check ("level" in ('CITY', 'COUNTY', 'TOWNSHIP')) not null, "parent_id" int null);`);
    this.addSql(`alter table "body" add constraint "body_name_unique" unique ("name");`);
    this.addSql(`create index "body_parent_id_index" on "body" ("parent_id");`);
    this.addSql(`create index "body_search_vector_index" on "public"."body" using gin("search_vector");`);

    this.addSql(`create table "organization" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "name" text not null, "code" text not null, "kind" text check ("kind" in ('OFFICE', 'LIAISON_OFFICE', 'RESEARCH_OFFICE', 'STREET_WORKING_COMMITTEE', 'COMMITTEE_OFFICE', 'OTHER')) not null default 'OFFICE', "body_id" int not null, "parent_id" int null, "mailbox_opening_period_days" int not null default 15, "address" text null, "office_phone" text null);`);
    this.addSql(`alter table "organization" add constraint "organization_code_unique" unique ("code");`);
    this.addSql(`create index "organization_body_id_index" on "organization" ("body_id");`);
    this.addSql(`create index "organization_parent_id_index" on "organization" ("parent_id");`);
    this.addSql(`create index "organization_search_vector_index" on "public"."organization" using gin("search_vector");`);

    this.addSql(`alter table "body" add constraint "body_parent_id_foreign" foreign key ("parent_id") references "body" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "organization" add constraint "organization_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "organization" add constraint "organization_parent_id_foreign" foreign key ("parent_id") references "organization" ("id") on update cascade on delete restrict;`);
  }

}
