import type { EntityManager } from 'typeorm';
import { insertRows } from './rows';
import { MentoringPlan } from '../plans/mentoring';

export async function insertMentoring(em: EntityManager, mp: MentoringPlan): Promise<void> {
  await insertRows(
    em,
    'mentoring_pair',
    [
      ['id', 'uuid'], ['group_id', 'uuid'], ['mentor_teacher_id', 'uuid'], ['apprentice_teacher_id', 'uuid'], ['subject', 'varchar'], ['status', 'varchar'], ['proposed_by', 'varchar'],
      ['proposed_by_user', 'uuid'], ['goals', 'varchar[]'], ['planned_end_on', 'date'], ['response_note', 'varchar'], ['activated_on', 'date'], ['ended_on', 'date'], ['evaluation', 'text'],
      ['dissolve_reason', 'varchar'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
    mp.pairs.map((p) => [
      p.id, p.groupId, p.mentorId, p.apprenticeId, p.subject, p.status, p.proposedBy, null, p.goals, p.plannedEndOn, p.responseNote, p.activatedOn, p.endedOn, p.evaluation,
      p.dissolveReason, p.createdAt, p.updatedAt,
    ]),
  );
  await insertRows(
    em,
    'mentoring_activity',
    [['id', 'uuid'], ['pair_id', 'uuid'], ['kind', 'varchar'], ['occurred_on', 'date'], ['duration_minutes', 'int'], ['notes', 'text'], ['logged_by_teacher_id', 'uuid'], ['created_at', 'timestamptz']],
    mp.activities.map((a) => [a.id, a.pairId, a.kind, a.occurredOn, a.durationMinutes, a.notes, a.loggedBy, a.createdAt]),
  );
  await insertRows(
    em,
    'mentoring_evaluation',
    [['id', 'uuid'], ['pair_id', 'uuid'], ['period', 'varchar'], ['scores', 'jsonb'], ['comment', 'varchar'], ['evaluated_by', 'uuid'], ['created_at', 'timestamptz']],
    mp.evaluations.map((e) => [e.id, e.pairId, e.period, JSON.stringify(e.scores), e.comment, null, e.createdAt]),
  );
}
