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
};
