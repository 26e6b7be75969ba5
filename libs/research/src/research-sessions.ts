import type { RequestContext } from '#app/core';
import { ResearchSessionStatus, ResearchSessionType } from './enums';

/** What research tells other contexts about its sessions (it owns research_session; STYLE habit 13). */
export const ResearchSessions = {
  /** The live collective-preparation sessions (集体备课) that link the lesson plan, by id: its changes go into their logs. */
  async liveCollectivePrepLinking(ctx: RequestContext, planId: string): Promise<string[]> {
    const rows: { id: string }[] = await ctx.em.query(
      `SELECT id FROM research_session WHERE status = $2 AND type = $3 AND lesson_plan_ids @> ARRAY[$1]::uuid[] ORDER BY id`,
      [planId, ResearchSessionStatus.LIVE, ResearchSessionType.COLLECTIVE_PREP],
    );
    return rows.map((r) => r.id);
  },
};
