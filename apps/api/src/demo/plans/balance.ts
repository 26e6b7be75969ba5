import { createHash } from 'node:crypto';
import { BackboneLevel, EducationLevel, SchoolLocale, SchoolStage, TeacherHonour, TeacherTitle } from '#app/organisation';
import { Prng } from './kit';
import type { SchoolPlan, TeacherPlan } from './organisation';

/**
 * 优质均衡 attributes of a demo teacher: highest education, backbone level, full-time or not. Drawn from a generator
 * of the teacher's own (seeded by the id), so the rest of the demo's draws stay as they were.
 * Young teachers have degrees (本科, a few 硕士 in town); older rural teachers often 专科 or 中专 (中师).
 */
export function teacherQualifications(t: TeacherPlan, school: SchoolPlan): { educationLevel: EducationLevel; backboneLevel: BackboneLevel | null; fullTime: boolean } {
  const rng = new Prng(createHash('sha1').update(`balance:${t.id}`).digest().readUInt32BE(0));
  const town = school.locale !== SchoolLocale.RURAL;
  const y = t.yearsOfExperience;
  const educationLevel: EducationLevel =
    y <= 8
      ? rng.weighted([[EducationLevel.BACHELOR, 80], [EducationLevel.MASTER, town ? 12 : 2], [EducationLevel.JUNIOR_COLLEGE, town ? 8 : 18]])
      : y <= 20
        ? rng.weighted([[EducationLevel.BACHELOR, town ? 70 : 45], [EducationLevel.JUNIOR_COLLEGE, town ? 28 : 50], [EducationLevel.SECONDARY, town ? 2 : 5]])
        : rng.weighted([[EducationLevel.BACHELOR, town ? 45 : 20], [EducationLevel.JUNIOR_COLLEGE, town ? 45 : 55], [EducationLevel.SECONDARY, town ? 10 : 25]]);
  const backboneLevel = t.honours.includes(TeacherHonour.FAMOUS_TEACHER)
    ? t.title === TeacherTitle.SENIOR_PROFESSOR
      ? BackboneLevel.PROVINCE
      : BackboneLevel.CITY
    : t.honours.includes(TeacherHonour.SUBJECT_LEADER)
      ? BackboneLevel.CITY
      : t.honours.includes(TeacherHonour.BACKBONE)
        ? BackboneLevel.COUNTY
        : null;
  // a few of a school's staff do not teach full time (administration, logistics); never a teaching point's
  const fullTime = school.stage === SchoolStage.TEACHING_POINT || !rng.chance(0.03);
  return { educationLevel, backboneLevel, fullTime };
}
