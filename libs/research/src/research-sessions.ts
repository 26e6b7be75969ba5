import type { RequestContext } from '#app/core';
import { ResearchSessionStatus, ResearchSessionType } from './enums';

/** What research tells other contexts about its sessions (it owns research_session; STYLE habit 13). */
export interface SessionNoticeFacts {
  id: string;
  title: string;
  status: ResearchSessionStatus;
  startsAt: Date;
  endsAt: Date;
  invitedSchoolIds: string[];
  invitedTeacherIds: string[];
}

export const ResearchSessions = {
  /** Sessions as a notice about them needs them now: title, status, time, who is invited (schools and teachers by name). */
  async noticeFacts(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, SessionNoticeFacts>> {
    if (!ids.length) return new Map();
    const rows: any[] = await ctx.em.query(
      `SELECT rs.id, rs.title, rs.status, rs.starts_at, rs.ends_at,
              coalesce((SELECT array_agg(x.school_id) FROM research_session_school x WHERE x.session_id = rs.id), '{}') AS schools,
              coalesce((SELECT array_agg(y.teacher_id) FROM research_session_teacher y WHERE y.session_id = rs.id), '{}') AS teachers
         FROM research_session rs WHERE rs.id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(
      rows.map((r) => [r.id, { id: r.id, title: r.title, status: r.status, startsAt: r.starts_at, endsAt: r.ends_at, invitedSchoolIds: r.schools, invitedTeacherIds: r.teachers }]),
    );
  },

  /** The live collective-preparation sessions (集体备课) that link the lesson plan, by id: its changes go into their logs. */
  async liveCollectivePrepLinking(ctx: RequestContext, planId: string): Promise<string[]> {
    const rows: { id: string }[] = await ctx.em.query(
      `SELECT id FROM research_session WHERE status = $2 AND type = $3 AND lesson_plan_ids @> ARRAY[$1]::uuid[] ORDER BY id`,
      [planId, ResearchSessionStatus.LIVE, ResearchSessionType.COLLECTIVE_PREP],
    );
    return rows.map((r) => r.id);
  },

  /** Sessions by their natural key (group, title, start), for the imports: id by `${groupId} ${title} ${startsAt ISO}`. */
  async byKeys(ctx: RequestContext, keys: readonly { groupId: string; title: string; startsAt: string }[]): Promise<Map<string, string>> {
    if (!keys.length) return new Map();
    const rows: { id: string; group_id: string; title: string; starts_at: Date }[] = await ctx.em.query(
      `SELECT rs.id, rs.group_id, rs.title, rs.starts_at FROM research_session rs
         JOIN unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS k(group_id, title, starts_at) ON rs.group_id = k.group_id AND rs.title = k.title AND rs.starts_at = k.starts_at`,
      [keys.map((k) => k.groupId), keys.map((k) => k.title), keys.map((k) => k.startsAt)],
    );
    return new Map(rows.map((r) => [`${r.group_id} ${r.title} ${r.starts_at.toISOString()}`, r.id]));
  },
};
