import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../context/request-context';

/** The all-zero id stands for "no school" in group-total and region rows. */
export const NO_SCHOOL = '00000000-0000-0000-0000-000000000000';

/** Rollup scopes: a group's totals, a group's row per member school, a region (every ancestor gets a copy); g and s are G and S per month. */
export type RollupScope = 'G' | 'S' | 'R' | 'g' | 's';

export interface RollupDelta {
  scope: RollupScope;
  scopeId: string;
  schoolId?: string;
  /** Calendar day (China time) the fact belongs to. Flows are summed over [from, to]; stocks over days ≤ asOf. */
  day: string;
  metric: string;
  key?: string;
  delta: number;
}

/**
 * Counters kept current in the transaction of the record they count (issue: reports). One table at day grain,
 * so any period is exact, and dashboards read a few hundred rows instead of scanning base tables.
 * Writers call `bump` inside their transaction; the row upsert also serialises concurrent writers per row.
 */
@Injectable()
export class RollupService {
  /** Only bench:dashboards turns this off (BENCH_DISABLE_ROLLUPS=1), to measure what the rollups cost writers. */
  enabled = process.env.BENCH_DISABLE_ROLLUPS !== '1';

  async bump(tx: RequestContext, deltas: RollupDelta[]): Promise<void> {
    if (!this.enabled) return;
    if (!tx.inTransaction) throw new Error('rollups are bumped inside the transaction of the record they count');
    const merged = new Map<string, RollupDelta & { scope: string }>();
    // Group rows are also kept per month (scopes g and s), so a period of whole months reads 30× fewer rows.
    const monthly = deltas.filter((d) => d.scope !== 'R').map((d) => ({ ...d, scope: d.scope.toLowerCase() as RollupScope, day: d.day.slice(0, 8) + '01' }));
    for (const d of [...deltas, ...monthly]) {
      if (!d.delta) continue;
      const k = [d.scope, d.scopeId, d.schoolId ?? NO_SCHOOL, d.day, d.metric, d.key ?? ''].join('|');
      const prev = merged.get(k);
      merged.set(k, prev ? { ...prev, delta: prev.delta + d.delta } : d);
    }
    if (!merged.size) return;
    // Sorted so concurrent transactions lock rows in the same order (no deadlocks).
    const rows = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d);
    await tx.em.query(
      `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
       SELECT * FROM unnest($1::char(1)[], $2::uuid[], $3::uuid[], $4::date[], $5::varchar[], $6::varchar[], $7::bigint[])
       ON CONFLICT (scope, scope_id, day, metric, key, school_id) DO UPDATE SET value = activity_rollup.value + EXCLUDED.value`,
      [
        rows.map((d) => d.scope),
        rows.map((d) => d.scopeId),
        rows.map((d) => d.schoolId ?? NO_SCHOOL),
        rows.map((d) => d.day),
        rows.map((d) => d.metric),
        rows.map((d) => d.key ?? ''),
        rows.map((d) => d.delta),
      ],
    );
  }

  /** The ids from the root to `regionId` (inclusive): a region fact is counted in every ancestor. */
  async regionPath(tx: RequestContext, regionId: string): Promise<string[]> {
    const [row] = await tx.em.query(`SELECT path FROM region WHERE id = $1`, [regionId]);
    return row?.path ?? [];
  }

  /** Region rows for every ancestor of `regionId`. */
  async forRegion(tx: RequestContext, regionId: string, fact: Omit<RollupDelta, 'scope' | 'scopeId'>): Promise<RollupDelta[]> {
    return (await this.regionPath(tx, regionId)).map((id) => ({ ...fact, scope: 'R' as const, scopeId: id }));
  }

  /** A group fact: the group's total, its row for each school given, and every ancestor region of the group's region. */
  async forGroup(tx: RequestContext, groupId: string, fact: Omit<RollupDelta, 'scope' | 'scopeId' | 'schoolId'>, schoolIds: string[]): Promise<RollupDelta[]> {
    const [group] = await tx.em.query(`SELECT region_id FROM school_group WHERE id = $1`, [groupId]);
    return [
      { ...fact, scope: 'G', scopeId: groupId },
      ...schoolIds.map((schoolId) => ({ ...fact, scope: 'S' as const, scopeId: groupId, schoolId })),
      ...(await this.forRegion(tx, group.region_id, fact)),
    ];
  }
}
