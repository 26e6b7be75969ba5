import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to what a principal is read from (app_user's sign-in columns, role_grant) announces itself on the
 * live bus's Postgres channel, in the transaction that makes it (delivered at commit, never for a rollback): the
 * principal cache of every instance drops that user, even after a change made by hand in SQL that no service
 * announced. (With REDIS_URL the bus is Redis: the services' own notices still travel there.) The payload is the
 * bus's envelope: { c: 'principal', m: { u: userId } }.
 */
export class PrincipalNotices1765100000000 implements MigrationInterface {
  name = 'PrincipalNotices1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const notify = (uid: string) => `PERFORM pg_notify('sg_live', json_build_object('c', 'principal', 'm', json_build_object('u', ${uid}))::text);`;
    // one function per table: plpgsql does not promise to skip a branch that names the other table's columns
    await q.query(`
      CREATE FUNCTION sg_app_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${notify('coalesce(NEW.id, OLD.id)')}
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION sg_role_grant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN ${notify('OLD.user_id')} END IF;
        IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.user_id IS DISTINCT FROM OLD.user_id) THEN ${notify('NEW.user_id')} END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER app_user_principal_changed
        AFTER UPDATE OF email, phone, teacher_id, token_version, must_change_password, locale, deactivated_at OR DELETE ON app_user
        FOR EACH ROW EXECUTE FUNCTION sg_app_user_changed()`);
    await q.query(`
      CREATE TRIGGER role_grant_principal_changed
        AFTER INSERT OR UPDATE OR DELETE ON role_grant
        FOR EACH ROW EXECUTE FUNCTION sg_role_grant_changed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER role_grant_principal_changed ON role_grant`);
    await q.query(`DROP TRIGGER app_user_principal_changed ON app_user`);
    await q.query(`DROP FUNCTION sg_role_grant_changed()`);
    await q.query(`DROP FUNCTION sg_app_user_changed()`);
  }
}
