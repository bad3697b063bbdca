import { Migration } from '@mikro-orm/migrations';

export class Migration20261202130739 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "letter" add column "writer_phone_hash" text null;`);
    this.addSql(`create index "letter_writer_phone_hash_index" on "letter" ("writer_phone_hash");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "letter_writer_phone_hash_index";`);
    this.addSql(`alter table "letter" drop column "writer_phone_hash";`);
  }

}
