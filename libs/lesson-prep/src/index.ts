import { LessonPlan, LessonPlanAdoption, LessonPlanComment, LessonPlanRevision, LessonPrepTeam, LessonPrepTeamMember } from './entities/lesson-prep.entity';

export * from './enums';
export * from './plan-actions';
export * from './entities/lesson-prep.entity';
export * from './lesson-plans.service';
export * from './lesson-prep.module';

export const LESSON_PREP_ENTITIES = [LessonPrepTeam, LessonPrepTeamMember, LessonPlan, LessonPlanRevision, LessonPlanComment, LessonPlanAdoption];
