import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, PHONE_PREFIXES, SURNAMES } from '../demo-names';
import { RegionLevel, SchoolStage, SchoolLocale, GroupKind, ConsortiumMode, GroupLevel, MemberRole, Pairing, TeacherTitle, TeacherHonour } from '#app/organisation';
import { CURRENT_SCHOOL_YEAR, LATEST_DATE, addDays, nextSemester } from './calendar';
import { DOMAIN, FAMOUS_TEACHER_NAME, FEATURED_CONSORTIUM, FEATURED_LEAD_SCHOOL, FEATURED_RURAL_SCHOOL, MAIN_COUNTY, NEW_TEACHER_NAME, Prng, demoId } from './kit';
import { REGIONS, defaultPairing, femaleShare, groupSpecs, pickYears, plannedTeacherRows, schoolSpecs, sizeProfile, sortHonours, subjectsFor, titleFor } from './organisation-specs';

/** The organisation plan (no database, no rules): regions, schools, groups, memberships, teachers, assignments. */


/** The demo has no twelve-year schools (十二年一贯制) and no development communities (发展共同体). */
export type DemoStage = Exclude<SchoolStage, SchoolStage.TWELVE_YEAR>;
export type DemoKind = Exclude<GroupKind, GroupKind.COMMUNITY>;

export interface RegionPlan {
  id: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  code: string;
  path: string[];
}

export interface SchoolPlan {
  id: string;
  name: string;
  county: string;
  regionId: string;
  stage: DemoStage;
  locale: SchoolLocale;
  studentCount: number;
  teacherCount: number;
  campusOfId: string | null;
  /** Opened recently: teachers with a longer career came from another school. */
  openedOn: string | null;
  /** How many teacher rows the demo creates for this school. */
  teacherRows: number;
}

export interface GroupPlan {
  id: string;
  name: string;
  kind: DemoKind;
  mode: ConsortiumMode | null;
  regionId: string;
  leadSchoolId: string;
  level: GroupLevel | null;
  foundedOn: string;
}

export interface MembershipPlan {
  id: string;
  groupId: string;
  schoolId: string;
  groupKind: DemoKind;
  role: MemberRole;
  pairing: Pairing | null;
  joinedOn: string;
  leftOn: string | null;
}

export interface TeacherPlan {
  id: string;
  name: string;
  schoolId: string;
  subjects: string[];
  stage: DemoStage;
  title: TeacherTitle;
  yearsOfExperience: number;
  honours: TeacherHonour[];
  email: string | null;
  phone: string | null;
}

export interface AssignmentPlan {
  id: string;
  teacherId: string;
  schoolId: string;
  fromDate: string;
  toDate: string | null;
}

export interface DemoPlan {
  regions: RegionPlan[];
  schools: SchoolPlan[];
  groups: GroupPlan[];
  memberships: MembershipPlan[];
  teachers: TeacherPlan[];
  assignments: AssignmentPlan[];
  /** The rest of each school's staff, up to its teacherCount: in the directory and the 优质均衡 report, in no other plan. */
  staff: { teachers: TeacherPlan[]; assignments: AssignmentPlan[] };
  /** Ids the demo accounts are bound to. */
  refs: {
    provinceId: string;
    cityId: string;
    mainCountyId: string;
    featuredGroupId: string;
    featuredSchoolId: string;
    famousTeacherId: string;
    newTeacherId: string;
  };
  coverage: { covered: number; compulsory: number };
}

/** How many of a school's staff with five years or more are 县级以上骨干教师, by where the school is. */
const STAFF_BACKBONE_SHARE: Record<SchoolLocale, number> = { URBAN: 0.24, TOWNSHIP: 0.08, RURAL: 0.02 };

const VILLAGE_SPECIALISTS: readonly (readonly string[])[] = [['体育'], ['音乐', '美术'], ['美术', '音乐']];

/** A mobile number (prefix, then eight digits). */
const phoneNumber = (r: Prng) => r.pick(PHONE_PREFIXES) + String(r.int(0, 99_999_999)).padStart(8, '0');
/** The first day of a career of `years` school years. */
const careerStartOf = (years: number) => `${CURRENT_SCHOOL_YEAR - years}-09-01`;

