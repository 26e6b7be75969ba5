import type { RequestContext } from '#app/core';

/** What identity tells other contexts about accounts (it owns app_user; STYLE habit 13). */
export const Accounts = {
  /**
   * The active (not deactivated) accounts linked to these teacher profiles (app_user.teacher_id): who can be told
   * something about a teacher. A teacher without an account is absent; one with two accounts has both.
   */
  async ofTeachers(ctx: RequestContext, teacherIds: readonly string[]): Promise<{ userId: string; teacherId: string }[]> {
    if (!teacherIds.length) return [];
    const rows: { id: string; teacher_id: string }[] = await ctx.em.query(
      `SELECT u.id, u.teacher_id FROM app_user u WHERE u.teacher_id = ANY($1::uuid[]) AND u.deactivated_at IS NULL ORDER BY u.id`,
      [[...new Set(teacherIds)]],
    );
    return rows.map((r) => ({ userId: r.id, teacherId: r.teacher_id }));
  },
};
