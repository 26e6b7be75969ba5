import type { EntityManager } from 'typeorm';
import { writeStudentActivities, writeStudentActivitySchools } from '#app/activity';
import { activeMemberSchoolSql } from '#app/organisation';
import type { StudentActivityPlan } from '../plans/activity';

/**
 * The student activities that are volume, not story, in bulk through the activity context's row writers (no
 * checks, no events: the rollups are rebuilt after); then the rule StudentActivityService keeps for each (the
 * schools taking part are active members of the group), checked on the rows written, with the service's predicate.
 */
export async function insertStudentActivities(em: EntityManager, activities: readonly StudentActivityPlan[]): Promise<void> {
  await writeStudentActivities(em, activities.map((a) => ({ ...a, createdBy: null })));
  await writeStudentActivitySchools(em, activities.flatMap((a) => a.schoolIds.map((schoolId) => ({ activityId: a.id, schoolId }))));
  const [outsider]: { title: string; school_id: string }[] = await em.query(
    `SELECT a.title, x.school_id FROM student_activity a JOIN student_activity_school x ON x.activity_id = a.id
      WHERE a.id = ANY($1::uuid[]) AND NOT ${activeMemberSchoolSql('x.school_id', 'a.group_id')} LIMIT 1`,
    [activities.map((a) => a.id)],
  );
  if (outsider) throw new Error(`demo: student activity ${outsider.title}: school ${outsider.school_id} is not an active member of the group`);
}