export function buildPlan(): DemoPlan {
  const rng = new Prng(20241016);

  // Regions: path runs from the root down to the region itself.
  const regionByCode = new Map<string, RegionPlan>();
  const regions: RegionPlan[] = [];
  for (const r of REGIONS) {
    const id = demoId(`region:${r.code}`);
    const parent = r.parentCode ? regionByCode.get(r.parentCode) : undefined;
    if (r.parentCode && !parent) throw new Error(`demo plan: parent of ${r.name} must come first`);
    const plan: RegionPlan = { id, name: r.name, level: r.level, parentId: parent?.id ?? null, code: r.code, path: [...(parent?.path ?? []), id] };
    regionByCode.set(r.code, plan);
    regions.push(plan);
  }
  const regionIdByName = new Map(regions.map((r) => [r.name, r.id]));
  const regionId = (name: string): string => {
    const id = regionIdByName.get(name);
    if (!id) throw new Error(`demo plan: unknown region ${name}`);
    return id;
  };

  // Schools
  const schools: SchoolPlan[] = [];
  const schoolByName = new Map<string, SchoolPlan>();
  for (const s of schoolSpecs()) {
    if (schoolByName.has(s.name)) throw new Error(`demo plan: duplicate school ${s.name}`);
    const profile = sizeProfile(s.stage, s.locale);
    const students = s.students ?? rng.int(profile.min, profile.max);
    const rows = plannedTeacherRows(rng, s.stage, s.locale);
    const staff = Math.max(rows, Math.round(students / profile.ratio) + profile.extra);
    const campusOf = s.campusOf ? schoolByName.get(s.campusOf) : undefined;
    if (s.campusOf && !campusOf) throw new Error(`demo plan: main campus of ${s.name} must come first`);
    const plan: SchoolPlan = {
      id: demoId(`school:${s.name}`),
      name: s.name,
      county: s.county,
      regionId: regionId(s.county),
      stage: s.stage,
      locale: s.locale,
      studentCount: students,
      teacherCount: staff,
      campusOfId: campusOf?.id ?? null,
      openedOn: s.openedOn ?? null,
      teacherRows: rows,
    };
    schools.push(plan);
    schoolByName.set(s.name, plan);
  }
  const school = (name: string): SchoolPlan => {
    const s = schoolByName.get(name);
    if (!s) throw new Error(`demo plan: unknown school ${name}`);
    return s;
  };

  // Groups and memberships
  const groups: GroupPlan[] = [];
  const memberships: MembershipPlan[] = [];
  const leadSchoolIds = new Set<string>();
  const fusedMembers: { lead: SchoolPlan; member: SchoolPlan; joinedOn: string }[] = [];
  for (const g of groupSpecs()) {
    const lead = school(g.lead);
    const group: GroupPlan = {
      id: demoId(`group:${g.name}`),
      name: g.name,
      kind: g.kind,
      mode: g.mode ?? null,
      regionId: regionId(g.region),
      leadSchoolId: lead.id,
      level: g.level ?? null,
      foundedOn: g.foundedOn,
    };
    groups.push(group);
    leadSchoolIds.add(lead.id);
    const addMembership = (s: SchoolPlan, role: MemberRole, pairing: Pairing | null, joinedOn: string, leftOn: string | null) =>
      memberships.push({
        id: demoId(`membership:${g.name}:${s.name}:${joinedOn}`),
        groupId: group.id,
        schoolId: s.id,
        groupKind: g.kind,
        role,
        pairing,
        joinedOn,
        leftOn,
      });
    addMembership(lead, MemberRole.LEAD, null, g.foundedOn, null);
    g.members.forEach((spec, i) => {
      const ms = typeof spec === 'string' ? { school: spec } : spec;
      const s = school(ms.school);
      // The first members join at the founding; later ones at the next semester (coverage grows over time).
      const joinedOn = ms.joinedOn ?? (i < 3 ? g.foundedOn : nextSemester(g.foundedOn));
      addMembership(s, MemberRole.MEMBER, ms.pairing ?? defaultPairing(s), joinedOn, ms.leftOn ?? null);
      if (g.mode === ConsortiumMode.FUSED && !ms.leftOn && !s.openedOn && fusedMembers.filter((f) => f.lead === lead).length < 2) {
        fusedMembers.push({ lead, member: s, joinedOn });
      }
    });
  }

  // Teachers and their assignments
  const teachers: TeacherPlan[] = [];
  const assignments: AssignmentPlan[] = [];
  const usedNames = new Set<string>([FAMOUS_TEACHER_NAME, NEW_TEACHER_NAME]);
  const schoolsByCounty = new Map<string, SchoolPlan[]>();
  for (const s of schools) schoolsByCounty.set(s.county, [...(schoolsByCounty.get(s.county) ?? []), s]);
  // 轮岗: a teacher of a fused consortium's member school came from the lead school.
  const rotatedFrom = new Map<string, { lead: SchoolPlan; on: string }>();
  for (const f of fusedMembers) {
    // Rotations start with the school year after the school joined.
    const year = Number(f.joinedOn.slice(0, 4));
    const on = `${year}-09-01` > f.joinedOn ? `${year}-09-01` : `${year + 1}-09-01`;
    rotatedFrom.set(f.member.id, { lead: f.lead, on: on > LATEST_DATE ? f.joinedOn : on });
  }
  let famousSeniorProfessors = 0;
  let emailSeq = 0;

  const newName = (female: boolean, years: number, r: Prng = rng): string => {
    const pool = female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE;
    // Born about 22 years before starting to teach: older teachers have older names.
    const generations: ReadonlyArray<readonly [readonly string[], number]> =
      years >= 25 ? [[pool.classic, 5], [pool.common, 5]] : years >= 8 ? [[pool.classic, 1], [pool.common, 8], [pool.modern, 1]] : [[pool.common, 5], [pool.modern, 5]];
    for (let attempt = 0; ; attempt++) {
      const name = r.weighted(SURNAMES) + r.pick(r.weighted(generations));
      if (!usedNames.has(name) || attempt > 50) {
        usedNames.add(name);
        return name;
      }
    }
  };
  // Schools a teacher of `stage` could have come from.
  const sameLevel: Record<DemoStage, readonly DemoStage[]> = {
    PRIMARY: [SchoolStage.PRIMARY, SchoolStage.NINE_YEAR],
    TEACHING_POINT: [SchoolStage.PRIMARY, SchoolStage.NINE_YEAR],
    JUNIOR: [SchoolStage.JUNIOR, SchoolStage.NINE_YEAR],
    NINE_YEAR: [SchoolStage.PRIMARY, SchoolStage.JUNIOR, SchoolStage.NINE_YEAR],
    SENIOR: [SchoolStage.SENIOR, SchoolStage.JUNIOR],
  };
  const otherSchool = (s: SchoolPlan): SchoolPlan => {
    const pool = (schoolsByCounty.get(s.county) ?? []).filter((o) => o.id !== s.id && !o.openedOn && sameLevel[s.stage].includes(o.stage));
    return rng.pick(pool);
  };

  for (const s of schools) {
    const isLead = leadSchoolIds.has(s.id);
    for (let i = 0; i < s.teacherRows; i++) {
      const key = `teacher:${s.name}:${i}`;
      const id = demoId(key);
      const female = rng.chance(femaleShare(s.stage));
      let name: string | undefined;
      let years = pickYears(rng);
      let title = titleFor(rng, years);
      const honours = new Set<TeacherHonour>();
      if (isLead && i === 0) {
        // Each lead school has a 名师 who leads the group's teaching research.
        years = rng.int(20, 32);
        title = famousSeniorProfessors < 2 && years >= 25 ? TeacherTitle.SENIOR_PROFESSOR : TeacherTitle.SENIOR;
        if (title === TeacherTitle.SENIOR_PROFESSOR) famousSeniorProfessors++;
        honours.add(TeacherHonour.FAMOUS_TEACHER).add(TeacherHonour.BACKBONE);
      } else if (isLead && i === 1) {
        years = rng.int(14, 26);
        title = years >= 18 ? TeacherTitle.SENIOR : TeacherTitle.FIRST_GRADE;
        honours.add(TeacherHonour.SUBJECT_LEADER).add(TeacherHonour.BACKBONE);
      } else if (years <= 2) {
        honours.add(TeacherHonour.NEW_TEACHER);
      } else {
        if (years >= 5 && rng.chance(0.19)) honours.add(TeacherHonour.BACKBONE);
        if (rng.chance(0.05)) honours.add(TeacherHonour.EXCELLENT_TEACHER);
        if (years >= 15 && s.locale === SchoolLocale.URBAN && honours.has(TeacherHonour.BACKBONE) && rng.chance(0.2)) honours.add(TeacherHonour.SUBJECT_LEADER);
      }
      // The demo accounts' teachers.
      if (s.name === FEATURED_LEAD_SCHOOL && i === 0) {
        name = FAMOUS_TEACHER_NAME;
        years = 28;
        title = TeacherTitle.SENIOR_PROFESSOR;
        honours.clear();
        honours.add(TeacherHonour.FAMOUS_TEACHER).add(TeacherHonour.SUBJECT_LEADER).add(TeacherHonour.BACKBONE);
      }
      if (s.name === FEATURED_RURAL_SCHOOL && i === s.teacherRows - 1) {
        name = NEW_TEACHER_NAME;
        years = 1;
        title = TeacherTitle.UNRANKED;
        honours.clear();
        honours.add(TeacherHonour.NEW_TEACHER);
      }
      if (name === undefined) name = newName(female, years);
      const hasEmail = rng.chance(0.4);
      const hasPhone = rng.chance(0.6);
      const email = hasEmail ? `t${String(++emailSeq).padStart(4, '0')}@${DOMAIN}` : null;
      const phone = hasPhone ? phoneNumber(rng) : null;
      teachers.push({
        id,
        name,
        schoolId: s.id,
        subjects: subjectsFor(s, i),
        // Teaching points teach primary grades.
        stage: s.stage === SchoolStage.TEACHING_POINT ? SchoolStage.PRIMARY : s.stage,
        title,
        yearsOfExperience: years,
        honours: sortHonours(honours),
        email,
        phone,
      });

      // Career history: the current assignment, and an earlier one when the teacher moved.
      const careerStart = careerStartOf(years);
      let previous: { school: SchoolPlan; to: string } | null = null;
      const rotation = rotatedFrom.get(s.id);
      if (s.openedOn && careerStart < s.openedOn) {
        previous = { school: otherSchool(s), to: addDays(s.openedOn, -1) };
      } else if (rotation && i === 2 && years >= 6 && careerStart < rotation.on) {
        previous = { school: rotation.lead, to: addDays(rotation.on, -1) };
      } else if (years >= 8 && rng.chance(0.025)) {
        const careerYear = CURRENT_SCHOOL_YEAR - years;
        const moveYear = rng.int(careerYear + 3, CURRENT_SCHOOL_YEAR - 1);
        previous = { school: otherSchool(s), to: `${moveYear}-08-31` };
      }
      if (previous) {
        assignments.push({ id: demoId(`assignment:${key}:0`), teacherId: id, schoolId: previous.school.id, fromDate: careerStart, toDate: previous.to });
      }
      const from = previous ? addDays(previous.to, 1) : careerStart;
      assignments.push({ id: demoId(`assignment:${key}:1`), teacherId: id, schoolId: s.id, fromDate: from, toDate: null });
    }
  }

  // The rest of each school's staff (teacherCount in all): on the roster, no account and no activity of their own, but
  // counted by the 优质均衡 report. Drawn after every other draw and from a generator of their own, so the named
  // teachers above and every plan built on them stay as they were. Backbone teachers (县级以上骨干) are mostly in town:
  // the gap the county's rotations are meant to close (domain-sources/002: 骨干教师由城镇学校向乡村学校流动).
  const staffRng = new Prng(20261208);
  const staff: TeacherPlan[] = [];
  const staffAssignments: AssignmentPlan[] = [];
  for (const s of schools) {
    for (let i = s.teacherRows; i < s.teacherCount; i++) {
      const key = `teacher:${s.name}:${i}`;
      const years = pickYears(staffRng);
      const honours = new Set<TeacherHonour>();
      if (years <= 2) honours.add(TeacherHonour.NEW_TEACHER);
      else if (years >= 5 && staffRng.chance(STAFF_BACKBONE_SHARE[s.locale])) honours.add(TeacherHonour.BACKBONE);
      const teacher: TeacherPlan = {
        id: demoId(key),
        name: newName(staffRng.chance(femaleShare(s.stage)), years, staffRng),
        schoolId: s.id,
        // half the village schools have one 体育 or 音乐/美术 specialist; the other subjects as their named teachers
        subjects: s.locale === SchoolLocale.RURAL && s.stage === SchoolStage.PRIMARY && i === s.teacherRows && staffRng.chance(0.5) ? [...staffRng.pick(VILLAGE_SPECIALISTS)] : subjectsFor(s, i),
        stage: s.stage === SchoolStage.TEACHING_POINT ? SchoolStage.PRIMARY : s.stage,
        title: titleFor(staffRng, years),
        yearsOfExperience: years,
        honours: sortHonours(honours),
        email: null,
        phone: staffRng.chance(0.6) ? phoneNumber(staffRng) : null,
      };
      staff.push(teacher);
      // at this school since the start of their career (or since it opened)
      const careerStart = careerStartOf(years);
      const fromDate = s.openedOn && careerStart < s.openedOn ? s.openedOn : careerStart;
      staffAssignments.push({ id: demoId(`assignment:${key}:1`), teacherId: teacher.id, schoolId: s.id, fromDate, toDate: null });
    }
  }

  const famousTeacher = teachers.find((t) => t.name === FAMOUS_TEACHER_NAME);
  const newTeacher = teachers.find((t) => t.name === NEW_TEACHER_NAME);
  const featuredGroup = groups.find((g) => g.name === FEATURED_CONSORTIUM);
  if (!famousTeacher || !newTeacher || !featuredGroup) throw new Error('demo plan: featured records are missing');
  for (const a of assignments) {
    if (a.fromDate > LATEST_DATE || (a.toDate !== null && (a.toDate < a.fromDate || a.toDate > LATEST_DATE))) {
      throw new Error(`demo plan: bad assignment dates ${a.fromDate}..${a.toDate}`);
    }
  }

  // Consortium coverage of the main county's compulsory schools (for the log line).
  const mainCountyId = regionId(MAIN_COUNTY);
  const consortiumIds = new Set(groups.filter((g) => g.kind === GroupKind.CONSORTIUM).map((g) => g.id));
  const covered = new Set(memberships.filter((x) => consortiumIds.has(x.groupId) && x.leftOn === null).map((x) => x.schoolId));
  const compulsory = schools.filter((s) => s.regionId === mainCountyId && s.stage !== SchoolStage.SENIOR);

  return {
    regions,
    schools,
    groups,
    memberships,
    teachers,
    assignments,
    staff: { teachers: staff, assignments: staffAssignments },
    refs: {
      provinceId: regionId('湖北省'),
      cityId: regionId('随州市'),
      mainCountyId,
      featuredGroupId: featuredGroup.id,
      featuredSchoolId: school(FEATURED_LEAD_SCHOOL).id,
      famousTeacherId: famousTeacher.id,
      newTeacherId: newTeacher.id,
    },
    coverage: { covered: compulsory.filter((s) => covered.has(s.id)).length, compulsory: compulsory.length },
  };
}

export let cachedPlan: DemoPlan | undefined;
export function demoPlan(): DemoPlan {
  cachedPlan ??= buildPlan();
  return cachedPlan;
}
