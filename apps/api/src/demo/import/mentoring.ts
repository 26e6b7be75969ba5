import type { EntityManager } from 'typeorm';
import { writeActivities } from '#app/mentoring';
import { MentoringPlan } from '../plans/mentoring';

/**
 * The volume of the mentoring story, its activity logs (听课, 评课, 师徒交流), in bulk through mentoring's row writer (no
 * checks, no events), once the pairs are played through the service (steps/mentoring.ts). They must agree with the
 * pairs as played: logged while the pair was ACTIVE (from its acceptance, before its end), by one of its two
 * teachers, on or before the day they were logged.
 */
export async function insertMentoringActivities(em: EntityManager, mp: MentoringPlan): Promise<void> {
  await writeActivities(
    em,
    mp.activities.map((a) => ({ id: a.id, pairId: a.pairId, kind: a.kind, occurredOn: a.occurredOn, durationMinutes: a.durationMinutes, notes: a.notes, loggedByTeacherId: a.loggedBy, createdAt: a.createdAt })),
  );
  const [{ n }]: { n: number }[] = await em.query(
    `SELECT count(*)::int n FROM mentoring_activity a JOIN mentoring_pair p ON p.id = a.pair_id
      WHERE a.id = ANY($1::uuid[])
        AND (p.activated_on IS NULL OR a.occurred_on < p.activated_on OR a.occurred_on >= p.ended_on
             OR a.occurred_on > (a.created_at AT TIME ZONE 'Asia/Shanghai')::date
             OR a.logged_by_teacher_id NOT IN (p.mentor_teacher_id, p.apprentice_teacher_id))`,
    [mp.activities.map((a) => a.id)],
  );
  if (n > 0) throw new Error(`demo: mentoring: ${n} activity logs outside their pair's active period or by someone else`);
}
