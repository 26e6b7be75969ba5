import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityService } from '#app/identity';
import { ResearchService } from '#app/research';
import type { ScheduleStep } from '../plans/research-steps';
import { actorName, playSteps, sameId } from './play';
import { DemoPrincipals } from './principals';

/**
 * Schedules the upcoming research sessions through ResearchService as a manager of their group, when the plan says
 * they were (see playSteps). Its rules are the demo's checks: the group active and managed by the caller, the host
 * and the invited schools active members, a session ending after it starts and lasting at most 12 hours.
 */
export async function playResearch(app: INestApplicationContext, em: EntityManager, steps: readonly ScheduleStep[]): Promise<void> {
  const research = app.get(ResearchService);
  const describe = (step: ScheduleStep) => `${step.do} ${step.input.title} at ${step.at} by ${actorName(step.by)}`;
  await playSteps(em, new DemoPrincipals(app.get(IdentityService), em), 'research', steps, describe, async (ctx, ids, step) => {
    ids.expect('research_session', step.sessionId).expect('research_session_school', ...step.invitationIds);
    sameId('session', (await research.schedule(ctx, step.input)).id, step.sessionId);
  });
}
