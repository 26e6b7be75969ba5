import type { RequestContext } from '#app/core';

/** What mentoring tells other contexts about its pairs (it owns mentoring_pair). */
export const MentoringPairs = {
  /** Pairs by their natural key (group, mentor, apprentice, subject, the day they started): id by `${group} ${mentor} ${apprentice} ${subject} ${day}`. */
  async byKeys(ctx: RequestContext, keys: readonly { groupId: string; mentorId: string; apprenticeId: string; subject: string; startedOn: string }[]): Promise<Map<string, string>> {
    if (!keys.length) return new Map();
    const rows: { id: string; key: string }[] = await ctx.em.query(
      `SELECT p.id, concat_ws(' ', p.group_id, p.mentor_teacher_id, p.apprentice_teacher_id, p.subject, p.activated_on::text) AS key FROM mentoring_pair p
         JOIN unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[]) AS k(g, m, a, s, d)
           ON p.group_id = k.g AND p.mentor_teacher_id = k.m AND p.apprentice_teacher_id = k.a AND p.subject = k.s AND p.activated_on = k.d`,
      [keys.map((k) => k.groupId), keys.map((k) => k.mentorId), keys.map((k) => k.apprenticeId), keys.map((k) => k.subject), keys.map((k) => k.startedOn)],
    );
    return new Map(rows.map((r) => [r.key, r.id]));
  },
};
