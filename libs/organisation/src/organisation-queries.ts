import type { RequestContext } from '#app/core';
import type { SchoolFacts } from './events';

/** What other contexts ask of the organisation's tables (STYLE habit 13): regions above a place, a school's facts and history. */

/** The ids from the root to `regionId` (inclusive). */
export async function regionPathOf(ctx: RequestContext, regionId: string): Promise<string[]> {
  const [row] = await ctx.em.query(`SELECT path FROM region WHERE id = $1`, [regionId]);
  return row?.path ?? [];
}

/** The ids from the root to the group's region (inclusive). */
export async function groupRegionPathOf(ctx: RequestContext, groupId: string): Promise<string[]> {
  const [row] = await ctx.em.query(`SELECT r.path FROM school_group g JOIN region r ON r.id = g.region_id WHERE g.id = $1`, [groupId]);
  return row?.path ?? [];
}

export async function schoolFactsOf(ctx: RequestContext, schoolId: string): Promise<SchoolFacts> {
  const [row] = await ctx.em.query(`SELECT id, region_id AS "regionId", stage, student_count AS "studentCount" FROM school WHERE id = $1`, [schoolId]);
  return row;
}

/** Every consortium membership the school has had (history kept), with its days. */
export function consortiumMembershipsOf(ctx: RequestContext, schoolId: string): Promise<{ joined_on: string; left_on: string | null }[]> {
  return ctx.em.query(`SELECT joined_on, left_on FROM group_membership WHERE school_id = $1 AND group_kind = 'CONSORTIUM'`, [schoolId]);
}
