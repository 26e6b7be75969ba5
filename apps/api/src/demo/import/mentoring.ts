import type { EntityManager } from 'typeorm';
import { writeActivities, writeEvaluations, writePairs } from '#app/mentoring';
import { MentoringPlan } from '../plans/mentoring';

/** The mentoring history in bulk, through mentoring's own row writers (no checks, no events: the rollups are rebuilt after). */
export async function insertMentoring(em: EntityManager, mp: MentoringPlan): Promise<void> {
  await writePairs(
    em,
    mp.pairs.map((p) => ({
      id: p.id,
      groupId: p.groupId,
      mentorTeacherId: p.mentorId,
      apprenticeTeacherId: p.apprenticeId,
      subject: p.subject,
      status: p.status,
      proposedBy: p.proposedBy,
      proposedByUser: null,
      goals: p.goals,
      plannedEndOn: p.plannedEndOn,
      responseNote: p.responseNote,
      activatedOn: p.activatedOn,
      endedOn: p.endedOn,
      evaluation: p.evaluation,
      dissolveReason: p.dissolveReason,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    })),
  );
  await writeActivities(
    em,
    mp.activities.map((a) => ({ id: a.id, pairId: a.pairId, kind: a.kind, occurredOn: a.occurredOn, durationMinutes: a.durationMinutes, notes: a.notes, loggedByTeacherId: a.loggedBy, createdAt: a.createdAt })),
  );
  await writeEvaluations(
    em,
    mp.evaluations.map((e) => ({ id: e.id, pairId: e.pairId, period: e.period, scores: e.scores, comment: e.comment, evaluatedBy: null, createdAt: e.createdAt })),
  );
}
