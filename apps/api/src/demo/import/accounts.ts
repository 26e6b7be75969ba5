import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExpectedIds, Principal, RequestContext, Role } from '#app/core';
import { IdentityService, writeGrants, writeUsers, type UserRow } from '#app/identity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo-accounts';
import { FAMOUS_TEACHER_NAME, FEATURED_CONSORTIUM, FEATURED_LEAD_SCHOOL, NEW_TEACHER_NAME, demoId } from '../plans/kit';
import { DemoPlan } from '../plans/organisation';

/**
 * The demo accounts: the logins through identity's row writer (one password hash for all: hashing is the slow part),
 * the platform admin's role as the server's bootstrap writes it (granted by nobody), and every other role granted
 * through IdentityService by that admin, so its rules (a scoped role needs a scope the granter holds, a TEACHER
 * account a teacher profile) hold for the demo too. An email someone else's account holds already is left alone.
 */
export async function insertAccounts(app: INestApplicationContext, em: EntityManager, plan: DemoPlan, log: (line: string) => void): Promise<number> {
  const { refs } = plan;
  const identity = app.get(IdentityService);
  const displayNames: Record<string, string> = {
    admin: '平台管理员',
    bureau: '随县教育局管理员',
    city: '随州市教育局管理员',
    manager: `${FEATURED_CONSORTIUM}管理员`,
    school: `${FEATURED_LEAD_SCHOOL}管理员`,
    teacher: FAMOUS_TEACHER_NAME,
    teacher2: NEW_TEACHER_NAME,
  };
  const scopeIds: Record<string, string | null> = {
    admin: null,
    bureau: refs.mainCountyId,
    city: refs.cityId,
    manager: refs.featuredGroupId,
    school: refs.featuredSchoolId,
    teacher: null,
    teacher2: null,
  };
  const teacherIds: Record<string, string | null> = { teacher: refs.famousTeacherId, teacher2: refs.newTeacherId };

  const taken: { email: string | null; teacher_id: string | null }[] = await em.query(
    `SELECT lower(email) AS email, teacher_id FROM app_user WHERE lower(email) = ANY($1::varchar[]) OR teacher_id = ANY($2::uuid[])`,
    [DEMO_ACCOUNTS.map((a) => a.email.toLowerCase()), Object.values(teacherIds)],
  );
  const passwordHash = await identity.hashPassword(DEMO_PASSWORD);
  const loadedAt = new Date();
  const accounts = DEMO_ACCOUNTS.map((account) => {
    const local = account.email.slice(0, account.email.indexOf('@'));
    const teacherId = teacherIds[local] ?? null;
    const row: UserRow = {
      id: demoId(`user:${account.email}`),
      email: account.email,
      phone: null,
      passwordHash,
      displayName: displayNames[local] ?? account.email,
      teacherId,
      mustChangePassword: false,
      passwordExpiresAt: null,
      deactivatedAt: null,
      createdAt: loadedAt,
    };
    const free = !taken.some((t) => t.email === account.email.toLowerCase() || (teacherId && t.teacher_id === teacherId));
    return { account, row, scopeId: scopeIds[local] ?? null, free };
  });
  for (const a of accounts.filter((x) => !x.free)) log(`Demo data: an account ${a.account.email} exists already; left unchanged`);
  const created = accounts.filter((x) => x.free);
  await writeUsers(em, created.map((x) => x.row));

  const admin = created.find((x) => x.account.role === Role.PLATFORM_ADMIN);
  if (admin) {
    await writeGrants(em, [{ id: demoId(`grant:${admin.account.email}:${Role.PLATFORM_ADMIN}`), userId: admin.row.id, role: Role.PLATFORM_ADMIN, scopeId: null, grantedBy: null, createdAt: loadedAt, revokedAt: null }]);
  }
  // As the demo's admin, or (their email belonging to someone else's account) as a platform admin without one.
  const granter = (admin && (await identity.resolve(admin.row.id, em))) || Principal.withoutAccount(null, [{ role: Role.PLATFORM_ADMIN, scopeId: null }]);
  for (const x of created.filter((c) => c !== admin)) {
    const ids = new ExpectedIds().expect('role_grant', demoId(`grant:${x.account.email}:${x.account.role}`));
    const ctx = new RequestContext(em, granter).withIds(ids);
    await identity.grantRole(ctx, { userId: x.row.id, role: x.account.role as Role, ...(x.scopeId ? { scopeId: x.scopeId } : {}) }).catch((err: Error) => {
      throw new Error(`demo: accounts: granting ${x.account.role} to ${x.account.email}: ${err.message}`);
    });
  }
  return created.length;
}
