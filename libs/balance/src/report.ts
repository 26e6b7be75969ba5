import { SchoolStage } from '#app/organisation';
import {
  BalanceIndicator,
  BalanceStage,
  COEFFICIENT_THRESHOLDS,
  compliance,
  indicatorValue,
  INDICATORS,
  standardOf,
  weightedCoefficient,
  type PartFigures,
  type SchoolCompliance,
} from './standard';

/**
 * From records to the 优质均衡 report, without the database: which stage parts a school has, how many students
 * and teachers each part counts, and the report of a set of parts. The service reads the records; simulations and
 * the optimiser move teachers here.
 */

/** What a report knows of a school. */
export interface BalanceSchoolRecord {
  id: string;
  name: string;
  stage: SchoolStage;
  /** the term's enrolment by part, or null when none is recorded (then `studentCount` is used) */
  enrolment: { primary: number; junior: number; senior: number } | null;
  studentCount: number;
  facilities: { buildingArea: number; sportsArea: number; equipmentValue: number; multimediaRooms: number } | null;
}

/** What a report knows of a teacher: where they count (their school, or their exchange's host) and what they are. */
export interface BalanceTeacherRecord {
  id: string;
  name: string;
  /** where the teacher counts on the report's day */
  schoolId: string;
  stage: SchoolStage;
  subjects: string[];
  /** 专任教师 */
  fullTime: boolean;
  /** above the required education: primary (专科 and up), junior (本科 and up) */
  aboveRequired: Record<BalanceStage, boolean>;
  /** county level or above (a level recorded, or a 名师 / 学科带头人 / 骨干 honour) */
  backbone: boolean;
  /** main subject (the first) is 体育 or an art (美术, 音乐) */
  peArts: boolean;
  /** the exchange (ROTATION or SUPPORT) that has the teacher at the host school on the report's day */
  exchangeId: string | null;
}

/** Teaching points under this many students are left out (as the standard does). */
export const TEACHING_POINT_MIN_STUDENTS = 50;

export enum BalanceMissing {
  /** no facility figures for the year: the four facility indicators are 0 */
  FACILITIES = 'FACILITIES',
  /** a school with two parts and no enrolment by part: its students are split by its teachers' stages */
  ENROLMENT_BY_STAGE = 'ENROLMENT_BY_STAGE',
}

export enum BalanceExclusion {
  SMALL_TEACHING_POINT = 'SMALL_TEACHING_POINT',
  NO_STUDENTS = 'NO_STUDENTS',
}

/** The compulsory parts of a school (a senior high school has none; a twelve-year school's senior part is left out). */
export function partsOf(stage: SchoolStage): BalanceStage[] {
  switch (stage) {
    case SchoolStage.PRIMARY:
    case SchoolStage.TEACHING_POINT:
      return [BalanceStage.PRIMARY];
    case SchoolStage.JUNIOR:
      return [BalanceStage.JUNIOR];
    case SchoolStage.NINE_YEAR:
    case SchoolStage.TWELVE_YEAR:
      return [BalanceStage.PRIMARY, BalanceStage.JUNIOR];
    default:
      return [];
  }
}

/** The stage part a teacher of this stage belongs to at a school with two parts (null: not one of them). */
const definitePart = (stage: SchoolStage): BalanceStage | 'SENIOR' | null =>
  stage === SchoolStage.PRIMARY || stage === SchoolStage.TEACHING_POINT ? BalanceStage.PRIMARY : stage === SchoolStage.JUNIOR ? BalanceStage.JUNIOR : stage === SchoolStage.SENIOR ? 'SENIOR' : null;

interface Students {
  primary: number;
  junior: number;
  senior: number;
  missing: BalanceMissing[];
}

/** A school's students by part: its enrolment, or its student count (split by its teachers' stages when it has two parts). */
function studentsOf(s: BalanceSchoolRecord, teachers: readonly BalanceTeacherRecord[]): Students {
  const parts = partsOf(s.stage);
  if (parts.length === 1) {
    const n = s.enrolment ? s.enrolment.primary + s.enrolment.junior : s.studentCount;
    return { primary: parts[0] === BalanceStage.PRIMARY ? n : 0, junior: parts[0] === BalanceStage.JUNIOR ? n : 0, senior: 0, missing: [] };
  }
  if (s.enrolment) return { ...s.enrolment, missing: [] };
  const count = (p: BalanceStage | 'SENIOR') => teachers.filter((t) => definitePart(t.stage) === p).length;
  const [p, j, h] = [count(BalanceStage.PRIMARY), count(BalanceStage.JUNIOR), s.stage === SchoolStage.TWELVE_YEAR ? count('SENIOR') : 0];
  const all = p + j + h;
  const primary = all ? Math.round((s.studentCount * p) / all) : Math.round(s.studentCount / 2);
  const junior = all ? Math.round((s.studentCount * j) / all) : s.studentCount - primary;
  return { primary, junior, senior: s.studentCount - primary - junior, missing: [BalanceMissing.ENROLMENT_BY_STAGE] };
}

