import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExchangeService, RotationService, StudentActivityService } from '#app/activity';
import { IdentityService } from '#app/identity';
import type { ActivityStep } from '../plans/activity-steps';
import { actorName, playSteps, sameId } from './play';
import { DemoPrincipals } from './principals';

/**
 * Plays the teacher exchanges, joint student activities and rotation quotas through the activity services as the
 * demo's managers, at their own instants (see playSteps). Their rules are the demo's checks: the group active and
 * managed by the caller, the schools active members, the teacher working at the from-school, one exchange of a
 * teacher at a time, the quota's region administered by the caller.
 */
export async function playActivity(app: INestApplicationContext, em: EntityManager, steps: readonly ActivityStep[]): Promise<void> {
  const exchanges = app.get(ExchangeService);
  const activities = app.get(StudentActivityService);
  const rotation = app.get(RotationService);
  const describe = (step: ActivityStep) => `${step.do} at ${step.at} by ${actorName(step.by)}`;
  await playSteps(em, new DemoPrincipals(app.get(IdentityService), em), 'activity', steps, describe, async (ctx, ids, step) => {
    switch (step.do) {
      case 'recordExchange':
        ids.expect('teacher_exchange', step.exchangeId);
        return sameId('exchange', (await exchanges.record(ctx, step.input)).id, step.exchangeId);
      case 'recordActivity':
        ids.expect('student_activity', step.activityId);
        return sameId('student activity', (await activities.record(ctx, step.input)).id, step.activityId);
      case 'setQuota':
        ids.expect('rotation_quota', step.quotaId);
        await rotation.setQuota(ctx, step.regionId, step.year, step.minRotationRatio, step.minBackboneRatio);
        return;
    }
  });
}
