import type { EntityManager } from 'typeorm';
import { insertRows } from '#app/core';
import { ExchangeActivityPlan } from '../plans/activity';

export async function insertExchangesAndActivities(em: EntityManager, p: ExchangeActivityPlan): Promise<void> {
  await insertRows(
    em,
    'teacher_exchange',
    [
      ['id', 'uuid'], ['group_id', 'uuid'], ['teacher_id', 'uuid'], ['from_school_id', 'uuid'], ['to_school_id', 'uuid'], ['kind', 'varchar'], ['starts_on', 'date'], ['ends_on', 'date'],
      ['note', 'varchar'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
    p.exchanges.map((e) => [e.id, e.groupId, e.teacherId, e.fromSchoolId, e.toSchoolId, e.kind, e.startsOn, e.endsOn, e.note, null, e.createdAt, e.createdAt]),
  );
  await insertRows(
    em,
    'student_activity',
    [['id', 'uuid'], ['group_id', 'uuid'], ['title', 'varchar'], ['type', 'varchar'], ['participant_count', 'int'], ['held_on', 'date'], ['description', 'varchar'], ['created_by', 'uuid'], ['created_at', 'timestamptz']],
    p.activities.map((a) => [a.id, a.groupId, a.title, a.type, a.participantCount, a.heldOn, a.description, null, a.createdAt]),
  );
  await insertRows(
    em,
    'student_activity_school',
    [['activity_id', 'uuid'], ['school_id', 'uuid']],
    p.activities.flatMap((a) => a.schoolIds.map((schoolId) => [a.id, schoolId])),
  );
  await insertRows(
    em,
    'rotation_quota',
    [['id', 'uuid'], ['group_id', 'uuid'], ['region_id', 'uuid'], ['year', 'int'], ['min_rotation_ratio', 'float8'], ['min_backbone_ratio', 'float8'], ['set_by', 'uuid'], ['updated_at', 'timestamptz']],
    p.quotas.map((q) => [q.id, null, q.regionId, q.year, q.minRotationRatio, q.minBackboneRatio, null, q.updatedAt]),
  );
}
