import { EXCHANGE_NOTES, GRADE_NAMES, STUDENT_ACTIVITIES } from '../demo-names';
import { SchoolStage, SchoolLocale, GroupKind, MemberRole, TeacherHonour } from '#app/organisation';
import { ExchangeKind, StudentActivityType } from '#app/activity';
import { FAR_FUTURE, RECORDED_UNTIL, addDays, chinaInstant, daysOfMonth, fill, isHoliday, isSchoolDay, isWeekday, minDay, monthsBetween, overlapping, randomDay, schoolDayFrom, termOf } from './calendar';
import { Prng, demoId, shortName } from './kit';
import { DemoKind, DemoPlan, SchoolPlan } from './organisation';
import { PlanIndex, currentMembers, lessonFor, teachesAt } from './plan-index';

/** Teacher exchanges (交流轮岗 / 走教送教 / 支教), joint student activities and rotation quotas, 2024-09 to 2026-11. */


export interface ExchangePlan {
  id: string;
  groupId: string;
  teacherId: string;
  fromSchoolId: string;
  toSchoolId: string;
  kind: ExchangeKind;
  startsOn: string;
  endsOn: string | null;
  note: string;
  createdAt: string;
}

export interface StudentActivityPlan {
  id: string;
  groupId: string;
  title: string;
  type: StudentActivityType;
  participantCount: number;
  heldOn: string;
  description: string;
  createdAt: string;
  schoolIds: string[];
}

export interface RotationQuotaPlan {
  id: string;
  regionId: string;
  year: number;
  minRotationRatio: number;
  minBackboneRatio: number;
  updatedAt: string;
}

export interface ExchangeActivityPlan {
  exchanges: ExchangePlan[];
  activities: StudentActivityPlan[];
  quotas: RotationQuotaPlan[];
}

export type Period = readonly [string, string | null];
/**
 * Rotations (交流轮岗) for a term or a school year, and 支教 for a year, with weights; the current ones have their
 * planned last day, a few have none (null: open-ended, still going on).
 */
export const ROTATION_PERIODS: ReadonlyArray<readonly [Period, number]> = [
  [['2024-09-02', '2025-01-17'], 2], [['2025-02-17', '2025-07-04'], 2], [['2025-09-01', '2026-01-23'], 2], [['2026-03-02', '2026-07-03'], 2], [['2026-09-01', '2027-01-22'], 2],
  [['2024-09-02', '2025-07-04'], 2], [['2025-09-01', '2026-07-03'], 2], [['2026-09-01', '2027-07-02'], 1], [['2026-09-01', null], 1], [['2025-09-01', null], 0.5],
];
export const SUPPORT_PERIODS: ReadonlyArray<readonly [Period, number]> = [
  [['2024-09-02', '2025-07-04'], 2], [['2025-09-01', '2026-07-03'], 2], [['2026-09-01', '2027-07-02'], 1], [['2025-09-01', null], 0.7], [['2026-09-01', null], 0.5],
];
/** Subjects village schools lack teachers for: most 走教 teachers teach these. */
export const TRAVELING_SUBJECTS = ['音乐', '美术', '体育', '英语', '科学', '信息科技'];
export const STUDENT_ACTIVITY_MONTHS = monthsBetween('2025-06-01', RECORDED_UNTIL);
export const KIND_NAMES: Record<DemoKind, string> = { CONSORTIUM: '教联体', EDUCATION_GROUP: '教育集团', ALLIANCE: '联盟', SCHOOL_DISTRICT: '大学区' };

