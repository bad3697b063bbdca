import { Migration } from '@mikro-orm/migrations';

export class Migration20261202063831 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notification" drop constraint if exists "notification_kind_check";`);

    this.addSql(`alter table "letter" add column "higher_office_report_approved_on" date null, add column "higher_office_report_approved_by" text null, add column "higher_office_report_approval" text null;`);

    this.addSql(`alter table "notification" add constraint "notification_kind_check" check("kind" in ('DEADLINE_NEAR', 'DEADLINE_PASSED', 'URGENT_LETTER', 'ASSIGNED', 'FORWARDED', 'RESULT_REPORTED', 'RETURNED', 'INFO'));`);

    // registration is the table's registerLetter row now: its events carry the verb's name
    this.addSql(`update "letter_event" set "action" = 'registerLetter' where "action" = 'register';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification" drop constraint if exists "notification_kind_check";`);

    this.addSql(`alter table "letter" drop column "higher_office_report_approved_on", drop column "higher_office_report_approved_by", drop column "higher_office_report_approval";`);

    this.addSql(`alter table "notification" add constraint "notification_kind_check" check("kind" in ('DEADLINE_NEAR', 'DEADLINE_PASSED', 'URGENT_LETTER', 'ASSIGNED', 'INFO'));`);
  }

}
