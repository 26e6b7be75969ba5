import { StudentActivity, StudentActivitySchool } from './entities/student-activity.entity';
import { TeacherExchange } from './entities/teacher-exchange.entity';

export * from './enums';
export * from './entities/teacher-exchange.entity';
export * from './entities/student-activity.entity';
export * from './models';
export * from './exchange.service';
export * from './exchanges';
export * from './student-activity.service';
export * from './rotation.service';
export * from './activity.module';

export const ACTIVITY_ENTITIES = [TeacherExchange, StudentActivity, StudentActivitySchool];
export * from './activity-rows';