export function buildExchangeActivityPlan(plan: DemoPlan, ix: PlanIndex): ExchangeActivityPlan {
  const rng = new Prng(20240902);
  const exchanges: ExchangePlan[] = [];
  const activities: StudentActivityPlan[] = [];
  /** Each teacher's exchanges as half-open periods [startsOn, endsOn + 1). */
  const periodsOf = new Map<string, [string, string][]>();
  const small = (s: SchoolPlan) => s.locale === SchoolLocale.RURAL || s.stage === SchoolStage.TEACHING_POINT;

  // The demo accounts' teachers: 周文华 went to 三河小学 for two weeks of 送教 (and taught alongside 陈雨萱); no other exchanges.
  const famous = ix.teacherById.get(plan.refs.famousTeacherId)!;
  const newcomer = ix.teacherById.get(plan.refs.newTeacherId)!;
  const featuredGroup = plan.groups.find((g) => g.id === plan.refs.featuredGroupId)!;
  exchanges.push({
    id: demoId(`teacher-exchange:${featuredGroup.name}:${famous.id}:2026-10-12`),
    groupId: featuredGroup.id,
    teacherId: famous.id,
    fromSchoolId: famous.schoolId,
    toSchoolId: newcomer.schoolId,
    kind: ExchangeKind.TRAVELING,
    startsOn: '2026-10-12',
    endsOn: '2026-10-23',
    note: `名师送教：到${shortName(ix.schoolById.get(newcomer.schoolId)!.name)}上${famous.subjects[0]}示范课，与徒弟${newcomer.name}同课异构。`,
    createdAt: chinaInstant('2026-09-28', 10 * 60),
  });
  periodsOf.set(famous.id, [['2026-10-12', '2026-10-24']]);
  periodsOf.set(newcomer.id, [['2000-01-01', FAR_FUTURE]]);

  for (const group of plan.groups) {
    if (group.kind === GroupKind.ALLIANCE) continue;
    const featured = group.id === plan.refs.featuredGroupId;
    const n = featured ? 15 : group.kind === GroupKind.CONSORTIUM ? rng.int(5, 12) : rng.int(4, 7);
    for (let k = 0; k < n; k++) {
      for (let attempt = 0; attempt < 40; attempt++) {
        const kind = rng.weighted<ExchangeKind>([[ExchangeKind.ROTATION, 45], [ExchangeKind.TRAVELING, 33], [ExchangeKind.SUPPORT, 22]]);
        let startsOn: string;
        let endsOn: string | null;
        if (kind === ExchangeKind.TRAVELING) {
          // 走教送教: one to six weeks within a term.
          startsOn = schoolDayFrom(randomDay(rng, '2024-09-02', '2026-11-06'));
          endsOn = minDay(addDays(startsOn, rng.int(4, 40)), termOf(startsOn)![2], RECORDED_UNTIL);
        } else {
          [startsOn, endsOn] = rng.weighted(kind === ExchangeKind.ROTATION ? ROTATION_PERIODS : SUPPORT_PERIODS);
        }
        const members = currentMembers(ix, group.id, startsOn).map((x) => ({ x, s: ix.schoolById.get(x.schoolId)! }));
        const lead = members.find((m) => m.x.role === MemberRole.LEAD);
        const others = members.filter((m) => m.x.role === MemberRole.MEMBER);
        if (!lead || others.length === 0) continue;
        // Rotations mostly send the lead school's teachers (骨干 first) out; young member teachers come in to learn (跟岗).
        const inbound = kind === ExchangeKind.ROTATION && rng.chance(0.3);
        let from: SchoolPlan;
        let to: SchoolPlan;
        if (inbound) {
          from = rng.pick(others).s;
          to = lead.s;
        } else {
          const towns = others.filter((m) => !small(m.s) && m.s.locale !== SchoolLocale.URBAN);
          from = kind !== ExchangeKind.ROTATION && towns.length > 0 && rng.chance(0.2) ? rng.pick(towns).s : lead.s;
          const targets = others.filter((m) => m.s.id !== from.id);
          if (targets.length === 0) continue;
          to = rng.weighted(targets.map((m) => [m.s, small(m.s) ? 3 : m.s.locale === SchoolLocale.URBAN ? 1 : 2] as const));
        }
        const candidates = (ix.teachersBySchool.get(from.id) ?? [])
          .filter((t) => ix.currentFrom.get(t.id)! <= startsOn && teachesAt(t, to) && t.id !== famous.id && t.id !== newcomer.id)
          .map((t) => {
            const backbone = t.honours.includes(TeacherHonour.BACKBONE);
            let w: number;
            if (kind === ExchangeKind.ROTATION) w = inbound ? (t.yearsOfExperience <= 8 && !backbone ? 2 : 0.3) : backbone ? 4 : t.yearsOfExperience >= 5 ? 1.2 : 0.2;
            else if (kind === ExchangeKind.TRAVELING) w = TRAVELING_SUBJECTS.includes(t.subjects[0]) ? 4 : 1;
            else w = t.yearsOfExperience >= 3 && t.yearsOfExperience <= 20 ? (backbone ? 1.5 : 1) : 0.2;
            return [t, w / (1 + 3 * (periodsOf.get(t.id)?.length ?? 0))] as const;
          });
        if (candidates.length === 0) continue;
        const teacher = rng.weighted(candidates);
        const until = endsOn === null ? FAR_FUTURE : addDays(endsOn, 1);
        if (overlapping(periodsOf.get(teacher.id) ?? [], startsOn, until)) continue;
        periodsOf.set(teacher.id, [...(periodsOf.get(teacher.id) ?? []), [startsOn, until]]);
        const subject = teacher.subjects[0];
        const noteKey = kind === ExchangeKind.ROTATION ? (inbound ? 'ROTATION_IN' : 'ROTATION_OUT') : kind;
        const createdAt = chinaInstant(addDays(startsOn, -rng.int(5, 20)), rng.int(9 * 60, 17 * 60));
        exchanges.push({
          id: demoId(`teacher-exchange:${group.name}:${teacher.id}:${startsOn}`),
          groupId: group.id,
          teacherId: teacher.id,
          fromSchoolId: from.id,
          toSchoolId: to.id,
          kind,
          startsOn,
          endsOn,
          note: fill(rng.pick(EXCHANGE_NOTES[noteKey]), { subject, grade: GRADE_NAMES[lessonFor(rng, subject, to.stage, startsOn).grade], school: shortName(to.name) }),
          createdAt,
        });
        break;
      }
    }
  }

  // Joint student activities: 1-3 a month (one in the vacation months), 2-4 member schools each.
  const TYPE_WEIGHTS: ReadonlyArray<readonly [StudentActivityType, number]> = [
    [StudentActivityType.SPORTS, 3], [StudentActivityType.ARTS, 3], [StudentActivityType.SCIENCE, 2], [StudentActivityType.READING, 3], [StudentActivityType.LABOUR, 2], [StudentActivityType.STUDY_TRIP, 2], [StudentActivityType.CLUB, 2], [StudentActivityType.OTHER, 1],
  ];
  const ALLIANCE_WEIGHTS: ReadonlyArray<readonly [StudentActivityType, number]> = [[StudentActivityType.SCIENCE, 6], [StudentActivityType.CLUB, 2], [StudentActivityType.STUDY_TRIP, 2], [StudentActivityType.READING, 1]];
  const SHARE: Record<StudentActivityType, [number, number]> = {
    SPORTS: [0.08, 0.2], ARTS: [0.04, 0.12], SCIENCE: [0.04, 0.12], READING: [0.05, 0.15], LABOUR: [0.03, 0.1], STUDY_TRIP: [0.02, 0.06], CLUB: [0.02, 0.08], OTHER: [0.04, 0.12],
  };
  for (const group of plan.groups) {
    const groupShort = shortName(group.name).replace(/^随州市/, '');
    const used = new Set<string>();
    for (const month of STUDENT_ACTIVITY_MONTHS) {
      const mo = Number(month.slice(5, 7));
      const vacation = mo === 7 || mo === 8 || mo === 2;
      const pool = daysOfMonth(month).filter((d) => d <= RECORDED_UNTIL && isWeekday(d) && !isHoliday(d) && (vacation || isSchoolDay(d)));
      const days: string[] = [];
      for (let n = vacation ? 1 : rng.int(1, 3); days.length < n && pool.length > 0; ) days.push(pool.splice(Math.floor(rng.next() * pool.length), 1)[0]);
      for (const day of days.sort()) {
        const year = day.slice(0, 4);
        let type: StudentActivityType = StudentActivityType.OTHER;
        let title = '';
        for (let attempt = 0; attempt < 40 && !title; attempt++) {
          type = rng.weighted(group.kind === GroupKind.ALLIANCE ? ALLIANCE_WEIGHTS : TYPE_WEIGHTS);
          const fits = STUDENT_ACTIVITIES[type].filter(([, months]) => months.length === 0 || months.includes(mo));
          if (fits.length === 0) continue;
          const candidate = fill(rng.pick(fits)[0], { group: groupShort, kind: KIND_NAMES[group.kind], year });
          // The same activity once a year.
          if (!used.has(`${candidate}@${year}`)) title = candidate;
        }
        if (!title) continue;
        used.add(`${title}@${year}`);
        const members = currentMembers(ix, group.id, day).map((x) => ({ x, s: ix.schoolById.get(x.schoolId)! }));
        if (members.length < 2) continue;
        const count = rng.int(2, Math.min(4, members.length));
        const lead = members.find((m) => m.x.role === MemberRole.LEAD);
        const rest = members.filter((m) => m !== lead);
        const chosen: SchoolPlan[] = lead && rng.chance(0.7) ? [lead.s] : [];
        while (chosen.length < count) chosen.push(rest.length > 0 ? rest.splice(Math.floor(rng.next() * rest.length), 1)[0].s : lead!.s);
        const [lo, hi] = SHARE[type];
        const students = chosen.reduce((sum, s) => sum + s.studentCount, 0);
        // Big schools send a few classes, not everyone: 30-400 students.
        const raw = Math.round(students * (lo + rng.next() * (hi - lo)));
        const participants = raw > 400 ? rng.int(220, 400) : raw < 30 ? rng.int(30, 60) : raw;
        activities.push({
          id: demoId(`student-activity:${group.name}:${day}:${title}`),
          groupId: group.id,
          title,
          type,
          participantCount: participants,
          heldOn: day,
          description: `${chosen.map((s) => shortName(s.name)).join('、')}${chosen.length}所学校共${participants}名学生参加。`,
          createdAt: chinaInstant(addDays(day, rng.int(0, 3)), rng.int(15 * 60, 20 * 60)),
          schoolIds: chosen.map((s) => s.id),
        });
      }
    }
  }

  // 随县教育局's rotation quotas (the other groups fall back to the defaults).
  const quotas: RotationQuotaPlan[] = [
    { id: demoId('rotation-quota:随县:2025'), regionId: plan.refs.mainCountyId, year: 2025, minRotationRatio: 0.1, minBackboneRatio: 0.2, updatedAt: chinaInstant('2025-01-10', 10 * 60) },
    { id: demoId('rotation-quota:随县:2026'), regionId: plan.refs.mainCountyId, year: 2026, minRotationRatio: 0.12, minBackboneRatio: 0.25, updatedAt: chinaInstant('2026-01-12', 10 * 60) },
  ];
  return { exchanges, activities, quotas };
}
