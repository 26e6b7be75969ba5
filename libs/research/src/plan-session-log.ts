import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus, type DomainEvent, type RequestContext } from '#app/core';
import { SessionEventType } from './enums';
import { ResearchSessions } from './research-sessions';
import { SessionEventsService } from './session-events.service';

/**
 * A lesson plan's changes in the event log of every live collective-preparation session (集体备课) it is linked
 * to, in the transaction of the change, so the room sees them in order with its chat and notes.
 */
@Injectable()
export class PlanSessionLog implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly sessionEvents: SessionEventsService,
  ) {}

  onModuleInit() {
    this.events.inTransaction('lesson-prep.plan.changed', (tx, e) => this.append(tx, e));
  }

  private async append(tx: RequestContext, e: DomainEvent<'lesson-prep.plan.changed'>) {
    if (!e.teamPlan) return;
    for (const sessionId of await ResearchSessions.liveCollectivePrepLinking(tx, e.planId))
      await this.sessionEvents.append(tx, sessionId, SessionEventType.LESSON_PLAN_EVENT, {
        planId: e.planId,
        title: e.title,
        event: e.change,
        version: e.version,
        status: e.status,
        commentId: e.commentId,
      });
  }
}
