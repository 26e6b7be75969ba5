import { rowWriter, type RowOf } from '#app/core';
import { Teacher, TeacherAssignment } from './entities/teacher.entity';

export type TeacherRow = RowOf<Teacher, 'createdAt' | 'updatedAt'>;
export type AssignmentRow = RowOf<TeacherAssignment, 'createdAt'>;

/** Organisation's row writers for teachers and their assignments (see rowWriter), for TeacherService and bulk loads. */
export const writeTeachers = rowWriter<TeacherRow>('teacher', {
  id: 'uuid',
  name: 'varchar',
  schoolId: 'uuid',
  subjects: 'varchar[]',
  stage: 'varchar',
  title: 'varchar',
  yearsOfExperience: 'int',
  honours: 'varchar[]',
  email: 'varchar',
  phone: 'varchar',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
});

export const writeAssignments = rowWriter<AssignmentRow>('teacher_assignment', { id: 'uuid', teacherId: 'uuid', schoolId: 'uuid', fromDate: 'date', toDate: 'date', createdAt: 'timestamptz' });
