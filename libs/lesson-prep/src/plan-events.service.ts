import { Injectable } from '@nestjs/common';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { filter, type Observable } from 'rxjs';
import { DateTimeScalar, LiveBus, type RequestContext } from '../../core/src';
import { ResearchSessions, SessionEventsService, SessionEventType } from '../../research/src';
import { LessonPlan } from './entities/lesson-prep.entity';
import { LessonPlanEventType, LessonPlanKind, LessonPlanStatus } from './enums';

export const PLAN_CHANNEL = 'lesson_plan';

@ObjectType({ description: 'Something happened to a lesson plan' })
export class LessonPlanEvent {
  @Field(() => ID) planId: string;
  @Field(() => LessonPlanEventType) type: LessonPlanEventType;
  @Field(() => Int, { description: 'The plan’s version after the event' }) version: number;
  @Field(() => LessonPlanStatus) status: LessonPlanStatus;
  @Field(() => ID, { nullable: true }) commentId: string | null;
  @Field(() => ID, { nullable: true }) actorUserId: string | null;
  @Field(() => DateTimeScalar) at: Date;
  /** visible to readers of the published version (not only the team) */
  published: boolean;
}

/**
 * Plan changes as events: after commit to every instance (LiveBus) for `lessonPlanEvents` subscribers, and, in
 * the transaction of the change, into the event log of every live collective-preparation session (集体备课) the
 * plan is linked to, so the room sees it in order with its chat and notes. Plan events are not stored: a
 * client that reconnects re-reads the plan (its version tells what changed).
 */
@Injectable()
export class PlanEventsService {
  constructor(
    private readonly bus: LiveBus,
    private readonly sessionEvents: SessionEventsService,
  ) {}

  async emit(tx: RequestContext, plan: LessonPlan, type: LessonPlanEventType, o: { commentId?: string; published?: boolean } = {}) {
    const event: LessonPlanEvent = {
      planId: plan.id,
      type,
      version: plan.version,
      status: plan.status,
      commentId: o.commentId ?? null,
      actorUserId: tx.principal?.userId ?? null,
      at: tx.now(),
      published: o.published ?? false,
    };
    tx.afterCommit.push(() => this.bus.publish(PLAN_CHANNEL, event));
    if (plan.kind !== LessonPlanKind.TEAM) return;
    for (const sessionId of await ResearchSessions.liveCollectivePrepLinking(tx, plan.id))
      await this.sessionEvents.append(tx, sessionId, SessionEventType.LESSON_PLAN_EVENT, {
        planId: plan.id,
        title: plan.title,
        event: type,
        version: plan.version,
        status: plan.status,
        commentId: event.commentId,
      });
  }

  /** Every event of one plan, on every instance; who may see which is the subscriber's business (`published`). */
  stream(planId: string): Observable<LessonPlanEvent> {
    return this.bus.on<LessonPlanEvent>(PLAN_CHANNEL).pipe(filter((e) => e.planId === planId));
  }
}
