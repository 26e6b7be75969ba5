import { Injectable, type OnModuleInit } from '@nestjs/common';
import { chinaDay, EventBus, type DomainEvent, type DomainEventType, type RequestContext } from '#app/core';
import { groupRegionPathOf } from '#app/organisation';
import { Metric } from './metrics';
import { groupCreated, groupDissolved, groupProfileChanged, membershipChanged, schoolChanged, schoolCreated } from './organisation-figures';
import { groupRows, regionRows, RollupService, type RollupDelta } from './rollup.service';

type Deltas<T extends DomainEventType> = (tx: RequestContext, event: DomainEvent<T>) => Promise<RollupDelta[]>;

/**
 * activity_rollup as a projection of the domain events: each handler turns a fact into rollup deltas, in the
 * transaction that records the fact (EventBus.inTransaction), so the figures are exact: if the rollup write fails,
 * the fact is not recorded either. What each metric counts is in metrics.ts and metric-registry.ts; rebuildRollups
 * (rollup-rebuild.ts) derives the same rows from the base tables, and the tests compare the two. A bulk load that
 * rebuilds at its end (RequestContext.rebuildsProjections) skips the projection.
 */
@Injectable()
export class RollupProjection implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly rollups: RollupService,
  ) {}

  onModuleInit() {
    this.on('organisation.school.created', schoolCreated);
    this.on('organisation.school.changed', schoolChanged);
    this.on('organisation.group.created', groupCreated);
    this.on('organisation.group.profileChanged', groupProfileChanged);
    this.on('organisation.group.dissolved', groupDissolved);
    this.on('organisation.membership.added', (tx, e) => membershipChanged(tx, e, 1));
    this.on('organisation.membership.removed', (tx, e) => membershipChanged(tx, e, -1));
    // an ended session by type (per school: each school invited) and its check-ins
    this.on('research.session.ended', async (tx, e) => {
      const path = await groupRegionPathOf(tx, e.groupId);
      const day = chinaDay(e.endedAt);
      const checkins = e.checkinsBySchool.reduce((a, r) => a + r.n, 0);
      return [
        ...groupRows(e.groupId, path, { day, metric: Metric.ResearchSessions, key: e.sessionType, delta: 1 }, []),
        ...e.invitedSchoolIds.map((schoolId) => ({ scope: 'S' as const, scopeId: e.groupId, schoolId, day, metric: Metric.ResearchSessions, delta: 1 })),
        ...groupRows(e.groupId, path, { day, metric: Metric.TeacherParticipations, delta: checkins }, []),
        ...e.checkinsBySchool.map((r) => ({ scope: 'S' as const, scopeId: e.groupId, schoolId: r.schoolId, day, metric: Metric.TeacherParticipations, delta: r.n })),
      ];
    });
    // pairs for the group, the apprentice's school and the regions above
    const pair = (metrics: [string, number][]) => async (tx: RequestContext, e: DomainEvent<'mentoring.pair.activated'> | DomainEvent<'mentoring.pair.completed'> | DomainEvent<'mentoring.pair.dissolved'>) => {
      const path = await groupRegionPathOf(tx, e.groupId);
      return metrics.flatMap(([metric, delta]) => groupRows(e.groupId, path, { day: e.on, metric, delta }, [e.apprenticeSchoolId]));
    };
    this.on('mentoring.pair.activated', pair([[Metric.MentoringFormed, 1], [Metric.MentoringActive, 1]]));
    this.on('mentoring.pair.completed', pair([[Metric.MentoringCompleted, 1], [Metric.MentoringActive, -1]]));
    this.on('mentoring.pair.dissolved', (tx, e) => (e.wasActive ? pair([[Metric.MentoringActive, -1]])(tx, e) : Promise.resolve([])));
    // student activities by type (per school: each school taking part); participants for the group and regions only
    this.on('activity.student-activity.recorded', async (tx, e) => {
      const path = await groupRegionPathOf(tx, e.groupId);
      const day = e.heldOn;
      return [
        ...groupRows(e.groupId, path, { day, metric: Metric.StudentActivities, key: e.activityType, delta: 1 }, e.schoolIds),
        ...groupRows(e.groupId, path, { day, metric: Metric.StudentParticipants, delta: e.participantCount }, []),
      ];
    });
    // exchanges by kind and exchanged teachers, on the day they start, for the group, the to-school and the regions
    this.on('activity.exchange.recorded', async (tx, e) => {
      const path = await groupRegionPathOf(tx, e.groupId);
      const day = e.startsOn;
      return [
        ...groupRows(e.groupId, path, { day, metric: Metric.TeacherExchanges, key: e.exchangeKind, delta: 1 }, [e.toSchoolId]),
        ...groupRows(e.groupId, path, { day, metric: Metric.ExchangedTeachers, delta: 1 }, [e.toSchoolId]),
      ];
    });
    // lesson preparation: teams (a region stock from the day formed), plans on their first publication (for the main
    // preparer's school) and adoptions (同上课, on the day taught, for the school that taught)
    this.on('lesson-prep.team.formed', async (tx, e) => regionRows(await groupRegionPathOf(tx, e.groupId), { day: e.on, metric: Metric.LessonPrepTeams, delta: 1 }));
    this.on('lesson-prep.plan.published', async (tx, e) =>
      e.first ? groupRows(e.groupId, await groupRegionPathOf(tx, e.groupId), { day: chinaDay(e.publishedAt), metric: Metric.LessonPlansPublished, delta: 1 }, [e.schoolId]) : [],
    );
    this.on('lesson-prep.adoption.recorded', async (tx, e) =>
      groupRows(e.groupId, await groupRegionPathOf(tx, e.groupId), { day: e.taughtOn, metric: Metric.LessonPlanAdoptions, delta: 1 }, [e.schoolId]),
    );
  }

  private on<T extends DomainEventType>(type: T, deltas: Deltas<T>) {
    // a bulk load that ends with rebuildRollups (the demo) has the rows written once, by the rebuild
    this.events.inTransaction(type, async (tx, event) => (tx.rebuildsProjections ? undefined : this.rollups.bump(tx, await deltas(tx, event))));
  }
}
