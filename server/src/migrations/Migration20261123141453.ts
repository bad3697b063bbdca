import { Migration } from '@mikro-orm/migrations';

export class Migration20261123141453 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "body" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "name" text not null, "region" text null, "kind" text check ("kind" in ('CPPCC', 'CONGRESS')) not null, "level" text check ("level" in ('CITY', 'COUNTY', 'TOWNSHIP')) not null, "parent_id" int null);`);
    this.addSql(`alter table "body" add constraint "body_name_unique" unique ("name");`);
    this.addSql(`create index "body_parent_id_index" on "body" ("parent_id");`);
    this.addSql(`create index "body_search_vector_index" on "public"."body" using gin("search_vector");`);

    this.addSql(`create table "calendar_day" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "date" date not null, "kind" text check ("kind" in ('HOLIDAY', 'MAKEUP_WORKDAY')) not null, "name" text null, "year" int not null);`);
    this.addSql(`alter table "calendar_day" add constraint "calendar_day_date_unique" unique ("date");`);
    this.addSql(`create index "calendar_day_kind_index" on "calendar_day" ("kind");`);
    this.addSql(`create index "calendar_day_year_index" on "calendar_day" ("year");`);

    this.addSql(`create table "committee" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "body_id" int not null, "description" text null);`);
    this.addSql(`create index "committee_body_id_index" on "committee" ("body_id");`);
    this.addSql(`alter table "committee" add constraint "committee_body_id_name_unique" unique ("body_id", "name");`);

    this.addSql(`create table "organization" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "name" text not null, "code" text not null, "kind" text check ("kind" in ('OFFICE', 'LIAISON_OFFICE', 'RESEARCH_OFFICE', 'STREET_WORKING_COMMITTEE', 'COMMITTEE_OFFICE', 'OTHER')) not null default 'OFFICE', "body_id" int not null, "parent_id" int null, "mailbox_opening_period_days" int not null default 15, "address" text null, "office_phone" text null);`);
    this.addSql(`alter table "organization" add constraint "organization_code_unique" unique ("code");`);
    this.addSql(`create index "organization_body_id_index" on "organization" ("body_id");`);
    this.addSql(`create index "organization_parent_id_index" on "organization" ("parent_id");`);
    this.addSql(`create index "organization_search_vector_index" on "public"."organization" using gin("search_vector");`);

    this.addSql(`create table "letter_serial_counter" ("id" serial primary key, "organization_id" int not null, "year" int not null, "last" int not null);`);
    this.addSql(`create index "letter_serial_counter_organization_id_index" on "letter_serial_counter" ("organization_id");`);
    this.addSql(`alter table "letter_serial_counter" add constraint "letter_serial_counter_organization_id_year_unique" unique ("organization_id", "year");`);

    this.addSql(`create table "department" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "name" text not null, "code" text not null, "organization_id" int not null, "parent_id" int null, "level" text check ("level" in ('CITY', 'COUNTY', 'TOWNSHIP')) not null, "contact_person" text null, "contact_phone" text null);`);
    this.addSql(`alter table "department" add constraint "department_code_unique" unique ("code");`);
    this.addSql(`create index "department_organization_id_index" on "department" ("organization_id");`);
    this.addSql(`create index "department_parent_id_index" on "department" ("parent_id");`);
    this.addSql(`create index "department_search_vector_index" on "public"."department" using gin("search_vector");`);

    this.addSql(`create table "deadline_policy" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organization_id" int not null, "measure" text check ("measure" in ('ACCEPTANCE_DECISION', 'FORWARD', 'HANDLE', 'REPLY', 'FEEDBACK', 'EXTENSION', 'REVIEW_REQUEST', 'REVIEW_ANSWER')) not null, "channel" text check ("channel" in ('MAILBOX', 'POST', 'VISIT', 'PHONE', 'ONLINE', 'RECEPTION', 'CONTACT_VISIT', 'REFERRED')) null, "days" int not null, "day_kind" text check ("day_kind" in ('WORKING_DAYS', 'CALENDAR_DAYS')) not null, "rule_ref" text not null, "is_default" boolean not null default false, constraint deadline_policy_days_check check (days >= 1 and days <= 365));`);
    this.addSql(`create index "deadline_policy_organization_id_index" on "deadline_policy" ("organization_id");`);
    this.addSql(`create unique index "deadline_policy_organization_id_measure_channel_unique" on "deadline_policy" ("organization_id", "measure", "channel") nulls not distinct;`);

    this.addSql(`create table "constituent" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "name" text not null, "gender" text check ("gender" in ('MALE', 'FEMALE')) null, "phone_encrypted" text null, "phone_masked" text null, "id_number_encrypted" text null, "id_number_masked" text null, "id_number_hash" text null, "address_encrypted" text null, "address_masked" text null, "community" text null, "occupation" text null, "organization_id" int not null, "notes" text null);`);
    this.addSql(`create index "constituent_id_number_hash_index" on "constituent" ("id_number_hash");`);
    this.addSql(`create index "constituent_organization_id_index" on "constituent" ("organization_id");`);
    this.addSql(`create index "constituent_search_vector_index" on "public"."constituent" using gin("search_vector");`);
    this.addSql(`alter table "constituent" add constraint "constituent_organization_id_id_number_hash_unique" unique ("organization_id", "id_number_hash");`);

    this.addSql(`create table "rate_limit_bucket" ("key" text not null, "window_start" timestamptz not null, "count" int not null default 0, constraint "rate_limit_bucket_pkey" primary key ("key", "window_start"));`);

    this.addSql(`create table "scoring_rule" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "body_id" int not null, "year" int not null, "member_kind" text check ("member_kind" in ('CPPCC_MEMBER', 'DEPUTY')) not null, "measure" text check ("measure" in ('PROPOSALS', 'OPINION_REPORTS', 'RESEARCH', 'INSPECTIONS', 'SECTOR_ACTIVITIES', 'PRACTICAL_DEEDS', 'RECEPTIONS_ATTENDED', 'CONSTITUENT_VISITS', 'CONSTITUENTS_IN_TOUCH', 'LETTERS_FED_BACK_ON_TIME', 'SATISFACTION')) not null, "threshold" double precision not null, "points" double precision not null, "points_per_extra" double precision not null default 0, "max_points" double precision null, "rule_ref" text null, constraint scoring_rule_max_points_check check (max_points is null or max_points >= points), constraint scoring_rule_threshold_check check (threshold >= 0::double precision));`);
    this.addSql(`create index "scoring_rule_body_id_index" on "scoring_rule" ("body_id");`);
    this.addSql(`create index "scoring_rule_year_index" on "scoring_rule" ("year");`);
    this.addSql(`alter table "scoring_rule" add constraint "scoring_rule_body_id_year_member_kind_measure_unique" unique ("body_id", "year", "member_kind", "measure");`);

    this.addSql(`create table "sector" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "body_id" int not null, "sort_order" int not null default 0);`);
    this.addSql(`create index "sector_body_id_index" on "sector" ("body_id");`);
    this.addSql(`alter table "sector" add constraint "sector_body_id_name_unique" unique ("body_id", "name");`);

    this.addSql(`create table "member" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "name" text not null, "kind" text check ("kind" in ('CPPCC_MEMBER', 'DEPUTY')) not null, "gender" text check ("gender" in ('MALE', 'FEMALE')) null, "body_id" int not null, "organization_id" int not null, "sector_id" int null, "liaison_group_id" int null, "is_standing_member" boolean not null default false, "term_number" int not null, "term_start" date not null, "term_end" date null, "work_unit" text null, "party" text null, "phone_encrypted" text null, "phone_masked" text null, constraint member_term_check check (term_end is null or term_end >= term_start));`);
    this.addSql(`create index "member_body_id_index" on "member" ("body_id");`);
    this.addSql(`create index "member_organization_id_index" on "member" ("organization_id");`);
    this.addSql(`create index "member_sector_id_index" on "member" ("sector_id");`);
    this.addSql(`create index "member_liaison_group_id_index" on "member" ("liaison_group_id");`);
    this.addSql(`create index "member_search_vector_index" on "public"."member" using gin("search_vector");`);
    this.addSql(`create index "member_body_id_term_number_index" on "member" ("body_id", "term_number");`);

    this.addSql(`create table "performance_score" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "member_id" int not null, "year" int not null, "total" double precision not null, "breakdown" jsonb not null, "computed_at" timestamptz not null);`);
    this.addSql(`create index "performance_score_member_id_index" on "performance_score" ("member_id");`);
    this.addSql(`create index "performance_score_year_index" on "performance_score" ("year");`);
    this.addSql(`alter table "performance_score" add constraint "performance_score_member_id_year_unique" unique ("member_id", "year");`);

    this.addSql(`create table "liaison_station" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "name" text not null, "organization_id" int not null, "is_online" boolean not null default false, "address" text null, "reception_schedule" text null, "contact_phone" text null, "deputy_in_charge_id" int null, "rules" text null);`);
    this.addSql(`create index "liaison_station_organization_id_index" on "liaison_station" ("organization_id");`);
    this.addSql(`create index "liaison_station_deputy_in_charge_id_index" on "liaison_station" ("deputy_in_charge_id");`);
    this.addSql(`create index "liaison_station_search_vector_index" on "public"."liaison_station" using gin("search_vector");`);

    this.addSql(`create table "liaison_station_deputies" ("liaison_station_id" int not null, "member_id" int not null, constraint "liaison_station_deputies_pkey" primary key ("liaison_station_id", "member_id"));`);

    this.addSql(`create table "liaison_group" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "body_id" int not null, "organization_id" int null, "area" text null, "leader_member_id" int null);`);
    this.addSql(`create index "liaison_group_body_id_index" on "liaison_group" ("body_id");`);
    this.addSql(`create index "liaison_group_organization_id_index" on "liaison_group" ("organization_id");`);
    this.addSql(`create index "liaison_group_leader_member_id_index" on "liaison_group" ("leader_member_id");`);
    this.addSql(`alter table "liaison_group" add constraint "liaison_group_body_id_name_unique" unique ("body_id", "name");`);

    this.addSql(`create table "mailbox" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "name" text not null, "code" text not null, "community" text null, "address" text null, "organization_id" int not null, "liaison_group_id" int null, "lead_member_id" int not null, "assist_member_id" int null, "opening_period_days" int null, "installed_on" date null, "is_active" boolean not null default true, "last_opened_on" date null, constraint mailbox_opening_period_days_check check (opening_period_days is null or (opening_period_days >= 1 and opening_period_days <= 90)));`);
    this.addSql(`alter table "mailbox" add constraint "mailbox_code_unique" unique ("code");`);
    this.addSql(`create index "mailbox_organization_id_index" on "mailbox" ("organization_id");`);
    this.addSql(`create index "mailbox_liaison_group_id_index" on "mailbox" ("liaison_group_id");`);
    this.addSql(`create index "mailbox_lead_member_id_index" on "mailbox" ("lead_member_id");`);
    this.addSql(`create index "mailbox_assist_member_id_index" on "mailbox" ("assist_member_id");`);
    this.addSql(`create index "mailbox_search_vector_index" on "public"."mailbox" using gin("search_vector");`);

    this.addSql(`create table "mailbox_opening" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "mailbox_id" int not null, "opened_on" date not null, "opened_by_member_id" int not null, "is_substitute" boolean not null default false, "approved_by_member_id" int null, "letter_count" int not null default 0, "notes" text null, constraint mailbox_opening_substitute_approval_check check (is_substitute = (approved_by_member_id is not null)), constraint mailbox_opening_letter_count_check check (letter_count >= 0));`);
    this.addSql(`create index "mailbox_opening_mailbox_id_index" on "mailbox_opening" ("mailbox_id");`);
    this.addSql(`create index "mailbox_opening_opened_by_member_id_index" on "mailbox_opening" ("opened_by_member_id");`);
    this.addSql(`create index "mailbox_opening_approved_by_member_id_index" on "mailbox_opening" ("approved_by_member_id");`);

    this.addSql(`create table "mailbox_rotation_members" ("mailbox_id" int not null, "member_id" int not null, constraint "mailbox_rotation_members_pkey" primary key ("mailbox_id", "member_id"));`);

    this.addSql(`create table "leader" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "position" text check ("position" in ('CHAIR', 'VICE_CHAIR', 'SECRETARY_GENERAL', 'DEPUTY_SECRETARY_GENERAL', 'DIRECTOR', 'DEPUTY_DIRECTOR')) not null, "body_id" int not null, "member_id" int null, "term_number" int null, "term_start" date null, "term_end" date null, "is_principal" boolean not null default false, constraint leader_term_check check (term_end is null or term_start is null or term_end >= term_start));`);
    this.addSql(`create index "leader_body_id_index" on "leader" ("body_id");`);
    this.addSql(`create index "leader_member_id_index" on "leader" ("member_id");`);

    this.addSql(`create table "duty_record" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "member_id" int not null, "year" int not null, "proposals" int not null default 0, "opinion_reports" int not null default 0, "research" int not null default 0, "inspections" int not null default 0, "sector_activities" int not null default 0, "practical_deeds" int not null default 0, "receptions_attended" int not null default 0, "constituent_visits" int not null default 0, "constituents_in_touch" int not null default 0, "letters_handled" int not null default 0, "computed_at" timestamptz not null);`);
    this.addSql(`create index "duty_record_member_id_index" on "duty_record" ("member_id");`);
    this.addSql(`create index "duty_record_year_index" on "duty_record" ("year");`);
    this.addSql(`alter table "duty_record" add constraint "duty_record_member_id_year_unique" unique ("member_id", "year");`);

    this.addSql(`create table "contact_visit" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "kind" text check ("kind" in ('LEADER_STANDING', 'COMMITTEE_MEMBER', 'MEMBER_CONSTITUENT')) not null, "mode" text check ("mode" in ('VISIT', 'TALK', 'FORUM', 'PHONE', 'ONLINE', 'LETTER')) not null, "visited_on" date not null, "leader_id" int null, "committee_id" int null, "member_id" int null, "constituent_id" int null, "location" text null, "summary" text null, "issues_raised" text null, "outcome" text check ("outcome" in ('NONE', 'LETTER', 'OPINION_REPORT', 'TOPIC')) not null default 'NONE', constraint contact_visit_links_check check ((kind = 'LEADER_STANDING' and leader_id is not null and committee_id is null and member_id is not null and constituent_id is null) or (kind = 'COMMITTEE_MEMBER' and leader_id is null and committee_id is not null and member_id is not null and constituent_id is null) or (kind = 'MEMBER_CONSTITUENT' and leader_id is null and committee_id is null and member_id is not null and constituent_id is not null)));`);
    this.addSql(`create index "contact_visit_leader_id_index" on "contact_visit" ("leader_id");`);
    this.addSql(`create index "contact_visit_committee_id_index" on "contact_visit" ("committee_id");`);
    this.addSql(`create index "contact_visit_member_id_index" on "contact_visit" ("member_id");`);
    this.addSql(`create index "contact_visit_constituent_id_index" on "contact_visit" ("constituent_id");`);
    this.addSql(`create index "contact_visit_search_vector_index" on "public"."contact_visit" using gin("search_vector");`);
    this.addSql(`create index "contact_visit_member_id_visited_on_index" on "contact_visit" ("member_id", "visited_on");`);

    this.addSql(`create table "contact_pairing" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "kind" text check ("kind" in ('LEADER_STANDING', 'COMMITTEE_MEMBER', 'MEMBER_CONSTITUENT')) not null, "leader_id" int null, "committee_id" int null, "member_id" int null, "constituent_id" int null, "start_date" date not null, "end_date" date null, "note" text null, constraint contact_pairing_dates_check check (end_date is null or end_date >= start_date), constraint contact_pairing_links_check check ((kind = 'LEADER_STANDING' and leader_id is not null and committee_id is null and member_id is not null and constituent_id is null) or (kind = 'COMMITTEE_MEMBER' and leader_id is null and committee_id is not null and member_id is not null and constituent_id is null) or (kind = 'MEMBER_CONSTITUENT' and leader_id is null and committee_id is null and member_id is not null and constituent_id is not null)));`);
    this.addSql(`create index "contact_pairing_leader_id_index" on "contact_pairing" ("leader_id");`);
    this.addSql(`create index "contact_pairing_committee_id_index" on "contact_pairing" ("committee_id");`);
    this.addSql(`create index "contact_pairing_member_id_index" on "contact_pairing" ("member_id");`);
    this.addSql(`create index "contact_pairing_constituent_id_index" on "contact_pairing" ("constituent_id");`);
    this.addSql(`create unique index "contact_pairing_member_constituent_open_unique" on "contact_pairing" ("member_id", "constituent_id") where "kind" = 'MEMBER_CONSTITUENT' and "end_date" is null;`);
    this.addSql(`create unique index "contact_pairing_committee_member_open_unique" on "contact_pairing" ("committee_id", "member_id") where "kind" = 'COMMITTEE_MEMBER' and "end_date" is null;`);
    this.addSql(`create unique index "contact_pairing_leader_member_open_unique" on "contact_pairing" ("leader_id", "member_id") where "kind" = 'LEADER_STANDING' and "end_date" is null;`);

    this.addSql(`create table "account" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "username" text not null, "display_name" text not null, "organization_id" int not null, "roles" text[] not null, "committee_id" int null, "liaison_station_id" int null, "liaison_group_id" int null, "member_id" int null, "department_id" int null, "leader_id" int null, "password_hash" text not null, "must_change_password" boolean not null default true, "failed_login_count" int not null default 0, "locked_until" timestamptz null, "totp_secret_encrypted" text null, "totp_last_counter" int null, "totp_enabled" boolean not null default false, "is_active" boolean not null default true, "last_login_at" timestamptz null, "password_changed_at" timestamptz null, constraint account_failed_login_count_check check (failed_login_count >= 0), constraint account_admin_roles_separated check (('SYSTEM_ADMIN' = any(roles))::int + ('SECURITY_ADMIN' = any(roles))::int + ('AUDIT_ADMIN' = any(roles))::int <= 1 and not (roles && array['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN']::text[] and roles && array['OFFICE_STAFF', 'COMMITTEE_STAFF', 'STATION_STAFF', 'MEMBER', 'DEPARTMENT_HANDLER', 'LEADER']::text[])), constraint account_roles_valid check (cardinality(roles) >= 1 and roles <@ array['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN', 'OFFICE_STAFF', 'COMMITTEE_STAFF', 'STATION_STAFF', 'MEMBER', 'DEPARTMENT_HANDLER', 'LEADER']::text[]), constraint account_username_format check (username ~ '^[a-z0-9_.]{3,32}\$'));`);
    this.addSql(`alter table "account" add constraint "account_username_unique" unique ("username");`);
    this.addSql(`create index "account_organization_id_index" on "account" ("organization_id");`);
    this.addSql(`create index "account_committee_id_index" on "account" ("committee_id");`);
    this.addSql(`create index "account_liaison_station_id_index" on "account" ("liaison_station_id");`);
    this.addSql(`create index "account_liaison_group_id_index" on "account" ("liaison_group_id");`);
    this.addSql(`create index "account_member_id_index" on "account" ("member_id");`);
    this.addSql(`create index "account_department_id_index" on "account" ("department_id");`);
    this.addSql(`create index "account_leader_id_index" on "account" ("leader_id");`);
    this.addSql(`create index "account_is_active_index" on "account" ("is_active");`);
    this.addSql(`create index "account_search_vector_index" on "public"."account" using gin("search_vector");`);

    this.addSql(`create table "committee_sectors" ("committee_id" int not null, "sector_id" int not null, constraint "committee_sectors_pkey" primary key ("committee_id", "sector_id"));`);

    this.addSql(`create table "activity" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "title" text not null, "kind" text check ("kind" in ('STUDY', 'MEETING', 'BRIEFING', 'RESEARCH', 'INSPECTION', 'SECTOR_ACTIVITY', 'PRACTICAL_DEED', 'CONSULTATION')) not null, "body_id" int not null, "organization_id" int null, "liaison_group_id" int null, "sector_id" int null, "held_on" date not null, "location" text null, "description" text null);`);
    this.addSql(`create index "activity_kind_index" on "activity" ("kind");`);
    this.addSql(`create index "activity_body_id_index" on "activity" ("body_id");`);
    this.addSql(`create index "activity_organization_id_index" on "activity" ("organization_id");`);
    this.addSql(`create index "activity_liaison_group_id_index" on "activity" ("liaison_group_id");`);
    this.addSql(`create index "activity_sector_id_index" on "activity" ("sector_id");`);
    this.addSql(`create index "activity_held_on_index" on "activity" ("held_on");`);
    this.addSql(`create index "activity_search_vector_index" on "public"."activity" using gin("search_vector");`);

    this.addSql(`create table "session" ("id" serial primary key, "token_hash" text not null, "account_id" int not null, "created_at" timestamptz not null default now(), "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "ip" text null, "user_agent" text null, "totp_verified" boolean not null default false);`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "session_account_id_index" on "session" ("account_id");`);
    this.addSql(`create index "session_expires_at_index" on "session" ("expires_at");`);

    this.addSql(`create table "station_staff" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" text not null, "role" text check ("role" in ('LIAISON_OFFICER', 'CLERK', 'SENTIMENT_LIAISON', 'WORK_CONSULTANT')) not null, "liaison_station_id" int null, "liaison_group_id" int null, "contact_phone" text null, constraint station_staff_one_parent_check check ((liaison_station_id is null) <> (liaison_group_id is null)));`);
    this.addSql(`create index "station_staff_liaison_station_id_index" on "station_staff" ("liaison_station_id");`);
    this.addSql(`create index "station_staff_liaison_group_id_index" on "station_staff" ("liaison_group_id");`);

    this.addSql(`create table "reception" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "liaison_station_id" int not null, "form" text check ("form" in ('REGULAR', 'THEMED', 'APPOINTMENT', 'MOBILE', 'HOME_VISIT', 'ONLINE')) not null, "held_on" date not null, "topic" text null, "location" text null, "liaison_officer_id" int null, "visitor_count" int null, "summary" text null, constraint reception_visitor_count_check check (visitor_count is null or visitor_count >= 0));`);
    this.addSql(`create index "reception_liaison_station_id_index" on "reception" ("liaison_station_id");`);
    this.addSql(`create index "reception_held_on_index" on "reception" ("held_on");`);
    this.addSql(`create index "reception_liaison_officer_id_index" on "reception" ("liaison_officer_id");`);
    this.addSql(`create index "reception_search_vector_index" on "public"."reception" using gin("search_vector");`);

    this.addSql(`create table "reception_deputies" ("reception_id" int not null, "member_id" int not null, constraint "reception_deputies_pkey" primary key ("reception_id", "member_id"));`);

    this.addSql(`create table "letter" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "serial_number" text not null, "year" int not null, "seq" int not null, "organization_id" int not null, "channel" text check ("channel" in ('MAILBOX', 'POST', 'VISIT', 'PHONE', 'ONLINE', 'RECEPTION', 'CONTACT_VISIT', 'REFERRED')) not null, "status" text check ("status" in ('REGISTERED', 'ACCEPTED', 'DECLINED', 'PROPOSED', 'DECIDED', 'FORWARDED', 'HANDLED', 'CONCLUDED', 'REPLIED', 'CLOSED', 'ESCALATED', 'REOPENED', 'MERGED', 'VOIDED')) not null default 'REGISTERED', "title" text not null, "content" text not null, "category" text check ("category" in ('CONSULTATION', 'SUGGESTION', 'COMPLAINT', 'REQUEST', 'REPORT', 'OTHER')) not null default 'OTHER', "urgency" text check ("urgency" in ('NORMAL', 'URGENT')) not null default 'NORMAL', "is_important" boolean not null default false, "is_anonymous" boolean not null default false, "writer_name" text null, "writer_unit" text null, "writer_phone_encrypted" text null, "writer_phone_masked" text null, "writer_id_number_encrypted" text null, "writer_id_number_masked" text null, "writer_id_number_hash" text null, "writer_address_encrypted" text null, "writer_address_masked" text null, "writer_count" int not null default 1, "community" text null, "received_on" date not null, "constituent_id" int null, "member_id" int null, "mailbox_id" int null, "mailbox_opening_id" int null, "reception_id" int null, "involved_persons" text null, "lead_department_id" int null, "owner_name" text null, "tracking_code" text not null, constraint letter_writer_count_check check (writer_count >= 1), constraint letter_anonymous_no_writer_check check (not is_anonymous or (writer_name is null and writer_unit is null and writer_phone_encrypted is null and writer_id_number_encrypted is null and writer_address_encrypted is null and constituent_id is null)));`);
    this.addSql(`alter table "letter" add constraint "letter_serial_number_unique" unique ("serial_number");`);
    this.addSql(`create index "letter_year_index" on "letter" ("year");`);
    this.addSql(`create index "letter_organization_id_index" on "letter" ("organization_id");`);
    this.addSql(`create index "letter_channel_index" on "letter" ("channel");`);
    this.addSql(`create index "letter_status_index" on "letter" ("status");`);
    this.addSql(`create index "letter_writer_id_number_hash_index" on "letter" ("writer_id_number_hash");`);
    this.addSql(`create index "letter_received_on_index" on "letter" ("received_on");`);
    this.addSql(`create index "letter_constituent_id_index" on "letter" ("constituent_id");`);
    this.addSql(`create index "letter_member_id_index" on "letter" ("member_id");`);
    this.addSql(`create index "letter_mailbox_id_index" on "letter" ("mailbox_id");`);
    this.addSql(`create index "letter_mailbox_opening_id_index" on "letter" ("mailbox_opening_id");`);
    this.addSql(`create index "letter_reception_id_index" on "letter" ("reception_id");`);
    this.addSql(`create index "letter_lead_department_id_index" on "letter" ("lead_department_id");`);
    this.addSql(`alter table "letter" add constraint "letter_tracking_code_unique" unique ("tracking_code");`);
    this.addSql(`create index "letter_search_vector_index" on "public"."letter" using gin("search_vector");`);
    this.addSql(`alter table "letter" add constraint "letter_organization_id_year_seq_unique" unique ("organization_id", "year", "seq");`);

    this.addSql(`create table "satisfaction_survey" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "letter_id" int null, "reception_id" int null, "rating" text check ("rating" in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')) not null, "comment" text null, "source" text check ("source" in ('WRITER', 'STAFF')) not null, "round" int not null default 1, "rated_at" timestamptz not null, constraint satisfaction_survey_round_check check (round >= 1), constraint satisfaction_survey_subject_check check ((letter_id is null) <> (reception_id is null)));`);
    this.addSql(`create index "satisfaction_survey_letter_id_index" on "satisfaction_survey" ("letter_id");`);
    this.addSql(`create index "satisfaction_survey_reception_id_index" on "satisfaction_survey" ("reception_id");`);

    this.addSql(`create table "proposal" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "title" text not null, "content" text null, "member_id" int null, "liaison_group_id" int null, "body_id" int not null, "year" int not null, "submitted_on" date null, "serial_number" text null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'HANDLED')) not null default 'DRAFT', "source_letter_id" int null);`);
    this.addSql(`create index "proposal_member_id_index" on "proposal" ("member_id");`);
    this.addSql(`create index "proposal_liaison_group_id_index" on "proposal" ("liaison_group_id");`);
    this.addSql(`create index "proposal_body_id_index" on "proposal" ("body_id");`);
    this.addSql(`create index "proposal_year_index" on "proposal" ("year");`);
    this.addSql(`create index "proposal_status_index" on "proposal" ("status");`);
    this.addSql(`create index "proposal_source_letter_id_index" on "proposal" ("source_letter_id");`);
    this.addSql(`create index "proposal_search_vector_index" on "public"."proposal" using gin("search_vector");`);
    this.addSql(`alter table "proposal" add constraint "proposal_body_id_year_serial_number_unique" unique ("body_id", "year", "serial_number");`);

    this.addSql(`create table "opinion_report" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "title" text not null, "content" text null, "member_id" int null, "liaison_group_id" int null, "body_id" int not null, "submitted_on" date not null, "is_adopted" boolean not null default false, "adopted_by" text null, "source_letter_id" int null);`);
    this.addSql(`create index "opinion_report_member_id_index" on "opinion_report" ("member_id");`);
    this.addSql(`create index "opinion_report_liaison_group_id_index" on "opinion_report" ("liaison_group_id");`);
    this.addSql(`create index "opinion_report_body_id_index" on "opinion_report" ("body_id");`);
    this.addSql(`create index "opinion_report_submitted_on_index" on "opinion_report" ("submitted_on");`);
    this.addSql(`create index "opinion_report_source_letter_id_index" on "opinion_report" ("source_letter_id");`);
    this.addSql(`create index "opinion_report_search_vector_index" on "public"."opinion_report" using gin("search_vector");`);

    this.addSql(`create table "notification" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" text not null, "body" text null, "kind" text check ("kind" in ('DEADLINE_NEAR', 'DEADLINE_PASSED', 'URGENT_LETTER', 'ASSIGNED', 'INFO')) not null default 'INFO', "letter_id" int null, "organization_id" int null, "recipient_name" text null, "read_at" timestamptz null);`);
    this.addSql(`create index "notification_kind_index" on "notification" ("kind");`);
    this.addSql(`create index "notification_letter_id_index" on "notification" ("letter_id");`);
    this.addSql(`create index "notification_organization_id_index" on "notification" ("organization_id");`);
    this.addSql(`create index "notification_recipient_name_index" on "notification" ("recipient_name");`);
    this.addSql(`create index "notification_read_at_index" on "notification" ("read_at");`);

    this.addSql(`create table "letter_event" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "letter_id" int not null, "action" text not null, "from_status" text check ("from_status" in ('REGISTERED', 'ACCEPTED', 'DECLINED', 'PROPOSED', 'DECIDED', 'FORWARDED', 'HANDLED', 'CONCLUDED', 'REPLIED', 'CLOSED', 'ESCALATED', 'REOPENED', 'MERGED', 'VOIDED')) null, "to_status" text check ("to_status" in ('REGISTERED', 'ACCEPTED', 'DECLINED', 'PROPOSED', 'DECIDED', 'FORWARDED', 'HANDLED', 'CONCLUDED', 'REPLIED', 'CLOSED', 'ESCALATED', 'REOPENED', 'MERGED', 'VOIDED')) not null, "actor_name" text not null, "note" text null, "occurred_at" timestamptz not null);`);
    this.addSql(`create index "letter_event_letter_id_index" on "letter_event" ("letter_id");`);

    this.addSql(`create table "letter_involved_departments" ("letter_id" int not null, "department_id" int not null, constraint "letter_involved_departments_pkey" primary key ("letter_id", "department_id"));`);

    this.addSql(`create table "letter_co_handler_departments" ("letter_id" int not null, "department_id" int not null, constraint "letter_co_handler_departments_pkey" primary key ("letter_id", "department_id"));`);

    this.addSql(`create table "attendance" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "member_id" int not null, "activity_id" int null, "reception_id" int null, "status" text check ("status" in ('PRESENT', 'EXCUSED', 'ABSENT')) not null default 'PRESENT', "note" text null, constraint attendance_activity_xor_reception check ((activity_id is null) <> (reception_id is null)));`);
    this.addSql(`create index "attendance_member_id_index" on "attendance" ("member_id");`);
    this.addSql(`create index "attendance_activity_id_index" on "attendance" ("activity_id");`);
    this.addSql(`create index "attendance_reception_id_index" on "attendance" ("reception_id");`);
    this.addSql(`alter table "attendance" add constraint "attendance_member_id_reception_id_unique" unique ("member_id", "reception_id");`);
    this.addSql(`alter table "attendance" add constraint "attendance_member_id_activity_id_unique" unique ("member_id", "activity_id");`);

    this.addSql(`create table "suggestion" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "search_vector" tsvector null, "title" text not null, "content" text null, "member_id" int null, "body_id" int not null, "submitted_on" date null, "status" text check ("status" in ('SUBMITTED', 'ADOPTED', 'NOT_ADOPTED')) not null default 'SUBMITTED', "response_note" text null, "responded_on" date null, "source_letter_id" int null);`);
    this.addSql(`create index "suggestion_member_id_index" on "suggestion" ("member_id");`);
    this.addSql(`create index "suggestion_body_id_index" on "suggestion" ("body_id");`);
    this.addSql(`create index "suggestion_submitted_on_index" on "suggestion" ("submitted_on");`);
    this.addSql(`create index "suggestion_status_index" on "suggestion" ("status");`);
    this.addSql(`create index "suggestion_source_letter_id_index" on "suggestion" ("source_letter_id");`);
    this.addSql(`create index "suggestion_search_vector_index" on "public"."suggestion" using gin("search_vector");`);

    this.addSql(`create table "work_plan" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organization_id" int not null, "year" int not null, "title" text not null, "content" text null, "filed_on" date null);`);
    this.addSql(`create index "work_plan_organization_id_index" on "work_plan" ("organization_id");`);
    this.addSql(`create index "work_plan_year_index" on "work_plan" ("year");`);
    this.addSql(`alter table "work_plan" add constraint "work_plan_organization_id_year_unique" unique ("organization_id", "year");`);

    this.addSql(`create table "work_summary" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organization_id" int not null, "year" int not null, "title" text not null, "content" text null, "filed_on" date null);`);
    this.addSql(`create index "work_summary_organization_id_index" on "work_summary" ("organization_id");`);
    this.addSql(`create index "work_summary_year_index" on "work_summary" ("year");`);
    this.addSql(`alter table "work_summary" add constraint "work_summary_organization_id_year_unique" unique ("organization_id", "year");`);

    this.addSql(`alter table "body" add constraint "body_parent_id_foreign" foreign key ("parent_id") references "body" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "committee" add constraint "committee_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "organization" add constraint "organization_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "organization" add constraint "organization_parent_id_foreign" foreign key ("parent_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "letter_serial_counter" add constraint "letter_serial_counter_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "department" add constraint "department_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "department" add constraint "department_parent_id_foreign" foreign key ("parent_id") references "department" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "deadline_policy" add constraint "deadline_policy_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "constituent" add constraint "constituent_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "scoring_rule" add constraint "scoring_rule_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "sector" add constraint "sector_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "member" add constraint "member_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "member" add constraint "member_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "member" add constraint "member_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "member" add constraint "member_liaison_group_id_foreign" foreign key ("liaison_group_id") references "liaison_group" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "performance_score" add constraint "performance_score_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "liaison_station" add constraint "liaison_station_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "liaison_station" add constraint "liaison_station_deputy_in_charge_id_foreign" foreign key ("deputy_in_charge_id") references "member" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "liaison_station_deputies" add constraint "liaison_station_deputies_liaison_station_id_foreign" foreign key ("liaison_station_id") references "liaison_station" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "liaison_station_deputies" add constraint "liaison_station_deputies_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "liaison_group" add constraint "liaison_group_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "liaison_group" add constraint "liaison_group_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "liaison_group" add constraint "liaison_group_leader_member_id_foreign" foreign key ("leader_member_id") references "member" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "mailbox" add constraint "mailbox_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "mailbox" add constraint "mailbox_liaison_group_id_foreign" foreign key ("liaison_group_id") references "liaison_group" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "mailbox" add constraint "mailbox_lead_member_id_foreign" foreign key ("lead_member_id") references "member" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "mailbox" add constraint "mailbox_assist_member_id_foreign" foreign key ("assist_member_id") references "member" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "mailbox_opening" add constraint "mailbox_opening_mailbox_id_foreign" foreign key ("mailbox_id") references "mailbox" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "mailbox_opening" add constraint "mailbox_opening_opened_by_member_id_foreign" foreign key ("opened_by_member_id") references "member" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "mailbox_opening" add constraint "mailbox_opening_approved_by_member_id_foreign" foreign key ("approved_by_member_id") references "member" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "mailbox_rotation_members" add constraint "mailbox_rotation_members_mailbox_id_foreign" foreign key ("mailbox_id") references "mailbox" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mailbox_rotation_members" add constraint "mailbox_rotation_members_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "leader" add constraint "leader_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "leader" add constraint "leader_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "duty_record" add constraint "duty_record_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "contact_visit" add constraint "contact_visit_leader_id_foreign" foreign key ("leader_id") references "leader" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "contact_visit" add constraint "contact_visit_committee_id_foreign" foreign key ("committee_id") references "committee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "contact_visit" add constraint "contact_visit_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "contact_visit" add constraint "contact_visit_constituent_id_foreign" foreign key ("constituent_id") references "constituent" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "contact_pairing" add constraint "contact_pairing_leader_id_foreign" foreign key ("leader_id") references "leader" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "contact_pairing" add constraint "contact_pairing_committee_id_foreign" foreign key ("committee_id") references "committee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "contact_pairing" add constraint "contact_pairing_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "contact_pairing" add constraint "contact_pairing_constituent_id_foreign" foreign key ("constituent_id") references "constituent" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "account" add constraint "account_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "account" add constraint "account_committee_id_foreign" foreign key ("committee_id") references "committee" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "account" add constraint "account_liaison_station_id_foreign" foreign key ("liaison_station_id") references "liaison_station" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "account" add constraint "account_liaison_group_id_foreign" foreign key ("liaison_group_id") references "liaison_group" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "account" add constraint "account_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "account" add constraint "account_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "account" add constraint "account_leader_id_foreign" foreign key ("leader_id") references "leader" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "committee_sectors" add constraint "committee_sectors_committee_id_foreign" foreign key ("committee_id") references "committee" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "committee_sectors" add constraint "committee_sectors_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "activity" add constraint "activity_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity" add constraint "activity_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity" add constraint "activity_liaison_group_id_foreign" foreign key ("liaison_group_id") references "liaison_group" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity" add constraint "activity_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "session" add constraint "session_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "station_staff" add constraint "station_staff_liaison_station_id_foreign" foreign key ("liaison_station_id") references "liaison_station" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "station_staff" add constraint "station_staff_liaison_group_id_foreign" foreign key ("liaison_group_id") references "liaison_group" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "reception" add constraint "reception_liaison_station_id_foreign" foreign key ("liaison_station_id") references "liaison_station" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "reception" add constraint "reception_liaison_officer_id_foreign" foreign key ("liaison_officer_id") references "station_staff" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "reception_deputies" add constraint "reception_deputies_reception_id_foreign" foreign key ("reception_id") references "reception" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reception_deputies" add constraint "reception_deputies_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "letter" add constraint "letter_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_constituent_id_foreign" foreign key ("constituent_id") references "constituent" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_mailbox_id_foreign" foreign key ("mailbox_id") references "mailbox" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_mailbox_opening_id_foreign" foreign key ("mailbox_opening_id") references "mailbox_opening" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_reception_id_foreign" foreign key ("reception_id") references "reception" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter" add constraint "letter_lead_department_id_foreign" foreign key ("lead_department_id") references "department" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "satisfaction_survey" add constraint "satisfaction_survey_letter_id_foreign" foreign key ("letter_id") references "letter" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "satisfaction_survey" add constraint "satisfaction_survey_reception_id_foreign" foreign key ("reception_id") references "reception" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "proposal" add constraint "proposal_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "proposal" add constraint "proposal_liaison_group_id_foreign" foreign key ("liaison_group_id") references "liaison_group" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "proposal" add constraint "proposal_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "proposal" add constraint "proposal_source_letter_id_foreign" foreign key ("source_letter_id") references "letter" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "opinion_report" add constraint "opinion_report_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "opinion_report" add constraint "opinion_report_liaison_group_id_foreign" foreign key ("liaison_group_id") references "liaison_group" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "opinion_report" add constraint "opinion_report_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "opinion_report" add constraint "opinion_report_source_letter_id_foreign" foreign key ("source_letter_id") references "letter" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "notification" add constraint "notification_letter_id_foreign" foreign key ("letter_id") references "letter" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "notification" add constraint "notification_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "letter_event" add constraint "letter_event_letter_id_foreign" foreign key ("letter_id") references "letter" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "letter_involved_departments" add constraint "letter_involved_departments_letter_id_foreign" foreign key ("letter_id") references "letter" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter_involved_departments" add constraint "letter_involved_departments_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "letter_co_handler_departments" add constraint "letter_co_handler_departments_letter_id_foreign" foreign key ("letter_id") references "letter" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "letter_co_handler_departments" add constraint "letter_co_handler_departments_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "attendance" add constraint "attendance_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "attendance" add constraint "attendance_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "attendance" add constraint "attendance_reception_id_foreign" foreign key ("reception_id") references "reception" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "suggestion" add constraint "suggestion_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_body_id_foreign" foreign key ("body_id") references "body" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "suggestion" add constraint "suggestion_source_letter_id_foreign" foreign key ("source_letter_id") references "letter" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "work_plan" add constraint "work_plan_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "work_summary" add constraint "work_summary_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade on delete restrict;`);

    // Audit log (PR, 等保): partitioned by month, append-only — UPDATE/DELETE/TRUNCATE refused by triggers
    this.addSql("drop table if exists \"audit_event\" cascade");
    this.addSql("create table \"audit_event\" (\n    \"id\" serial not null,\n    \"version\" int not null default 1,\n    \"created_at\" timestamptz not null default now(),\n    \"updated_at\" timestamptz not null default now(),\n    \"occurred_at\" timestamptz not null default clock_timestamp(),\n    \"account_id\" int null,\n    \"username\" text null,\n    \"action\" text not null,\n    \"resource\" text null,\n    \"record_id\" text null,\n    \"operation\" text null,\n    \"result\" text not null check (\"result\" in ('SUCCEEDED', 'FAILED', 'DENIED')),\n    \"reason\" text null,\n    \"ip\" text null,\n    \"detail\" jsonb null,\n    constraint \"audit_event_pkey\" primary key (\"id\", \"occurred_at\")\n  ) partition by range (\"occurred_at\")");
    this.addSql("create index \"audit_event_occurred_at_index\" on \"audit_event\" (\"occurred_at\")");
    this.addSql("create index \"audit_event_account_id_occurred_at_index\" on \"audit_event\" (\"account_id\", \"occurred_at\")");
    this.addSql("create index \"audit_event_action_occurred_at_index\" on \"audit_event\" (\"action\", \"occurred_at\")");
    this.addSql("create or replace function audit_event_refuse_change() returns trigger language plpgsql as $$\n  begin\n    raise exception 'audit_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';\n  end\n  $$");
    this.addSql("create trigger \"audit_event_no_update_delete\" before update or delete on \"audit_event\"\n    for each row execute function audit_event_refuse_change()");
    this.addSql("create trigger \"audit_event_no_truncate\" before truncate on \"audit_event\"\n    for each statement execute function audit_event_refuse_change()");
    this.addSql("revoke update, delete, truncate on \"audit_event\" from public");
    this.addSql("create table \"audit_event_default\" partition of \"audit_event\" default");
    this.addSql("create trigger \"audit_event_no_truncate\" before truncate on \"audit_event_default\"\n    for each statement execute function audit_event_refuse_change()");
    this.addSql("revoke update, delete, truncate on \"audit_event_default\" from public");
    this.addSql("create or replace function audit_event_ensure_partitions(months_ahead int default 12) returns int language plpgsql as $$\n  declare\n    first_month date := date_trunc('month', now() at time zone 'UTC')::date;\n    m date;\n    part text;\n    created int := 0;\n  begin\n    for i in 0..months_ahead loop\n      m := (first_month + make_interval(months => i))::date;\n      part := 'audit_event_' || to_char(m, 'YYYYMM');\n      if to_regclass(quote_ident(part)) is null then\n        begin\n          execute format('create table %I partition of audit_event for values from (%L) to (%L)',\n            part, m::text || ' 00:00:00+00', (m + interval '1 month')::date::text || ' 00:00:00+00');\n          execute format('create trigger audit_event_no_truncate before truncate on %I for each statement execute function audit_event_refuse_change()', part);\n          execute format('revoke update, delete, truncate on %I from public', part);\n          created := created + 1;\n        exception when others then\n          -- rows of that month already sit in the default partition: keep them there\n          raise warning 'audit_event partition % not created: %', part, sqlerrm;\n        end;\n      end if;\n    end loop;\n    return created;\n  end\n  $$");
    this.addSql("select audit_event_ensure_partitions()");
  }

}
