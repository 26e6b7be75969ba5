import type { EntityManager } from 'typeorm';
import { documentTerms } from '#app/lesson-prep';
import { LessonPlanKind } from '#app/lesson-prep';
import { insertRows } from './rows';
import { LessonPrepPlan } from '../plans/lesson-prep';

export async function insertLessonPrep(em: EntityManager, p: LessonPrepPlan): Promise<void> {
  // An account someone else created with a demo email (left alone by insertAccounts) is not the demo's: its
  // authorship falls back to the teacher, and comments need an author.
  const userIds = [...new Set([...p.revisions.map((r) => r.authorUserId), ...p.comments.map((c) => c.authorUserId), ...p.plans.map((x) => x.createdBy)].filter((x): x is string => !!x))];
  const present = new Set(((await em.query('SELECT id FROM app_user WHERE id = ANY($1::uuid[])', [userIds])) as { id: string }[]).map((r) => r.id));
  const user = (id: string | null) => (id && present.has(id) ? id : null);
  const comments = p.comments.filter((c) => present.has(c.authorUserId) && (!c.parentId || p.comments.some((x) => x.id === c.parentId && present.has(x.authorUserId))));

  await insertRows(
    em,
    'lesson_prep_team',
    [['id', 'uuid'], ['group_id', 'uuid'], ['name', 'varchar'], ['subject', 'varchar'], ['grade', 'varchar'], ['leader_teacher_id', 'uuid'], ['reviewer_teacher_id', 'uuid'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    p.teams.map((t) => [t.id, t.groupId, t.name, t.subject, t.grade, t.leaderId, t.reviewerId, user(t.createdBy), t.createdAt, t.createdAt]),
  );
  await insertRows(
    em,
    'lesson_prep_team_member',
    [['id', 'uuid'], ['team_id', 'uuid'], ['teacher_id', 'uuid'], ['joined_at', 'timestamptz'], ['left_at', 'timestamptz'], ['added_by', 'uuid'], ['removed_by', 'uuid']],
    p.members.map((m) => [m.id, m.teamId, m.teacherId, m.joinedAt, m.leftAt, null, null]),
  );
  // Team plans before the adaptations that point at them.
  const plans = [...p.plans.filter((x) => x.kind === LessonPlanKind.TEAM), ...p.plans.filter((x) => x.kind === LessonPlanKind.ADAPTATION)];
  await insertRows(
    em,
    'lesson_plan',
    [
      ['id', 'uuid'], ['group_id', 'uuid'], ['kind', 'varchar'], ['team_id', 'uuid'], ['owner_teacher_id', 'uuid'], ['source_plan_id', 'uuid'], ['source_version', 'int'], ['school_id', 'uuid'],
      ['main_preparer_teacher_id', 'uuid'], ['title', 'varchar'], ['subject', 'varchar'], ['grade', 'varchar'], ['unit', 'varchar'], ['objectives', 'text'], ['key_points', 'text'], ['content', 'text'],
      ['resources', 'jsonb'], ['status', 'varchar'], ['version', 'int'], ['published_version', 'int'], ['first_published_at', 'timestamptz'], ['review_note', 'varchar'], ['reviewed_by', 'uuid'],
      ['reviewed_at', 'timestamptz'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
    plans.map((x) => [
      x.id, x.groupId, x.kind, x.teamId, x.ownerId, x.sourcePlanId, x.sourceVersion, x.schoolId, x.mainPreparerId, x.title, x.subject, x.grade, x.unit, x.objectives, x.keyPoints, x.content,
      JSON.stringify(x.resources), x.status, x.version, x.publishedVersion, x.firstPublishedAt, x.reviewNote, user(x.reviewedBy), x.reviewedAt, user(x.createdBy), x.createdAt, x.updatedAt,
    ]),
  );
  // The search vector exactly as LessonPlansService writes it: array_to_tsvector(documentTerms(...)).
  await insertRows(
    em,
    'lesson_plan_revision',
    [
      ['plan_id', 'uuid'], ['version', 'int'], ['title', 'varchar'], ['unit', 'varchar'], ['objectives', 'text'], ['key_points', 'text'], ['content', 'text'], ['resources', 'jsonb'], ['note', 'varchar'],
      ['author_user_id', 'uuid'], ['author_teacher_id', 'uuid'], ['created_at', 'timestamptz'], ['published_at', 'timestamptz'], ['search_vector', 'tsterms'],
    ],
    p.revisions.map((r) => [
      r.planId, r.version, r.title, r.unit, r.objectives, r.keyPoints, r.content, JSON.stringify(r.resources), r.note, user(r.authorUserId), r.authorTeacherId, r.createdAt, r.publishedAt,
      documentTerms(r.title, r.unit, r.objectives, r.keyPoints, r.content),
    ]),
  );
  await insertRows(
    em,
    'lesson_plan_comment',
    [['id', 'uuid'], ['plan_id', 'uuid'], ['version', 'int'], ['parent_id', 'uuid'], ['anchor', 'jsonb'], ['text', 'varchar'], ['author_user_id', 'uuid'], ['author_teacher_id', 'uuid'], ['created_at', 'timestamptz'], ['resolved_at', 'timestamptz'], ['resolved_by', 'uuid']],
    comments.map((c) => [c.id, c.planId, c.version, c.parentId, c.anchor && JSON.stringify(c.anchor), c.text, c.authorUserId, c.authorTeacherId, c.createdAt, c.resolvedAt, user(c.resolvedBy)]),
  );
  await insertRows(
    em,
    'lesson_plan_adoption',
    [
      ['id', 'uuid'], ['plan_id', 'uuid'], ['version', 'int'], ['adaptation_id', 'uuid'], ['group_id', 'uuid'], ['school_id', 'uuid'], ['teacher_id', 'uuid'], ['taught_on', 'date'], ['class_name', 'varchar'],
      ['reflection', 'text'], ['recorded_by', 'uuid'], ['created_at', 'timestamptz'],
    ],
    p.adoptions.map((a) => [a.id, a.planId, a.version, a.adaptationId, a.groupId, a.schoolId, a.teacherId, a.taughtOn, a.className, a.reflection, user(a.recordedBy), a.createdAt]),
  );
}
