import { rowWriter, type RowOf } from '#app/core';
import { MentoringActivity, MentoringEvaluation, MentoringPair } from './entities/mentoring.entity';

export type PairRow = RowOf<MentoringPair, 'createdAt' | 'updatedAt'>;
export type ActivityRow = RowOf<MentoringActivity, 'createdAt'>;
export type EvaluationRow = RowOf<MentoringEvaluation, 'createdAt'>;

/** Mentoring's row writers (see rowWriter), for MentoringService and bulk loads. */
export const writePairs = rowWriter<PairRow>('mentoring_pair', {
  id: 'uuid',
  groupId: 'uuid',
  mentorTeacherId: 'uuid',
  apprenticeTeacherId: 'uuid',
  subject: 'varchar',
  status: 'varchar',
  proposedBy: 'varchar',
  proposedByUser: 'uuid',
  goals: 'varchar[]',
  plannedEndOn: 'date',
  responseNote: 'varchar',
  activatedOn: 'date',
  endedOn: 'date',
  evaluation: 'text',
  dissolveReason: 'varchar',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
});

export const writeActivities = rowWriter<ActivityRow>('mentoring_activity', {
  id: 'uuid',
  pairId: 'uuid',
  kind: 'varchar',
  occurredOn: 'date',
  durationMinutes: 'int',
  notes: 'text',
  loggedByTeacherId: 'uuid',
  createdAt: 'timestamptz',
});

export const writeEvaluations = rowWriter<EvaluationRow>('mentoring_evaluation', {
  id: 'uuid',
  pairId: 'uuid',
  period: 'varchar',
  scores: 'jsonb',
  comment: 'varchar',
  evaluatedBy: 'uuid',
  createdAt: 'timestamptz',
});
