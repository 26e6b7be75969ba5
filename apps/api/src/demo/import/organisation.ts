import type { EntityManager } from 'typeorm';
import { GroupStatus, writeAssignments, writeTeachers } from '#app/organisation';
import { insertRows } from '#app/core';
import { SCHOOLS_RECORDED_AT } from '../plans/calendar';
import { MAIN_COUNTY } from '../plans/kit';
import { DemoPlan } from '../plans/organisation';

/** The organisation context's rows: regions, schools, groups with their memberships, teachers with their assignments. */
export async function importOrganisation(em: EntityManager, plan: DemoPlan, log: (line: string) => void): Promise<void> {
  log(`Demo data: loading 湖北省 > 随州市 (${plan.regions.length - 2} counties), ${plan.schools.length} schools, ${plan.groups.length} groups`);
  await insertRows(
    em,
    'region',
    [['id', 'uuid'], ['name', 'varchar'], ['level', 'varchar'], ['parent_id', 'uuid'], ['code', 'varchar'], ['path', 'uuid[]']],
    plan.regions.map((r) => [r.id, r.name, r.level, r.parentId, r.code, r.path]),
  );
  // Main campuses before branch campuses (campus_of_id).
  const schoolsInOrder = [...plan.schools.filter((s) => !s.campusOfId), ...plan.schools.filter((s) => s.campusOfId)];
  await insertRows(
    em,
    'school',
    [['id', 'uuid'], ['name', 'varchar'], ['region_id', 'uuid'], ['stage', 'varchar'], ['locale', 'varchar'], ['student_count', 'int'], ['teacher_count', 'int'], ['campus_of_id', 'uuid'], ['created_at', 'timestamptz']],
    schoolsInOrder.map((s) => [s.id, s.name, s.regionId, s.stage, s.locale, s.studentCount, s.teacherCount, s.campusOfId, SCHOOLS_RECORDED_AT]),
  );
  await insertRows(
    em,
    'school_group',
    [['id', 'uuid'], ['name', 'varchar'], ['kind', 'varchar'], ['mode', 'varchar'], ['region_id', 'uuid'], ['lead_school_id', 'uuid'], ['level', 'varchar'], ['founded_on', 'date'], ['status', 'varchar']],
    plan.groups.map((g) => [g.id, g.name, g.kind, g.mode, g.regionId, g.leadSchoolId, g.level, g.foundedOn, GroupStatus.ACTIVE]),
  );
  await insertRows(
    em,
    'group_membership',
    [['id', 'uuid'], ['group_id', 'uuid'], ['school_id', 'uuid'], ['group_kind', 'varchar'], ['role', 'varchar'], ['pairing', 'varchar'], ['joined_on', 'date'], ['left_on', 'date']],
    plan.memberships.map((x) => [x.id, x.groupId, x.schoolId, x.groupKind, x.role, x.pairing, x.joinedOn, x.leftOn]),
  );
  log(`Demo data: ${plan.memberships.length} memberships; ${MAIN_COUNTY} consortium coverage ${plan.coverage.covered}/${plan.coverage.compulsory} compulsory schools (${((100 * plan.coverage.covered) / plan.coverage.compulsory).toFixed(1)}%)`);

  // teachers and assignments through organisation's row writers, recorded as of the load (as the API records them)
  const loadedAt = new Date();
  await writeTeachers(em, plan.teachers.map((t) => ({ ...t, createdAt: loadedAt, updatedAt: loadedAt })));
  await writeAssignments(em, plan.assignments.map((a) => ({ ...a, createdAt: loadedAt })));
  log(`Demo data: ${plan.teachers.length} teachers, ${plan.assignments.length} assignments`);
}
