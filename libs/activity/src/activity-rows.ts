import { rowWriter, type RowOf } from '#app/core';
import { StudentActivity, StudentActivitySchool } from './entities/student-activity.entity';
import { TeacherExchange } from './entities/teacher-exchange.entity';

export type ExchangeRow = RowOf<TeacherExchange, 'createdAt' | 'updatedAt'>;
export type StudentActivityRow = RowOf<StudentActivity, 'createdAt'>;

/** The activity context's row writers (see rowWriter), for its services and bulk loads; rotation quotas keep RotationService's upsert. */
export const writeExchanges = rowWriter<ExchangeRow>('teacher_exchange', {
  id: 'uuid',
  groupId: 'uuid',
  teacherId: 'uuid',
  fromSchoolId: 'uuid',
  toSchoolId: 'uuid',
  kind: 'varchar',
  startsOn: 'date',
  endsOn: 'date',
  note: 'varchar',
  createdBy: 'uuid',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
});

export const writeStudentActivities = rowWriter<StudentActivityRow>('student_activity', {
  id: 'uuid',
  groupId: 'uuid',
  title: 'varchar',
  type: 'varchar',
  participantCount: 'int',
  heldOn: 'date',
  description: 'varchar',
  createdBy: 'uuid',
  createdAt: 'timestamptz',
});

export const writeStudentActivitySchools = rowWriter<StudentActivitySchool>('student_activity_school', { activityId: 'uuid', schoolId: 'uuid' });
