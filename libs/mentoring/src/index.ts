import { MentoringActivity, MentoringEvaluation, MentoringPair } from './entities/mentoring.entity';

export * from './enums';
export * from './entities/mentoring.entity';
export * from './mentoring.service';
export * from './mentoring.module';

export const MENTORING_ENTITIES = [MentoringPair, MentoringActivity, MentoringEvaluation];
export * from './mentoring-rows';
export * from './mentoring-pairs';
