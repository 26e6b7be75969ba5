import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#app/core';
import { ResearchSession } from '#app/research';
import { LessonPlan } from './entities/lesson-prep.entity';
import { PlanViewsService } from './plan-views.service';

/** The plans linked to a research session (a collective-preparation session works on them), as the caller may read them. */
@Resolver(() => ResearchSession)
export class ResearchSessionPlansResolver {
  constructor(private readonly plans: PlanViewsService) {}

  @ResolveField(() => [LessonPlan], { description: 'Linked lesson plans you may read' })
  async lessonPlans(@Ctx() ctx: RequestContext, @Parent() s: ResearchSession) {
    const views = await Promise.all(s.lessonPlanIds.map((id) => this.plans.loadView(ctx, id)));
    return views.filter((v) => v !== null);
  }
}
