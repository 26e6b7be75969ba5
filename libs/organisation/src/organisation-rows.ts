import { rowWriter, type RowOf } from '#app/core';
import { GroupMembership } from './entities/group-membership.entity';
import { Region } from './entities/region.entity';
import { SchoolGroup, SchoolGroupProfile } from './entities/school-group.entity';
import { School } from './entities/school.entity';
import { Teacher, TeacherAssignment } from './entities/teacher.entity';

export type RegionRow = RowOf<Region, 'createdAt'>;
export type SchoolRow = RowOf<School, 'createdAt' | 'updatedAt'>;
export type GroupRow = RowOf<SchoolGroup, 'createdAt'>;
export type MembershipRow = RowOf<GroupMembership, 'createdAt'>;
export type GroupProfileRow = RowOf<SchoolGroupProfile, 'createdAt'>;
export type TeacherRow = RowOf<Teacher, 'createdAt' | 'updatedAt'>;
export type AssignmentRow = RowOf<TeacherAssignment, 'createdAt'>;

/** Organisation's row writers (see rowWriter), for its services and bulk loads. */
export const writeRegions = rowWriter<RegionRow>('region', { id: 'uuid', name: 'varchar', level: 'varchar', parentId: 'uuid', code: 'varchar', path: 'uuid[]', createdAt: 'timestamptz' });

export const writeSchools = rowWriter<SchoolRow>('school', {
  id: 'uuid',
  name: 'varchar',
  regionId: 'uuid',
  stage: 'varchar',
  locale: 'varchar',
  studentCount: 'int',
  teacherCount: 'int',
  campusOfId: 'uuid',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
});

export const writeGroups = rowWriter<GroupRow>('school_group', {
  id: 'uuid',
  name: 'varchar',
  kind: 'varchar',
  mode: 'varchar',
  regionId: 'uuid',
  leadSchoolId: 'uuid',
  level: 'varchar',
  foundedOn: 'date',
  status: 'varchar',
  dissolvedOn: 'date',
  crossRegion: 'boolean',
  mentorCapacity: 'int',
  createdAt: 'timestamptz',
});

export const writeGroupProfiles = rowWriter<GroupProfileRow>('school_group_profile', {
  groupId: 'uuid',
  validFrom: 'date',
  mode: 'varchar',
  level: 'varchar',
  changedBy: 'uuid',
  createdAt: 'timestamptz',
});

export const writeMemberships = rowWriter<MembershipRow>('group_membership', {
  id: 'uuid',
  groupId: 'uuid',
  schoolId: 'uuid',
  groupKind: 'varchar',
  role: 'varchar',
  pairing: 'varchar',
  joinedOn: 'date',
  leftOn: 'date',
  createdAt: 'timestamptz',
});

export const writeTeachers = rowWriter<TeacherRow>('teacher', {
  id: 'uuid',
  name: 'varchar',
  schoolId: 'uuid',
  subjects: 'varchar[]',
  stage: 'varchar',
  title: 'varchar',
  yearsOfExperience: 'int',
  honours: 'varchar[]',
  educationLevel: 'varchar',
  backboneLevel: 'varchar',
  fullTime: 'boolean',
  email: 'varchar',
  phone: 'varchar',
  staffNo: 'varchar',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
});

export const writeAssignments = rowWriter<AssignmentRow>('teacher_assignment', { id: 'uuid', teacherId: 'uuid', schoolId: 'uuid', fromDate: 'date', toDate: 'date', createdAt: 'timestamptz' });
