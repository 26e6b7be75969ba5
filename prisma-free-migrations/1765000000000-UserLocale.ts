import type { MigrationInterface, QueryRunner } from 'typeorm';

/** app_user.locale: the language a user chose for the API's messages (zh-CN or en); wins over Accept-Language. Unset: the header decides. */
export class UserLocale1765000000000 implements MigrationInterface {
  name = 'UserLocale1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN locale varchar(10) CHECK (locale IN ('zh-CN', 'en'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN locale`);
  }
}
