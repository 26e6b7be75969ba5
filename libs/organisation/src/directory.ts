import { In } from 'typeorm';
import type { RequestContext } from '#app/core';
import { activeMembershipSql, activeMemberSchoolSql } from './access/scope-rules';
import { GroupKind, GroupStatus, MemberRole, type BackboneLevel, type EducationLevel, type SchoolStage, type TeacherHonour } from './enums';
import { Region } from './entities/region.entity';
import { School } from './entities/school.entity';
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

/** A teacher's record as counted on a day, with the school they worked at that day (null: none). */
export interface TeacherOnDay {
  id: string;
  name: string;
  stage: SchoolStage;
  subjects: string[];
  educationLevel: EducationLevel | null;
  backboneLevel: BackboneLevel | null;
  honours: TeacherHonour[];
  fullTime: boolean;
  schoolId: string | null;
}

/** An active membership of a school in a group, with the school's region. */
export interface MembershipFacts {
  schoolId: string;
  groupId: string;
  joinedOn: string;
  regionId: string;
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

  /**
   * Who worked where on `day`, by id: the teachers among `ids`, or those whose school that day is one of `schoolIds`.
   * A teacher's school on a day is the assignment covering it (an assignment runs from its first day to the day
   * before its end); a teacher without transfer history works at their school; one with history and no assignment
   * that day (not yet started, or left) works nowhere (null).
   */
  async teachersOn(ctx: RequestContext, which: { schoolIds: readonly string[] } | { ids: readonly string[] }, day: string): Promise<TeacherOnDay[]> {
    const ids = [...new Set('ids' in which ? which.ids : which.schoolIds)];
    if (!ids.length) return [];
    const where =
      'ids' in which
        ? 't.id = ANY($1::uuid[])'
        : `t.id IN (SELECT a.teacher_id FROM teacher_assignment a WHERE a.school_id = ANY($1::uuid[]) UNION SELECT t2.id FROM teacher t2 WHERE t2.school_id = ANY($1::uuid[]))
           AND h.school_id = ANY($1::uuid[])`;
    const rows: { id: string; name: string; stage: SchoolStage; subjects: string[]; education_level: EducationLevel | null; backbone_level: BackboneLevel | null; honours: TeacherHonour[]; full_time: boolean; school_id: string | null }[] =
      await ctx.em.query(
        `SELECT t.id, t.name, t.stage, t.subjects, t.education_level, t.backbone_level, t.honours, t.full_time, h.school_id
           FROM teacher t
          CROSS JOIN LATERAL (SELECT CASE WHEN EXISTS (SELECT 1 FROM teacher_assignment a0 WHERE a0.teacher_id = t.id)
                   THEN (SELECT a.school_id FROM teacher_assignment a WHERE a.teacher_id = t.id AND a.from_date <= $2::date
                            AND (a.to_date IS NULL OR a.to_date > $2::date) ORDER BY a.from_date DESC, a.id LIMIT 1)
                   ELSE t.school_id END AS school_id) h
          WHERE ${where}
          ORDER BY t.id`,
        [ids, day],
      );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      stage: r.stage,
      subjects: r.subjects,
      educationLevel: r.education_level,
      backboneLevel: r.backbone_level,
      honours: r.honours,
      fullTime: r.full_time,
      schoolId: r.school_id,
    }));
  },

  /** The schools of a region's subtree by name (all stages but `exceptStages`); only active members of `memberOf` when given. */
  async schoolsInRegion(ctx: RequestContext, regionId: string, opts: { exceptStages?: readonly SchoolStage[]; memberOf?: readonly string[] } = {}): Promise<School[]> {
    const q = ctx.em
      .createQueryBuilder(School, 's')
      .innerJoin('region', 'r', 'r.id = s.region_id')
      .where(':region = ANY(r.path)', { region: regionId })
      .orderBy('s.name')
      .addOrderBy('s.id');
    if (opts.exceptStages?.length) q.andWhere('s.stage <> ALL(:stages::varchar[])', { stages: opts.exceptStages });
    if (opts.memberOf) q.andWhere(`EXISTS (SELECT 1 FROM group_membership m WHERE m.school_id = s.id AND ${activeMembershipSql('m')} AND m.group_id = ANY(:groups::uuid[]))`, { groups: opts.memberOf });
    return q.getMany();
  },

  /** Schools by id. */
  async schools(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, School>> {
    if (!ids.length) return new Map();
    return new Map((await ctx.em.findBy(School, { id: In([...new Set(ids)]) })).map((s) => [s.id, s]));
  },

  /** Regions by id. */
  async regionsById(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, Region>> {
    if (!ids.length) return new Map();
    return new Map((await ctx.em.findBy(Region, { id: In([...new Set(ids)]) })).map((r) => [r.id, r]));
  },

  /** The groups each of these schools is an active member of. */
  async activeGroupsOf(ctx: RequestContext, schoolIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    if (!schoolIds.length) return out;
    const rows: { school_id: string; group_id: string }[] = await ctx.em.query(`SELECT m.school_id, m.group_id FROM group_membership m WHERE ${activeMembershipSql('m')} AND m.school_id = ANY($1::uuid[])`, [
      [...new Set(schoolIds)],
    ]);
    for (const r of rows) out.set(r.school_id, (out.get(r.school_id) ?? new Set()).add(r.group_id));
    return out;
  },

  /** The active member schools (not the lead) of the consortia (教联体) of a region's subtree that joined by `day`. */
  async consortiumMembers(ctx: RequestContext, regionId: string, day: string): Promise<MembershipFacts[]> {
    const rows: { school_id: string; group_id: string; joined_on: string; region_id: string }[] = await ctx.em.query(
      `SELECT m.school_id, m.group_id, to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, s.region_id
         FROM group_membership m JOIN school s ON s.id = m.school_id JOIN region r ON r.id = s.region_id
        WHERE m.group_kind = $3 AND m.role = $4 AND ${activeMembershipSql('m')} AND m.joined_on <= $2::date AND $1 = ANY(r.path)`,
      [regionId, day, GroupKind.CONSORTIUM, MemberRole.MEMBER],
    );
    return rows.map((r) => ({ schoolId: r.school_id, groupId: r.group_id, joinedOn: r.joined_on, regionId: r.region_id }));
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
