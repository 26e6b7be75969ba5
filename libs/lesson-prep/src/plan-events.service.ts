import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { filter, type Observable } from 'rxjs';
import { DateTimeScalar, EventBus, LiveBus, type RequestContext } from '#app/core';
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
 * Plan changes as domain events (`lesson-prep.plan.changed`): after commit to every instance (LiveBus) for
 * `lessonPlanEvents` subscribers; in the transaction of the change, research logs them in the live sessions the plan
 * is linked to (PlanSessionLog). Plan events are not stored: a client that reconnects re-reads the plan (its
 * version tells what changed).
 */
@Injectable()
export class PlanEventsService implements OnModuleInit {
  constructor(
    private readonly bus: LiveBus,
    private readonly events: EventBus,
  ) {}

  onModuleInit() {
    this.events.afterCommit('lesson-prep.plan.changed', (e) => {
      const { planId, change: type, version, status, commentId, actorUserId, at, published } = e;
      return this.bus.publish(PLAN_CHANNEL, { planId, type, version, status, commentId, actorUserId, at, published } satisfies LessonPlanEvent);
    });
  }

  emit(tx: RequestContext, plan: LessonPlan, change: LessonPlanEventType, o: { commentId?: string; published?: boolean } = {}) {
    return this.events.publish(tx, 'lesson-prep.plan.changed', {
      planId: plan.id,
      teamPlan: plan.kind === LessonPlanKind.TEAM,
      title: plan.title,
      change,
      version: plan.version,
      status: plan.status,
      commentId: o.commentId ?? null,
      published: o.published ?? false,
    });
  }

  /** Every event of one plan, on every instance; who may see which is the subscriber's business (`published`). */
  stream(planId: string): Observable<LessonPlanEvent> {
    return this.bus.on<LessonPlanEvent>(PLAN_CHANNEL).pipe(filter((e) => e.planId === planId));
  }
}
