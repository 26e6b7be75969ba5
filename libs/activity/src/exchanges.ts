import type { RequestContext } from '#app/core';
import { managesGroupSql } from '#app/organisation';

/** What activity tells other contexts about teacher exchanges (it owns teacher_exchange; STYLE habit 13). */
export const Exchanges = {
  /**
   * The exchange of `kinds` each teacher is on that day (the latest begun; the period's days inclusive), by teacher:
   * for the teachers among `teacherIds`, and for those whose such exchange that day goes to one of `toSchoolIds`.
   */
  async runningOn(ctx: RequestContext, day: string, kinds: readonly string[], which: { teacherIds: readonly string[]; toSchoolIds: readonly string[] }): Promise<Map<string, { id: string; toSchoolId: string }>> {
    const running = `x.kind = ANY($3::varchar[]) AND x.starts_on <= $4::date AND (x.ends_on IS NULL OR x.ends_on >= $4::date)`;
    const rows: { teacher_id: string; id: string; to_school_id: string }[] = await ctx.em.query(
      `SELECT DISTINCT ON (x.teacher_id) x.teacher_id, x.id, x.to_school_id FROM teacher_exchange x
        WHERE ${running} AND (x.teacher_id = ANY($1::uuid[]) OR x.teacher_id IN (SELECT x.teacher_id FROM teacher_exchange x WHERE ${running} AND x.to_school_id = ANY($2::uuid[])))
        ORDER BY x.teacher_id, x.starts_on DESC, x.id`,
      [[...new Set(which.teacherIds)], [...new Set(which.toSchoolIds)], kinds, day],
    );
    return new Map(rows.map((r) => [r.teacher_id, { id: r.id, toSchoolId: r.to_school_id }]));
  },

  /** Whether the teacher was on an exchange at the school that day (交流轮岗, 支教, 走教; the period's days inclusive). */
  async atSchoolOn(ctx: RequestContext, teacherId: string, schoolId: string, day: string): Promise<boolean> {
    const [row] = await ctx.em.query(
      `SELECT 1 FROM teacher_exchange e WHERE e.teacher_id = $1 AND e.to_school_id = $2 AND e.starts_on <= $3 AND (e.ends_on IS NULL OR e.ends_on >= $3) LIMIT 1`,
      [teacherId, schoolId, day],
    );
    return !!row;
  },

  /** Exchanges by their natural key (teacher, kind, first day), for the imports: the keys that exist, as `${teacher} ${kind} ${day}`. */
  async existingKeys(ctx: RequestContext, keys: readonly { teacherId: string; kind: string; startsOn: string }[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows: { key: string }[] = await ctx.em.query(
      `SELECT concat_ws(' ', e.teacher_id, e.kind, e.starts_on::text) AS key FROM teacher_exchange e
         JOIN unnest($1::uuid[], $2::text[], $3::date[]) AS k(t, kind, d) ON e.teacher_id = k.t AND e.kind = k.kind AND e.starts_on = k.d`,
      [keys.map((k) => k.teacherId), keys.map((k) => k.kind), keys.map((k) => k.startsOn)],
    );
    return new Set(rows.map((r) => r.key));
  },

  /**
   * Exchanges starting in [from, to] by kind, with the distinct teachers they sent (a teacher on two exchanges of a
   * kind counts once), for the groups given (only those going to `toSchoolId`, when given) or, with `regionId`, every
   * group of that region subtree; and key '' with the distinct teachers over all kinds.
   */
  async peopleByKind(ctx: RequestContext, scope: { groupIds: readonly string[]; toSchoolId?: string | null } | { regionId: string }, from: string, to: string): Promise<{ groupId: string | null; key: string; exchanges: number; teachers: number }[]> {
    const groups = 'regionId' in scope
      ? managesGroupSql('e.group_id', 'ARRAY[$1::uuid]', `'{}'::uuid[]`) // a group of the region subtree
      : `e.group_id = ANY($1::uuid[])${scope.toSchoolId ? ' AND e.to_school_id = $4' : ''}`;
    const byGroup = !('regionId' in scope);
    return ctx.em.query(
      `SELECT ${byGroup ? 'e.group_id' : 'NULL::uuid'} AS "groupId", coalesce(e.kind, '') AS key, count(*)::int AS exchanges, count(DISTINCT e.teacher_id)::int AS teachers
         FROM teacher_exchange e WHERE ${groups} AND e.starts_on BETWEEN $2 AND $3
        GROUP BY GROUPING SETS (${byGroup ? '(e.group_id, e.kind), (e.group_id)' : '(e.kind), ()'}) ORDER BY 1, 2`,
      byGroup ? [scope.groupIds, from, to, ...(scope.toSchoolId ? [scope.toSchoolId] : [])] : [scope.regionId, from, to],
    );
  },
};
