import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '#app/core';
import { groupRegionPathOf, regionPathOf } from '#app/organisation';

/** The all-zero id stands for "no school" in group-total and region rows. */
export const NO_SCHOOL = '00000000-0000-0000-0000-000000000000';

/** Rollup scopes: a group's totals, a group's row per member school, a region (every ancestor gets a copy); g, s and r are G, S and R per month. */
export type RollupScope = 'G' | 'S' | 'R' | 'g' | 's' | 'r';
const GROUP_SCOPES = new Set(['G', 'S', 'g', 's']);

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
 * The rollup projection (rollup-projection.ts) calls `bump` from the in-transaction handlers of domain events;
 * the row upsert also serialises concurrent writers per row.
 * A transaction that changes a group's rows also changes the group's revision (group_rollup_revision), at its
 * end, so dashboards may cache a group's figures by revision (ReportsService).
 */
@Injectable()
export class RollupService {
  /** Only bench:dashboards turns this off (BENCH_DISABLE_ROLLUPS=1), to measure what the rollups cost writers. */
  enabled = process.env.BENCH_DISABLE_ROLLUPS !== '1';
  /** Groups whose rows each open transaction has changed so far. */
  private readonly touched = new WeakMap<RequestContext, Set<string>>();

  async bump(tx: RequestContext, deltas: RollupDelta[]): Promise<void> {
    if (!this.enabled) return;
    if (!tx.inTransaction) throw new Error('rollups are bumped inside the transaction of the record they count');
    const merged = new Map<string, RollupDelta & { scope: string }>();
    // Every row is also kept per month (scopes g, s, r): a period of whole months, or a stock up to a date, reads
    // month rows and only the edge days.
    const monthly = deltas.map((d) => ({ ...d, scope: d.scope.toLowerCase() as RollupScope, day: d.day.slice(0, 8) + '01' }));
    for (const d of [...deltas, ...monthly]) {
      if (!d.delta) continue;
      const k = [d.scope, d.scopeId, d.schoolId ?? NO_SCHOOL, d.day, d.metric, d.key ?? ''].join('|');
      const prev = merged.get(k);
      merged.set(k, prev ? { ...prev, delta: prev.delta + d.delta } : d);
    }
    if (!merged.size) return;
    await this.touchGroups(tx, [...merged.values()].filter((d) => GROUP_SCOPES.has(d.scope)).map((d) => d.scopeId));
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

  private async touchGroups(tx: RequestContext, groupIds: string[]) {
    if (!groupIds.length) return;
    // a transaction opened some other way: no end-of-transaction hook will run, so renew the revisions now
    if (!tx.commitHooks) return bumpGroupRevisions(tx.em, groupIds);
    if (!this.touched.has(tx)) {
      this.touched.set(tx, new Set());
      // Once, at the end of the transaction: the revision row is locked until commit, so writers of one group
      // queue there only for the last moments of their transactions.
      tx.beforeCommit.push(() => bumpGroupRevisions(tx.em, [...this.touched.get(tx)!]));
    }
    for (const id of groupIds) this.touched.get(tx)!.add(id);
  }

  /** Region rows for every ancestor of `regionId`: a region fact is counted in every ancestor. */
  async forRegion(tx: RequestContext, regionId: string, fact: Omit<RollupDelta, 'scope' | 'scopeId'>): Promise<RollupDelta[]> {
    return regionRows(await regionPathOf(tx, regionId), fact);
  }

  /** A group fact: the group's total, its row for each school given, and every ancestor region of the group's region. */
  async forGroup(tx: RequestContext, groupId: string, fact: Omit<RollupDelta, 'scope' | 'scopeId' | 'schoolId'>, schoolIds: string[]): Promise<RollupDelta[]> {
    return groupRows(groupId, await groupRegionPathOf(tx, groupId), fact, schoolIds);
  }
}

/** A fact's rows for every region of `path` (the ids from the root down). */
export const regionRows = (path: string[], fact: Omit<RollupDelta, 'scope' | 'scopeId'>): RollupDelta[] => path.map((id) => ({ ...fact, scope: 'R' as const, scopeId: id }));

/** A group fact's rows: the group's total, its row for each school given, and every region of the group's `path`. */
export const groupRows = (groupId: string, path: string[], fact: Omit<RollupDelta, 'scope' | 'scopeId' | 'schoolId'>, schoolIds: string[]): RollupDelta[] => [
  { ...fact, scope: 'G', scopeId: groupId },
  ...schoolIds.map((schoolId) => ({ ...fact, scope: 'S' as const, scopeId: groupId, schoolId })),
  ...regionRows(path, fact),
];

/**
 * Gives each group a new revision (the writing transaction's id, which never repeats). Sorted, so concurrent
 * writers of several groups lock the rows in the same order. `null` renews every group (after a rebuild).
 */
export async function bumpGroupRevisions(em: EntityManager, groupIds: string[] | null): Promise<void> {
  await em.query(
    `INSERT INTO group_rollup_revision (group_id, revision)
     SELECT DISTINCT id, pg_current_xact_id()::text::bigint FROM (${groupIds ? 'SELECT unnest($1::uuid[]) AS id' : 'SELECT id FROM school_group'}) g ORDER BY id
     ON CONFLICT (group_id) DO UPDATE SET revision = EXCLUDED.revision`,
    groupIds ? [groupIds] : [],
  );
}
