import type { EntityManager } from 'typeorm';
import { DEFAULT_MENTOR_CAPACITY, GroupStatus, writeAssignments, writeGroups, writeMemberships, writeRegions, writeSchools, writeTeachers } from '#app/organisation';
import { SCHOOLS_RECORDED_AT } from '../plans/calendar';
import { MAIN_COUNTY } from '../plans/kit';
import { DemoPlan } from '../plans/organisation';

/** The organisation context's rows, through its row writers: regions, schools, groups with their memberships, teachers with their assignments. */
export async function importOrganisation(em: EntityManager, plan: DemoPlan, log: (line: string) => void): Promise<void> {
  log(`Demo data: loading 湖北省 > 随州市 (${plan.regions.length - 2} counties), ${plan.schools.length} schools, ${plan.groups.length} groups`);
  // recorded as of the load (as the API records them), schools as of the start of their records
  const loadedAt = new Date();
  await writeRegions(em, plan.regions.map((r) => ({ ...r, createdAt: loadedAt })));
  // Main campuses before branch campuses (campus_of_id).
  const schoolsInOrder = [...plan.schools.filter((s) => !s.campusOfId), ...plan.schools.filter((s) => s.campusOfId)];
  await writeSchools(em, schoolsInOrder.map((s) => ({ ...s, createdAt: SCHOOLS_RECORDED_AT, updatedAt: loadedAt })));
  await writeGroups(em, plan.groups.map((g) => ({ ...g, status: GroupStatus.ACTIVE, mentorCapacity: DEFAULT_MENTOR_CAPACITY, createdAt: loadedAt })));
  await writeMemberships(em, plan.memberships.map((x) => ({ ...x, createdAt: loadedAt })));
  log(`Demo data: ${plan.memberships.length} memberships; ${MAIN_COUNTY} consortium coverage ${plan.coverage.covered}/${plan.coverage.compulsory} compulsory schools (${((100 * plan.coverage.covered) / plan.coverage.compulsory).toFixed(1)}%)`);

  await writeTeachers(em, plan.teachers.map((t) => ({ ...t, staffNo: null, createdAt: loadedAt, updatedAt: loadedAt })));
  await writeAssignments(em, plan.assignments.map((a) => ({ ...a, createdAt: loadedAt })));
  log(`Demo data: ${plan.teachers.length} teachers, ${plan.assignments.length} assignments`);
}
