import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 9: stored deadlines on letters, the job queue, and two deadline rules.
 * - Existing open letters get their stored deadlines from a recompute job (the same code as every
 *   step), run by the server's job worker after start-up.
 * - DL3, PV2: Dazhou's 二日 to forward (003) counts 2 calendar days rolled off a day off, not 2 working
 *   days; its FORWARD rows are recognised by their exact rule texts (the default set's and the demo's).
 *   Letters keep the rules chosen at registration (DL4).
 */
export class Migration20261202063642 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "job" ("id" serial primary key, "kind" text not null, "payload" jsonb not null, "status" text check ("status" in ('PENDING', 'RUNNING', 'DONE', 'FAILED')) not null default 'PENDING', "done" int not null default 0, "total" int null, "attempts" int not null default 0, "error" text null, "run_after" timestamptz not null default now(), "created_at" timestamptz not null default now(), "started_at" timestamptz null, "finished_at" timestamptz null, "locked_by" text null);`);
    this.addSql(`create index "job_pending_index" on "job" ("run_after", "id") where "status" = 'PENDING';`);

    this.addSql(`alter table "letter" add column "next_due_on" date null, add column "next_due_measure" text null, add column "next_due_rule_ref" text null, add column "open_deadlines" jsonb null, add column "open_due_dates" date[] null;`);
    this.addSql(`create index "letter_open_due_dates_index" on "letter" using gin ("open_due_dates") where "open_due_dates" is not null and ("status" not in ('DECLINED', 'REPLIED', 'CLOSED', 'MERGED', 'VOIDED', 'REVIEWED', 'RE_REVIEWED') or ("higher_office_due_on" is not null and "reported_to_higher_office_on" is null and "status" not in ('DECLINED', 'VOIDED', 'MERGED')));`);
    this.addSql(`create index "letter_next_due_on_index" on "letter" ("next_due_on", "organization_id") where "next_due_on" is not null and ("status" not in ('DECLINED', 'REPLIED', 'CLOSED', 'MERGED', 'VOIDED', 'REVIEWED', 'RE_REVIEWED') or ("higher_office_due_on" is not null and "reported_to_higher_office_on" is null and "status" not in ('DECLINED', 'VOIDED', 'MERGED')));`);

    this.addSql(`insert into "job" ("kind", "payload") select 'letter-deadlines.recompute', '{"all": true}'::jsonb where exists (select 1 from "letter");`);
    this.addSql(`update "deadline_policy"
      set "day_kind" = 'CALENDAR_DAYS',
          "rule_ref" = case when "rule_ref" = 'PV2：领导批阅之日起2个工作日内转交有关部门' then 'PV2：领导批阅之日起二日内转交有关部门（遇节假日顺延）' else "rule_ref" end
      where "measure" = 'FORWARD' and "days" = 2 and "day_kind" = 'WORKING_DAYS'
        and "rule_ref" in ('PV2：领导批阅之日起2个工作日内转交有关部门', 'PV2：批示后2日内转办');`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "deadline_policy"
      set "day_kind" = 'WORKING_DAYS',
          "rule_ref" = case when "rule_ref" = 'PV2：领导批阅之日起二日内转交有关部门（遇节假日顺延）' then 'PV2：领导批阅之日起2个工作日内转交有关部门' else "rule_ref" end
      where "measure" = 'FORWARD' and "days" = 2 and "day_kind" = 'CALENDAR_DAYS'
        and "rule_ref" in ('PV2：领导批阅之日起二日内转交有关部门（遇节假日顺延）', 'PV2：批示后2日内转办');`);
    this.addSql(`drop table if exists "job" cascade;`);

    this.addSql(`drop index "letter_open_due_dates_index";`);
    this.addSql(`drop index "letter_next_due_on_index";`);
    this.addSql(`alter table "letter" drop column "next_due_on", drop column "next_due_measure", drop column "next_due_rule_ref", drop column "open_deadlines", drop column "open_due_dates";`);
  }

}
