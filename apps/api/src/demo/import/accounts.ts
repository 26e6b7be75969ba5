import type { EntityManager } from 'typeorm';
import { DEMO_ACCOUNTS } from '../demo-accounts';
import { FAMOUS_TEACHER_NAME, FEATURED_CONSORTIUM, FEATURED_LEAD_SCHOOL, NEW_TEACHER_NAME, demoId } from '../plans/kit';
import { DemoPlan } from '../plans/organisation';

export async function insertAccounts(em: EntityManager, plan: DemoPlan, passwordHash: string, log: (line: string) => void): Promise<number> {
  const { refs } = plan;
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

  let created = 0;
  let adminId: string | null = null;
  for (const account of DEMO_ACCOUNTS) {
    const local = account.email.slice(0, account.email.indexOf('@'));
    const userId = demoId(`user:${account.email}`);
    // An account someone already created with this email is left alone.
    const inserted: { id: string }[] = await em.query(
      `INSERT INTO app_user (id, email, password_hash, display_name, teacher_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [userId, account.email, passwordHash, displayNames[local] ?? account.email, teacherIds[local] ?? null],
    );
    if (inserted.length === 0) {
      log(`Demo data: an account ${account.email} exists already; left unchanged`);
      continue;
    }
    created++;
    await em.query(
      `INSERT INTO role_grant (id, user_id, role, scope_id, granted_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [demoId(`grant:${account.email}:${account.role}`), userId, account.role, scopeIds[local] ?? null, account.role === 'PLATFORM_ADMIN' ? null : adminId],
    );
    if (account.role === 'PLATFORM_ADMIN') adminId = userId;
  }
  return created;
}
