import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts (issue 11):
 * - app_user.token_version: tokens carry it (claim `ver`); logout, password changes and resets and role changes
 *   bump it, which ends every token signed before.
 * - app_user.must_change_password / password_expires_at: after resetPassword the hash is that of a one-time code,
 *   valid until password_expires_at, and the user may only change the password.
 * - login_failure: failed sign-ins per account (digest of the email) and client address, counted over a short
 *   window by every API instance; rows older than the window are pruned as attempts come in.
 */
export class Accounts1764400000000 implements MigrationInterface {
  name = 'Accounts1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE app_user ADD COLUMN password_expires_at timestamptz`);
    await q.query(`
      CREATE TABLE login_failure (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_key char(64) NOT NULL,
        address varchar(64),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failure_account_idx ON login_failure (account_key, at DESC)`);
    await q.query(`CREATE INDEX login_failure_address_idx ON login_failure (address, at DESC) WHERE address IS NOT NULL`);
    await q.query(`CREATE INDEX login_failure_at_idx ON login_failure (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS login_failure`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS password_expires_at`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS must_change_password`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS token_version`);
  }
}
