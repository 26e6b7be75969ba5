import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts for everyone (issue 15):
 * - app_user.phone: a login by phone (unique where given); email becomes optional, one of the two is required.
 * - app_user.deactivated_at: an admin deactivates a login (history kept; its tokens end and it cannot sign in).
 */
export class AccountsForEveryone1764600000000 implements MigrationInterface {
  name = 'AccountsForEveryone1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ALTER COLUMN email DROP NOT NULL`);
    await q.query(`ALTER TABLE app_user ADD COLUMN phone varchar(30)`);
    await q.query(`ALTER TABLE app_user ADD COLUMN deactivated_at timestamptz`);
    await q.query(`CREATE UNIQUE INDEX app_user_phone_uq ON app_user (phone) WHERE phone IS NOT NULL`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_email_or_phone CHECK (email IS NOT NULL OR phone IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_email_or_phone`);
    await q.query(`DROP INDEX app_user_phone_uq`);
    await q.query(`ALTER TABLE app_user DROP COLUMN deactivated_at`);
    await q.query(`ALTER TABLE app_user DROP COLUMN phone`);
    await q.query(`ALTER TABLE app_user ALTER COLUMN email SET NOT NULL`);
  }
}
