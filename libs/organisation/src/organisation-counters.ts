import { Injectable } from '@nestjs/common';
import { Metric, RollupService, type RequestContext, type RollupDelta } from '../../core/src';
import { GroupKind, isCompulsoryStage, SchoolStage } from './enums';
import type { SchoolGroup } from './entities/school-group.entity';

interface SchoolFacts {
  id: string;
  regionId: string;
  stage: SchoolStage;
  studentCount: number;
}

const compulsory = (s: SchoolFacts) => isCompulsoryStage(s.stage);

/** Compulsory totals describe the schools as they are now: they are dated at the start of the records. */
export const RECORDS_START = '2000-01-01';

/**
 * Keeps the organisation's counters (coverage, compulsory totals, groups and consortia) in the rollups, in the
 * transaction of each change. Coverage is a stock: +1 on the day a compulsory school joins a consortium,
 * −1 on the day it leaves. Figures use each school's current facts (stage, region, students), as a query
 * over the base tables would: when a school's facts change, its whole membership history is re-counted.
 */
@Injectable()
export class OrganisationCounters {
  constructor(private readonly rollups: RollupService) {}

  private async share(tx: RequestContext, s: SchoolFacts, day: string, sign: number, metrics: [string, string]): Promise<RollupDelta[]> {
    if (!compulsory(s) || !sign) return [];
    return [
      ...(await this.rollups.forRegion(tx, s.regionId, { day, metric: metrics[0], delta: sign })),
      ...(await this.rollups.forRegion(tx, s.regionId, { day, metric: metrics[1], delta: sign * s.studentCount })),
    ];
  }

  /** The school's contribution to every counter, with the given sign (+1 to add it, −1 to take it back). */
  private async contribution(tx: RequestContext, s: SchoolFacts, sign: 1 | -1): Promise<RollupDelta[]> {
    const deltas = await this.share(tx, s, RECORDS_START, sign, [Metric.CompulsorySchools, Metric.CompulsoryStudents]);
    const memberships: { joined_on: string; left_on: string | null }[] = await tx.em.query(
      `SELECT joined_on, left_on FROM group_membership WHERE school_id = $1 AND group_kind = 'CONSORTIUM'`,
      [s.id],
    );
    for (const m of memberships) {
      deltas.push(...(await this.share(tx, s, m.joined_on, sign, [Metric.CoveredSchools, Metric.CoveredStudents])));
      if (m.left_on) deltas.push(...(await this.share(tx, s, m.left_on, -sign, [Metric.CoveredSchools, Metric.CoveredStudents])));
    }
    return deltas;
  }

  async schoolCreated(tx: RequestContext, s: SchoolFacts) {
    await this.rollups.bump(tx, await this.share(tx, s, RECORDS_START, 1, [Metric.CompulsorySchools, Metric.CompulsoryStudents]));
  }

  async schoolChanged(tx: RequestContext, before: SchoolFacts, after: SchoolFacts) {
    if (before.regionId === after.regionId && before.stage === after.stage && before.studentCount === after.studentCount) return;
    await this.rollups.bump(tx, [...(await this.contribution(tx, before, -1)), ...(await this.contribution(tx, after, 1))]);
  }

  async groupCreated(tx: RequestContext, g: SchoolGroup) {
    const day = g.foundedOn;
    const deltas = await this.rollups.forRegion(tx, g.regionId, { day, metric: Metric.Groups, key: g.kind, delta: 1 });
    if (g.kind === GroupKind.CONSORTIUM) {
      deltas.push(...(await this.rollups.forRegion(tx, g.regionId, { day, metric: Metric.Consortia, key: g.mode ?? '', delta: 1 })));
      if (g.level) deltas.push(...(await this.rollups.forRegion(tx, g.regionId, { day, metric: Metric.ConsortiaByLevel, key: g.level, delta: 1 })));
    }
    await this.rollups.bump(tx, deltas);
  }

  /** A school joined (sign 1, day = joinedOn) or left (sign -1, day = leftOn) a group. */
  async membershipChanged(tx: RequestContext, kind: GroupKind, schoolId: string, day: string, sign: 1 | -1) {
    if (kind !== GroupKind.CONSORTIUM) return;
    const [row] = await tx.em.query(`SELECT id, region_id AS "regionId", stage, student_count AS "studentCount" FROM school WHERE id = $1`, [schoolId]);
    await this.rollups.bump(tx, await this.share(tx, row, day, sign, [Metric.CoveredSchools, Metric.CoveredStudents]));
  }
}
