import { Injectable } from '@nestjs/common';
import type { RequestContext } from '#app/core';

/** The ids among `planIds` that a session of the group may link: the group's current team plans. */
export type LinkablePlans = (ctx: RequestContext, groupId: string, planIds: string[]) => Promise<Set<string>>;

/**
 * Which lesson plans a session may link. Lesson preparation owns the plans and already depends on research (plan
 * changes go into live session logs), so instead of research importing it back, or reading its table, lesson
 * preparation answers through this port when its module starts.
 */
@Injectable()
export class SessionPlanLinks {
  private answer: LinkablePlans | null = null;

  answerWith(linkable: LinkablePlans): void {
    this.answer = linkable;
  }

  linkable(ctx: RequestContext, groupId: string, planIds: string[]): Promise<Set<string>> {
    if (!this.answer) throw new Error('No module answers which lesson plans a session may link (is LessonPrepModule imported?)');
    return this.answer(ctx, groupId, planIds);
  }
}