/** How much of a teacher counts in a part of their school: 1, 0, or (a teacher of both stages) the part's share of the students. */
function teacherWeight(t: BalanceTeacherRecord, schoolStage: SchoolStage, part: BalanceStage, students: Students): number {
  const parts = partsOf(schoolStage);
  if (parts.length === 1) return t.stage === SchoolStage.SENIOR ? 0 : 1;
  const d = definitePart(t.stage);
  if (d !== null) return d === part ? 1 : 0;
  const all = students.primary + students.junior + students.senior;
  return all ? (part === BalanceStage.PRIMARY ? students.primary : students.junior) / all : 0;
}

export interface PartResult extends SchoolCompliance {
  school: BalanceSchoolRecord;
  stage: BalanceStage;
  students: number;
  /** full-time teachers counted in the part */
  teachers: number;
  figures: PartFigures;
  missing: BalanceMissing[];
}

export interface IndicatorResult {
  key: BalanceIndicator;
  standard: number;
  value: number;
  coefficient: number | null;
  threshold: number;
  holds: boolean;
  /** parts by how much they pull the coefficient up (their share of the weighted squared deviation), largest first */
  pulls: { part: PartResult; share: number; value: number }[];
}

export interface StageResult {
  stage: BalanceStage;
  students: number;
  indicators: IndicatorResult[];
  schools: PartResult[];
  compliantSchools: number;
  /** every coefficient under its threshold */
  holds: boolean;
}

export interface ComputedReport {
  stages: StageResult[];
  excluded: { school: BalanceSchoolRecord; reason: BalanceExclusion; students: number }[];
  /** teachers counted at a host school because of an exchange */
  exchangesCounted: number;
}

const PULLS_SHOWN = 3;

/** The report of these schools (listed in the order given) with these teachers (each counted at their `schoolId`). */
export function computeReport(schools: readonly BalanceSchoolRecord[], teachers: readonly BalanceTeacherRecord[]): ComputedReport {
  const bySchool = new Map<string, BalanceTeacherRecord[]>();
  for (const t of teachers) {
    const staff = bySchool.get(t.schoolId);
    if (staff) staff.push(t);
    else bySchool.set(t.schoolId, [t]);
  }
  const parts: PartResult[] = [];
  const excluded: ComputedReport['excluded'] = [];
  for (const s of schools) {
    const stages = partsOf(s.stage);
    if (!stages.length) continue;
    const staff = bySchool.get(s.id) ?? [];
    const students = studentsOf(s, staff);
    const total = students.primary + students.junior + students.senior;
    if (s.stage === SchoolStage.TEACHING_POINT && total < TEACHING_POINT_MIN_STUDENTS) {
      excluded.push({ school: s, reason: BalanceExclusion.SMALL_TEACHING_POINT, students: total });
      continue;
    }
    if (total === 0) {
      excluded.push({ school: s, reason: BalanceExclusion.NO_STUDENTS, students: 0 });
      continue;
    }
    for (const stage of stages) {
      const n = stage === BalanceStage.PRIMARY ? students.primary : students.junior;
      if (n <= 0) continue;
      const share = n / total;
      const count = (pred: (t: BalanceTeacherRecord) => boolean) =>
        staff.filter((t) => t.fullTime && pred(t)).reduce((sum, t) => sum + teacherWeight(t, s.stage, stage, students), 0);
      const f = s.facilities;
      const figures: PartFigures = {
        students: n,
        qualified: count((t) => t.aboveRequired[stage]),
        backbone: count((t) => t.backbone),
        peArts: count((t) => t.peArts),
        buildingArea: f ? f.buildingArea * share : 0,
        sportsArea: f ? f.sportsArea * share : 0,
        equipmentValue: f ? f.equipmentValue * share : 0,
        multimediaRooms: f ? f.multimediaRooms * share : 0,
      };
      const missing = [...(f ? [] : [BalanceMissing.FACILITIES]), ...students.missing];
      parts.push({ school: s, stage, students: n, teachers: count(() => true), figures, missing, ...compliance(stage, figures) });
    }
  }
  const stages = [BalanceStage.PRIMARY, BalanceStage.JUNIOR].map((stage): StageResult => {
    const schools = parts.filter((p) => p.stage === stage);
    const threshold = COEFFICIENT_THRESHOLDS[stage];
    const indicators = INDICATORS.map((key): IndicatorResult => {
      const points = schools.map((p) => ({ students: p.students, value: indicatorValue(key, p.figures) }));
      const c = weightedCoefficient(points);
      const pulls = schools
        .map((part, i) => ({ part, share: c.shares[i], value: points[i].value }))
        .filter((x) => x.share > 0)
        .sort((a, b) => b.share - a.share)
        .slice(0, PULLS_SHOWN);
      return { key, standard: standardOf(key, stage), value: c.mean, coefficient: c.coefficient, threshold, holds: c.coefficient !== null && c.coefficient <= threshold, pulls };
    });
    return {
      stage,
      students: schools.reduce((s, p) => s + p.students, 0),
      indicators,
      schools,
      compliantSchools: schools.filter((p) => p.complies).length,
      holds: schools.length > 0 && indicators.every((i) => i.holds),
    };
  });
  return { stages, excluded, exchangesCounted: teachers.filter((t) => t.exchangeId).length };
}
