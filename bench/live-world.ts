import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

/** A county, a consortium of a lead and a member school, a platform admin and `participants` teachers with accounts. */
export async function seedLiveWorld(db: Client, participants: number) {
  const ids = { region: randomUUID(), lead: randomUUID(), member: randomUUID(), group: randomUUID(), admin: randomUUID() };
  await db.query(`INSERT INTO region (id, name, level, path) VALUES ($1, '压测县', 'COUNTY', ARRAY[$1]::uuid[])`, [ids.region]);
  await db.query(`INSERT INTO school (id, name, region_id, stage, locale, student_count, teacher_count) VALUES ($1, '压测牵头校', $3, 'PRIMARY', 'URBAN', 2000, 120), ($2, '压测成员校', $3, 'PRIMARY', 'RURAL', 300, 30)`, [ids.lead, ids.member, ids.region]);
  await db.query(`INSERT INTO school_group (id, name, kind, mode, region_id, lead_school_id, founded_on) VALUES ($1, '压测教联体', 'CONSORTIUM', 'FUSED', $2, $3, '2024-01-01')`, [ids.group, ids.region, ids.lead]);
  await db.query(`INSERT INTO group_membership (group_id, school_id, group_kind, role, pairing, joined_on) VALUES ($1, $2, 'CONSORTIUM', 'LEAD', NULL, '2024-01-01'), ($1, $3, 'CONSORTIUM', 'MEMBER', 'STRONG_RURAL', '2024-01-01')`, [ids.group, ids.lead, ids.member]);
  await db.query(`INSERT INTO app_user (id, email, password_hash, display_name) VALUES ($1, 'bench-admin@example.cn', '!', '压测管理员')`, [ids.admin]);
  await db.query(`INSERT INTO role_grant (user_id, role) VALUES ($1, 'PLATFORM_ADMIN')`, [ids.admin]);
  const users: string[] = [];
  for (let i = 0; i < participants; i++) {
    const teacher = randomUUID();
    const user = randomUUID();
    const school = i % 2 ? ids.member : ids.lead;
    await db.query(`INSERT INTO teacher (id, name, school_id, subjects, stage, years_of_experience) VALUES ($1, $2, $3, '{数学}', 'PRIMARY', 5)`, [teacher, `教师${i}`, school]);
    await db.query(`INSERT INTO app_user (id, email, password_hash, display_name, teacher_id) VALUES ($1, $2, '!', $3, $4)`, [user, `bench${i}@example.cn`, `教师${i}`, teacher]);
    await db.query(`INSERT INTO role_grant (user_id, role) VALUES ($1, 'TEACHER')`, [user]);
    users.push(user);
  }
  return { ...ids, users };
}

export type LiveWorld = Awaited<ReturnType<typeof seedLiveWorld>>;
