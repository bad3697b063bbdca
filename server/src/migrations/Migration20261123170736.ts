import { Migration } from '@mikro-orm/migrations';

export class Migration20261123170736 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "letter" drop constraint if exists "letter_status_check";`);

    this.addSql(`alter table "letter_event" drop constraint if exists "letter_event_from_status_check";`);
    this.addSql(`alter table "letter_event" drop constraint if exists "letter_event_to_status_check";`);

    this.addSql(`alter table "letter" add column "writer_notified_on" date null, add column "decline_reason" text null, add column "proposed_handling" text null, add column "proposed_by" text null, add column "decision" text null, add column "decided_on" date null, add column "decided_by_leader_id" int null, add column "forwarded_on" date null, add column "handling_result" text null, add column "handled_on" date null, add column "investigation_findings" text null, add column "investigation_handler_name" text null, add column "investigation_handler_signed_on" date null, add column "investigation_handler_account_id" int null, add column "investigation_leader_name" text null, add column "investigation_leader_signed_on" date null, add column "investigation_leader_account_id" int null, add column "outcome" text check ("outcome" in ('RESOLVED', 'EXPLAINED', 'NOT_RESOLVABLE')) null, add column "conclusion" text null, add column "concluded_on" date null, add column "reply_method" text check ("reply_method" in ('IN_PERSON', 'PHONE', 'WRITTEN', 'SMS', 'ONLINE')) null, add column "replied_on" date null, add column "reply_content" text null, add column "review_requested_on" date null, add column "review_reason" text null, add column "review_answered_on" date null, add column "review_answer" text null, add column "re_review_requested_on" date null, add column "re_review_reason" text null, add column "re_review_answered_on" date null, add column "re_review_answer" text null, add column "closed_on" date null, add column "escalation_level" text check ("escalation_level" in ('MEMBER', 'LIAISON_GROUP', 'COUNTY_OFFICE', 'CITY_OFFICE')) null, add column "escalation_reason" text null, add column "assignment_signed_by" text null, add column "assignment_signed_on" date null, add column "assigned_to" text null, add column "follow_up_count" int not null default 0, add column "deadline_extended_days" int null, add column "deadline_extension_reason" text null, add column "deadline_extension_approved_by" text null, add column "deadline_extension_notified_on" date null, add column "reopen_count" int not null default 0, add column "merged_into_id" int null, add column "converted_to" text check ("converted_to" in ('PROPOSAL', 'OPINION_REPORT', 'SUGGESTION', 'RESEARCH_TOPIC')) null, add column "converted_record_id" int null, add column "research_topic" text null, add column "void_reason" text null, add column "writer_disclosed_at" timestamptz null, add column "writer_disclosure_reason" text null, add column "deadline_policy_id" int null, add column "deadline_rules" jsonb null, add column "higher_office_due_on" date null, add column "higher_office_name" text null, add column "owner_account_id" int null;`);
    this.addSql(`alter table "letter" add constraint "letter_decided_by_leader_id_foreign" foreign key ("decided_by_leader_id") references "leader" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_investigation_handler_account_id_foreign" foreign key ("investigation_handler_account_id") references "account" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_investigation_leader_account_id_foreign" foreign key ("investigation_leader_account_id") references "account" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_merged_into_id_foreign" foreign key ("merged_into_id") references "letter" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_deadline_policy_id_foreign" foreign key ("deadline_policy_id") references "deadline_policy" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_owner_account_id_foreign" foreign key ("owner_account_id") references "account" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_status_check" check("status" in ('REGISTERED', 'ACCEPTED', 'DECLINED', 'PROPOSED', 'DECIDED', 'FORWARDED', 'HANDLED', 'CONCLUDED', 'REPLIED', 'CLOSED', 'ESCALATED', 'REOPENED', 'MERGED', 'VOIDED', 'INVESTIGATED', 'REVIEWING', 'REVIEWED', 'RE_REVIEWING', 'RE_REVIEWED', 'CLASSIFIED', 'ASSIGNED', 'CONVERTED'));`);
    this.addSql(`create index "letter_decided_by_leader_id_index" on "letter" ("decided_by_leader_id");`);
    this.addSql(`create index "letter_investigation_handler_account_id_index" on "letter" ("investigation_handler_account_id");`);
    this.addSql(`create index "letter_investigation_leader_account_id_index" on "letter" ("investigation_leader_account_id");`);
    this.addSql(`create index "letter_replied_on_index" on "letter" ("replied_on");`);
    this.addSql(`create index "letter_merged_into_id_index" on "letter" ("merged_into_id");`);
    this.addSql(`create index "letter_deadline_policy_id_index" on "letter" ("deadline_policy_id");`);
    this.addSql(`create index "letter_owner_account_id_index" on "letter" ("owner_account_id");`);

    this.addSql(`alter table "satisfaction_survey" add column "method" text check ("method" in ('PHONE', 'VISIT', 'FORM', 'ONLINE')) null, add column "recorded_by_name" text null, add column "reopened_letter" boolean not null default false, add column "escalated_letter" boolean not null default false;`);
    this.addSql(`alter table "satisfaction_survey" add constraint "satisfaction_survey_letter_id_round_unique" unique ("letter_id", "round");`);
    this.addSql(`alter table "satisfaction_survey" add constraint satisfaction_survey_outcome_check check(not (reopened_letter and escalated_letter));`);

    this.addSql(`alter table "notification" add column "recipient_account_id" int null, add column "due_on" date null, add column "dedupe_key" text null;`);
    this.addSql(`alter table "notification" add constraint "notification_recipient_account_id_foreign" foreign key ("recipient_account_id") references "account" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "notification_recipient_account_id_index" on "notification" ("recipient_account_id");`);
    this.addSql(`alter table "notification" add constraint "notification_dedupe_key_unique" unique ("dedupe_key");`);

    this.addSql(`alter table "letter_event" add constraint "letter_event_from_status_check" check("from_status" in ('REGISTERED', 'ACCEPTED', 'DECLINED', 'PROPOSED', 'DECIDED', 'FORWARDED', 'HANDLED', 'CONCLUDED', 'REPLIED', 'CLOSED', 'ESCALATED', 'REOPENED', 'MERGED', 'VOIDED', 'INVESTIGATED', 'REVIEWING', 'REVIEWED', 'RE_REVIEWING', 'RE_REVIEWED', 'CLASSIFIED', 'ASSIGNED', 'CONVERTED'));`);
    this.addSql(`alter table "letter_event" add constraint "letter_event_to_status_check" check("to_status" in ('REGISTERED', 'ACCEPTED', 'DECLINED', 'PROPOSED', 'DECIDED', 'FORWARDED', 'HANDLED', 'CONCLUDED', 'REPLIED', 'CLOSED', 'ESCALATED', 'REOPENED', 'MERGED', 'VOIDED', 'INVESTIGATED', 'REVIEWING', 'REVIEWED', 'RE_REVIEWING', 'RE_REVIEWED', 'CLASSIFIED', 'ASSIGNED', 'CONVERTED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "letter" drop constraint if exists "letter_status_check";`);

    this.addSql(`alter table "letter" drop constraint "letter_decided_by_leader_id_foreign";`);
    this.addSql(`alter table "letter" drop constraint "letter_investigation_handler_account_id_foreign";`);
    this.addSql(`alter table "letter" drop constraint "letter_investigation_leader_account_id_foreign";`);
    this.addSql(`alter table "letter" drop constraint "letter_merged_into_id_foreign";`);
    this.addSql(`alter table "letter" drop constraint "letter_deadline_policy_id_foreign";`);
    this.addSql(`alter table "letter" drop constraint "letter_owner_account_id_foreign";`);

    this.addSql(`alter table "letter_event" drop constraint if exists "letter_event_from_status_check";`);
    this.addSql(`alter table "letter_event" drop constraint if exists "letter_event_to_status_check";`);

    this.addSql(`alter table "notification" drop constraint "notification_recipient_account_id_foreign";`);

    this.addSql(`drop index "letter_decided_by_leader_id_index";`);
    this.addSql(`drop index "letter_investigation_handler_account_id_index";`);
    this.addSql(`drop index "letter_investigation_leader_account_id_index";`);
    this.addSql(`drop index "letter_replied_on_index";`);
    this.addSql(`drop index "letter_merged_into_id_index";`);
    this.addSql(`drop index "letter_deadline_policy_id_index";`);
    this.addSql(`drop index "letter_owner_account_id_index";`);
    this.addSql(`alter table "letter" drop column "writer_notified_on", drop column "decline_reason", drop column "proposed_handling", drop column "proposed_by", drop column "decision", drop column "decided_on", drop column "decided_by_leader_id", drop column "forwarded_on", drop column "handling_result", drop column "handled_on", drop column "investigation_findings", drop column "investigation_handler_name", drop column "investigation_handler_signed_on", drop column "investigation_handler_account_id", drop column "investigation_leader_name", drop column "investigation_leader_signed_on", drop column "investigation_leader_account_id", drop column "outcome", drop column "conclusion", drop column "concluded_on", drop column "reply_method", drop column "replied_on", drop column "reply_content", drop column "review_requested_on", drop column "review_reason", drop column "review_answered_on", drop column "review_answer", drop column "re_review_requested_on", drop column "re_review_reason", drop column "re_review_answered_on", drop column "re_review_answer", drop column "closed_on", drop column "escalation_level", drop column "escalation_reason", drop column "assignment_signed_by", drop column "assignment_signed_on", drop column "assigned_to", drop column "follow_up_count", drop column "deadline_extended_days", drop column "deadline_extension_reason", drop column "deadline_extension_approved_by", drop column "deadline_extension_notified_on", drop column "reopen_count", drop column "merged_into_id", drop column "converted_to", drop column "converted_record_id", drop column "research_topic", drop column "void_reason", drop column "writer_disclosed_at", drop column "writer_disclosure_reason", drop column "deadline_policy_id", drop column "deadline_rules", drop column "higher_office_due_on", drop column "higher_office_name", drop column "owner_account_id";`);

    this.addSql(`alter table "letter" add constraint "letter_status_check" check("status" in ('REGISTERED', 'ACCEPTED', 'DECLINED', 'PROPOSED', 'DECIDED', 'FORWARDED', 'HANDLED', 'CONCLUDED', 'REPLIED', 'CLOSED', 'ESCALATED', 'REOPENED', 'MERGED', 'VOIDED'));`);

    this.addSql(`alter table "letter_event" add constraint "letter_event_from_status_check" check("from_status" in ('REGISTERED', 'ACCEPTED', 'DECLINED', 'PROPOSED', 'DECIDED', 'FORWARDED', 'HANDLED', 'CONCLUDED', 'REPLIED', 'CLOSED', 'ESCALATED', 'REOPENED', 'MERGED', 'VOIDED'));`);
    this.addSql(`alter table "letter_event" add constraint "letter_event_to_status_check" check("to_status" in ('REGISTERED', 'ACCEPTED', 'DECLINED', 'PROPOSED', 'DECIDED', 'FORWARDED', 'HANDLED', 'CONCLUDED', 'REPLIED', 'CLOSED', 'ESCALATED', 'REOPENED', 'MERGED', 'VOIDED'));`);

    this.addSql(`drop index "notification_recipient_account_id_index";`);
    this.addSql(`alter table "notification" drop constraint "notification_dedupe_key_unique";`);
    this.addSql(`alter table "notification" drop column "recipient_account_id", drop column "due_on", drop column "dedupe_key";`);

    this.addSql(`alter table "satisfaction_survey" drop constraint "satisfaction_survey_letter_id_round_unique";`);
    this.addSql(`alter table "satisfaction_survey" drop constraint satisfaction_survey_outcome_check;`);
    this.addSql(`alter table "satisfaction_survey" drop column "method", drop column "recorded_by_name", drop column "reopened_letter", drop column "escalated_letter";`);
  }

}
