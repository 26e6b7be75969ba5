import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '#app/core';
import { SessionPlanLinks } from '#app/research';
import { LessonPlanKind, LessonPlanStatus } from './enums';

/** The ids among `planIds` that are current (not archived) team plans of the group: what a research session may link. */
export async function linkablePlans(ctx: RequestContext, groupId: string, planIds: string[]): Promise<Set<string>> {
  const rows: { id: string }[] = await ctx.em.query(`SELECT id FROM lesson_plan WHERE id = ANY($1::uuid[]) AND group_id = $2 AND kind = $3 AND status <> $4`, [
    planIds,
    groupId,
    LessonPlanKind.TEAM,
    LessonPlanStatus.ARCHIVED,
  ]);
  return new Set(rows.map((r) => r.id));
}

/** Answers research's question which plans a session may link (research cannot import lesson preparation: it is imported by it). */
@Injectable()
export class SessionPlanLinksAnswer implements OnModuleInit {
  constructor(private readonly links: SessionPlanLinks) {}
  onModuleInit() {
    this.links.answerWith(linkablePlans);
  }
}
