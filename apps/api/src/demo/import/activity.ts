import type { EntityManager } from 'typeorm';
import { insertRows } from '#app/core';
import { writeExchanges, writeStudentActivities, writeStudentActivitySchools } from '#app/activity';
import { ExchangeActivityPlan } from '../plans/activity';

/** Exchanges and student activities in bulk, through the activity context's row writers (no checks, no events); quotas as rows. */
export async function insertExchangesAndActivities(em: EntityManager, p: ExchangeActivityPlan): Promise<void> {
  await writeExchanges(em, p.exchanges.map((e) => ({ ...e, createdBy: null, updatedAt: e.createdAt })));
  await writeStudentActivities(em, p.activities.map((a) => ({ ...a, createdBy: null })));
  await writeStudentActivitySchools(em, p.activities.flatMap((a) => a.schoolIds.map((schoolId) => ({ activityId: a.id, schoolId }))));
  await insertRows(
    em,
    'rotation_quota',
    [['id', 'uuid'], ['group_id', 'uuid'], ['region_id', 'uuid'], ['year', 'int'], ['min_rotation_ratio', 'float8'], ['min_backbone_ratio', 'float8'], ['set_by', 'uuid'], ['updated_at', 'timestamptz']],
    p.quotas.map((q) => [q.id, null, q.regionId, q.year, q.minRotationRatio, q.minBackboneRatio, null, q.updatedAt]),
  );
}
