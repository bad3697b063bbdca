import { Migration } from '@mikro-orm/migrations';

export class Migration20261123172414 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "letter" add column "coordinator_leader_id" int null, add column "reported_to_higher_office_on" date null, add column "higher_office_report_summary" text null;`);
    this.addSql(`alter table "letter" add constraint "letter_coordinator_leader_id_foreign" foreign key ("coordinator_leader_id") references "leader" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "letter_coordinator_leader_id_index" on "letter" ("coordinator_leader_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "letter" drop constraint "letter_coordinator_leader_id_foreign";`);

    this.addSql(`drop index "letter_coordinator_leader_id_index";`);
    this.addSql(`alter table "letter" drop column "coordinator_leader_id", drop column "reported_to_higher_office_on", drop column "higher_office_report_summary";`);
  }

}
