import type { RequestContext } from '#app/core';

/** What activity tells other contexts about teacher exchanges (it owns teacher_exchange; STYLE habit 13). */
export const Exchanges = {
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
};
