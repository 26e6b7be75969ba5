import { createHash } from 'node:crypto';
import { Term } from '#app/balance';
import { schoolYearOf } from '#app/core';
import { BackboneLevel, EducationLevel, GroupKind, SchoolLocale, SchoolStage, TeacherHonour, TeacherTitle } from '#app/organisation';
import { CURRENT_SCHOOL_YEAR } from './calendar';
import { Prng } from './kit';
import type { DemoPlan, SchoolPlan, TeacherPlan } from './organisation';

/** A generator of the demo's own for one key (a teacher, a school), so no other draw of the demo moves. */
const seeded = (key: string) => new Prng(createHash('sha1').update(key).digest().readUInt32BE(0));
const between = (rng: Prng, lo: number, hi: number) => lo + (hi - lo) * rng.next();

/**
 * 优质均衡 attributes of a demo teacher: highest education, backbone level, full-time or not. Drawn from a generator
 * of the teacher's own (seeded by the id), so the rest of the demo's draws stay as they were.
 * Young teachers have degrees (本科, a few 硕士 in town); older rural teachers often 专科 or 中专 (中师).
 */
export function teacherQualifications(t: TeacherPlan, school: SchoolPlan): { educationLevel: EducationLevel; backboneLevel: BackboneLevel | null; fullTime: boolean } {
  const rng = seeded(`balance:${t.id}`);
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

/** The school years the demo records students and facilities for: 2022 to the current one. */
export const BALANCE_FIRST_YEAR = 2022;

export interface EnrolmentPlan {
  schoolId: string;
  countyId: string;
  year: number;
  term: Term;
  primaryStudents: number;
  juniorStudents: number;
  seniorStudents: number;
}

export interface FacilitiesPlan {
  schoolId: string;
  countyId: string;
  year: number;
  buildingArea: number;
  sportsArea: number;
  equipmentValue: number;
  multimediaRooms: number;
}

/**
 * 回流 as the Suizhou report tells it (domain-sources/004): the compulsory students of a school in the last term before
 * it joined its consortium, then from the autumn term of 2023: 三河小学 about 70 more, 渡蚁桥校区 nearly 300 more,
 * 驼子校区 from 6 to 87. Their current student counts are the demo's school figures.
 */
const RETURNED: Record<string, number> = { 随县厉山镇三河小学: 56, 广水市永阳学校渡蚁桥校区: 125, 广水市广水街道第三小学驼子校区: 6 };
const RETURNED_FROM = 2023;


/**
 * Each school's students per term, 2022 to now (the spring term of the current year is still to come). The current
 * autumn term is the school's student count; earlier terms follow the county's trend: town schools grew (about 2% a
 * year), village schools shrank (3–4% a year) until they joined a consortium, and grew a little after; the schools
 * of the report's story gained their pupils back in the autumn of 2023. A nine-year school is about 60% primary.
 */
export function enrolmentPlan(plan: DemoPlan): EnrolmentPlan[] {
  const joined = new Map<string, string>();
  for (const m of plan.memberships) if (m.groupKind === GroupKind.CONSORTIUM && !m.leftOn) joined.set(m.schoolId, m.joinedOn);
  const rows: EnrolmentPlan[] = [];
  for (const s of plan.schools) {
    const rng = seeded(`enrolment:${s.id}`);
    const primaryShare = s.stage === SchoolStage.NINE_YEAR ? between(rng, 0.55, 0.65) : s.stage === SchoolStage.JUNIOR || s.stage === SchoolStage.SENIOR ? 0 : 1;
    const joinYear = joined.has(s.id) ? schoolYearOf(joined.get(s.id)!) : null;
    const story = RETURNED[s.name];
    const studentsIn = (year: number, term: Term): number => {
      if (story !== undefined) return year < RETURNED_FROM ? story : s.studentCount;
      let n = s.studentCount;
      for (let y = CURRENT_SCHOOL_YEAR; y > year; y--) {
        const rate = s.locale === SchoolLocale.URBAN ? 0.02 : s.locale === SchoolLocale.TOWNSHIP ? 0 : joinYear !== null && y > joinYear ? 0.01 : -0.035;
        n = n / (1 + rate);
      }
      const noise = 1 + between(rng, -0.015, 0.015);
      return Math.max(0, Math.round(n * noise * (term === Term.SPRING ? 0.99 : 1)));
    };
    for (let year = BALANCE_FIRST_YEAR; year <= CURRENT_SCHOOL_YEAR; year++) {
      for (const term of year < CURRENT_SCHOOL_YEAR ? [Term.AUTUMN, Term.SPRING] : [Term.AUTUMN]) {
        const n = year === CURRENT_SCHOOL_YEAR && term === Term.AUTUMN ? s.studentCount : studentsIn(year, term);
        const senior = s.stage === SchoolStage.SENIOR ? n : 0;
        const primary = s.stage === SchoolStage.SENIOR ? 0 : Math.round(n * primaryShare);
        rows.push({ schoolId: s.id, countyId: s.regionId, year, term, primaryStudents: primary, juniorStudents: n - senior - primary, seniorStudents: senior });
      }
    }
  }
  return rows;
}

/** Per-student facilities a school of this kind has, [low, high) per figure (the standards: primary 4.5 m², 7.5 m², 2000 yuan, 2.3 rooms per 100). */
const LEVELS: Record<'PRIMARY' | 'JUNIOR', Record<SchoolLocale, [number, number][]>> = {
  PRIMARY: {
    URBAN: [[4.6, 5.8], [5.2, 8.2], [2300, 3300], [2.4, 3.4]],
    TOWNSHIP: [[4.8, 6.6], [7.6, 12], [1900, 2800], [2.3, 3.2]],
    RURAL: [[5.5, 9], [9, 18], [1600, 2900], [2.5, 5]],
  },
  JUNIOR: {
    URBAN: [[5.9, 7.2], [7.5, 11], [2700, 3700], [2.5, 3.4]],
    TOWNSHIP: [[5.9, 7.4], [10, 14], [2400, 3200], [2.4, 3.2]],
    RURAL: [[6.4, 9], [11, 18], [2200, 3200], [2.4, 3.6]],
  },
};

/**
 * Each compulsory school's facility figures per school year: floor and ground areas as built (the same every year),
 * equipment bought and multimedia rooms fitted year by year (the report's 2,460 touch-screen classrooms), scaled to
 * the school's students of that autumn.
 */
export function facilitiesPlan(plan: DemoPlan, enrolments: readonly EnrolmentPlan[]): FacilitiesPlan[] {
  const autumn = new Map(enrolments.filter((e) => e.term === Term.AUTUMN).map((e) => [`${e.schoolId} ${e.year}`, e.primaryStudents + e.juniorStudents + e.seniorStudents]));
  const rows: FacilitiesPlan[] = [];
  for (const s of plan.schools) {
    if (s.stage === SchoolStage.SENIOR) continue;
    const rng = seeded(`facilities:${s.id}`);
    const mix = s.stage === SchoolStage.NINE_YEAR ? 0.4 : s.stage === SchoolStage.JUNIOR ? 1 : 0;
    const level = (i: number) => {
      const [p, j] = [LEVELS.PRIMARY[s.locale][i], LEVELS.JUNIOR[s.locale][i]];
      return between(rng, p[0] * (1 - mix) + j[0] * mix, p[1] * (1 - mix) + j[1] * mix);
    };
    const [building, sports, equipment, rooms] = [level(0), level(1), level(2), level(3)];
    const now = s.studentCount;
    for (let year = BALANCE_FIRST_YEAR; year <= CURRENT_SCHOOL_YEAR; year++) {
      const students = autumn.get(`${s.id} ${year}`) ?? now;
      const behind = CURRENT_SCHOOL_YEAR - year;
      rows.push({
        schoolId: s.id,
        countyId: s.regionId,
        year,
        buildingArea: Math.round(building * now * 100) / 100,
        sportsArea: Math.round(sports * now * 100) / 100,
        equipmentValue: Math.round(equipment * students * 0.95 ** behind),
        multimediaRooms: Math.max(1, Math.round((rooms * students * 0.9 ** behind) / 100)),
      });
    }
  }
  return rows;
}
