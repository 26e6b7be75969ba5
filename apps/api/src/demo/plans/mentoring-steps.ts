import { MentoringProposer, MentoringStatus, type MentoringService } from '#app/mentoring';
import { chinaInstant, plusYears } from './calendar';
import { DOMAIN, demoId } from './kit';
import type { Actor } from './lesson-prep';
import type { MentoringPairPlan, MentoringPlan } from './mentoring';
import type { DemoPlan } from './organisation';
import type { PlanIndex } from './plan-index';

/** 师徒结对 as calls to MentoringService: who asks, who answers, evaluates and ends each pair, and when. */

type Input<M extends 'request' | 'evaluate'> = Parameters<MentoringService[M]>[1];

/** One call of the mentoring story, at its instant `at`, as `by`; the ids are those it must create. */
export type MentoringStep = { at: string; by: Actor; pair: MentoringPairPlan } & (
  | { do: 'request'; input: Input<'request'> }
  | { do: 'respond'; accept: boolean; note: string | null }
  | { do: 'evaluate'; evaluationId: string; input: Input<'evaluate'> }
  | { do: 'complete'; evaluation: string }
  | { do: 'dissolve'; reason: string }
);

/**
 * The pairs' story: requested by the proposer (the apprentice, the mentor or a manager of the group) when the plan
 * creates the pair; answered by the other side (the mentor, or the apprentice when the mentor invited); evaluated
 * each term by the mentor; completed by the mentor; dissolved by whoever asked while still proposed (withdrawn), by
 * a manager of the group once active. Teachers and the featured group's manager with a demo account act as it.
 * Written pair by pair; played in the order of the instants.
 */
export function mentoringSteps(mp: MentoringPlan, plan: DemoPlan, ix: PlanIndex): MentoringStep[] {
  const userOf = new Map([
    [plan.refs.famousTeacherId, demoId(`user:teacher@${DOMAIN}`)],
    [plan.refs.newTeacherId, demoId(`user:teacher2@${DOMAIN}`)],
  ]);
  const teacher = (id: string): Actor => ({ teacher: ix.teacherById.get(id)!, userId: userOf.get(id) ?? null });
  const manager = (groupId: string): Actor => ({ teacher: null, userId: groupId === plan.refs.featuredGroupId ? demoId(`user:manager@${DOMAIN}`) : null, manages: groupId });
  const evaluationsOf = new Map<string, MentoringPlan['evaluations']>();
  for (const e of mp.evaluations) evaluationsOf.set(e.pairId, [...(evaluationsOf.get(e.pairId) ?? []), e]);

  const steps: MentoringStep[] = [];
  for (const pair of mp.pairs) {
    const proposer = pair.proposedBy === MentoringProposer.APPRENTICE ? teacher(pair.apprenticeId) : pair.proposedBy === MentoringProposer.MENTOR ? teacher(pair.mentorId) : manager(pair.groupId);
    // the service plans three years from the acceptance unless the request says otherwise (the two-year plans)
    const plannedEndOn = pair.plannedEndOn && pair.plannedEndOn !== plusYears(pair.activatedOn!, 3) ? pair.plannedEndOn : undefined;
    steps.push({
      do: 'request',
      at: pair.createdAt,
      by: proposer,
      pair,
      input: { groupId: pair.groupId, mentorTeacherId: pair.mentorId, apprenticeTeacherId: pair.apprenticeId, subject: pair.subject, goals: pair.goals, plannedEndOn },
    });
    const answerer = teacher(pair.proposedBy === MentoringProposer.MENTOR ? pair.apprenticeId : pair.mentorId);
    const ended = pair.endedOn !== null;
    if (pair.activatedOn) {
      // an ended pair's last change is its end: its acceptance is at a time of the day taken from its id
      const at = ended ? chinaInstant(pair.activatedOn, 8 * 60 + (parseInt(pair.id.slice(0, 8), 16) % (13 * 60))) : pair.updatedAt;
      steps.push({ do: 'respond', at, by: answerer, pair, accept: true, note: pair.responseNote });
    } else if (pair.status === MentoringStatus.DECLINED) {
      steps.push({ do: 'respond', at: pair.updatedAt, by: answerer, pair, accept: false, note: pair.responseNote });
    }
    for (const e of evaluationsOf.get(pair.id) ?? []) {
      steps.push({ do: 'evaluate', at: e.createdAt, by: teacher(pair.mentorId), pair, evaluationId: e.id, input: { pairId: pair.id, period: e.period, scores: e.scores, comment: e.comment } });
    }
    if (pair.evaluation !== null) steps.push({ do: 'complete', at: pair.updatedAt, by: teacher(pair.mentorId), pair, evaluation: pair.evaluation });
    if (pair.dissolveReason !== null) steps.push({ do: 'dissolve', at: pair.updatedAt, by: pair.activatedOn ? manager(pair.groupId) : proposer, pair, reason: pair.dissolveReason });
  }
  return steps;
}
