import { In } from 'typeorm';
import type { RequestContext } from '#app/core';
import { activeMembershipSql, activeMemberSchoolSql } from './access/scope-rules';
import { GroupStatus } from './enums';
import { Region } from './entities/region.entity';
import { SchoolGroup } from './entities/school-group.entity';
import { Teacher } from './entities/teacher.entity';

export interface GroupFacts {
  id: string;
  regionId: string;
  /** the group's region and its ancestors, root first */
  regionPath: string[];
  status: GroupStatus;
  mentorCapacity: number;
}

export interface TeacherOfGroup {
  teacher: Teacher;
  /** the membership of the teacher's school in the group */
  role: string;
  pairing: string | null;
}

/**
 * The directory's facts other contexts need (STYLE habit 13: a context owns its tables; the others ask it here).
 * Plain reads in the caller's transaction, with no per-request loaders, so they are safe inside `tx.run`; scope
 * checks are AccessService and the SQL fragments of access/scope-rules.ts.
 */
export const Directory = {
  async groups(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, GroupFacts>> {
    if (!ids.length) return new Map();
    const rows: { id: string; region_id: string; path: string[]; status: GroupStatus; mentor_capacity: number }[] = await ctx.em.query(
      `SELECT g.id, g.region_id, r.path, g.status, g.mentor_capacity FROM school_group g JOIN region r ON r.id = g.region_id WHERE g.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, regionId: r.region_id, regionPath: r.path, status: r.status, mentorCapacity: r.mentor_capacity }]));
  },

  async group(ctx: RequestContext, id: string): Promise<GroupFacts | null> {
    return (await Directory.groups(ctx, [id])).get(id) ?? null;
  },

  /** Sets how many active apprentices a mentor may have in the group (mentoring's setting, kept on the group row); the caller checks who may. */
  async setMentorCapacity(ctx: RequestContext, groupId: string, capacity: number): Promise<SchoolGroup> {
    await ctx.em.update(SchoolGroup, { id: groupId }, { mentorCapacity: capacity });
    return ctx.em.findOneByOrFail(SchoolGroup, { id: groupId });
  },

  /** The ids among `ids` that are regions. */
  async regions(ctx: RequestContext, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    return new Set((await ctx.em.find(Region, { select: { id: true }, where: { id: In([...ids]) } })).map((r) => r.id));
  },

  /** Teachers by id; `lock` takes their rows for the transaction (a mutex for work about one teacher, e.g. exchanges). */
  async teachers(ctx: RequestContext, ids: readonly string[], opts: { lock?: boolean } = {}): Promise<Map<string, Teacher>> {
    if (!ids.length) return new Map();
    const rows = await ctx.em.find(Teacher, { where: { id: In([...new Set(ids)]) }, ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    return new Map(rows.map((t) => [t.id, t]));
  },

  async teacher(ctx: RequestContext, id: string, opts: { lock?: boolean } = {}): Promise<Teacher | null> {
    return (await Directory.teachers(ctx, [id], opts)).get(id) ?? null;
  },

  /**
   * The school the teacher worked at on `day`, from their transfer history (an assignment runs from its first day
   * to the day before the next one's); before the history begins, the first school on record; null for no teacher.
   */
  async schoolOn(ctx: RequestContext, teacherId: string, day: string): Promise<string | null> {
    const [row] = await ctx.em.query(
      `SELECT coalesce((SELECT a.school_id FROM teacher_assignment a WHERE a.teacher_id = t.id AND (a.to_date IS NULL OR a.to_date > $2::date)
                         ORDER BY a.from_date, a.id LIMIT 1), t.school_id) AS school_id
         FROM teacher t WHERE t.id = $1`,
      [teacherId, day],
    );
    return row?.school_id ?? null;
  },

  /** The teachers working now at any of these schools, by id (who a school-wide invitation reaches). */
  async teacherIdsAtSchools(ctx: RequestContext, schoolIds: readonly string[]): Promise<string[]> {
    if (!schoolIds.length) return [];
    const rows: { id: string }[] = await ctx.em.query(`SELECT t.id FROM teacher t WHERE t.school_id = ANY($1::uuid[]) ORDER BY t.id`, [[...new Set(schoolIds)]]);
    return rows.map((r) => r.id);
  },

  /** Schools' names by id. */
  async schoolNames(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await ctx.em.query(`SELECT s.id, s.name FROM school s WHERE s.id = ANY($1::uuid[])`, [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  /** How many teachers teach now at the group's active member schools. */
  async groupTeacherCount(ctx: RequestContext, groupId: string): Promise<number> {
    const [row] = await ctx.em.query(`SELECT count(*)::int AS n FROM teacher t WHERE ${activeMemberSchoolSql('t.school_id', '$1::uuid')}`, [groupId]);
    return row.n;
  },

  /** Every teacher of the group's active member schools, with the school's membership, by name. */
  async teachersOfGroup(ctx: RequestContext, groupId: string): Promise<TeacherOfGroup[]> {
    const rows: { id: string; role: string; pairing: string | null }[] = await ctx.em.query(
      `SELECT t.id, m.role, m.pairing FROM group_membership m JOIN teacher t ON t.school_id = m.school_id
        WHERE m.group_id = $1 AND ${activeMembershipSql('m')} ORDER BY t.name, t.id`,
      [groupId],
    );
    const teachers = await Directory.teachers(
      ctx,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ teacher: teachers.get(r.id)!, role: r.role, pairing: r.pairing }));
  },
};
