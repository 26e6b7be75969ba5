import type { ExchangeService, StudentActivityService } from '#app/activity';
import { ExchangeActivityPlan, StudentActivityPlan } from './activity';
import { DOMAIN, demoId } from './kit';
import type { Actor } from './lesson-prep';
import { DemoPlan } from './organisation';

type RecordTeacherExchangeInput = Parameters<ExchangeService['record']>[1];
type RecordStudentActivityInput = Parameters<StudentActivityService['record']>[1];

/** What the activity story plays through the services (steps/activity.ts), each step at its own instant. */
export type ActivityStep = { at: string; by: Actor } & (
  | { do: 'recordExchange'; exchangeId: string; input: RecordTeacherExchangeInput }
  | { do: 'recordActivity'; activityId: string; input: RecordStudentActivityInput }
  | { do: 'setQuota'; quotaId: string; regionId: string; year: number; minRotationRatio: number; minBackboneRatio: number }
);

/**
 * The exchanges and the featured consortium's student activities are recorded by a manager of their group (the
 * featured consortium's by the demo manager, the others' by a manager without an account) when the plan says they
 * were; 随县's rotation quotas by the county bureau (the demo account bureau@). No exchange of the plan is ended
 * early: each is recorded with its planned last day (or open-ended), so none needs ExchangeService.end. The other
 * groups' student activities are the volume (bulkStudentActivities): played, they would add seconds to the load.
 */
export function activitySteps(p: ExchangeActivityPlan, plan: DemoPlan): ActivityStep[] {
  const manager = (groupId: string): Actor =>
    groupId === plan.refs.featuredGroupId ? { teacher: null, userId: demoId(`user:manager@${DOMAIN}`), manages: groupId } : { teacher: null, userId: null, manages: groupId };
  const bureau: Actor = { teacher: null, userId: demoId(`user:bureau@${DOMAIN}`), administers: plan.refs.mainCountyId };
  return [
    ...p.quotas.map((q): ActivityStep => ({ do: 'setQuota', at: q.updatedAt, by: bureau, quotaId: q.id, regionId: q.regionId, year: q.year, minRotationRatio: q.minRotationRatio, minBackboneRatio: q.minBackboneRatio })),
    ...p.exchanges.map((e): ActivityStep => ({
      do: 'recordExchange',
      at: e.createdAt,
      by: manager(e.groupId),
      exchangeId: e.id,
      input: { groupId: e.groupId, teacherId: e.teacherId, fromSchoolId: e.fromSchoolId, toSchoolId: e.toSchoolId, kind: e.kind, startsOn: e.startsOn, endsOn: e.endsOn ?? undefined, note: e.note },
    })),
    ...p.activities.filter(played(plan)).map((a): ActivityStep => ({
      do: 'recordActivity',
      at: a.createdAt,
      by: manager(a.groupId),
      activityId: a.id,
      input: { groupId: a.groupId, title: a.title, type: a.type, schoolIds: a.schoolIds, participantCount: a.participantCount, heldOn: a.heldOn, description: a.description },
    })),
  ];
}

const played = (plan: DemoPlan) => (a: StudentActivityPlan) => a.groupId === plan.refs.featuredGroupId;

/** The student activities not played (activitySteps): written in bulk (import/activity.ts). */
export const bulkStudentActivities = (p: ExchangeActivityPlan, plan: DemoPlan): StudentActivityPlan[] => p.activities.filter((a) => !played(plan)(a));
