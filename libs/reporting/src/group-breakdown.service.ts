import { Injectable } from '@nestjs/common';
import { wholeMonths, type RequestContext } from '#app/core';
import { AccessService, managesGroupSql, type ConsortiumMode, type GroupKind, type GroupLevel } from '#app/organisation';
import { GROUP_COUNTERS } from './metric-registry';
import { GroupBreakdownRow, RegionGroupBreakdown } from './models';
import { checkPeriod, FLOW_PARAMS, FLOWS, figureValues, periodRows, STOCKS } from './reports.service';

// the group rows (g month rows, G day rows) of a set of groups ($1 an array of ids)
const GROUPS_FLOWS = periodRows('scope_id, metric, value', { monthScopes: "'g'", dayScopes: "'G'", ...FLOW_PARAMS, id: 'ANY($1::uuid[])' });

/**
 * One row per group of a region subtree (its counters as groupActivitySummary gives them), for the bureaus: which
 * consortium did what in the period. Three statements: the scope check, the groups, their figures.
 */
@Injectable()
export class GroupBreakdownService {
  constructor(private readonly access: AccessService) {}

  async regionGroupBreakdown(ctx: RequestContext, regionId: string, from: string, to: string): Promise<RegionGroupBreakdown> {
    checkPeriod(from, to);
    await this.access.requireRegions(ctx, [regionId]);
    // the groups that existed in the period, with their profile and members on `to` (consortia first, by name)
    const groups: { id: string; kind: GroupKind; mode: ConsortiumMode | null; level: GroupLevel | null; members: number }[] = await ctx.em.query(
      `SELECT g.id, g.kind, p.mode, p.level,
              (SELECT count(*) FROM group_membership m WHERE m.group_id = g.id AND m.joined_on <= $3 AND (m.left_on IS NULL OR m.left_on > $3))::int AS members
         FROM school_group g
         LEFT JOIN LATERAL (SELECT p.mode, p.level FROM school_group_profile p WHERE p.group_id = g.id AND p.valid_from <= $3 ORDER BY p.valid_from DESC LIMIT 1) p ON true
        WHERE ${managesGroupSql('g.id', 'ARRAY[$1::uuid]', `'{}'::uuid[]`)} AND g.founded_on <= $3 AND (g.dissolved_on IS NULL OR g.dissolved_on > $2)
        ORDER BY g.kind <> 'CONSORTIUM', g.name, g.id`,
      [regionId, from, to],
    );
    const breakdown = Object.assign(new RegionGroupBreakdown(), { regionId, from, to, rows: [] as GroupBreakdownRow[] });
    if (!groups.length) return breakdown;
    const [fullFrom, fullTo] = wholeMonths(from, to);
    const figures: { group_id: string; metric: string; v: number }[] = await ctx.em.query(
      `SELECT scope_id AS group_id, metric, sum(value)::bigint AS v FROM (${GROUPS_FLOWS}) f GROUP BY 1, 2
       UNION ALL
       SELECT scope_id, metric, sum(value)::bigint FROM activity_rollup
        WHERE scope = 'G' AND scope_id = ANY($1::uuid[]) AND day <= $3 AND metric = ANY($7) GROUP BY 1, 2`,
      [groups.map((g) => g.id), from, to, FLOWS, fullFrom, fullTo, STOCKS],
    );
    breakdown.rows = groups.map((g) => {
      const mine = figures.filter((f) => f.group_id === g.id);
      return Object.assign(new GroupBreakdownRow(), {
        groupId: g.id,
        kind: g.kind,
        mode: g.mode,
        level: g.level,
        memberSchools: g.members,
        ...figureValues(GROUP_COUNTERS, (f) => mine.filter((r) => r.metric === f.metric).reduce((a, r) => a + Number(r.v), 0)),
      });
    });
    return breakdown;
  }
}
