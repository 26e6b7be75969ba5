import { GRADE_NAMES, LESSONS, SUBJECT_ROTATION } from '../demo-names';
import { SchoolStage } from '#app/organisation';
import { Prng } from './kit';
import { DemoPlan, MembershipPlan, SchoolPlan, TeacherPlan } from './organisation';
import { gradeRange } from './research';

/** Lookups over the organisation plan for the other plans. */

/** Where teachers and schools are, for the builders below. */
export interface PlanIndex {
  schoolById: Map<string, SchoolPlan>;
  teacherById: Map<string, TeacherPlan>;
  teachersBySchool: Map<string, TeacherPlan[]>;
  /** The day each teacher started at their current school. */
  currentFrom: Map<string, string>;
  membersOf: Map<string, MembershipPlan[]>;
}

export function indexPlan(plan: DemoPlan): PlanIndex {
  const teachersBySchool = new Map<string, TeacherPlan[]>();
  for (const t of plan.teachers) teachersBySchool.set(t.schoolId, [...(teachersBySchool.get(t.schoolId) ?? []), t]);
  const membersOf = new Map<string, MembershipPlan[]>();
  for (const x of plan.memberships) membersOf.set(x.groupId, [...(membersOf.get(x.groupId) ?? []), x]);
  return {
    schoolById: new Map(plan.schools.map((s) => [s.id, s])),
    teacherById: new Map(plan.teachers.map((t) => [t.id, t])),
    teachersBySchool,
    currentFrom: new Map(plan.assignments.filter((a) => a.toDate === null).map((a) => [a.teacherId, a.fromDate])),
    membersOf,
  };
}

/**
 * The API only takes schools that are members now (left_on IS NULL): the memberships of `groupId` that are
 * current and had begun by `day`.
 */
export const currentMembers = (ix: PlanIndex, groupId: string, day: string) => (ix.membersOf.get(groupId) ?? []).filter((x) => x.leftOn === null && x.joinedOn <= day);
export const joinedOn = (ix: PlanIndex, groupId: string, schoolId: string) => (ix.membersOf.get(groupId) ?? []).find((x) => x.schoolId === schoolId && x.leftOn === null)?.joinedOn ?? null;

/** The subjects a school teaches, by stage (teaching points teach primary subjects). */
export function teachesAt(t: TeacherPlan, s: SchoolPlan): boolean {
  const stage = s.stage === SchoolStage.TEACHING_POINT ? SchoolStage.PRIMARY : s.stage;
  const levels: SchoolStage[] = stage === SchoolStage.NINE_YEAR ? [SchoolStage.PRIMARY, SchoolStage.JUNIOR, SchoolStage.NINE_YEAR] : stage === SchoolStage.PRIMARY ? [SchoolStage.PRIMARY, SchoolStage.NINE_YEAR] : stage === SchoolStage.JUNIOR ? [SchoolStage.JUNIOR, SchoolStage.NINE_YEAR] : [SchoolStage.SENIOR];
  return levels.includes(t.stage) && (SUBJECT_ROTATION[stage] as readonly string[]).includes(t.subjects[0]);
}

/**
 * A lesson of `subject` for the school's grades, e.g. 三年级《燕子》, of `grade` when it has lessons that term; a
 * plain '一节音乐课' when the list has none.
 */
export function lessonFor(rng: Prng, subject: string, stage: SchoolStage, day: string, grade?: number): { text: string; grade: number } {
  const [minGrade, maxGrade] = gradeRange(stage === SchoolStage.TEACHING_POINT ? SchoolStage.PRIMARY : stage);
  const month = Number(day.slice(5, 7));
  const term = month >= 2 && month <= 7 ? 2 : 1;
  const fits = (LESSONS[subject] ?? []).filter(([g, t]) => g >= minGrade && g <= maxGrade && (t === 0 || t === term));
  const own = fits.filter(([g]) => g === grade);
  if (fits.length === 0) return { text: grade ? `${GRADE_NAMES[grade]}${subject}课` : `一节${subject}课`, grade: grade ?? rng.int(minGrade, maxGrade) };
  const [g, , lesson] = rng.pick(own.length > 0 ? own : fits);
  return { text: `${GRADE_NAMES[g]}${lesson}`, grade: g };
}
