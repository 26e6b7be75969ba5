import { LessonPlan, LessonPlanAdoption, LessonPlanComment, LessonPlanRevision, LessonPrepTeam, LessonPrepTeamMember } from './entities/lesson-prep.entity';

export * from './enums';
export * from './plan-actions';
export * from './entities/lesson-prep.entity';
export * from './lesson-plans.service';
export * from './plan-views.service';
export * from './plan-comments.service';
export * from './plan-adoptions.service';
export * from './plan-workflow';
export type { PlanAccess } from './lesson-prep-access';
export * from './lesson-prep.module';

export const LESSON_PREP_ENTITIES = [LessonPrepTeam, LessonPrepTeamMember, LessonPlan, LessonPlanRevision, LessonPlanComment, LessonPlanAdoption];
export * from './plan-diff';
export * from './search-terms';
export * from './teams.service';
