import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { writeAssignments, writeRegions, writeSchools, writeTeachers } from '#app/organisation';
import { SCHOOLS_RECORDED_AT } from '../plans/calendar';
import { MAIN_COUNTY } from '../plans/kit';
import { teacherQualifications } from '../plans/balance';
import { DemoPlan } from '../plans/organisation';
import { playGroups } from '../steps/organisation';

/**
 * The organisation context: regions, schools, teachers and their assignments in bulk through its row writers; the
 * groups and their membership history played through GroupService (steps/organisation.ts).
 */
export async function importOrganisation(app: INestApplicationContext, em: EntityManager, plan: DemoPlan, log: (line: string) => void): Promise<void> {
  log(`Demo data: loading 湖北省 > 随州市 (${plan.regions.length - 2} counties), ${plan.schools.length} schools, ${plan.groups.length} groups`);
  // recorded as of the load (as the API records them), schools as of the start of their records
  const loadedAt = new Date();
  await writeRegions(em, plan.regions.map((r) => ({ ...r, createdAt: loadedAt })));
  // Main campuses before branch campuses (campus_of_id).
  const schoolsInOrder = [...plan.schools.filter((s) => !s.campusOfId), ...plan.schools.filter((s) => s.campusOfId)];
  await writeSchools(em, schoolsInOrder.map((s) => ({ ...s, createdAt: SCHOOLS_RECORDED_AT, updatedAt: loadedAt })));
  const steps = await playGroups(app, em, plan);
  log(
    `Demo data: ${plan.memberships.length} memberships (${steps} steps through the services); ${MAIN_COUNTY} consortium coverage ` +
      `${plan.coverage.covered}/${plan.coverage.compulsory} compulsory schools (${((100 * plan.coverage.covered) / plan.coverage.compulsory).toFixed(1)}%)`,
  );

  const schools = new Map(plan.schools.map((s) => [s.id, s]));
  const teachers = [...plan.teachers, ...plan.staff.teachers];
  await writeTeachers(em, teachers.map((t) => ({ ...t, ...teacherQualifications(t, schools.get(t.schoolId)!), staffNo: null, createdAt: loadedAt, updatedAt: loadedAt })));
  await writeAssignments(em, [...plan.assignments, ...plan.staff.assignments].map((a) => ({ ...a, createdAt: loadedAt })));
  log(`Demo data: ${teachers.length} teachers (${plan.teachers.length} of them in the demo's activity), ${plan.assignments.length + plan.staff.assignments.length} assignments`);
}
