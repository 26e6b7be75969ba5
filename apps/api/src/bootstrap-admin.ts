import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { RequestContext } from '#app/core';
import { PASSWORD_MIN_LENGTH, type IdentityService } from '#app/identity';

/** ADMIN_EMAIL / ADMIN_PASSWORD: create the first platform admin when there is none. */
export async function ensureAdmin(ds: DataSource, identity: IdentityService, email: string, password: string, logger: Logger) {
  if (password.length < PASSWORD_MIN_LENGTH) throw new Error(`ADMIN_PASSWORD must have at least ${PASSWORD_MIN_LENGTH} characters`);
  await ds.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock(727002)');
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM role_grant WHERE role = 'PLATFORM_ADMIN' AND revoked_at IS NULL`);
    if (n > 0) return;
    const hash = await identity.hashPassword(password);
    const [user] = await em.query(
      `INSERT INTO app_user (email, password_hash, display_name) VALUES ($1, $2, 'Platform admin')
       ON CONFLICT (lower(email)) DO UPDATE SET password_hash = EXCLUDED.password_hash, must_change_password = false, password_expires_at = NULL
       RETURNING id, xmax <> 0 AS existed`,
      [email, hash],
    );
    if (user.existed) await identity.bumpTokenVersion(new RequestContext(em, null), user.id); // its password changed: old tokens end
    await em.query(`INSERT INTO role_grant (user_id, role) VALUES ($1, 'PLATFORM_ADMIN')`, [user.id]);
    logger.log(`Created platform admin ${email} (ADMIN_EMAIL)`);
  });
}
