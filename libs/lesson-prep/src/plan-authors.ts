import type { EventBus, RequestContext } from '#app/core';
import type { LessonPlan } from './entities/lesson-prep.entity';
import { LessonPlanKind } from './enums';

/**
 * Who wrote a plan, to be told what became of it: a team plan's team (its active members, its leader and the main
 * preparer), an adaptation's owner.
 */
export async function planAuthorTeacherIds(tx: RequestContext, plan: LessonPlan): Promise<string[]> {
  if (plan.kind === LessonPlanKind.ADAPTATION) return plan.ownerTeacherId ? [plan.ownerTeacherId] : [];
  const rows: { id: string }[] = await tx.em.query(
    `SELECT m.teacher_id AS id FROM lesson_prep_team_member m WHERE m.team_id = $1 AND m.left_at IS NULL
     UNION SELECT t.leader_teacher_id FROM lesson_prep_team t WHERE t.id = $1
     UNION SELECT $2::uuid`,
    [plan.teamId, plan.mainPreparerTeacherId],
  );
  return rows.map((r) => r.id).sort();
}

/** Publishes `lesson-prep.plan.decided`: the plan was returned from review (with the note) or published. */
export async function tellPlanAuthors(tx: RequestContext, events: EventBus, plan: LessonPlan, decision: 'RETURNED' | 'PUBLISHED', note: string | null) {
  await events.publish(tx, 'lesson-prep.plan.decided', {
    planId: plan.id,
    groupId: plan.groupId,
    title: plan.title,
    version: plan.version,
    decision,
    note,
    authorTeacherIds: await planAuthorTeacherIds(tx, plan),
  });
}
