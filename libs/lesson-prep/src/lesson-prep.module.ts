import { Module } from '@nestjs/common';
import { IdentityModule } from '#app/identity';
import { OrganisationModule } from '#app/organisation';
import { ResearchModule } from '#app/research';
import { LessonPrepAccess } from './lesson-prep-access';
import {
  LessonPlanAdoptionResolver,
  LessonPlanCommentResolver,
  LessonPlanResolver,
  LessonPlanRevisionResolver,
  LessonPrepTeamMemberResolver,
  LessonPrepTeamResolver,
} from './lesson-prep.resolver';
import { LessonPlansService } from './lesson-plans.service';
import { PlanAdoptionsService } from './plan-adoptions.service';
import { PlanCommentsService } from './plan-comments.service';
import { PlanEventsService } from './plan-events.service';
import { PlanViewsService } from './plan-views.service';
import { SessionPlanLinksAnswer } from './session-plan-links';
import { ResearchSessionPlansResolver } from './session-plans.resolver';
import { TeamsService } from './teams.service';

@Module({
  imports: [OrganisationModule, IdentityModule, ResearchModule],
  providers: [
    LessonPrepAccess,
    TeamsService,
    LessonPlansService,
    PlanViewsService,
    PlanCommentsService,
    PlanAdoptionsService,
    PlanEventsService,
    SessionPlanLinksAnswer,
    LessonPrepTeamResolver,
    LessonPrepTeamMemberResolver,
    LessonPlanResolver,
    LessonPlanRevisionResolver,
    LessonPlanCommentResolver,
    LessonPlanAdoptionResolver,
    ResearchSessionPlansResolver,
  ],
  exports: [LessonPlansService, PlanViewsService, PlanCommentsService, PlanAdoptionsService],
})
export class LessonPrepModule {}
