import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { rebuildRollups, writeCoverageTarget } from '../../../../libs/reporting/src';
import type { PlanContent } from '../../../../libs/lesson-prep/src/entities/lesson-prep.entity';
import { changedFields, lineCount, PLAN_FIELDS } from '../../../../libs/lesson-prep/src/plan-diff';
import { documentTerms } from '../../../../libs/lesson-prep/src/search-terms';
import {
  CANCEL_REASONS_ANY,
  CANCEL_REASONS_SUMMER,
  CANCEL_REASONS_WINTER,
  EXCHANGE_NOTES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  GRADE_NAMES,
  LAB_CONSENSUS,
  LECTURE_TOPICS,
  LESSONS,
  MENTORING_ACCEPT_NOTES,
  MENTORING_COMPLETION_EVALUATIONS,
  MENTORING_DECLINE_NOTES,
  MENTORING_DISSOLVE_REASONS,
  MENTORING_EVALUATION_COMMENTS,
  MENTORING_FIRST_GOALS,
  MENTORING_GOALS,
  MENTORING_LEAVING_REASONS,
  MENTORING_NOTES,
  MENTORING_SUBJECT_GOALS,
  MINUTES_CONSENSUS,
  MINUTES_NEXT_STEPS,
  PHONE_PREFIXES,
  RESEARCH_THEMES,
  SESSION_NOTES,
  SESSION_SUBJECTS,
  SMALL_SCHOOL_SUBJECTS,
  STUDENT_ACTIVITIES,
  SUBJECT_NOTES,
  SUBJECT_ROTATION,
  SUBJECT_THEMES,
  SUIXIAN_TOWNS,
  SURNAMES,
  TEACHING_POINT_SUBJECTS,
} from './demo-names';

/**
 * Demo data: 湖北省 > 随州市 with three counties (随县, 曾都区, 广水市), modelled on the Suizhou report
 * in domain-sources/004_*: about 150 schools, 17 county consortia (融合型 / 共建型 / 融合+共建型), an
 * education group, a cross-county alliance, a school district, ~1,100 teachers and demo accounts; 18 months of
 * joint research sessions (2025-05 to 2026-10, with check-ins and event logs) and a few upcoming ones; mentoring
 * pairs (师徒结对) with their activity logs and term evaluations, teacher exchanges (交流轮岗 / 走教送教 / 支教) and
 * joint student activities (2024-09 to 2026-11); collective lesson preparation (集体备课: teams, plans in every status
 * with their revisions, comments, review notes, adaptations 二次备课 and adoptions 同上课, 2025-09 to 2026-11); and the
 * dashboard rollups rebuilt from all of it.
 *
 * Deterministic (ids from hashes of stable keys, values from a seeded PRNG) and idempotent (one
 * transaction; nothing happens when the marker region already exists).
 */

export interface DemoAccount {
  email: string;
  password: string;
  role: string;
  /** Human description of the scope, e.g. '随州市随县教育局'. */
  scope: string;
}

export interface DemoSummary {
  created: boolean;
  regions: number;
  schools: number;
  groups: number;
  teachers: number;
  users: number;
  /** Joint research sessions (past and upcoming) and check-ins at them: set when this run loaded them. */
  sessions?: number;
  checkIns?: number;
  /** 师徒结对, teacher exchanges and student activities: set when this run loaded them. */
  mentoringPairs?: number;
  teacherExchanges?: number;
  studentActivities?: number;
  /** 集体备课: teams, lesson plans (team plans and adaptations) and adoptions (同上课): set when this run loaded them. */
  lessonPrepTeams?: number;
  lessonPlans?: number;
  lessonPlanAdoptions?: number;
}

export const DEMO_PASSWORD = 'demo12345';
const DOMAIN = 'demo.school-groups.cn';

// Featured records the demo accounts point at.
const MAIN_COUNTY = '随县';
const FEATURED_CONSORTIUM = '随县炎帝学校教联体';
const FEATURED_LEAD_SCHOOL = '随县炎帝学校';
const FEATURED_RURAL_SCHOOL = '随县厉山镇三河小学';
const FAMOUS_TEACHER_NAME = '周文华';
const NEW_TEACHER_NAME = '陈雨萱';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: `admin@${DOMAIN}`, password: DEMO_PASSWORD, role: 'PLATFORM_ADMIN', scope: '全平台' },
  { email: `bureau@${DOMAIN}`, password: DEMO_PASSWORD, role: 'REGION_ADMIN', scope: '随州市随县教育局' },
  { email: `city@${DOMAIN}`, password: DEMO_PASSWORD, role: 'REGION_ADMIN', scope: '随州市教育局' },
  { email: `manager@${DOMAIN}`, password: DEMO_PASSWORD, role: 'GROUP_MANAGER', scope: `${FEATURED_CONSORTIUM}（融合型，省级试点）` },
  { email: `school@${DOMAIN}`, password: DEMO_PASSWORD, role: 'SCHOOL_ADMIN', scope: `${FEATURED_LEAD_SCHOOL}（教联体牵头校）` },
  { email: `teacher@${DOMAIN}`, password: DEMO_PASSWORD, role: 'TEACHER', scope: `${FAMOUS_TEACHER_NAME}（名师，${FEATURED_LEAD_SCHOOL}）` },
  { email: `teacher2@${DOMAIN}`, password: DEMO_PASSWORD, role: 'TEACHER', scope: `${NEW_TEACHER_NAME}（新教师，${FEATURED_RURAL_SCHOOL}）` },
];

// ---------------------------------------------------------------------------------------------
// Deterministic helpers

/** A UUID (version 5 layout) from the SHA-1 of a stable key: the same key gives the same id on every run. */
function demoId(key: string): string {
  const b = createHash('sha1').update(`school-groups-demo:${key}`).digest();
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32: a small seeded PRNG, so the generated data is the same on every run. */
class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
}

/** Calendar dates as 'YYYY-MM-DD' strings (UTC arithmetic, no time zones involved). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** The next semester start (1 March or 1 September) strictly after `date`. */
function nextSemester(date: string): string {
  const year = Number(date.slice(0, 4));
  for (const candidate of [`${year}-03-01`, `${year}-09-01`, `${year + 1}-03-01`]) if (candidate > date) return candidate;
  return `${year + 1}-09-01`;
}

/** When the schools were recorded: a fixed past instant, so that figures as of past dates count them. */
const SCHOOLS_RECORDED_AT = '2020-09-01T00:00:00+08:00';
/** The last day any demo date may fall on. */
const LATEST_DATE = '2026-11-01';
/** Experience is counted up to the 2026 school year. */
const CURRENT_SCHOOL_YEAR = 2026;

// ---------------------------------------------------------------------------------------------
// Plan types

type Stage = 'PRIMARY' | 'JUNIOR' | 'NINE_YEAR' | 'SENIOR' | 'TEACHING_POINT';
type Locale = 'URBAN' | 'TOWNSHIP' | 'RURAL';
type Kind = 'EDUCATION_GROUP' | 'CONSORTIUM' | 'ALLIANCE' | 'SCHOOL_DISTRICT';
type Mode = 'FUSED' | 'CO_BUILT' | 'FUSED_AND_CO_BUILT';
type Level = 'PROVINCIAL_DEMONSTRATION' | 'PROVINCIAL_PILOT' | 'MUNICIPAL_DEMONSTRATION' | 'MUNICIPAL_PILOT' | 'COUNTY_PILOT';
type Pairing = 'STRONG_WEAK' | 'STRONG_NEW' | 'STRONG_RURAL' | 'STRONG_SUBURBAN' | 'OTHER';
type Title = 'SENIOR_PROFESSOR' | 'SENIOR' | 'FIRST_GRADE' | 'SECOND_GRADE' | 'THIRD_GRADE' | 'UNRANKED';
type Honour = 'FAMOUS_TEACHER' | 'SUBJECT_LEADER' | 'BACKBONE' | 'EXCELLENT_TEACHER' | 'NEW_TEACHER';

interface RegionPlan {
  id: string;
  name: string;
  level: 'PROVINCE' | 'CITY' | 'COUNTY';
  parentId: string | null;
  code: string;
  path: string[];
}

interface SchoolPlan {
  id: string;
  name: string;
  county: string;
  regionId: string;
  stage: Stage;
  locale: Locale;
  studentCount: number;
  teacherCount: number;
  campusOfId: string | null;
  /** Opened recently: teachers with a longer career came from another school. */
  openedOn: string | null;
  /** How many teacher rows the demo creates for this school. */
  teacherRows: number;
}

interface GroupPlan {
  id: string;
  name: string;
  kind: Kind;
  mode: Mode | null;
  regionId: string;
  leadSchoolId: string;
  level: Level | null;
  foundedOn: string;
}

interface MembershipPlan {
  id: string;
  groupId: string;
  schoolId: string;
  groupKind: Kind;
  role: 'LEAD' | 'MEMBER';
  pairing: Pairing | null;
  joinedOn: string;
  leftOn: string | null;
}

interface TeacherPlan {
  id: string;
  name: string;
  schoolId: string;
  subjects: string[];
  stage: Stage;
  title: Title;
  yearsOfExperience: number;
  honours: Honour[];
  email: string | null;
  phone: string | null;
}

interface AssignmentPlan {
  id: string;
  teacherId: string;
  schoolId: string;
  fromDate: string;
  toDate: string | null;
}

interface DemoPlan {
  regions: RegionPlan[];
  schools: SchoolPlan[];
  groups: GroupPlan[];
  memberships: MembershipPlan[];
  teachers: TeacherPlan[];
  assignments: AssignmentPlan[];
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

// ---------------------------------------------------------------------------------------------
// Regions and schools

const REGIONS: ReadonlyArray<{ name: string; level: RegionPlan['level']; code: string; parentCode: string | null }> = [
  { name: '湖北省', level: 'PROVINCE', code: '420000', parentCode: null },
  { name: '随州市', level: 'CITY', code: '421300', parentCode: '420000' },
  { name: '随县', level: 'COUNTY', code: '421321', parentCode: '421300' },
  { name: '曾都区', level: 'COUNTY', code: '421303', parentCode: '421300' },
  { name: '广水市', level: 'COUNTY', code: '421381', parentCode: '421300' },
];

interface SchoolSpec {
  county: string;
  name: string;
  stage: Stage;
  locale: Locale;
  students?: number;
  campusOf?: string;
  openedOn?: string;
}

function schoolSpecs(): SchoolSpec[] {
  const specs: SchoolSpec[] = [];
  const add = (county: string, name: string, stage: Stage, locale: Locale, extra: Partial<SchoolSpec> = {}) =>
    specs.push({ county, name, stage, locale, ...extra });

  // 随县: the county seat (厉山镇) has the urban schools; every other town has central and village schools.
  const sx = '随县';
  add(sx, '随县炎帝学校', 'NINE_YEAR', 'URBAN');
  add(sx, '随县神农学校', 'NINE_YEAR', 'URBAN');
  add(sx, '随县城北学校', 'NINE_YEAR', 'URBAN');
  add(sx, '随县厉山镇第一小学', 'PRIMARY', 'URBAN');
  add(sx, '随县厉山镇第二小学', 'PRIMARY', 'URBAN');
  add(sx, '随县厉山镇第三小学', 'PRIMARY', 'URBAN');
  add(sx, '随县神农小学', 'PRIMARY', 'URBAN');
  add(sx, '随县城南小学', 'PRIMARY', 'URBAN');
  add(sx, '随县城东小学', 'PRIMARY', 'URBAN');
  add(sx, '随县实验小学', 'PRIMARY', 'URBAN', { students: 1080, openedOn: '2024-09-01' });
  add(sx, '随县厉山镇第一初级中学', 'JUNIOR', 'URBAN');
  add(sx, '随县城南初级中学', 'JUNIOR', 'URBAN');
  add(sx, '随县实验初级中学', 'JUNIOR', 'URBAN');
  add(sx, '随县第一中学', 'SENIOR', 'URBAN');
  add(sx, '随县实验高级中学', 'SENIOR', 'URBAN', { students: 1350, openedOn: '2025-09-01' });
  // 三河小学: once a teaching point, a campus of the 炎帝学校 consortium since 2023 (70+ pupils came back).
  add(sx, '随县厉山镇三河小学', 'PRIMARY', 'RURAL', { students: 126 });
  add(sx, '随县厉山镇雷家畈小学', 'PRIMARY', 'RURAL');
  add(sx, '随县厉山镇烈山教学点', 'TEACHING_POINT', 'RURAL');
  for (const t of SUIXIAN_TOWNS) {
    const prefix = `随县${t.town}`;
    if (t.nineYear) {
      add(sx, `${prefix}中心学校`, 'NINE_YEAR', 'TOWNSHIP');
    } else {
      add(sx, `${prefix}中心小学`, 'PRIMARY', 'TOWNSHIP');
      add(sx, `${prefix}初级中学`, 'JUNIOR', 'TOWNSHIP');
    }
    for (const v of t.villages) add(sx, `${prefix}${v}小学`, 'PRIMARY', 'RURAL');
    for (const p of t.points) add(sx, `${prefix}${p}教学点`, 'TEACHING_POINT', 'RURAL');
  }

  // 曾都区: the urban district around the city centre.
  const zd = '曾都区';
  add(zd, '曾都区实验小学', 'PRIMARY', 'URBAN');
  add(zd, '曾都区实验小学东城校区', 'PRIMARY', 'URBAN', { campusOf: '曾都区实验小学', students: 1460, openedOn: '2021-09-01' });
  add(zd, '曾都区编钟小学', 'PRIMARY', 'URBAN');
  add(zd, '曾都区解放路小学', 'PRIMARY', 'URBAN');
  add(zd, '曾都区青年路小学', 'PRIMARY', 'URBAN');
  add(zd, '曾都区东关学校', 'NINE_YEAR', 'URBAN');
  add(zd, '曾都区文峰学校', 'NINE_YEAR', 'URBAN');
  add(zd, '曾都区第一初级中学', 'JUNIOR', 'URBAN');
  add(zd, '曾都区第二初级中学', 'JUNIOR', 'URBAN');
  add(zd, '曾都区第一中学', 'SENIOR', 'URBAN');
  add(zd, '曾都区南郊街道中心小学', 'PRIMARY', 'TOWNSHIP');
  add(zd, '曾都区何店镇中心小学', 'PRIMARY', 'TOWNSHIP');
  add(zd, '曾都区何店镇初级中学', 'JUNIOR', 'TOWNSHIP');
  add(zd, '曾都区洛阳镇中心学校', 'NINE_YEAR', 'TOWNSHIP');
  add(zd, '曾都区府河镇中心小学', 'PRIMARY', 'TOWNSHIP');
  add(zd, '曾都区府河镇初级中学', 'JUNIOR', 'TOWNSHIP');
  add(zd, '曾都区万店镇中心小学', 'PRIMARY', 'TOWNSHIP');
  add(zd, '曾都区万店镇初级中学', 'JUNIOR', 'TOWNSHIP');
  add(zd, '曾都区何店镇李家岗小学', 'PRIMARY', 'RURAL');
  add(zd, '曾都区洛阳镇胡家河小学', 'PRIMARY', 'RURAL');
  add(zd, '曾都区府河镇白云小学', 'PRIMARY', 'RURAL');
  add(zd, '曾都区洛阳镇永兴教学点', 'TEACHING_POINT', 'RURAL');
  add(zd, '曾都区万店镇九口堰教学点', 'TEACHING_POINT', 'RURAL');

  // 广水市: 永阳学校 and 广办三小 with their village campuses (渡蚁桥, 驼子) from the report.
  const gs = '广水市';
  add(gs, '广水市实验小学', 'PRIMARY', 'URBAN');
  add(gs, '广水市广水街道第一小学', 'PRIMARY', 'URBAN');
  add(gs, '广水市广水街道第三小学', 'PRIMARY', 'URBAN');
  add(gs, '广水市应山街道第一小学', 'PRIMARY', 'URBAN');
  add(gs, '广水市永阳学校', 'NINE_YEAR', 'URBAN');
  add(gs, '广水市实验初级中学', 'JUNIOR', 'URBAN');
  add(gs, '广水市应山街道初级中学', 'JUNIOR', 'URBAN');
  add(gs, '广水市第一高级中学', 'SENIOR', 'URBAN');
  add(gs, '广水市广水街道第三小学驼子校区', 'PRIMARY', 'RURAL', { campusOf: '广水市广水街道第三小学', students: 87 });
  add(gs, '广水市永阳学校渡蚁桥校区', 'PRIMARY', 'RURAL', { campusOf: '广水市永阳学校', students: 420 });
  add(gs, '广水市杨寨镇中心小学', 'PRIMARY', 'TOWNSHIP');
  add(gs, '广水市杨寨镇初级中学', 'JUNIOR', 'TOWNSHIP');
  add(gs, '广水市马坪镇中心小学', 'PRIMARY', 'TOWNSHIP');
  add(gs, '广水市长岭镇中心小学', 'PRIMARY', 'TOWNSHIP');
  add(gs, '广水市武胜关镇中心学校', 'NINE_YEAR', 'TOWNSHIP');
  add(gs, '广水市余店镇中心小学', 'PRIMARY', 'TOWNSHIP');
  add(gs, '广水市关庙镇初级中学', 'JUNIOR', 'TOWNSHIP');
  add(gs, '广水市长岭镇三潭小学', 'PRIMARY', 'RURAL');
  add(gs, '广水市蔡河镇黄土关小学', 'PRIMARY', 'RURAL');
  add(gs, '广水市太平镇双桥教学点', 'TEACHING_POINT', 'RURAL');
  add(gs, '广水市郝店镇付店教学点', 'TEACHING_POINT', 'RURAL');
  return specs;
}

/** Student range, students per teacher and extra staff, by stage and locale. */
function sizeProfile(stage: Stage, locale: Locale): { min: number; max: number; ratio: number; extra: number } {
  if (stage === 'TEACHING_POINT') return { min: 10, max: 60, ratio: 25, extra: 2 };
  if (stage === 'SENIOR') return { min: 2400, max: 4500, ratio: 13, extra: 0 };
  if (locale === 'RURAL') return { min: 60, max: 380, ratio: 14, extra: 3 };
  if (locale === 'TOWNSHIP') {
    if (stage === 'PRIMARY') return { min: 600, max: 1600, ratio: 17, extra: 2 };
    if (stage === 'JUNIOR') return { min: 450, max: 1300, ratio: 12, extra: 3 };
    return { min: 700, max: 1800, ratio: 13, extra: 3 };
  }
  if (stage === 'PRIMARY') return { min: 1200, max: 3000, ratio: 18, extra: 0 };
  if (stage === 'JUNIOR') return { min: 1000, max: 2500, ratio: 12.5, extra: 0 };
  return { min: 1600, max: 3000, ratio: 14.5, extra: 0 };
}

/** How many teacher rows the demo creates: ~10 per school, 2-4 at teaching points. */
function plannedTeacherRows(rng: Prng, stage: Stage, locale: Locale): number {
  if (stage === 'TEACHING_POINT') return rng.int(2, 4);
  if (stage === 'SENIOR') return rng.int(10, 12);
  if (locale === 'URBAN') return rng.int(10, 13);
  if (locale === 'TOWNSHIP') return rng.int(8, 11);
  return rng.int(5, 7);
}

// ---------------------------------------------------------------------------------------------
// Groups and memberships

interface MemberSpec {
  school: string;
  pairing?: Pairing;
  joinedOn?: string;
  leftOn?: string;
}
interface GroupSpec {
  name: string;
  kind: Kind;
  mode?: Mode;
  level?: Level;
  /** County name, or '随州市' for the cross-county alliance. */
  region: string;
  lead: string;
  foundedOn: string;
  members: (string | MemberSpec)[];
}

const m = (school: string, pairing?: Pairing, joinedOn?: string, leftOn?: string): MemberSpec => ({ school, pairing, joinedOn, leftOn });

function groupSpecs(): GroupSpec[] {
  const consortium = (name: string, mode: Mode, level: Level | undefined, region: string, lead: string, foundedOn: string, members: (string | MemberSpec)[]): GroupSpec => ({
    name,
    kind: 'CONSORTIUM',
    mode,
    level,
    region,
    lead,
    foundedOn,
    members,
  });
  return [
    // 随县: 12 consortia led by the county-seat schools; about two thirds of compulsory schools covered (target 70%).
    consortium(FEATURED_CONSORTIUM, 'FUSED', 'PROVINCIAL_PILOT', '随县', FEATURED_LEAD_SCHOOL, '2022-10-20', [
      m(FEATURED_RURAL_SCHOOL, 'STRONG_RURAL', '2023-03-01'),
      '随县厉山镇雷家畈小学',
      '随县厉山镇烈山教学点',
      m('随县实验小学', 'STRONG_NEW', '2024-09-01'),
      // Moved over from the co-built junior consortium in 2024 (see below).
      m('随县草店镇中心学校', 'STRONG_WEAK', '2024-09-01'),
    ]),
    consortium('随县厉山镇第一小学教联体', 'FUSED', 'MUNICIPAL_PILOT', '随县', '随县厉山镇第一小学', '2022-11-15', [
      m('随县高城镇中心小学', 'STRONG_SUBURBAN'),
      '随县高城镇土门小学',
      '随县高城镇金屯小学',
      '随县高城镇宋家湾教学点',
      '随县高城镇石鼓教学点',
    ]),
    consortium('随县实验初级中学教联体', 'CO_BUILT', 'COUNTY_PILOT', '随县', '随县实验初级中学', '2023-02-20', [
      '随县高城镇初级中学',
      '随县殷店镇初级中学',
      '随县小林镇初级中学',
      '随县万和镇初级中学',
      m('随县草店镇中心学校', 'STRONG_WEAK', '2023-02-20', '2024-08-31'),
    ]),
    consortium('随县神农学校教联体', 'FUSED_AND_CO_BUILT', 'PROVINCIAL_PILOT', '随县', '随县神农学校', '2022-12-01', [
      '随县淮河镇中心学校',
      '随县淮河镇柏树湾小学',
      '随县淮河镇鹰子岩教学点',
      '随县淮河镇龙潭教学点',
      '随县吴山镇中心学校',
    ]),
    consortium('随县厉山镇第二小学教联体', 'FUSED', 'COUNTY_PILOT', '随县', '随县厉山镇第二小学', '2023-03-01', [
      '随县殷店镇中心小学',
      '随县殷店镇黄家湾小学',
      '随县殷店镇长岭小学',
      '随县殷店镇二道河教学点',
      '随县殷店镇陈家湾教学点',
    ]),
    consortium('随县城南小学教联体', 'FUSED', undefined, '随县', '随县城南小学', '2023-04-10', [
      '随县小林镇中心小学',
      '随县小林镇兴隆小学',
      '随县小林镇青苔小学',
      '随县小林镇金桥教学点',
      // Too far from the county seat for the fused model: left in 2025, waiting for a consortium of its own.
      m('随县环潭镇鸡鸣小学', 'STRONG_RURAL', '2023-09-01', '2025-07-31'),
    ]),
    consortium('随县城北学校教联体', 'FUSED', undefined, '随县', '随县城北学校', '2023-05-15', [
      '随县万和镇中心小学',
      '随县万和镇铁城小学',
      '随县万和镇乌金小学',
      '随县万和镇石门教学点',
      '随县万和镇田河教学点',
    ]),
    consortium('随县城东小学教联体', 'CO_BUILT', undefined, '随县', '随县城东小学', '2023-09-01', [
      m('随县尚市镇中心小学', 'STRONG_SUBURBAN'),
      '随县尚市镇店子小学',
      '随县尚市镇夹河小学',
      '随县尚市镇茶店教学点',
    ]),
    consortium('随县厉山镇第一初级中学教联体', 'CO_BUILT', 'MUNICIPAL_PILOT', '随县', '随县厉山镇第一初级中学', '2023-09-01', [
      '随县尚市镇初级中学',
      '随县唐县镇初级中学',
      '随县新街镇初级中学',
      '随县安居镇初级中学',
    ]),
    consortium('随县厉山镇第三小学教联体', 'FUSED', undefined, '随县', '随县厉山镇第三小学', '2024-03-01', [
      '随县唐县镇中心小学',
      '随县唐县镇仁和小学',
      '随县唐县镇七里小学',
      '随县唐县镇河店小学',
      '随县唐县镇唐王店教学点',
    ]),
    consortium('随县神农小学教联体', 'FUSED', undefined, '随县', '随县神农小学', '2024-03-01', [
      '随县新街镇中心小学',
      '随县新街镇黄金小学',
      '随县新街镇梅丘小学',
      '随县新街镇新桥教学点',
    ]),
    consortium('随县城南初级中学教联体', 'CO_BUILT', 'COUNTY_PILOT', '随县', '随县城南初级中学', '2024-09-01', [
      '随县环潭镇初级中学',
      '随县三里岗镇初级中学',
      '随县均川镇初级中学',
      '随县洪山镇中心学校',
    ]),

    // 曾都区: slower progress (the report asks it to speed up).
    consortium('曾都区东关学校教联体', 'CO_BUILT', 'MUNICIPAL_PILOT', '曾都区', '曾都区东关学校', '2023-03-15', [
      m('曾都区何店镇中心小学', 'STRONG_SUBURBAN'),
      '曾都区何店镇初级中学',
      '曾都区何店镇李家岗小学',
    ]),
    consortium('曾都区文峰学校教联体', 'FUSED_AND_CO_BUILT', undefined, '曾都区', '曾都区文峰学校', '2023-09-01', [
      '曾都区洛阳镇中心学校',
      '曾都区洛阳镇胡家河小学',
      '曾都区洛阳镇永兴教学点',
    ]),

    // 广水市: 永阳学校 (渡蚁桥校区) and 广办三小 (驼子校区) from the report.
    consortium('广水市永阳学校教联体', 'FUSED', 'PROVINCIAL_DEMONSTRATION', '广水市', '广水市永阳学校', '2022-10-28', [
      '广水市永阳学校渡蚁桥校区',
      '广水市余店镇中心小学',
      '广水市蔡河镇黄土关小学',
    ]),
    consortium('广水市广水街道第三小学教联体', 'FUSED', 'PROVINCIAL_PILOT', '广水市', '广水市广水街道第三小学', '2022-11-10', [
      '广水市广水街道第三小学驼子校区',
      m('广水市长岭镇中心小学', 'STRONG_SUBURBAN'),
      '广水市长岭镇三潭小学',
      '广水市太平镇双桥教学点',
    ]),
    consortium('广水市实验初级中学教联体', 'CO_BUILT', 'MUNICIPAL_PILOT', '广水市', '广水市实验初级中学', '2023-03-01', [
      m('广水市杨寨镇初级中学', 'STRONG_SUBURBAN'),
      '广水市关庙镇初级中学',
      '广水市武胜关镇中心学校',
    ]),

    // Other kinds: their members may also be in a consortium.
    {
      name: '曾都区实验小学教育集团',
      kind: 'EDUCATION_GROUP',
      level: 'MUNICIPAL_DEMONSTRATION',
      region: '曾都区',
      lead: '曾都区实验小学',
      foundedOn: '2021-09-01',
      members: [
        m('曾都区实验小学东城校区', 'STRONG_NEW'),
        m('曾都区编钟小学', 'STRONG_WEAK', '2022-02-20'),
        m('曾都区府河镇中心小学', 'STRONG_RURAL', '2022-09-01'),
        m('曾都区何店镇中心小学', 'STRONG_SUBURBAN', '2023-02-20'),
      ],
    },
    {
      name: '随州市科创教育学校联盟',
      kind: 'ALLIANCE',
      region: '随州市',
      lead: '随县神农学校',
      foundedOn: '2022-05-10',
      members: [
        m('曾都区编钟小学', 'OTHER'),
        m('广水市应山街道第一小学', 'OTHER'),
        m('随县淮河镇中心学校', 'STRONG_RURAL', '2022-09-01'),
        m('广水市郝店镇付店教学点', 'STRONG_RURAL', '2023-03-01'),
        m('曾都区万店镇中心小学', 'STRONG_RURAL', '2023-09-01'),
      ],
    },
    {
      name: '广水市城区大学区',
      kind: 'SCHOOL_DISTRICT',
      region: '广水市',
      lead: '广水市实验小学',
      foundedOn: '2021-03-01',
      members: [
        m('广水市广水街道第一小学', 'STRONG_WEAK'),
        m('广水市应山街道第一小学', 'STRONG_WEAK'),
        m('广水市杨寨镇中心小学', 'STRONG_SUBURBAN', '2021-09-01'),
        m('广水市马坪镇中心小学', 'STRONG_RURAL', '2022-03-01'),
      ],
    },
  ];
}

function defaultPairing(school: SchoolPlan): Pairing {
  if (school.locale === 'RURAL' || school.stage === 'TEACHING_POINT') return 'STRONG_RURAL';
  if (school.locale === 'TOWNSHIP') return 'STRONG_WEAK';
  return 'OTHER';
}

// ---------------------------------------------------------------------------------------------
// Teachers

function pickYears(rng: Prng): number {
  const band = rng.weighted<[number, number]>([
    [[0, 2], 12],
    [[3, 8], 22],
    [[9, 15], 24],
    [[16, 25], 25],
    [[26, 35], 17],
  ]);
  return rng.int(band[0], band[1]);
}

function titleFor(rng: Prng, years: number): Title {
  if (years <= 1) return 'UNRANKED';
  if (years <= 4) return rng.chance(0.15) ? 'THIRD_GRADE' : 'SECOND_GRADE';
  if (years <= 9) return rng.chance(years >= 6 ? 0.55 : 0.2) ? 'FIRST_GRADE' : 'SECOND_GRADE';
  if (years <= 18) return rng.chance(0.25) ? 'SENIOR' : 'FIRST_GRADE';
  return rng.chance(0.55) ? 'SENIOR' : 'FIRST_GRADE';
}

const HONOUR_ORDER: Honour[] = ['FAMOUS_TEACHER', 'SUBJECT_LEADER', 'BACKBONE', 'EXCELLENT_TEACHER', 'NEW_TEACHER'];
const sortHonours = (h: Set<Honour>): Honour[] => HONOUR_ORDER.filter((x) => h.has(x));

function subjectsFor(school: SchoolPlan, index: number): string[] {
  if (school.stage === 'TEACHING_POINT') return [...TEACHING_POINT_SUBJECTS[index % TEACHING_POINT_SUBJECTS.length]];
  if (school.locale === 'RURAL' && school.stage === 'PRIMARY') return [...SMALL_SCHOOL_SUBJECTS[index % SMALL_SCHOOL_SUBJECTS.length]];
  const rotation: readonly string[] = SUBJECT_ROTATION[school.stage];
  return [rotation[index % rotation.length]];
}

function femaleShare(stage: Stage): number {
  if (stage === 'SENIOR') return 0.48;
  if (stage === 'JUNIOR') return 0.58;
  if (stage === 'NINE_YEAR') return 0.64;
  return 0.72;
}

// ---------------------------------------------------------------------------------------------
// The plan: everything the seed writes, computed without touching the database.

function buildPlan(): DemoPlan {
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
    const addMembership = (s: SchoolPlan, role: 'LEAD' | 'MEMBER', pairing: Pairing | null, joinedOn: string, leftOn: string | null) =>
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
    addMembership(lead, 'LEAD', null, g.foundedOn, null);
    g.members.forEach((spec, i) => {
      const ms = typeof spec === 'string' ? { school: spec } : spec;
      const s = school(ms.school);
      // The first members join at the founding; later ones at the next semester (coverage grows over time).
      const joinedOn = ms.joinedOn ?? (i < 3 ? g.foundedOn : nextSemester(g.foundedOn));
      addMembership(s, 'MEMBER', ms.pairing ?? defaultPairing(s), joinedOn, ms.leftOn ?? null);
      if (g.mode === 'FUSED' && !ms.leftOn && !s.openedOn && fusedMembers.filter((f) => f.lead === lead).length < 2) {
        fusedMembers.push({ lead, member: s, joinedOn });
      }
    });
  }
  validateGroups(schools, groups, memberships);

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

  const newName = (female: boolean, years: number): string => {
    const pool = female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE;
    // Born about 22 years before starting to teach: older teachers have older names.
    const generations: ReadonlyArray<readonly [readonly string[], number]> =
      years >= 25 ? [[pool.classic, 5], [pool.common, 5]] : years >= 8 ? [[pool.classic, 1], [pool.common, 8], [pool.modern, 1]] : [[pool.common, 5], [pool.modern, 5]];
    for (let attempt = 0; ; attempt++) {
      const name = rng.weighted(SURNAMES) + rng.pick(rng.weighted(generations));
      if (!usedNames.has(name) || attempt > 50) {
        usedNames.add(name);
        return name;
      }
    }
  };
  // Schools a teacher of `stage` could have come from.
  const sameLevel: Record<Stage, readonly Stage[]> = {
    PRIMARY: ['PRIMARY', 'NINE_YEAR'],
    TEACHING_POINT: ['PRIMARY', 'NINE_YEAR'],
    JUNIOR: ['JUNIOR', 'NINE_YEAR'],
    NINE_YEAR: ['PRIMARY', 'JUNIOR', 'NINE_YEAR'],
    SENIOR: ['SENIOR', 'JUNIOR'],
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
      const honours = new Set<Honour>();
      if (isLead && i === 0) {
        // Each lead school has a 名师 who leads the group's teaching research.
        years = rng.int(20, 32);
        title = famousSeniorProfessors < 2 && years >= 25 ? 'SENIOR_PROFESSOR' : 'SENIOR';
        if (title === 'SENIOR_PROFESSOR') famousSeniorProfessors++;
        honours.add('FAMOUS_TEACHER').add('BACKBONE');
      } else if (isLead && i === 1) {
        years = rng.int(14, 26);
        title = years >= 18 ? 'SENIOR' : 'FIRST_GRADE';
        honours.add('SUBJECT_LEADER').add('BACKBONE');
      } else if (years <= 2) {
        honours.add('NEW_TEACHER');
      } else {
        if (years >= 5 && rng.chance(0.19)) honours.add('BACKBONE');
        if (rng.chance(0.05)) honours.add('EXCELLENT_TEACHER');
        if (years >= 15 && s.locale === 'URBAN' && honours.has('BACKBONE') && rng.chance(0.2)) honours.add('SUBJECT_LEADER');
      }
      // The demo accounts' teachers.
      if (s.name === FEATURED_LEAD_SCHOOL && i === 0) {
        name = FAMOUS_TEACHER_NAME;
        years = 28;
        title = 'SENIOR_PROFESSOR';
        honours.clear();
        honours.add('FAMOUS_TEACHER').add('SUBJECT_LEADER').add('BACKBONE');
      }
      if (s.name === FEATURED_RURAL_SCHOOL && i === s.teacherRows - 1) {
        name = NEW_TEACHER_NAME;
        years = 1;
        title = 'UNRANKED';
        honours.clear();
        honours.add('NEW_TEACHER');
      }
      if (name === undefined) name = newName(female, years);
      const hasEmail = rng.chance(0.4);
      const hasPhone = rng.chance(0.6);
      const email = hasEmail ? `t${String(++emailSeq).padStart(4, '0')}@${DOMAIN}` : null;
      const phone = hasPhone ? rng.pick(PHONE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0') : null;
      teachers.push({
        id,
        name,
        schoolId: s.id,
        subjects: subjectsFor(s, i),
        // Teaching points teach primary grades.
        stage: s.stage === 'TEACHING_POINT' ? 'PRIMARY' : s.stage,
        title,
        yearsOfExperience: years,
        honours: sortHonours(honours),
        email,
        phone,
      });

      // Career history: the current assignment, and an earlier one when the teacher moved.
      const careerStart = `${CURRENT_SCHOOL_YEAR - years}-09-01`;
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
  const consortiumIds = new Set(groups.filter((g) => g.kind === 'CONSORTIUM').map((g) => g.id));
  const covered = new Set(memberships.filter((x) => consortiumIds.has(x.groupId) && x.leftOn === null).map((x) => x.schoolId));
  const compulsory = schools.filter((s) => s.regionId === mainCountyId && s.stage !== 'SENIOR');

  return {
    regions,
    schools,
    groups,
    memberships,
    teachers,
    assignments,
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

/** The rules the schema and the services enforce, checked on the plan so a bad edit fails early. */
function validateGroups(schools: SchoolPlan[], groups: GroupPlan[], memberships: MembershipPlan[]): void {
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const activeConsortium = new Set<string>();
  const activePair = new Set<string>();
  const names = new Map(schools.map((s) => [s.id, s.name]));
  for (const x of memberships) {
    const g = groupById.get(x.groupId);
    if (!g) throw new Error('demo plan: membership of an unknown group');
    const label = `${names.get(x.schoolId)} in ${g.name}`;
    if (g.foundedOn < '2021-01-01' || g.foundedOn > '2024-12-31') throw new Error(`demo plan: ${g.name} founded outside 2021-2024`);
    if (x.joinedOn < g.foundedOn || x.joinedOn > LATEST_DATE) throw new Error(`demo plan: bad joinedOn for ${label}`);
    if (x.leftOn !== null && (x.leftOn < x.joinedOn || x.leftOn > LATEST_DATE)) throw new Error(`demo plan: bad leftOn for ${label}`);
    if (x.role === 'LEAD' && (x.pairing !== null || x.joinedOn !== g.foundedOn || x.schoolId !== g.leadSchoolId)) {
      throw new Error(`demo plan: bad lead membership ${label}`);
    }
    if (x.role === 'MEMBER' && x.pairing === null) throw new Error(`demo plan: member without pairing ${label}`);
    if (x.leftOn !== null) continue;
    const pair = `${x.groupId}:${x.schoolId}`;
    if (activePair.has(pair)) throw new Error(`demo plan: ${label} twice`);
    activePair.add(pair);
    if (g.kind === 'CONSORTIUM') {
      if (activeConsortium.has(x.schoolId)) throw new Error(`demo plan: ${label}: already in another active consortium`);
      activeConsortium.add(x.schoolId);
    }
  }
}

let cachedPlan: DemoPlan | undefined;
function demoPlan(): DemoPlan {
  cachedPlan ??= buildPlan();
  return cachedPlan;
}

// ---------------------------------------------------------------------------------------------
// Joint research sessions (联合教研活动): 18 months of history and a few upcoming sessions.

type SessionType = 'JOINT_RESEARCH' | 'COLLECTIVE_PREP' | 'DEMO_LESSON' | 'SPECIAL_DELIVERY_CLASS' | 'FAMOUS_TEACHER_CLASS' | 'FAMOUS_SCHOOL_ONLINE' | 'LECTURE';
type SessionMode = 'ONSITE' | 'ONLINE' | 'HYBRID';
type SessionStatus = 'SCHEDULED' | 'ENDED' | 'CANCELLED';

interface AgendaItemPlan {
  title: string;
  durationMinutes: number;
  speaker: string | null;
}

interface SessionPlan {
  id: string;
  groupId: string;
  hostSchoolId: string;
  title: string;
  topic: string;
  type: SessionType;
  mode: SessionMode;
  status: SessionStatus;
  startsAt: string;
  endsAt: string;
  agenda: AgendaItemPlan[];
  minutes: string | null;
  cancelReason: string | null;
  startedAt: string | null;
  endedAt: string | null;
  cancelledAt: string | null;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
}

interface InvitationPlan {
  id: string;
  sessionId: string;
  schoolId: string;
}

interface AttendancePlan {
  id: string;
  sessionId: string;
  teacherId: string;
  schoolId: string;
  checkedInAt: string;
}

interface EventPlan {
  sessionId: string;
  seq: number;
  type: 'SESSION_STARTED' | 'CHECKED_IN' | 'NOTE_POSTED' | 'SESSION_ENDED' | 'SESSION_CANCELLED';
  actorTeacherId: string | null;
  /** JSON text. */
  payload: string;
  at: string;
}

interface ResearchPlan {
  sessions: SessionPlan[];
  invitations: InvitationPlan[];
  attendance: AttendancePlan[];
  events: EventPlan[];
}

/** Months with sessions (inclusive), and the upcoming ones. */
const SESSION_FIRST_MONTH = '2025-05';
const SESSION_LAST_MONTH = '2026-10';
const SCHEDULED_FROM = '2026-11-26';
const SCHEDULED_TO = '2026-12-24';
/** Sessions before this day have taken place. */
const SESSIONS_ENDED_BEFORE = '2026-11-20';

/** Public holidays (no sessions) and school vacations (teacher training only: lesson preparation and lectures). */
const PUBLIC_HOLIDAYS: ReadonlyArray<readonly [string, string]> = [
  ['2025-05-01', '2025-05-05'], ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08'], ['2026-01-01', '2026-01-03'], ['2026-02-15', '2026-02-23'],
  ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'], ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07'],
];
const VACATIONS: ReadonlyArray<readonly [string, string]> = [['2025-07-05', '2025-08-31'], ['2026-01-24', '2026-03-01'], ['2026-07-04', '2026-08-31']];
const within = (day: string, ranges: ReadonlyArray<readonly [string, string]>) => ranges.some(([from, to]) => day >= from && day <= to);

/**
 * Session types. Vacations (about a sixth of the sessions) have no lessons with pupils: research themes, lesson
 * preparation and lectures only. The term-time weights make up for that, so that overall the mix is about
 * JOINT_RESEARCH 35%, COLLECTIVE_PREP 25%, DEMO_LESSON 15%, SPECIAL_DELIVERY_CLASS 8%, FAMOUS_TEACHER_CLASS 7%,
 * FAMOUS_SCHOOL_ONLINE 5%, LECTURE 5%.
 */
const SESSION_TYPE_WEIGHTS: ReadonlyArray<readonly [SessionType, number]> = [
  ['JOINT_RESEARCH', 34], ['COLLECTIVE_PREP', 21], ['DEMO_LESSON', 18], ['SPECIAL_DELIVERY_CLASS', 10], ['FAMOUS_TEACHER_CLASS', 8], ['FAMOUS_SCHOOL_ONLINE', 6], ['LECTURE', 3],
];
const VACATION_TYPE_WEIGHTS: ReadonlyArray<readonly [SessionType, number]> = [['JOINT_RESEARCH', 40], ['COLLECTIVE_PREP', 45], ['LECTURE', 15]];
/** 专递课堂 bring the subjects village schools lack teachers for. */
const DELIVERY_SUBJECTS: ReadonlyArray<readonly [string, number]> = [['英语', 3], ['音乐', 2], ['美术', 2], ['科学', 2], ['数学', 1], ['语文', 1]];

const CHINA_OFFSET_MS = 8 * 3_600_000;
/** 'YYYY-MM-DD' + China wall-clock minutes after midnight -> ISO instant. */
const chinaInstant = (day: string, minutes: number): string => new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS + minutes * 60_000).toISOString();
const plusSeconds = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();
const isWeekday = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d >= 1 && d <= 5;
};
const shortName = (schoolName: string) => schoolName.replace(/^(随县|曾都区|广水市)/, '');

function gradeRange(stage: Stage): [number, number] {
  if (stage === 'JUNIOR' || stage === 'SENIOR') return [7, 9];
  if (stage === 'NINE_YEAR') return [1, 9];
  return [1, 6];
}

interface LessonPick {
  subject: string;
  grade: number;
  /** e.g. 《春》 or “一元一次方程”. */
  lesson: string;
}

function pickLesson(rng: Prng, weights: ReadonlyArray<readonly [string, number]>, [minGrade, maxGrade]: [number, number], term: 1 | 2): LessonPick {
  const fits = ([grade, t]: readonly [number, number, string]) => grade >= minGrade && grade <= maxGrade && (t === 0 || t === term);
  let options = weights.filter(([s]) => (LESSONS[s] ?? []).some(fits));
  if (options.length === 0) options = SESSION_SUBJECTS.filter(([s]) => (LESSONS[s] ?? []).some(fits));
  const subject = rng.weighted(options);
  const [grade, , lesson] = rng.pick(LESSONS[subject].filter(fits));
  return { subject, grade, lesson };
}

function pickTheme(rng: Prng, subject: string): string {
  const own = SUBJECT_THEMES[subject];
  return own && rng.chance(0.5) ? rng.pick(own) : rng.pick(RESEARCH_THEMES);
}

function pickMode(rng: Prng, type: SessionType, group: GroupPlan): SessionMode {
  if (type === 'SPECIAL_DELIVERY_CLASS' || type === 'FAMOUS_SCHOOL_ONLINE') return rng.chance(0.8) ? 'ONLINE' : 'HYBRID';
  if (group.kind === 'ALLIANCE') return rng.weighted<SessionMode>([['ONLINE', 5], ['HYBRID', 4], ['ONSITE', 1]]);
  if (type === 'LECTURE') return rng.weighted<SessionMode>([['ONSITE', 4], ['HYBRID', 4], ['ONLINE', 2]]);
  if (group.mode === 'FUSED') return rng.weighted<SessionMode>([['ONSITE', 6], ['HYBRID', 3], ['ONLINE', 1]]);
  return rng.weighted<SessionMode>([['ONSITE', 45], ['HYBRID', 35], ['ONLINE', 20]]);
}

/** Sessions per month: more for fused consortia and the featured one, fewer for other kinds; few in vacation months. */
function sessionsPerMonth(rng: Prng, group: GroupPlan, month: number): number {
  const featured = group.name === FEATURED_CONSORTIUM;
  if (month === 7 || month === 8 || month === 2) return featured ? 3 : 2;
  if (featured) return rng.int(5, 6);
  if (group.kind !== 'CONSORTIUM') return rng.int(2, 3);
  if (group.mode === 'FUSED') return rng.int(4, 6);
  if (group.mode === 'FUSED_AND_CO_BUILT') return rng.int(3, 5);
  return rng.int(3, 4);
}

function buildResearchPlan(plan: DemoPlan): ResearchPlan {
  const rng = new Prng(20250501);
  const schoolById = new Map(plan.schools.map((s) => [s.id, s]));
  const teacherById = new Map(plan.teachers.map((t) => [t.id, t]));
  const teachersBySchool = new Map<string, TeacherPlan[]>();
  for (const t of plan.teachers) teachersBySchool.set(t.schoolId, [...(teachersBySchool.get(t.schoolId) ?? []), t]);
  // A teacher attends sessions from the day they started at their current school.
  const currentFrom = new Map(plan.assignments.filter((a) => a.toDate === null).map((a) => [a.teacherId, a.fromDate]));
  const membersOf = new Map<string, MembershipPlan[]>();
  for (const x of plan.memberships) membersOf.set(x.groupId, [...(membersOf.get(x.groupId) ?? []), x]);

  const sessions: SessionPlan[] = [];
  const invitations: InvitationPlan[] = [];
  const attendance: AttendancePlan[] = [];
  const events: EventPlan[] = [];

  // Weekdays by month, without public holidays.
  const monthDays = (month: string): string[] => {
    const days: string[] = [];
    for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) if (isWeekday(d) && !within(d, PUBLIC_HOLIDAYS)) days.push(d);
    return days;
  };
  const months: string[] = [];
  for (let m = `${SESSION_FIRST_MONTH}-01`; m.slice(0, 7) <= SESSION_LAST_MONTH; ) {
    months.push(m.slice(0, 7));
    const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    m = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  }
  const upcomingDays: string[] = [];
  for (let d = SCHEDULED_FROM; d <= SCHEDULED_TO; d = addDays(d, 1)) if (isWeekday(d) && !within(d, PUBLIC_HOLIDAYS)) upcomingDays.push(d);

  /** Picks `n` different days, in order. */
  const pickDays = (pool: readonly string[], n: number): string[] => {
    const copy = [...pool];
    const out: string[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rng.next() * copy.length), 1)[0]);
    return out.sort();
  };

  for (const group of plan.groups) {
    const lead = schoolById.get(group.leadSchoolId)!;
    const leadShort = shortName(lead.name);
    const featured = group.name === FEATURED_CONSORTIUM;
    const memberships = membersOf.get(group.id) ?? [];
    const membersOn = (day: string) => memberships.filter((x) => x.joinedOn <= day && (x.leftOn === null || x.leftOn >= day)).map((x) => schoolById.get(x.schoolId)!);
    // The lead school's 名师 and subject leaders give the 名师课堂 and the lectures.
    const leadExperts = (teachersBySchool.get(lead.id) ?? []).filter((t) => t.honours.includes('FAMOUS_TEACHER') || t.honours.includes('SUBJECT_LEADER'));

    const plannedDays: { day: string; upcoming: boolean }[] = [];
    for (const month of months) for (const day of pickDays(monthDays(month), sessionsPerMonth(rng, group, Number(month.slice(5, 7))))) plannedDays.push({ day, upcoming: false });
    const upcoming = featured ? 3 : group.kind === 'CONSORTIUM' && rng.chance(0.4) ? 1 : 0;
    for (const day of pickDays(upcomingDays, upcoming)) plannedDays.push({ day, upcoming: true });

    for (const { day, upcoming: isUpcoming } of plannedDays) {
      const key = `session:${group.name}:${day}`;
      const id = demoId(key);
      const members = isUpcoming ? memberships.filter((x) => x.leftOn === null).map((x) => schoolById.get(x.schoolId)!) : membersOn(day);
      const month = Number(day.slice(5, 7));
      const vacation = within(day, VACATIONS);
      // 上册 in autumn (and the summer vacation before it), 下册 in spring (and the winter vacation before it).
      const term: 1 | 2 = (month >= 2 && month <= 6) || (month === 1 && vacation) ? 2 : 1;
      const type = rng.weighted(vacation ? VACATION_TYPE_WEIGHTS : SESSION_TYPE_WEIGHTS);
      const mode = pickMode(rng, type, group);

      // Host: the lead school, or a member taking its turn (轮流承办) for lessons and research.
      const canHost = members.filter((s) => s.id !== lead.id && s.stage !== 'TEACHING_POINT' && s.stage !== 'SENIOR');
      const leadOnly = type === 'SPECIAL_DELIVERY_CLASS' || type === 'FAMOUS_TEACHER_CLASS' || type === 'FAMOUS_SCHOOL_ONLINE' || type === 'LECTURE';
      const host = !leadOnly && canHost.length > 0 && rng.chance(0.3) ? rng.pick(canHost) : lead;
      const hostShort = shortName(host.name);
      const grades = gradeRange(host.stage);

      let title: string;
      let topic: string;
      let what: string;
      let agenda: AgendaItemPlan[];
      /** The lesson's subject, and what the notes are about. */
      let subject: string | null = null;
      let notes: 'lesson' | 'prep' | 'talk' = 'lesson';
      const item = (title: string, durationMinutes: number, speaker: string | null = null): AgendaItemPlan => ({ title, durationMinutes, speaker });
      switch (type) {
        case 'JOINT_RESEARCH': {
          const l = pickLesson(rng, SESSION_SUBJECTS, grades, term);
          const theme = pickTheme(rng, l.subject);
          subject = l.subject;
          if (vacation) {
            notes = 'talk';
            title = `${l.grade <= 6 ? '小学' : '初中'}${l.subject}“${theme}”专题研讨`;
            topic = `假期研修：各校${l.subject}教研组长围绕“${theme}”作主题发言，分组研讨新学期的教研计划。`;
            what = `各校围绕“${theme}”作主题发言并分组研讨`;
            agenda = [item('主题发言', 30), item('分组研讨', 50), item('交流汇报', 25), item('总结', 10)];
          } else if (rng.chance(0.55)) {
            title = `${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}同课异构`;
            topic = `${hostShort}与成员校教师同上${l.lesson}，对比不同教学设计，围绕“${theme}”开展研讨。`;
            what = `两位教师同课异构${l.lesson}，课后分组评议`;
            agenda = [item('同课异构课堂展示', 80), item('评课议课', 30), item('专家点评', 10)];
          } else {
            title = `${l.grade <= 6 ? '小学' : '初中'}${l.subject}“${theme}”主题教研`;
            topic = `聚焦“${theme}”，成员校推选研究课，以${GRADE_NAMES[l.grade]}${l.lesson}为课例集中评课议课。`;
            what = `${hostShort}展示${GRADE_NAMES[l.grade]}${l.lesson}研究课，与会教师围绕“${theme}”评议`;
            agenda = [item('研究课展示', 40), item('说课', 15), item('评课议课', 45), item('总结', 15)];
          }
          break;
        }
        case 'COLLECTIVE_PREP': {
          const l = pickLesson(rng, SESSION_SUBJECTS, grades, term);
          subject = l.subject;
          notes = 'prep';
          if (vacation) {
            title = `${GRADE_NAMES[l.grade]}${l.subject}${term === 1 ? '上' : '下'}册教材分析与集体备课`;
            topic = `新学期教材通读与单元规划，分工编写${GRADE_NAMES[l.grade]}${l.subject}前两个单元的教学设计。`;
          } else if (rng.chance(0.7)) {
            title = `${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}集体备课`;
            topic = `主备人说课，集体研讨${l.lesson}的教学目标、重难点与作业设计，形成共案后各校二次备课。`;
          } else {
            const unit = rng.int(1, 8);
            title = `${GRADE_NAMES[l.grade]}${l.subject}第${unit}单元集体备课`;
            topic = `单元整体备课：梳理第${unit}单元的目标和课时安排，统一单元作业与检测。`;
          }
          what = '主备人说课，集体研讨形成共案';
          agenda = [item('主备人说课', 20), item('集体研讨', 50), item('形成共案', 30), item('二次备课分工', 15)];
          break;
        }
        case 'DEMO_LESSON': {
          const l = pickLesson(rng, SESSION_SUBJECTS, grades, term);
          const theme = pickTheme(rng, l.subject);
          subject = l.subject;
          title = rng.chance(0.5) ? `${l.grade <= 6 ? '小学' : '初中'}${l.subject}${theme}观摩课` : `${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}观摩课`;
          const how = mode === 'ONSITE' ? '到校' : mode === 'ONLINE' ? '线上同步' : '线上线下同步';
          topic = `${hostShort}教师执教${GRADE_NAMES[l.grade]}${l.lesson}，成员校教师${how}观课，围绕“${theme}”评课议课。`;
          what = `观摩${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}，开展评课议课`;
          agenda = [item('说课', 20), item('观课', 40), item('评课议课', 30)];
          break;
        }
        case 'SPECIAL_DELIVERY_CLASS': {
          const primary = members.some((s) => s.stage === 'PRIMARY' || s.stage === 'TEACHING_POINT' || s.stage === 'NINE_YEAR');
          const l = pickLesson(rng, DELIVERY_SUBJECTS, primary ? [1, 6] : [7, 9], term);
          subject = l.subject;
          title = `${primary ? '乡村小学' : '农村初中'}${l.subject}${l.subject === '科学' ? '实验' : ''}专递课堂：${GRADE_NAMES[l.grade]}${l.lesson}`;
          topic = `${leadShort}${l.subject}教师通过专递课堂为成员校学生同步授课，成员校教师在班辅导，课后双师交流。`;
          what = '专递课堂同步授课，课后双师交流';
          agenda = [item('设备调试与签到', 10), item('专递课堂授课', 40), item('双师互动答疑', 20), item('课后反思交流', 30)];
          break;
        }
        case 'FAMOUS_TEACHER_CLASS': {
          const expert = leadExperts.length > 0 ? rng.pick(leadExperts) : null;
          const name = expert?.name ?? `${leadShort}名师`;
          const l = pickLesson(rng, expert ? [[expert.subjects[0], 1]] : SESSION_SUBJECTS, gradeRange(lead.stage), term);
          subject = l.subject;
          title = `${name}名师课堂：${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}`;
          topic = `${name}老师示范授课${l.lesson}并说课，成员校教师观摩研讨。`;
          what = `${name}老师示范授课并说课`;
          agenda = [item('名师示范课', 40, name), item('名师说课', 20, name), item('互动答疑', 30), item('总结点评', 15)];
          break;
        }
        case 'FAMOUS_SCHOOL_ONLINE': {
          const l = pickLesson(rng, SESSION_SUBJECTS, gradeRange(lead.stage), term);
          subject = l.subject;
          title = `${leadShort}名校网络课堂：${GRADE_NAMES[l.grade]}${l.subject}${l.lesson}`;
          topic = `${leadShort}优质课堂网络直播，成员校班级同步收看、互动。`;
          what = '名校网络课堂直播，成员校同步互动';
          agenda = [item('网络课堂直播', 40), item('线上互动', 20), item('成员校研讨', 30)];
          break;
        }
        case 'LECTURE': {
          const lecture = rng.pick(LECTURE_TOPICS);
          const speaker = leadExperts.length > 0 ? rng.pick(leadExperts).name : `${leadShort}教研组`;
          notes = 'talk';
          const prefix = vacation ? (month === 7 || month === 8 ? '暑期研修' : '寒假研修') : '';
          title = `${prefix}专题讲座：${lecture}`;
          topic = `${speaker}主讲，结合本${group.kind === 'CONSORTIUM' ? '教联体' : '共同体'}课例，解读${lecture}。`;
          what = `${speaker}作专题讲座“${lecture.replace(/[“”]/g, '')}”`;
          agenda = [item('专题讲座', 60, speaker), item('交流研讨', 30), item('活动总结', 15)];
          break;
        }
      }

      const startMinutes = rng.weighted<number>([[14 * 60 + 30, 7], [14 * 60, 2], [15 * 60, 1]]);
      const startsAt = chinaInstant(day, startMinutes);
      const endsAt = chinaInstant(day, startMinutes + 120);
      const createdAt = isUpcoming
        ? chinaInstant(`2026-11-${rng.int(10, 19)}`, rng.int(9 * 60, 17 * 60))
        : chinaInstant(addDays(day, -rng.int(5, 14)), rng.int(9 * 60, 17 * 60));
      const session: SessionPlan = {
        id,
        groupId: group.id,
        hostSchoolId: host.id,
        title,
        topic,
        type,
        mode,
        status: 'SCHEDULED',
        startsAt,
        endsAt,
        agenda,
        minutes: null,
        cancelReason: null,
        startedAt: null,
        endedAt: null,
        cancelledAt: null,
        lastSeq: 0,
        createdAt,
        updatedAt: createdAt,
      };
      sessions.push(session);
      // Every current member is invited, the host always among them.
      const invited = members.some((s) => s.id === host.id) ? members : [host, ...members];
      for (const s of invited) invitations.push({ id: demoId(`session-school:${key}:${s.name}`), sessionId: id, schoolId: s.id });

      if (day >= SESSIONS_ENDED_BEFORE) continue;
      // Numbered 1, 2, 3... without gaps, like the live event log.
      const event = (type: EventPlan['type'], at: string, payload: Record<string, unknown>, actorTeacherId: string | null = null) =>
        events.push({ sessionId: id, seq: ++session.lastSeq, type, actorTeacherId, payload: JSON.stringify(payload), at });

      if (rng.chance(0.03)) {
        // Called off the day before.
        const reasons = [
          ...CANCEL_REASONS_ANY.filter((r) => mode !== 'ONSITE' || !r.includes('线上')),
          ...(month >= 5 && month <= 9 ? CANCEL_REASONS_SUMMER : []),
          ...(month === 12 || month <= 2 ? CANCEL_REASONS_WINTER : []),
        ];
        const reason = rng.pick(reasons);
        session.status = 'CANCELLED';
        session.cancelReason = reason;
        session.cancelledAt = chinaInstant(addDays(day, -1), rng.int(16 * 60, 19 * 60));
        session.updatedAt = session.cancelledAt;
        event('SESSION_CANCELLED', session.cancelledAt, { reason });
      } else {
        session.status = 'ENDED';
        session.startedAt = startsAt;
        session.endedAt = endsAt;
        session.updatedAt = endsAt;
        event('SESSION_STARTED', startsAt, { agendaIndex: 0 });

        // 40-90% of the teachers of the invited schools check in during the first minutes.
        const eligible = invited.flatMap((s) => teachersBySchool.get(s.id) ?? []).filter((t) => (currentFrom.get(t.id) ?? day) <= day);
        const count = Math.max(1, Math.round(eligible.length * (featured ? 0.5 + rng.next() * 0.4 : 0.4 + rng.next() * 0.5)));
        const pool = [...eligible];
        const present: TeacherPlan[] = [];
        while (present.length < count && pool.length > 0) present.push(pool.splice(Math.floor(rng.next() * pool.length), 1)[0]);
        const offsets = present.map(() => rng.int(20, 720)).sort((a, b) => a - b);
        for (let i = 1; i < offsets.length; i++) if (offsets[i] <= offsets[i - 1]) offsets[i] = offsets[i - 1] + 1;
        present.forEach((t, i) => {
          const at = plusSeconds(startsAt, offsets[i]);
          attendance.push({ id: demoId(`attendance:${key}:${t.id}`), sessionId: id, teacherId: t.id, schoolId: t.schoolId, checkedInAt: at });
          event('CHECKED_IN', at, { teacherId: t.id, name: t.name, schoolId: t.schoolId }, t.id);
        });

        // A few notes while the lesson and the discussion go on.
        const notePool = (notes === 'lesson' ? [...SESSION_NOTES.lesson, ...((subject && SUBJECT_NOTES[subject]) || [])] : [...SESSION_NOTES[notes]]).filter(
          (text) => mode !== 'ONSITE' || !text.includes('直播'),
        );
        const noteTimes = Array.from({ length: present.length > 0 ? rng.int(1, 3) : 0 }, () => rng.int(25 * 60, 105 * 60)).sort((a, b) => a - b);
        for (let i = 1; i < noteTimes.length; i++) if (noteTimes[i] <= noteTimes[i - 1]) noteTimes[i] = noteTimes[i - 1] + 1;
        for (const seconds of noteTimes) {
          const author = rng.pick(present);
          const text = notePool.splice(Math.floor(rng.next() * notePool.length), 1)[0];
          event('NOTE_POSTED', plusSeconds(startsAt, seconds), { text, name: author.name }, author.id);
        }

        session.minutes =
          `本次活动由${hostShort}承办，${invited.length}所学校${present.length}名教师参加。${what}。` +
          `与会教师一致认为：${rng.pick(subject && ['科学', '物理', '化学', '生物'].includes(subject) ? [...MINUTES_CONSENSUS, LAB_CONSENSUS] : MINUTES_CONSENSUS)}。下一步：${rng.pick(MINUTES_NEXT_STEPS)}。`;
        event('SESSION_ENDED', endsAt, { minutes: session.minutes });
      }
    }
  }

  validateResearch({ sessions, invitations, attendance, events }, teacherById);
  return { sessions, invitations, attendance, events };
}

/** The rules the API keeps for sessions, checked on the plan: gapless event numbers, check-ins by invited teachers, time order. */
function validateResearch(r: ResearchPlan, teacherById: Map<string, TeacherPlan>): void {
  const invited = new Set(r.invitations.map((i) => `${i.sessionId}:${i.schoolId}`));
  const eventsOf = new Map<string, EventPlan[]>();
  for (const e of r.events) {
    const list = eventsOf.get(e.sessionId);
    if (list) list.push(e);
    else eventsOf.set(e.sessionId, [e]);
  }
  const seen = new Set<string>();
  for (const a of r.attendance) {
    if (teacherById.get(a.teacherId)?.schoolId !== a.schoolId || !invited.has(`${a.sessionId}:${a.schoolId}`)) throw new Error('demo plan: check-in by a teacher not invited');
    if (seen.has(`${a.sessionId}:${a.teacherId}`)) throw new Error('demo plan: a teacher checked in twice');
    seen.add(`${a.sessionId}:${a.teacherId}`);
  }
  for (const s of r.sessions) {
    if (!invited.has(`${s.id}:${s.hostSchoolId}`)) throw new Error(`demo plan: host of ${s.title} not invited`);
    if (s.endsAt <= s.startsAt || s.createdAt >= (s.cancelledAt ?? s.startsAt)) throw new Error(`demo plan: bad times for ${s.title}`);
    if (s.title.length > 200) throw new Error(`demo plan: title too long: ${s.title}`);
    const list = eventsOf.get(s.id) ?? [];
    if (list.length !== s.lastSeq || list.some((e, i) => e.seq !== i + 1 || (i > 0 && e.at <= list[i - 1].at))) throw new Error(`demo plan: bad event log for ${s.title}`);
    if ((s.status === 'SCHEDULED') !== (list.length === 0)) throw new Error(`demo plan: events of ${s.title} do not match its status`);
  }
}

// ---------------------------------------------------------------------------------------------
// 师徒结对 (mentoring pairs), teacher exchanges (交流轮岗 / 走教送教 / 支教) and joint student activities,
// 2024-09 to 2026-11.

/** Records up to this day have happened (as for the research sessions). */
const RECORDED_UNTIL = SESSIONS_ENDED_BEFORE;
const MENTORING_FROM = '2024-09-01';
/** school_group.mentor_capacity: the demo keeps the default. */
const MENTOR_CAPACITY = 3;
const FAR_FUTURE = '9999-12-31';

/** School terms: [period, first school day, last school day]. */
const TERMS: ReadonlyArray<readonly [string, string, string]> = [
  ['2024-2025-1', '2024-09-02', '2025-01-17'],
  ['2024-2025-2', '2025-02-17', '2025-07-04'],
  ['2025-2026-1', '2025-09-01', '2026-01-23'],
  ['2025-2026-2', '2026-03-02', '2026-07-03'],
  ['2026-2027-1', '2026-09-01', '2027-01-22'],
];
/** Public holidays before the research sessions' calendar starts. */
const EARLY_HOLIDAYS: ReadonlyArray<readonly [string, string]> = [['2024-10-01', '2024-10-07'], ['2025-01-01', '2025-01-01'], ['2025-04-04', '2025-04-06']];
const isHoliday = (day: string) => within(day, PUBLIC_HOLIDAYS) || within(day, EARLY_HOLIDAYS);
const termOf = (day: string) => TERMS.find(([, from, to]) => day >= from && day <= to);
const isSchoolDay = (day: string) => isWeekday(day) && !isHoliday(day) && termOf(day) !== undefined;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const randomDay = (rng: Prng, from: string, to: string) => addDays(from, rng.int(0, dayNumber(to) - dayNumber(from)));
/** The first school day on or after `day`. */
function schoolDayFrom(day: string): string {
  let d = day;
  while (!isSchoolDay(d)) d = addDays(d, 1);
  return d;
}
/** 2025 for 2025-09-01 to 2026-08-31. */
const schoolYearOf = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 8 ? 1 : 0);
const plusYears = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`.replace(/-02-29$/, '-02-28');
const maxDay = (...days: string[]) => days.reduce((a, b) => (a > b ? a : b));
const minDay = (...days: string[]) => days.reduce((a, b) => (a < b ? a : b));
/** Months 'YYYY-MM' from `from` to `to`, inclusive. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)), mo = Number(from.slice(5, 7)); `${y}-${String(mo).padStart(2, '0')}` <= to.slice(0, 7); mo === 12 ? (y++, (mo = 1)) : mo++) {
    out.push(`${y}-${String(mo).padStart(2, '0')}`);
  }
  return out;
}
const daysOfMonth = (month: string): string[] => {
  const out: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) out.push(d);
  return out;
};
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
/** Half-open [from, to) periods overlap. */
const overlapping = (list: ReadonlyArray<readonly [string, string]>, from: string, to: string) => list.some(([a, b]) => from < b && a < to);

/** Where teachers and schools are, for the builders below. */
interface PlanIndex {
  schoolById: Map<string, SchoolPlan>;
  teacherById: Map<string, TeacherPlan>;
  teachersBySchool: Map<string, TeacherPlan[]>;
  /** The day each teacher started at their current school. */
  currentFrom: Map<string, string>;
  membersOf: Map<string, MembershipPlan[]>;
}

function indexPlan(plan: DemoPlan): PlanIndex {
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
const currentMembers = (ix: PlanIndex, groupId: string, day: string) => (ix.membersOf.get(groupId) ?? []).filter((x) => x.leftOn === null && x.joinedOn <= day);
const joinedOn = (ix: PlanIndex, groupId: string, schoolId: string) => (ix.membersOf.get(groupId) ?? []).find((x) => x.schoolId === schoolId && x.leftOn === null)?.joinedOn ?? null;

/** The subjects a school teaches, by stage (teaching points teach primary subjects). */
function teachesAt(t: TeacherPlan, s: SchoolPlan): boolean {
  const stage = s.stage === 'TEACHING_POINT' ? 'PRIMARY' : s.stage;
  const levels: Stage[] = stage === 'NINE_YEAR' ? ['PRIMARY', 'JUNIOR', 'NINE_YEAR'] : stage === 'PRIMARY' ? ['PRIMARY', 'NINE_YEAR'] : stage === 'JUNIOR' ? ['JUNIOR', 'NINE_YEAR'] : ['SENIOR'];
  return levels.includes(t.stage) && (SUBJECT_ROTATION[stage] as readonly string[]).includes(t.subjects[0]);
}

/**
 * A lesson of `subject` for the school's grades, e.g. 三年级《燕子》, of `grade` when it has lessons that term; a
 * plain '一节音乐课' when the list has none.
 */
function lessonFor(rng: Prng, subject: string, stage: Stage, day: string, grade?: number): { text: string; grade: number } {
  const [minGrade, maxGrade] = gradeRange(stage === 'TEACHING_POINT' ? 'PRIMARY' : stage);
  const month = Number(day.slice(5, 7));
  const term = month >= 2 && month <= 7 ? 2 : 1;
  const fits = (LESSONS[subject] ?? []).filter(([g, t]) => g >= minGrade && g <= maxGrade && (t === 0 || t === term));
  const own = fits.filter(([g]) => g === grade);
  if (fits.length === 0) return { text: grade ? `${GRADE_NAMES[grade]}${subject}课` : `一节${subject}课`, grade: grade ?? rng.int(minGrade, maxGrade) };
  const [g, , lesson] = rng.pick(own.length > 0 ? own : fits);
  return { text: `${GRADE_NAMES[g]}${lesson}`, grade: g };
}

type PairStatus = 'PROPOSED' | 'ACTIVE' | 'DECLINED' | 'COMPLETED' | 'DISSOLVED';
type Proposer = 'APPRENTICE' | 'MENTOR' | 'MANAGER';
type MentoringKind = 'MEETING' | 'LESSON_OBSERVATION' | 'FEEDBACK' | 'DEMO_LESSON' | 'OTHER';

interface MentoringPairPlan {
  id: string;
  groupId: string;
  mentorId: string;
  apprenticeId: string;
  subject: string;
  status: PairStatus;
  proposedBy: Proposer;
  goals: string[];
  plannedEndOn: string | null;
  responseNote: string | null;
  activatedOn: string | null;
  endedOn: string | null;
  evaluation: string | null;
  dissolveReason: string | null;
  proposedOn: string;
  createdAt: string;
  updatedAt: string;
}

interface MentoringActivityPlan {
  id: string;
  pairId: string;
  kind: MentoringKind;
  occurredOn: string;
  durationMinutes: number;
  notes: string;
  loggedBy: string;
  createdAt: string;
}

interface MentoringEvaluationPlan {
  id: string;
  pairId: string;
  period: string;
  scores: { goal: string; score: number }[];
  comment: string;
  createdAt: string;
}

interface MentoringPlan {
  pairs: MentoringPairPlan[];
  activities: MentoringActivityPlan[];
  evaluations: MentoringEvaluationPlan[];
}

const MENTOR_HONOURS: readonly Honour[] = ['FAMOUS_TEACHER', 'SUBJECT_LEADER', 'BACKBONE'];
const isMentorGrade = (t: TeacherPlan) => t.yearsOfExperience >= 8 && t.honours.some((h) => MENTOR_HONOURS.includes(h));
const isNewTeacher = (t: TeacherPlan) => t.honours.includes('NEW_TEACHER') || t.yearsOfExperience <= 3;
const isYoungTeacher = (t: TeacherPlan) => !isNewTeacher(t) && t.yearsOfExperience <= 10 && !t.honours.some((h) => MENTOR_HONOURS.includes(h));
/** Young 骨干 learn from a 名师 too (名师工作室). */
const isYoungBackbone = (t: TeacherPlan) => t.yearsOfExperience <= 7 && t.honours.includes('BACKBONE') && !t.honours.includes('FAMOUS_TEACHER') && !t.honours.includes('SUBJECT_LEADER');
/** Experienced teachers without an honour mentor now and then. */
const isSeniorTeacher = (t: TeacherPlan) => t.yearsOfExperience >= 12 && (t.title === 'SENIOR' || t.title === 'FIRST_GRADE');
/** Primary (incl. teaching points) and junior teachers pair within their level; nine-year schools have both. */
const sameLevel = (a: TeacherPlan, b: TeacherPlan) => a.stage === b.stage || a.stage === 'NINE_YEAR' || b.stage === 'NINE_YEAR';

interface PairTimeline {
  proposedOn: string;
  activatedOn: string | null;
  endedOn: string | null;
  /** DECLINED: the day of the answer. */
  respondedOn: string | null;
}

/** When a pair in `status` was proposed, accepted and ended, none of it before `earliest`; null when it cannot fit. */
function pairTimeline(rng: Prng, status: PairStatus, earliest: string): PairTimeline | null {
  const from = maxDay(earliest, MENTORING_FROM);
  const accepted = (proposedOn: string) => schoolDayFrom(addDays(proposedOn, rng.int(2, 14)));
  switch (status) {
    case 'PROPOSED': {
      // Recent requests, still waiting for an answer.
      const lo = maxDay(from, '2026-10-19');
      return lo > RECORDED_UNTIL ? null : { proposedOn: randomDay(rng, lo, RECORDED_UNTIL), activatedOn: null, endedOn: null, respondedOn: null };
    }
    case 'DECLINED': {
      if (from > '2026-10-31') return null;
      const proposedOn = randomDay(rng, from, '2026-10-31');
      return { proposedOn, activatedOn: null, endedOn: null, respondedOn: addDays(proposedOn, rng.int(1, 10)) };
    }
    case 'ACTIVE': {
      if (from > '2026-09-30') return null;
      const proposedOn = randomDay(rng, from, '2026-09-30');
      const activatedOn = accepted(proposedOn);
      return activatedOn > '2026-10-31' ? null : { proposedOn, activatedOn, endedOn: null, respondedOn: null };
    }
    case 'COMPLETED': {
      // Two-year plans begun in the 2024-2025 school year, completed at the end of a term.
      if (from > '2025-03-15') return null;
      const proposedOn = randomDay(rng, from, '2025-03-15');
      const activatedOn = accepted(proposedOn);
      const ends = ['2026-01-23', '2026-07-03'].filter((e) => dayNumber(e) - dayNumber(activatedOn) >= 400);
      return ends.length === 0 ? null : { proposedOn, activatedOn, endedOn: rng.pick(ends), respondedOn: null };
    }
    case 'DISSOLVED': {
      if (from > '2026-06-30') return null;
      const proposedOn = randomDay(rng, from, '2026-06-30');
      // Now and then dissolved before anyone answered.
      if (rng.chance(0.2)) return { proposedOn, activatedOn: null, endedOn: addDays(proposedOn, rng.int(5, 30)), respondedOn: null };
      const activatedOn = accepted(proposedOn);
      const room = dayNumber('2026-11-13') - dayNumber(activatedOn);
      if (room < 60) return null;
      return { proposedOn, activatedOn, endedOn: schoolDayFrom(addDays(activatedOn, rng.int(60, Math.min(420, room)))), respondedOn: null };
    }
  }
}

const MENTORING_KIND_WEIGHTS: ReadonlyArray<readonly [MentoringKind, number]> = [['MEETING', 28], ['LESSON_OBSERVATION', 32], ['FEEDBACK', 24], ['DEMO_LESSON', 13], ['OTHER', 3]];
const PROPOSER_WEIGHTS: ReadonlyArray<readonly [Proposer, number]> = [['APPRENTICE', 45], ['MENTOR', 25], ['MANAGER', 30]];

function buildMentoringPlan(plan: DemoPlan, ix: PlanIndex): MentoringPlan {
  const rng = new Prng(20240901);
  const pairs: MentoringPairPlan[] = [];
  const activities: MentoringActivityPlan[] = [];
  const evaluations: MentoringEvaluationPlan[] = [];
  /** Activated periods [activatedOn, endedOn) per group and mentor; what each apprentice is busy with. */
  const activePeriods = new Map<string, [string, string][]>();
  const apprenticeBusy = new Map<string, [string, string][]>();
  const pairsOf = new Map<string, number>();
  const activeOn = (groupId: string, mentorId: string, day: string) => (activePeriods.get(`${groupId}:${mentorId}`) ?? []).filter(([a, e]) => a <= day && day < e).length;

  const goalsFor = (apprentice: TeacherPlan, subject: string): string[] => {
    const goals: string[] = [];
    if (isNewTeacher(apprentice)) goals.push(rng.weighted([[MENTORING_FIRST_GOALS[0], 6], [MENTORING_FIRST_GOALS[1], 2], [MENTORING_FIRST_GOALS[2], 2]]));
    const own = MENTORING_SUBJECT_GOALS[subject];
    if (own && rng.chance(0.5)) goals.push(rng.pick(own));
    const general = [...MENTORING_GOALS];
    const picked: string[] = [];
    const want = rng.chance(0.25) ? 4 : 3;
    while (goals.length + picked.length < want) picked.push(general.splice(Math.floor(rng.next() * general.length), 1)[0]);
    return [...goals, ...picked.sort((a, b) => MENTORING_GOALS.indexOf(a) - MENTORING_GOALS.indexOf(b))];
  };

  /** Records a pair and what happened in it. */
  const addPair = (group: GroupPlan, mentor: TeacherPlan, apprentice: TeacherPlan, subject: string, status: PairStatus, tl: PairTimeline, proposedBy: Proposer, goals: string[]) => {
    const key = `mentoring-pair:${group.name}:${mentor.id}:${apprentice.id}:${subject}:${tl.proposedOn}`;
    const id = demoId(key);
    const createdAt = chinaInstant(tl.proposedOn, rng.int(8 * 60, 21 * 60));
    const lastChange = tl.endedOn ?? tl.respondedOn ?? tl.activatedOn;
    const pair: MentoringPairPlan = {
      id,
      groupId: group.id,
      mentorId: mentor.id,
      apprenticeId: apprentice.id,
      subject,
      status,
      proposedBy,
      goals,
      plannedEndOn: tl.activatedOn ? plusYears(tl.activatedOn, status === 'COMPLETED' ? 2 : 3) : null,
      responseNote: null,
      activatedOn: tl.activatedOn,
      endedOn: tl.endedOn,
      evaluation: null,
      dissolveReason: null,
      proposedOn: tl.proposedOn,
      createdAt,
      updatedAt: lastChange ? chinaInstant(lastChange, rng.int(8 * 60, 21 * 60)) : createdAt,
    };
    if (pair.updatedAt < createdAt) pair.updatedAt = createdAt;
    if (tl.activatedOn && rng.chance(0.5)) pair.responseNote = rng.pick(MENTORING_ACCEPT_NOTES);
    if (status === 'DECLINED') {
      const full = activeOn(group.id, mentor.id, tl.respondedOn!) >= MENTOR_CAPACITY;
      pair.responseNote = full ? MENTORING_DECLINE_NOTES[1] : rng.pick(MENTORING_DECLINE_NOTES.filter((_, i) => i !== 1));
    }
    const later = (apprenticeBusy.get(apprentice.id) ?? []).some(([from]) => tl.endedOn !== null && from >= tl.endedOn);
    if (status === 'DISSOLVED') pair.dissolveReason = rng.pick(MENTORING_DISSOLVE_REASONS.filter((r) => !later || !MENTORING_LEAVING_REASONS.includes(r)));
    pairs.push(pair);

    // What the apprentice is busy with; those who completed or left take no further pair.
    const leaving = status === 'COMPLETED' || (pair.dissolveReason !== null && MENTORING_LEAVING_REASONS.includes(pair.dissolveReason));
    const busyTo = leaving ? FAR_FUTURE : (tl.endedOn ?? (tl.respondedOn ? addDays(tl.respondedOn, 1) : FAR_FUTURE));
    apprenticeBusy.set(apprentice.id, [...(apprenticeBusy.get(apprentice.id) ?? []), [tl.proposedOn, busyTo]]);
    pairsOf.set(mentor.id, (pairsOf.get(mentor.id) ?? 0) + 1);
    pairsOf.set(apprentice.id, (pairsOf.get(apprentice.id) ?? 0) + 1);
    if (!tl.activatedOn) return pair;
    activePeriods.set(`${group.id}:${mentor.id}`, [...(activePeriods.get(`${group.id}:${mentor.id}`) ?? []), [tl.activatedOn, tl.endedOn ?? FAR_FUTURE]]);

    // 2-3 activities a month while active; one online talk now and then in the vacations.
    const apprenticeSchool = ix.schoolById.get(apprentice.schoolId)!;
    const sameSchool = mentor.schoolId === apprentice.schoolId;
    // The apprentice teaches one grade a school year, and moves up with the class (循环教学).
    const [minGrade, maxGrade] = gradeRange(apprenticeSchool.stage === 'TEACHING_POINT' ? 'PRIMARY' : apprenticeSchool.stage);
    const taught = (LESSONS[subject] ?? []).map(([g]) => g).filter((g) => g >= minGrade && g <= maxGrade);
    const firstGrade = taught.length > 0 ? rng.pick(taught) : rng.int(minGrade, maxGrade);
    const firstYear = schoolYearOf(tl.activatedOn);
    const gradeOn = (day: string) => Math.min(maxGrade, firstGrade + schoolYearOf(day) - firstYear);
    const last = tl.endedOn ? minDay(addDays(tl.endedOn, -1), RECORDED_UNTIL) : RECORDED_UNTIL;
    const logged: MentoringActivityPlan[] = [];
    for (const month of monthsBetween(tl.activatedOn, last)) {
      const inWindow = daysOfMonth(month).filter((d) => d >= tl.activatedOn! && d <= last);
      const schoolDays = inWindow.filter(isSchoolDay);
      let days: { day: string; vacation: boolean }[];
      if (schoolDays.length === 0) {
        const weekdays = inWindow.filter(isWeekday);
        days = weekdays.length > 0 && rng.chance(0.4) ? [{ day: rng.pick(weekdays), vacation: true }] : [];
      } else {
        const n = schoolDays.length >= 8 ? rng.int(2, 3) : 1;
        const pool = [...schoolDays];
        days = [];
        while (days.length < n && pool.length > 0) days.push({ day: pool.splice(Math.floor(rng.next() * pool.length), 1)[0], vacation: false });
      }
      for (const { day, vacation } of days.sort((a, b) => (a.day < b.day ? -1 : 1))) {
        const kind: MentoringKind = vacation ? 'MEETING' : rng.weighted(MENTORING_KIND_WEIGHTS);
        const lesson = lessonFor(rng, subject, apprenticeSchool.stage, day, gradeOn(day)).text;
        const mode = sameSchool ? '' : rng.chance(0.45) ? '线上' : '到校';
        let notes: readonly string[];
        let byApprentice: boolean;
        let minutes: number;
        switch (kind) {
          case 'MEETING':
            notes = vacation ? MENTORING_NOTES.VACATION : MENTORING_NOTES.MEETING;
            byApprentice = rng.chance(0.5);
            minutes = rng.int(6, 12) * 5;
            break;
          case 'LESSON_OBSERVATION': {
            // The apprentice watches the mentor's lesson, or the mentor the apprentice's.
            const watchesMentor = rng.chance(0.5);
            notes = watchesMentor ? MENTORING_NOTES.LESSON_OBSERVATION_MENTOR : MENTORING_NOTES.LESSON_OBSERVATION_APPRENTICE;
            byApprentice = watchesMentor ? true : rng.chance(0.4);
            minutes = rng.int(8, 18) * 5;
            break;
          }
          case 'FEEDBACK':
            notes = MENTORING_NOTES.FEEDBACK;
            byApprentice = rng.chance(0.6);
            minutes = rng.int(6, 12) * 5;
            break;
          case 'DEMO_LESSON':
            notes = MENTORING_NOTES.DEMO_LESSON;
            byApprentice = rng.chance(0.5);
            minutes = rng.int(9, 18) * 5;
            break;
          default:
            notes = MENTORING_NOTES.OTHER;
            byApprentice = rng.chance(0.5);
            minutes = rng.int(6, 18) * 5;
        }
        logged.push({
          id: demoId(`mentoring-activity:${key}:${logged.length}`),
          pairId: id,
          kind,
          occurredOn: day,
          durationMinutes: minutes,
          notes: fill(rng.pick(notes), { lesson, mode }),
          loggedBy: byApprentice ? apprentice.id : mentor.id,
          createdAt: chinaInstant(day, rng.int(16 * 60, 22 * 60)),
        });
      }
    }
    activities.push(...logged);

    // An evaluation for each term the pair was active for (from six weeks before its end), near its end.
    let k = 0;
    for (const [period, termFrom, termTo] of TERMS) {
      if (termTo > RECORDED_UNTIL || tl.activatedOn > addDays(termTo, -42)) continue;
      if (tl.endedOn !== null && (status === 'COMPLETED' ? tl.endedOn < termTo : tl.endedOn <= termTo)) continue;
      const inTerm = logged.filter((a) => a.occurredOn >= termFrom && a.occurredOn <= termTo);
      const scores = goals.map((goal, g) => {
        const hard = goal === '形成个人教学风格' || goal === '开展小课题研究' || g === goals.length - 1;
        const score = 3 + (k >= 1 ? 1 : 0) + (rng.chance(k >= 2 ? 0.6 : 0.5) ? 1 : 0) - (hard && k <= 1 ? 1 : 0);
        return { goal, score: Math.max(3, Math.min(5, score)) };
      });
      // The comment praises the best goal: some progress on the first one at least.
      if (scores.every((x) => x.score === 3)) scores[0].score = 4;
      const best = [...scores].sort((a, b) => b.score - a.score)[0].goal;
      const next = [...scores].reverse().sort((a, b) => a.score - b.score).find((s) => s.goal !== best)?.goal ?? best;
      evaluations.push({
        id: demoId(`mentoring-evaluation:${key}:${period}`),
        pairId: id,
        period,
        scores,
        comment: fill(rng.pick(MENTORING_EVALUATION_COMMENTS), {
          goal: best,
          next,
          obs: Math.max(1, inTerm.filter((a) => a.kind === 'LESSON_OBSERVATION' || a.kind === 'DEMO_LESSON').length),
          fb: Math.max(1, inTerm.filter((a) => a.kind === 'FEEDBACK').length),
        }),
        createdAt: chinaInstant(addDays(termTo, -rng.int(0, 4)), rng.int(9 * 60, 17 * 60)),
      });
      k++;
    }
    if (status === 'COMPLETED') {
      pair.evaluation = fill(rng.pick(MENTORING_COMPLETION_EVALUATIONS), { name: apprentice.name, lesson: lessonFor(rng, subject, apprenticeSchool.stage, addDays(tl.endedOn!, -30), gradeOn(tl.endedOn!)).text });
    }
    return pair;
  };

  const canPlace = (group: GroupPlan, mentor: TeacherPlan, apprentice: TeacherPlan, status: PairStatus, tl: PairTimeline): boolean => {
    const busyTo = status === 'COMPLETED' ? FAR_FUTURE : (tl.endedOn ?? (tl.respondedOn ? addDays(tl.respondedOn, 1) : FAR_FUTURE));
    // At most three pairs per apprentice, one of them dissolved.
    const history = pairs.filter((p) => p.apprenticeId === apprentice.id);
    if (history.length >= 3 || (status === 'DISSOLVED' && history.some((p) => p.status === 'DISSOLVED'))) return false;
    if (overlapping(apprenticeBusy.get(apprentice.id) ?? [], tl.proposedOn, busyTo)) return false;
    if (!tl.activatedOn) return true;
    // Never more than the capacity of ACTIVE pairs for the mentor in the group, on any day.
    const periods: [string, string][] = [...(activePeriods.get(`${group.id}:${mentor.id}`) ?? []), [tl.activatedOn, tl.endedOn ?? FAR_FUTURE]];
    return periods.every(([start]) => periods.filter(([a, e]) => a <= start && start < e).length <= MENTOR_CAPACITY);
  };

  // The demo accounts: 周文华 has mentored 陈雨萱 since the spring term of 2026.
  const famous = ix.teacherById.get(plan.refs.famousTeacherId)!;
  const newcomer = ix.teacherById.get(plan.refs.newTeacherId)!;
  const featuredGroup = plan.groups.find((g) => g.id === plan.refs.featuredGroupId)!;
  const featuredSubject = famous.subjects.find((s) => newcomer.subjects.includes(s));
  if (!featuredSubject) throw new Error(`demo plan: ${FAMOUS_TEACHER_NAME} and ${NEW_TEACHER_NAME} share no subject`);
  const featuredTimeline: PairTimeline = { proposedOn: '2026-02-25', activatedOn: '2026-03-02', endedOn: null, respondedOn: null };
  if (!canPlace(featuredGroup, famous, newcomer, 'ACTIVE', featuredTimeline)) throw new Error('demo plan: the featured mentoring pair does not fit');
  const featuredGoals = ['站稳讲台', ...(MENTORING_SUBJECT_GOALS[featuredSubject] ?? []).slice(0, 1), '独立设计单元教学'];
  addPair(featuredGroup, famous, newcomer, featuredSubject, 'ACTIVE', featuredTimeline, 'APPRENTICE', featuredGoals).responseNote = MENTORING_ACCEPT_NOTES[0];
  // Her only pair.
  apprenticeBusy.get(newcomer.id)!.push([MENTORING_FROM, featuredTimeline.proposedOn]);

  const STATUS_WEIGHTS: ReadonlyArray<readonly [PairStatus, number]> = [['ACTIVE', 40], ['COMPLETED', 15], ['DISSOLVED', 12], ['PROPOSED', 15], ['DECLINED', 18]];
  for (const group of plan.groups) {
    if (group.kind !== 'CONSORTIUM' && group.kind !== 'EDUCATION_GROUP') continue;
    const featured = group.id === featuredGroup.id;
    const members = currentMembers(ix, group.id, FAR_FUTURE);
    // Mentors: 名师 and 骨干 of the lead school, a few of the member town schools; apprentices: new and young teachers.
    const mentors: [TeacherPlan, number][] = [];
    const apprentices: [TeacherPlan, number][] = [];
    for (const x of members) {
      const s = ix.schoolById.get(x.schoolId)!;
      const small = s.locale === 'RURAL' || s.stage === 'TEACHING_POINT';
      for (const t of ix.teachersBySchool.get(s.id) ?? []) {
        if (isMentorGrade(t)) {
          if (x.role === 'LEAD') mentors.push([t, t.honours.includes('FAMOUS_TEACHER') ? 8 : 5]);
          else if (!small) mentors.push([t, 1]);
        } else if (isSeniorTeacher(t) && x.role === 'LEAD') mentors.push([t, 0.5]);
        else if (isNewTeacher(t)) apprentices.push([t, x.role === 'LEAD' ? 1 : small ? 6 : 4]);
        else if (isYoungTeacher(t) && x.role === 'MEMBER') apprentices.push([t, t.yearsOfExperience <= 6 ? 1 : 0.3]);
        else if (isYoungBackbone(t)) apprentices.push([t, 0.3]);
      }
    }
    const combos: { mentor: TeacherPlan; apprentice: TeacherPlan; subject: string; weight: number; earliest: string }[] = [];
    for (const [a, wa] of apprentices) {
      for (const [m, wm] of mentors) {
        if (m.id === a.id || (m.schoolId === a.schoolId && m.schoolId !== group.leadSchoolId)) continue;
        const earliest = maxDay(ix.currentFrom.get(m.id)!, ix.currentFrom.get(a.id)!, joinedOn(ix, group.id, m.schoolId)!, joinedOn(ix, group.id, a.schoolId)!);
        for (const subject of m.subjects.filter((s) => a.subjects.includes(s))) {
          combos.push({ mentor: m, apprentice: a, subject, weight: wa * wm * (sameLevel(m, a) ? 1 : 0.05), earliest });
        }
      }
    }
    if (combos.length === 0) continue;

    const n = featured ? 11 : group.kind === 'EDUCATION_GROUP' ? rng.int(5, 8) : rng.int(4, 10);
    const others: PairStatus[] = ['COMPLETED', 'DISSOLVED', 'PROPOSED', 'DECLINED'];
    const statuses: PairStatus[] = ['ACTIVE'];
    while (statuses.length < n && others.length > 0) statuses.push(others.splice(Math.floor(rng.next() * others.length), 1)[0]);
    while (statuses.length < n) statuses.push(rng.weighted(STATUS_WEIGHTS));
    // Groups with few new teachers: requests that were declined or went through top them up to four pairs.
    const placed = () => pairs.filter((p) => p.groupId === group.id).length;
    for (let i = 0; i < 6; i++) statuses.push(rng.chance(0.5) ? 'DECLINED' : 'ACTIVE');
    for (const [i, status] of statuses.entries()) {
      if (i >= n && placed() >= 4) break;
      for (let attempt = 0; attempt < 80; attempt++) {
        const c = rng.weighted(combos.map((x) => [x, x.weight / (1 + 0.7 * (pairsOf.get(x.mentor.id) ?? 0)) / (1 + 2 * (pairsOf.get(x.apprentice.id) ?? 0))] as const));
        const tl = pairTimeline(rng, status, c.earliest);
        if (!tl || !canPlace(group, c.mentor, c.apprentice, status, tl)) continue;
        // The other side answers: a mentor declines a request, so an invitation from the mentor is not among the declined.
        const proposedBy = status === 'DECLINED' ? rng.weighted<Proposer>([['APPRENTICE', 6], ['MANAGER', 4]]) : rng.weighted(PROPOSER_WEIGHTS);
        addPair(group, c.mentor, c.apprentice, c.subject, status, tl, proposedBy, goalsFor(c.apprentice, c.subject));
        break;
      }
    }
  }
  validateMentoring({ pairs, activities, evaluations }, plan, ix);
  return { pairs, activities, evaluations };
}

/** The rules the schema and the service keep, checked on the plan. */
function validateMentoring(mp: MentoringPlan, plan: DemoPlan, ix: PlanIndex): void {
  const open = new Set<string>();
  const periods = new Map<string, [string, string][]>();
  const pairById = new Map(mp.pairs.map((p) => [p.id, p]));
  for (const p of mp.pairs) {
    const mentor = ix.teacherById.get(p.mentorId)!;
    const apprentice = ix.teacherById.get(p.apprenticeId)!;
    const label = `pair ${mentor.name} / ${apprentice.name} (${p.status})`;
    if (p.mentorId === p.apprenticeId || !mentor.subjects.includes(p.subject) || !apprentice.subjects.includes(p.subject)) throw new Error(`demo plan: bad ${label}`);
    for (const t of [mentor, apprentice]) {
      const joined = joinedOn(ix, p.groupId, t.schoolId);
      if (!joined || joined > p.proposedOn || ix.currentFrom.get(t.id)! > p.proposedOn) throw new Error(`demo plan: ${label}: ${t.name} not at a member school yet`);
    }
    const activated = p.activatedOn !== null;
    const ok =
      p.proposedOn >= MENTORING_FROM &&
      p.proposedOn <= RECORDED_UNTIL &&
      (p.status === 'PROPOSED' || p.status === 'DECLINED' ? !activated && p.endedOn === null : true) &&
      (p.status === 'ACTIVE' ? activated && p.endedOn === null && p.plannedEndOn === plusYears(p.activatedOn!, 3) : true) &&
      (p.status === 'COMPLETED' ? activated && p.endedOn !== null && !!p.evaluation : !p.evaluation) &&
      (p.status === 'DISSOLVED' ? p.endedOn !== null && !!p.dissolveReason : !p.dissolveReason) &&
      (p.status === 'DECLINED' ? !!p.responseNote : true) &&
      (!activated || p.activatedOn! >= p.proposedOn) &&
      (p.endedOn === null || (p.endedOn >= (p.activatedOn ?? p.proposedOn) && p.endedOn <= RECORDED_UNTIL));
    if (!ok) throw new Error(`demo plan: inconsistent ${label}`);
    if (p.status === 'PROPOSED' || p.status === 'ACTIVE') {
      const key = `${p.mentorId}:${p.apprenticeId}:${p.subject}`;
      if (open.has(key)) throw new Error(`demo plan: two open pairs for ${label}`);
      open.add(key);
    }
    if (activated) periods.set(`${p.groupId}:${p.mentorId}`, [...(periods.get(`${p.groupId}:${p.mentorId}`) ?? []), [p.activatedOn!, p.endedOn ?? FAR_FUTURE]]);
  }
  for (const [key, list] of periods) {
    if (list.some(([start]) => list.filter(([a, e]) => a <= start && start < e).length > MENTOR_CAPACITY)) throw new Error(`demo plan: mentor over capacity (${key})`);
  }
  for (const a of mp.activities) {
    const p = pairById.get(a.pairId);
    if (!p?.activatedOn || a.occurredOn < p.activatedOn || a.occurredOn > RECORDED_UNTIL || (p.endedOn !== null && a.occurredOn >= p.endedOn)) throw new Error('demo plan: mentoring activity outside the active period');
    if (a.loggedBy !== p.mentorId && a.loggedBy !== p.apprenticeId) throw new Error('demo plan: activity logged by someone else');
    if (a.durationMinutes < 30 || a.durationMinutes > 90) throw new Error('demo plan: activity duration');
  }
  const periodsSeen = new Set<string>();
  for (const e of mp.evaluations) {
    const p = pairById.get(e.pairId);
    if (!p?.activatedOn || periodsSeen.has(`${e.pairId}:${e.period}`)) throw new Error('demo plan: bad evaluation');
    periodsSeen.add(`${e.pairId}:${e.period}`);
    if (e.scores.some((s) => !p.goals.includes(s.goal) || s.score < 3 || s.score > 5)) throw new Error('demo plan: evaluation scores');
  }
  const featured = mp.pairs.find((p) => p.mentorId === plan.refs.famousTeacherId && p.apprenticeId === plan.refs.newTeacherId && p.status === 'ACTIVE');
  if (!featured || mp.evaluations.filter((e) => e.pairId === featured.id).length !== 1) throw new Error('demo plan: the featured mentoring pair is missing its evaluation');
  for (const status of ['PROPOSED', 'ACTIVE', 'DECLINED', 'COMPLETED', 'DISSOLVED']) {
    if (!mp.pairs.some((p) => p.status === status)) throw new Error(`demo plan: no ${status} mentoring pair`);
  }
}

type ExchangeKind = 'ROTATION' | 'TRAVELING' | 'SUPPORT';
type StudentActivityType = 'SPORTS' | 'ARTS' | 'SCIENCE' | 'READING' | 'LABOUR' | 'STUDY_TRIP' | 'CLUB' | 'OTHER';

interface ExchangePlan {
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

interface StudentActivityPlan {
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

interface RotationQuotaPlan {
  id: string;
  regionId: string;
  year: number;
  minRotationRatio: number;
  minBackboneRatio: number;
  updatedAt: string;
}

interface ExchangeActivityPlan {
  exchanges: ExchangePlan[];
  activities: StudentActivityPlan[];
  quotas: RotationQuotaPlan[];
}

type Period = readonly [string, string | null];
/**
 * Rotations (交流轮岗) for a term or a school year, and 支教 for a year, with weights; the current ones have their
 * planned last day, a few have none (null: open-ended, still going on).
 */
const ROTATION_PERIODS: ReadonlyArray<readonly [Period, number]> = [
  [['2024-09-02', '2025-01-17'], 2], [['2025-02-17', '2025-07-04'], 2], [['2025-09-01', '2026-01-23'], 2], [['2026-03-02', '2026-07-03'], 2], [['2026-09-01', '2027-01-22'], 2],
  [['2024-09-02', '2025-07-04'], 2], [['2025-09-01', '2026-07-03'], 2], [['2026-09-01', '2027-07-02'], 1], [['2026-09-01', null], 1], [['2025-09-01', null], 0.5],
];
const SUPPORT_PERIODS: ReadonlyArray<readonly [Period, number]> = [
  [['2024-09-02', '2025-07-04'], 2], [['2025-09-01', '2026-07-03'], 2], [['2026-09-01', '2027-07-02'], 1], [['2025-09-01', null], 0.7], [['2026-09-01', null], 0.5],
];
/** Subjects village schools lack teachers for: most 走教 teachers teach these. */
const TRAVELING_SUBJECTS = ['音乐', '美术', '体育', '英语', '科学', '信息科技'];
const STUDENT_ACTIVITY_MONTHS = monthsBetween('2025-06-01', RECORDED_UNTIL);
const KIND_NAMES: Record<Kind, string> = { CONSORTIUM: '教联体', EDUCATION_GROUP: '教育集团', ALLIANCE: '联盟', SCHOOL_DISTRICT: '大学区' };

function buildExchangeActivityPlan(plan: DemoPlan, ix: PlanIndex): ExchangeActivityPlan {
  const rng = new Prng(20240902);
  const exchanges: ExchangePlan[] = [];
  const activities: StudentActivityPlan[] = [];
  /** Each teacher's exchanges as half-open periods [startsOn, endsOn + 1). */
  const periodsOf = new Map<string, [string, string][]>();
  const small = (s: SchoolPlan) => s.locale === 'RURAL' || s.stage === 'TEACHING_POINT';

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
    kind: 'TRAVELING',
    startsOn: '2026-10-12',
    endsOn: '2026-10-23',
    note: `名师送教：到${shortName(ix.schoolById.get(newcomer.schoolId)!.name)}上${famous.subjects[0]}示范课，与徒弟${newcomer.name}同课异构。`,
    createdAt: chinaInstant('2026-09-28', 10 * 60),
  });
  periodsOf.set(famous.id, [['2026-10-12', '2026-10-24']]);
  periodsOf.set(newcomer.id, [['2000-01-01', FAR_FUTURE]]);

  for (const group of plan.groups) {
    if (group.kind === 'ALLIANCE') continue;
    const featured = group.id === plan.refs.featuredGroupId;
    const n = featured ? 15 : group.kind === 'CONSORTIUM' ? rng.int(5, 12) : rng.int(4, 7);
    for (let k = 0; k < n; k++) {
      for (let attempt = 0; attempt < 40; attempt++) {
        const kind = rng.weighted<ExchangeKind>([['ROTATION', 45], ['TRAVELING', 33], ['SUPPORT', 22]]);
        let startsOn: string;
        let endsOn: string | null;
        if (kind === 'TRAVELING') {
          // 走教送教: one to six weeks within a term.
          startsOn = schoolDayFrom(randomDay(rng, '2024-09-02', '2026-11-06'));
          endsOn = minDay(addDays(startsOn, rng.int(4, 40)), termOf(startsOn)![2], RECORDED_UNTIL);
        } else {
          [startsOn, endsOn] = rng.weighted(kind === 'ROTATION' ? ROTATION_PERIODS : SUPPORT_PERIODS);
        }
        const members = currentMembers(ix, group.id, startsOn).map((x) => ({ x, s: ix.schoolById.get(x.schoolId)! }));
        const lead = members.find((m) => m.x.role === 'LEAD');
        const others = members.filter((m) => m.x.role === 'MEMBER');
        if (!lead || others.length === 0) continue;
        // Rotations mostly send the lead school's teachers (骨干 first) out; young member teachers come in to learn (跟岗).
        const inbound = kind === 'ROTATION' && rng.chance(0.3);
        let from: SchoolPlan;
        let to: SchoolPlan;
        if (inbound) {
          from = rng.pick(others).s;
          to = lead.s;
        } else {
          const towns = others.filter((m) => !small(m.s) && m.s.locale !== 'URBAN');
          from = kind !== 'ROTATION' && towns.length > 0 && rng.chance(0.2) ? rng.pick(towns).s : lead.s;
          const targets = others.filter((m) => m.s.id !== from.id);
          if (targets.length === 0) continue;
          to = rng.weighted(targets.map((m) => [m.s, small(m.s) ? 3 : m.s.locale === 'URBAN' ? 1 : 2] as const));
        }
        const candidates = (ix.teachersBySchool.get(from.id) ?? [])
          .filter((t) => ix.currentFrom.get(t.id)! <= startsOn && teachesAt(t, to) && t.id !== famous.id && t.id !== newcomer.id)
          .map((t) => {
            const backbone = t.honours.includes('BACKBONE');
            let w: number;
            if (kind === 'ROTATION') w = inbound ? (t.yearsOfExperience <= 8 && !backbone ? 2 : 0.3) : backbone ? 4 : t.yearsOfExperience >= 5 ? 1.2 : 0.2;
            else if (kind === 'TRAVELING') w = TRAVELING_SUBJECTS.includes(t.subjects[0]) ? 4 : 1;
            else w = t.yearsOfExperience >= 3 && t.yearsOfExperience <= 20 ? (backbone ? 1.5 : 1) : 0.2;
            return [t, w / (1 + 3 * (periodsOf.get(t.id)?.length ?? 0))] as const;
          });
        if (candidates.length === 0) continue;
        const teacher = rng.weighted(candidates);
        const until = endsOn === null ? FAR_FUTURE : addDays(endsOn, 1);
        if (overlapping(periodsOf.get(teacher.id) ?? [], startsOn, until)) continue;
        periodsOf.set(teacher.id, [...(periodsOf.get(teacher.id) ?? []), [startsOn, until]]);
        const subject = teacher.subjects[0];
        const noteKey = kind === 'ROTATION' ? (inbound ? 'ROTATION_IN' : 'ROTATION_OUT') : kind;
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
    ['SPORTS', 3], ['ARTS', 3], ['SCIENCE', 2], ['READING', 3], ['LABOUR', 2], ['STUDY_TRIP', 2], ['CLUB', 2], ['OTHER', 1],
  ];
  const ALLIANCE_WEIGHTS: ReadonlyArray<readonly [StudentActivityType, number]> = [['SCIENCE', 6], ['CLUB', 2], ['STUDY_TRIP', 2], ['READING', 1]];
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
        let type: StudentActivityType = 'OTHER';
        let title = '';
        for (let attempt = 0; attempt < 40 && !title; attempt++) {
          type = rng.weighted(group.kind === 'ALLIANCE' ? ALLIANCE_WEIGHTS : TYPE_WEIGHTS);
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
        const lead = members.find((m) => m.x.role === 'LEAD');
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
  validateExchangeActivities({ exchanges, activities, quotas }, ix);
  return { exchanges, activities, quotas };
}

/** The rules the services keep, checked on the plan. */
function validateExchangeActivities(p: ExchangeActivityPlan, ix: PlanIndex): void {
  const byTeacher = new Map<string, ExchangePlan[]>();
  for (const e of p.exchanges) {
    const t = ix.teacherById.get(e.teacherId)!;
    const members = new Set(currentMembers(ix, e.groupId, e.startsOn).map((x) => x.schoolId));
    if (e.fromSchoolId === e.toSchoolId || t.schoolId !== e.fromSchoolId || !members.has(e.fromSchoolId) || !members.has(e.toSchoolId)) throw new Error(`demo plan: bad exchange of ${t.name}`);
    if (e.startsOn < '2024-09-01' || e.startsOn > RECORDED_UNTIL || (e.endsOn !== null && (e.endsOn < e.startsOn || e.endsOn > '2027-08-31')) || ix.currentFrom.get(t.id)! > e.startsOn) throw new Error(`demo plan: bad exchange dates for ${t.name}`);
    byTeacher.set(t.id, [...(byTeacher.get(t.id) ?? []), e]);
  }
  for (const list of byTeacher.values()) {
    if (list.filter((e) => e.endsOn === null).length > 1) throw new Error('demo plan: two open exchanges for one teacher');
    for (const a of list) for (const b of list) if (a !== b && a.startsOn <= (b.endsOn ?? FAR_FUTURE) && b.startsOn <= (a.endsOn ?? FAR_FUTURE)) throw new Error('demo plan: overlapping exchanges');
  }
  for (const a of p.activities) {
    const members = new Set(currentMembers(ix, a.groupId, a.heldOn).map((x) => x.schoolId));
    if (a.schoolIds.length < 2 || a.schoolIds.length > 4 || new Set(a.schoolIds).size !== a.schoolIds.length || a.schoolIds.some((s) => !members.has(s))) throw new Error(`demo plan: bad schools for ${a.title}`);
    if (a.participantCount < 30 || a.participantCount > 400 || a.heldOn > RECORDED_UNTIL || a.title.length > 200) throw new Error(`demo plan: bad student activity ${a.title}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Collective lesson preparation (集体备课): teams, plans with every revision, review, comments, personal adaptations
// (二次备课) and adoptions (同上课), 2025-09 to 2026-11.

type PlanStatus = 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED' | 'ARCHIVED';
type PlanSection = 'TITLE' | 'UNIT' | 'OBJECTIVES' | 'KEY_POINTS' | 'CONTENT' | 'RESOURCES';

/** The editable part of a plan, kept in full in every revision. */
type PlanText = PlanContent;
type LessonResourcePlan = PlanContent['resources'][number];

interface PrepTeamPlan {
  id: string;
  groupId: string;
  name: string;
  subject: string;
  grade: string;
  leaderId: string;
  reviewerId: string | null;
  createdBy: string | null;
  createdAt: string;
}

interface PrepMemberPlan {
  id: string;
  teamId: string;
  teacherId: string;
  joinedAt: string;
  leftAt: string | null;
}

interface LessonPlanPlan extends PlanText {
  id: string;
  key: string;
  groupId: string;
  kind: 'TEAM' | 'ADAPTATION';
  teamId: string | null;
  ownerId: string | null;
  sourcePlanId: string | null;
  sourceVersion: number | null;
  schoolId: string;
  mainPreparerId: string;
  subject: string;
  grade: string;
  status: PlanStatus;
  version: number;
  publishedVersion: number | null;
  firstPublishedAt: string | null;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

interface RevisionPlan extends PlanText {
  planId: string;
  version: number;
  note: string | null;
  authorUserId: string | null;
  authorTeacherId: string | null;
  createdAt: string;
  publishedAt: string | null;
}

interface CommentPlan {
  id: string;
  planId: string;
  version: number;
  parentId: string | null;
  anchor: { section: PlanSection; fromLine?: number; toLine?: number } | null;
  text: string;
  authorUserId: string;
  authorTeacherId: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

interface AdoptionPlan {
  id: string;
  planId: string;
  version: number;
  adaptationId: string | null;
  groupId: string;
  schoolId: string;
  teacherId: string;
  taughtOn: string;
  className: string;
  reflection: string | null;
  recordedBy: string | null;
  createdAt: string;
}

interface LessonPrepPlan {
  teams: PrepTeamPlan[];
  members: PrepMemberPlan[];
  plans: LessonPlanPlan[];
  revisions: RevisionPlan[];
  comments: CommentPlan[];
  adoptions: AdoptionPlan[];
}

/** Who acts: a teacher (with the demo account bound to them, if any) or an account without a teacher (the group manager). */
interface Actor {
  teacher: TeacherPlan | null;
  userId: string | null;
}

/** '2026-03-16 16:20' (China time) as an instant. */
const at = (when: string) => chinaInstant(when.slice(0, 10), Number(when.slice(11, 13)) * 60 + Number(when.slice(14, 16)));
/** The China calendar day of an instant. */
const dayOf = (iso: string) => new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** Replaces each `[before, after]` once in `text`; a `before` that is not there is a mistake in the demo. */
function edit(text: string, changes: ReadonlyArray<readonly [string, string]>): string {
  let out = text;
  for (const [before, after] of changes) {
    const i = out.indexOf(before);
    if (i < 0) throw new Error(`demo plan: lesson plan edit does not apply: ${before.slice(0, 40)}`);
    out = out.slice(0, i) + after + out.slice(i + before.length);
  }
  return out;
}

/** A CONTENT anchor from the line containing `first` to the line containing `last`. */
function linesOf(content: string, first: string, last: string): CommentPlan['anchor'] {
  const lines = content.split('\n');
  const fromLine = lines.findIndex((l) => l.includes(first)) + 1;
  const toLine = lines.findIndex((l) => l.includes(last)) + 1;
  if (fromLine < 1 || toLine < fromLine) throw new Error(`demo plan: no lines ${first}…${last}`);
  return { section: 'CONTENT', fromLine, toLine };
}

/**
 * Plays the demo's lesson preparation through the rules of LessonPlansService and TeamsService (who may do what,
 * in which status, on which version) and records the rows the services would have written. A step the API
 * would refuse throws, so the demo cannot show what the platform does not allow.
 */
class LessonPrepRecorder {
  readonly out: LessonPrepPlan = { teams: [], members: [], plans: [], revisions: [], comments: [], adoptions: [] };
  /** The latest instant something happened to a plan: steps come in order. */
  private readonly clock = new Map<string, string>();
  private readonly teamById = new Map<string, PrepTeamPlan>();

  constructor(
    private readonly ix: PlanIndex,
    private readonly exchanges: readonly ExchangePlan[],
  ) {}

  private fail(what: string): never {
    throw new Error(`demo plan: lesson preparation: ${what}`);
  }

  private step(plan: LessonPlanPlan, iso: string) {
    if (iso < (this.clock.get(plan.id) ?? '') || iso < plan.createdAt) this.fail(`steps of ${plan.title} out of order at ${iso}`);
    if (dayOf(iso) > RECORDED_UNTIL) this.fail(`${plan.title}: ${iso} is after the recorded period`);
    this.clock.set(plan.id, iso);
  }

  /** The teacher teaches `subject` at an active member school of the group on `day` (and had started there). */
  private inGroup(t: TeacherPlan, groupId: string, day: string, subject: string): boolean {
    return t.subjects.includes(subject) && currentMembers(this.ix, groupId, day).some((m) => m.schoolId === t.schoolId) && this.ix.currentFrom.get(t.id)! <= day;
  }

  private isMember(teamId: string, teacherId: string | undefined, iso: string): boolean {
    return this.out.members.some((m) => m.teamId === teamId && m.teacherId === teacherId && m.joinedAt <= iso && (m.leftAt === null || iso < m.leftAt));
  }

  /** Sees drafts, every revision and every comment: the team (members, the named reviewer) or an adaptation's owner. */
  private seesDrafts(plan: LessonPlanPlan, by: Actor, iso: string): boolean {
    const t = by.teacher;
    if (!t) return false;
    if (plan.kind === 'ADAPTATION') return plan.ownerId === t.id;
    return this.isMember(plan.teamId!, t.id, iso) || this.teamById.get(plan.teamId!)!.reviewerId === t.id;
  }

  private leads(plan: LessonPlanPlan, by: Actor): boolean {
    const team = this.teamById.get(plan.teamId ?? '');
    return !!team && !!by.teacher && (team.leaderId === by.teacher.id || team.reviewerId === by.teacher.id);
  }

  team(spec: {
    group: GroupPlan;
    name: string;
    subject: string;
    grade: string;
    formed: string;
    createdBy: string | null;
    leader: TeacherPlan;
    reviewer?: TeacherPlan;
    /** The leader first; [teacher, joined, left?] */
    members: ReadonlyArray<readonly [TeacherPlan, string, string?]>;
  }): PrepTeamPlan {
    const createdAt = at(spec.formed);
    const team: PrepTeamPlan = {
      id: demoId(`lesson-team:${spec.group.name}:${spec.name}`),
      groupId: spec.group.id,
      name: spec.name,
      subject: spec.subject,
      grade: spec.grade,
      leaderId: spec.leader.id,
      reviewerId: spec.reviewer?.id ?? null,
      createdBy: spec.createdBy,
      createdAt,
    };
    if (spec.members[0]?.[0] !== spec.leader || spec.members[0][1] !== spec.formed) this.fail(`${spec.name}: the leader is the first member, from the start`);
    if (spec.reviewer && !this.inGroup(spec.reviewer, spec.group.id, dayOf(createdAt), spec.subject)) this.fail(`${spec.name}: the reviewer is not a teacher of the group`);
    this.out.teams.push(team);
    this.teamById.set(team.id, team);
    for (const [t, joined, left] of spec.members) {
      const joinedAt = at(joined);
      if (joinedAt < createdAt || !this.inGroup(t, spec.group.id, dayOf(joinedAt), spec.subject)) this.fail(`${spec.name}: ${t.name} cannot join on ${joined}`);
      if (this.isMember(team.id, t.id, joinedAt)) this.fail(`${spec.name}: ${t.name} twice`);
      const leftAt = left ? at(left) : null;
      if (leftAt !== null && (leftAt <= joinedAt || t === spec.leader)) this.fail(`${spec.name}: bad leave of ${t.name}`);
      this.out.members.push({ id: demoId(`lesson-team-member:${team.id}:${t.id}:${joined}`), teamId: team.id, teacherId: t.id, joinedAt, leftAt });
    }
    return team;
  }

  private revise(plan: LessonPlanPlan, iso: string, by: Actor, note: string | null) {
    this.out.revisions.push({
      planId: plan.id,
      version: plan.version,
      ...PLAN_FIELDS.reduce((o, f) => ({ ...o, [f]: plan[f] }), {} as PlanText),
      note,
      authorUserId: by.userId,
      authorTeacherId: by.teacher?.id ?? null,
      createdAt: iso,
      publishedAt: null,
    });
  }

  private revision(plan: LessonPlanPlan, version: number): RevisionPlan {
    return this.out.revisions.find((r) => r.planId === plan.id && r.version === version) ?? this.fail(`${plan.title} has no version ${version}`);
  }

  /** createLessonPlan: a member drafts version 1; the main preparer (主备) is a member too. */
  create(key: string, team: PrepTeamPlan, when: string, by: Actor, text: PlanText, preparer: TeacherPlan | null = by.teacher): LessonPlanPlan {
    const iso = at(when);
    if (!by.teacher || !this.isMember(team.id, by.teacher.id, iso) || !preparer || !this.isMember(team.id, preparer.id, iso)) this.fail(`${text.title}: only members write the team's plans`);
    const plan: LessonPlanPlan = {
      ...text,
      id: demoId(`lesson-plan:${key}`),
      key,
      groupId: team.groupId,
      kind: 'TEAM',
      teamId: team.id,
      ownerId: null,
      sourcePlanId: null,
      sourceVersion: null,
      schoolId: preparer.schoolId,
      mainPreparerId: preparer.id,
      subject: team.subject,
      grade: team.grade,
      status: 'DRAFT',
      version: 1,
      publishedVersion: null,
      firstPublishedAt: null,
      reviewNote: null,
      reviewedBy: null,
      reviewedAt: null,
      createdBy: by.userId,
      createdAt: iso,
      updatedAt: iso,
    };
    this.out.plans.push(plan);
    this.step(plan, iso);
    this.revise(plan, iso, by, null);
    return plan;
  }

  /** updateLessonPlan: a new version with a full revision; editing a published plan starts a new DRAFT round. */
  update(plan: LessonPlanPlan, when: string, by: Actor, change: (p: PlanText) => Partial<PlanText>, note: string): LessonPlanPlan {
    const iso = at(when);
    this.step(plan, iso);
    if (!this.seesDrafts(plan, by, iso) || (plan.kind === 'TEAM' && !this.isMember(plan.teamId!, by.teacher?.id, iso))) this.fail(`${plan.title}: ${by.teacher?.name} may not edit`);
    if (plan.status !== 'DRAFT' && plan.status !== 'PUBLISHED') this.fail(`${plan.title} is ${plan.status}: not editable`);
    const next: PlanText = { ...plan, ...change(plan) };
    if (!changedFields(plan, next).length) this.fail(`${plan.title}: an update that changes nothing`);
    Object.assign(plan, PLAN_FIELDS.reduce((o, f) => ({ ...o, [f]: next[f] }), {}), { version: plan.version + 1, status: plan.status === 'PUBLISHED' ? 'DRAFT' : plan.status, updatedAt: iso });
    this.revise(plan, iso, by, note);
    return plan;
  }

  submit(plan: LessonPlanPlan, when: string, by: Actor): LessonPlanPlan {
    const iso = at(when);
    this.step(plan, iso);
    if (plan.kind !== 'TEAM' || plan.status !== 'DRAFT' || !this.isMember(plan.teamId!, by.teacher?.id, iso)) this.fail(`${plan.title}: cannot submit`);
    return Object.assign(plan, { status: 'IN_REVIEW', reviewNote: null, updatedAt: iso });
  }

  review(plan: LessonPlanPlan, when: string, by: Actor, approve: boolean, note: string | null = null): LessonPlanPlan {
    const iso = at(when);
    this.step(plan, iso);
    if (plan.status !== 'IN_REVIEW' || !this.leads(plan, by)) this.fail(`${plan.title}: cannot review`);
    if (!approve && !note) this.fail(`${plan.title}: returned without a note`);
    return Object.assign(plan, { status: approve ? 'APPROVED' : 'DRAFT', reviewNote: note, reviewedBy: by.userId, reviewedAt: iso, updatedAt: iso });
  }

  publish(plan: LessonPlanPlan, when: string, by: Actor): LessonPlanPlan {
    const iso = at(when);
    this.step(plan, iso);
    if (plan.status !== 'APPROVED' || !this.leads(plan, by)) this.fail(`${plan.title}: cannot publish`);
    this.revision(plan, plan.version).publishedAt = iso;
    return Object.assign(plan, { status: 'PUBLISHED', publishedVersion: plan.version, firstPublishedAt: plan.firstPublishedAt ?? iso, updatedAt: iso });
  }

  archive(plan: LessonPlanPlan, when: string, by: Actor): LessonPlanPlan {
    const iso = at(when);
    this.step(plan, iso);
    const allowed = plan.kind === 'ADAPTATION' ? plan.ownerId === by.teacher?.id : this.teamById.get(plan.teamId!)!.leaderId === by.teacher?.id;
    if (!allowed || plan.status === 'ARCHIVED') this.fail(`${plan.title}: cannot archive`);
    return Object.assign(plan, { status: 'ARCHIVED', updatedAt: iso });
  }

  /** adaptLessonPlan: a teacher of the group copies the published version (二次备课). */
  adapt(key: string, source: LessonPlanPlan, when: string, owner: Actor): LessonPlanPlan {
    const iso = at(when);
    const t = owner.teacher;
    if (source.kind !== 'TEAM' || source.publishedVersion === null || source.status === 'ARCHIVED') this.fail(`${source.title}: only published team plans are adapted`);
    if (!t || !this.inGroup(t, source.groupId, dayOf(iso), source.subject)) this.fail(`${source.title}: ${t?.name} is not a teacher of the group`);
    if (this.out.plans.some((p) => p.sourcePlanId === source.id && p.ownerId === t.id && p.status !== 'ARCHIVED')) this.fail(`${t.name} already adapted ${source.title}`);
    this.step(source, iso);
    const rev = this.revision(source, source.publishedVersion);
    const plan: LessonPlanPlan = {
      ...PLAN_FIELDS.reduce((o, f) => ({ ...o, [f]: rev[f] }), {} as PlanText),
      id: demoId(`lesson-plan:${key}`),
      key,
      groupId: source.groupId,
      kind: 'ADAPTATION',
      teamId: null,
      ownerId: t.id,
      sourcePlanId: source.id,
      sourceVersion: source.publishedVersion,
      schoolId: t.schoolId,
      mainPreparerId: t.id,
      subject: source.subject,
      grade: source.grade,
      status: 'DRAFT',
      version: 1,
      publishedVersion: null,
      firstPublishedAt: null,
      reviewNote: null,
      reviewedBy: null,
      reviewedAt: null,
      createdBy: owner.userId,
      createdAt: iso,
      updatedAt: iso,
    };
    this.out.plans.push(plan);
    this.step(plan, iso);
    // the service's own note for the first revision of an adaptation
    this.revise(plan, iso, owner, `二次备课: from version ${source.publishedVersion}`);
    return plan;
  }

  /** commentOnLessonPlan: the team on any version, readers of the group on published versions; a reply shares its comment's version and anchor. */
  comment(plan: LessonPlanPlan, when: string, by: Actor, version: number, text: string, o: { anchor?: CommentPlan['anchor']; replyTo?: CommentPlan } = {}): CommentPlan {
    const iso = at(when);
    this.step(plan, iso);
    const rev = this.revision(plan, version);
    if (!by.userId || rev.createdAt > iso) this.fail(`${plan.title}: bad comment`);
    if (!this.seesDrafts(plan, by, iso) && (plan.kind !== 'TEAM' || rev.publishedAt === null || rev.publishedAt > iso)) this.fail(`${plan.title}: readers comment on published versions`);
    if (o.replyTo && (o.replyTo.planId !== plan.id || o.replyTo.version !== version || o.anchor || o.replyTo.parentId)) this.fail(`${plan.title}: bad reply`);
    const a = o.anchor;
    if (a && (a.section === 'CONTENT' ? a.fromLine === undefined || a.fromLine > a.toLine! || a.toLine! > lineCount(rev.content) : a.fromLine !== undefined)) this.fail(`${plan.title}: bad anchor`);
    const comment: CommentPlan = {
      id: demoId(`lesson-comment:${plan.key}:${this.out.comments.filter((c) => c.planId === plan.id).length}`),
      planId: plan.id,
      version,
      parentId: o.replyTo?.id ?? null,
      anchor: a ?? null,
      text,
      authorUserId: by.userId,
      authorTeacherId: by.teacher?.id ?? null,
      createdAt: iso,
      resolvedAt: null,
      resolvedBy: null,
    };
    this.out.comments.push(comment);
    return comment;
  }

  resolve(plan: LessonPlanPlan, comment: CommentPlan, when: string, by: Actor): CommentPlan {
    const iso = at(when);
    this.step(plan, iso);
    const teamSide = plan.kind === 'TEAM' ? this.isMember(plan.teamId!, by.teacher?.id, iso) : plan.ownerId === by.teacher?.id;
    if (comment.planId !== plan.id || comment.parentId || comment.resolvedAt || (comment.authorUserId !== by.userId && !teamSide)) this.fail(`${plan.title}: cannot resolve`);
    return Object.assign(comment, { resolvedAt: iso, resolvedBy: by.userId });
  }

  /**
   * recordLessonPlanAdoption (同上课): the teacher taught the published plan (or their adaptation of it) at their own
   * school, an active member of the group, on a school day, after the plan was published, not while away on an exchange.
   */
  adopt(plan: LessonPlanPlan, taughtOn: string, teacher: TeacherPlan, className: string, reflection: string, recordedBy: string | null = null): AdoptionPlan {
    const source = plan.kind === 'ADAPTATION' ? this.out.plans.find((p) => p.id === plan.sourcePlanId)! : plan;
    if (plan.kind === 'ADAPTATION' && plan.ownerId !== teacher.id) this.fail(`${plan.title}: an adaptation is taught by its owner`);
    const createdAt = chinaInstant(taughtOn, 17 * 60 + 30 + (this.out.adoptions.length % 120));
    this.step(source, createdAt);
    if (plan !== source) this.step(plan, createdAt);
    if (source.publishedVersion === null || dayOf(source.firstPublishedAt!) > taughtOn) this.fail(`${source.title} was not published by ${taughtOn}`);
    if (!isSchoolDay(taughtOn) || !this.inGroup(teacher, source.groupId, taughtOn, source.subject)) this.fail(`${source.title}: ${teacher.name} cannot teach it on ${taughtOn}`);
    const away = this.exchanges.some((e) => e.teacherId === teacher.id && e.startsOn <= taughtOn && (e.endsOn === null || taughtOn <= e.endsOn));
    if (away) this.fail(`${teacher.name} is on an exchange on ${taughtOn}`);
    if (this.out.adoptions.some((x) => x.planId === source.id && x.teacherId === teacher.id && x.taughtOn === taughtOn && x.className === className)) this.fail(`${source.title}: recorded twice`);
    const adoption: AdoptionPlan = {
      id: demoId(`lesson-adoption:${source.key}:${teacher.id}:${taughtOn}:${className}`),
      planId: source.id,
      version: source.publishedVersion,
      adaptationId: plan === source ? null : plan.id,
      groupId: source.groupId,
      schoolId: teacher.schoolId,
      teacherId: teacher.id,
      taughtOn,
      className,
      reflection,
      recordedBy,
      createdAt,
    };
    this.out.adoptions.push(adoption);
    return adoption;
  }
}

const HONOUR_POINTS: Record<Honour, number> = { FAMOUS_TEACHER: 100, SUBJECT_LEADER: 60, BACKBONE: 30, EXCELLENT_TEACHER: 10, NEW_TEACHER: 0 };
const seniority = (t: TeacherPlan) => t.honours.reduce((s, h) => s + HONOUR_POINTS[h], 0) + t.yearsOfExperience;

/**
 * Four teams in three groups, each with its story:
 * - 随县炎帝学校教联体 (the featured consortium), 五年级数学: 《分数的意义》 prepared in the winter break, returned once by the
 *   reviewer, published, taught at five member schools, revised after their reflections (教后反思) and published again;
 *   one teacher's adaptation (二次备课) is of the first published version, another's of the second; this term's plans
 *   are published, approved, in review and in draft.
 * - 随县炎帝学校教联体, 四年级语文, led by 周文华 (teacher@) with 陈雨萱 (teacher2@): the comment threads (anchored to lines,
 *   a reply, a resolved one), a plan returned to draft with the reviewer's note, and a published plan being revised.
 * - 随县实验初级中学教联体, 七年级语文: last year's plan archived, this year's published, adapted by a new teacher.
 * - 曾都区实验小学教育集团, 三年级英语.
 */
function buildLessonPrepPlan(plan: DemoPlan, ix: PlanIndex, exchanges: readonly ExchangePlan[]): LessonPrepPlan {
  const rec = new LessonPrepRecorder(ix, exchanges);
  const schoolByName = new Map(plan.schools.map((s) => [s.name, s]));
  const group = (name: string) => plan.groups.find((g) => g.name === name) ?? prepFail(`no group ${name}`);
  /** The most senior (or the least experienced) teacher of `subject` (their first subject) at a school, skipping `not`. */
  const pick = (schoolName: string, subject: string, which: 'senior' | 'junior', ...not: TeacherPlan[]): TeacherPlan => {
    const school = schoolByName.get(schoolName) ?? prepFail(`no school ${schoolName}`);
    const pool = (ix.teachersBySchool.get(school.id) ?? []).filter((t) => t.subjects[0] === subject && !not.includes(t));
    pool.sort((a, b) => seniority(b) - seniority(a) || (a.id < b.id ? -1 : 1));
    return (which === 'senior' ? pool[0] : pool[pool.length - 1]) ?? prepFail(`no ${subject} teacher at ${schoolName}`);
  };
  const userOf = new Map([
    [plan.refs.famousTeacherId, demoId(`user:teacher@${DOMAIN}`)],
    [plan.refs.newTeacherId, demoId(`user:teacher2@${DOMAIN}`)],
  ]);
  const as = (t: TeacherPlan): Actor => ({ teacher: t, userId: userOf.get(t.id) ?? null });
  const manager: Actor = { teacher: null, userId: demoId(`user:manager@${DOMAIN}`) };
  const text = (title: string, unit: string, objectives: string[], keyPoints: string[], content: string[], resources: LessonResourcePlan[] = []): PlanText => ({
    title,
    unit,
    objectives: objectives.join('\n'),
    keyPoints: keyPoints.join('\n'),
    content: content.join('\n'),
    resources,
  });
  const SMARTEDU = 'https://basic.smartedu.cn/syncClassroom';

  // ----- 随县炎帝学校教联体 · 五年级数学集体备课组 -----
  const featured = plan.groups.find((g) => g.id === plan.refs.featuredGroupId)!;
  const lead = FEATURED_LEAD_SCHOOL;
  const huLeader = pick(lead, '数学', 'senior');
  const xuReviewer = pick('随县实验小学', '数学', 'senior');
  const shRural = pick(FEATURED_RURAL_SCHOOL, '数学', 'senior');
  const ljSenior = pick('随县厉山镇雷家畈小学', '数学', 'senior');
  const ljNew = pick('随县厉山镇雷家畈小学', '数学', 'junior');
  const cdFirst = pick('随县草店镇中心学校', '数学', 'senior');
  const cdSecond = pick('随县草店镇中心学校', '数学', 'junior', cdFirst);
  const syYoung = pick('随县实验小学', '数学', 'junior');
  const syMid = pick('随县实验小学', '数学', 'senior', xuReviewer);
  const shYoung = pick(FEATURED_RURAL_SCHOOL, '数学', 'junior');
  const shMid = pick(FEATURED_RURAL_SCHOOL, '数学', 'senior', shRural);
  const lsPoint = pick('随县厉山镇烈山教学点', '数学', 'senior');
  const ljMid = pick('随县厉山镇雷家畈小学', '数学', 'senior', ljSenior);
  const math = rec.team({
    group: featured,
    name: '五年级数学集体备课组',
    subject: '数学',
    grade: '五年级',
    formed: '2025-09-05 15:00',
    createdBy: manager.userId,
    leader: huLeader,
    reviewer: xuReviewer,
    members: [
      [huLeader, '2025-09-05 15:00'],
      [xuReviewer, '2025-09-05 15:00'],
      [shRural, '2025-09-05 15:00'],
      [ljSenior, '2025-09-05 15:00'],
      [ljNew, '2025-09-05 15:00'],
      [cdFirst, '2025-09-05 15:00', '2026-08-31 17:00'],
      [cdSecond, '2026-09-01 08:30'],
    ],
  });

  const fraction = rec.create(
    'math5:分数的意义',
    math,
    '2026-02-10 09:30',
    as(huLeader),
    text(
      '分数的意义',
      '五年级下册 第四单元 分数的意义和性质',
      [
        '1. 经历把一个物体、一个计量单位、一些物体组成的整体平均分的过程，理解单位“1”的含义。',
        '2. 理解分数的意义，认识分数单位，能说出一个分数里有几个这样的分数单位。',
        '3. 在动手操作和交流中，发展抽象概括能力和数感。',
      ],
      ['- 重点：理解单位“1”和分数的意义。', '- 难点：把一些物体组成的整体看作单位“1”，并用分数表示其中的部分。'],
      [
        '## 教学准备',
        '课件；圆形纸片、长方形纸条、小棒若干；学习单。',
        '',
        '## 教学过程',
        '### 一、复习导入（5分钟）',
        '1. 出示三年级学过的分数 1/2、1/4，说一说它们各表示什么。',
        '2. 提问：把一块蛋糕平均分成4份，每份是它的几分之几？',
        '',
        '### 二、探究新知（20分钟）',
        '1. 分一分：用圆片、纸条、小棒表示出 1/4，小组交流不同的表示方法。',
        '2. 认识单位“1”：一个物体、一个计量单位、一些物体组成的整体，都可以看作一个整体，通常把它叫作单位“1”。',
        '3. 概括分数的意义：把单位“1”平均分成若干份，表示这样的一份或几份的数叫作分数。',
        '4. 认识分数单位：表示其中一份的数叫作分数单位。3/5 的分数单位是 1/5，它有3个这样的分数单位。',
        '',
        '### 三、巩固练习（10分钟）',
        '1. 完成教材“做一做”。',
        '2. 用分数表示图中的涂色部分。',
        '',
        '### 四、课堂小结（5分钟）',
        '这节课你有什么收获？还有什么疑问？',
        '',
        '## 板书设计',
        '分数的意义',
        '单位“1”：一个物体　一个计量单位　一些物体组成的整体',
        '把单位“1”平均分成若干份，表示这样的一份或几份的数叫作分数。',
      ],
    ),
  );
  rec.update(
    fraction,
    '2026-03-16 16:20',
    as(huLeader),
    (p) => ({
      content: edit(p.content, [
        [
          '### 一、复习导入（5分钟）\n1. 出示三年级学过的分数 1/2、1/4，说一说它们各表示什么。\n2. 提问：把一块蛋糕平均分成4份，每份是它的几分之几？',
          '### 一、情境导入（5分钟）\n1. 出示植树节情境：学校把12棵树苗平均分给4个班，每个班分得这些树苗的几分之几？\n2. 学生独立思考后交流：把12棵树苗看作一个整体，每个班分得它的 1/4。',
        ],
        [
          '2. 认识单位“1”：',
          '2. 找单位“1”：比较各组作品，说一说每个 1/4 分别是把什么平均分的。\n3. 认识单位“1”：',
        ],
        ['3. 概括分数的意义：', '4. 概括分数的意义：'],
        ['4. 认识分数单位：', '5. 认识分数单位：'],
      ]),
    }),
    '集体研讨后修改：导入改为植树节分树苗的情境，探究环节增加“找单位1”的活动',
  );
  rec.submit(fraction, '2026-03-17 08:40', as(huLeader));
  rec.review(
    fraction,
    '2026-03-18 19:10',
    as(xuReviewer),
    false,
    '探究环节用时偏多，练习只有基础题，请补充分层练习；“一些物体组成的整体”是难点，建议增加学生说理的环节。另外，乡村学校多媒体条件有限，请补充不用课件也能上的学具方案。',
  );
  rec.update(
    fraction,
    '2026-03-20 21:05',
    as(shRural),
    (p) => ({
      keyPoints: `${p.keyPoints}\n- 突破：通过“同样是 1/4，为什么表示的数量不同”的对比说理突破难点。`,
      content: edit(p.content, [
        [
          '比较各组作品，说一说每个 1/4 分别是把什么平均分的。',
          '比较各组作品，说一说每个 1/4 分别是把什么平均分的。\n   追问：12棵树苗的 1/4 和一块蛋糕的 1/4，为什么都用 1/4 表示？引导学生说理：都是把单位“1”平均分成4份，取其中的1份。',
        ],
        [
          '### 三、巩固练习（10分钟）\n1. 完成教材“做一做”。\n2. 用分数表示图中的涂色部分。',
          '### 三、分层练习（12分钟）\n1. 基础题：完成教材“做一做”，说出每个分数的分数单位。\n2. 提高题：一盒鸡蛋有6个，2个鸡蛋是这盒鸡蛋的几分之几？如果把3盒鸡蛋看作单位“1”，1盒是几分之几？\n3. 拓展题：同样是 1/2，为什么有时表示3个苹果，有时表示5个苹果？',
        ],
        ['### 四、课堂小结（5分钟）', '### 四、课堂小结（3分钟）'],
      ]) + '\n\n## 乡村学校学具方案\n没有多媒体的班级，用小棒、纸条和学习单完成全部操作活动；探究环节的图示改为黑板简笔画。',
    }),
    '按审核意见修改：增加说理环节和分层练习，补充乡村学校学具方案',
  );
  rec.submit(fraction, '2026-03-23 08:00', as(huLeader));
  rec.review(fraction, '2026-03-24 17:30', as(xuReviewer), true, '修改到位，同意发布。各成员校上完第四单元这一课后，请在平台登记同上课和教后反思。');
  rec.publish(fraction, '2026-03-25 09:00', as(huLeader));

  const fractionSh = rec.adapt('math5:分数的意义:二次备课:三河小学', fraction, '2026-03-30 16:00', as(shYoung));
  rec.update(
    fractionSh,
    '2026-04-02 21:00',
    as(shYoung),
    (p) => ({
      content:
        edit(p.content, [
          ['1. 分一分：用圆片、纸条、小棒表示出 1/4，小组交流不同的表示方法。', '1. 分一分：每人一个学具袋（8根小棒、2张纸条），先独立表示出 1/4，再同桌交流。'],
        ]) + '\n\n## 学困生辅导\n课后留5分钟，请两名学困生用小棒再分一次，说出“把什么平均分成几份，取了其中的几份”。',
    }),
    '二次备课：全班用小棒和纸条操作，增加学困生辅导',
  );
  rec.adopt(fraction, '2026-04-08', syYoung, '五(3)班', '植树节分树苗的情境学生很熟悉，导入自然。分层练习的拓展题只有少数学生完成，留作课后思考。');
  rec.adopt(fractionSh, '2026-04-09', shYoung, '五年级', '按二次备课的方案，全班16名学生都用小棒和纸条动手表示了 1/4，“一些物体组成的整体”理解得比预想的好。');
  rec.adopt(fraction, '2026-04-10', ljSenior, '五(1)班', '“找单位1”的活动很有效，学生能说清“把什么平均分”。导入用了8分钟，后面的练习时间偏紧。');
  rec.adopt(fraction, '2026-04-13', cdFirst, '五(2)班', '学生对分数单位掌握较好；提高题中“把3盒鸡蛋看作单位1”错得较多，下一课时继续练习。');
  rec.adopt(fraction, '2026-04-14', syMid, '五(1)班', '说理环节学生发言积极；板书可以再增加一组“同样是 1/2，数量不同”的对比图。');
  rec.update(
    fraction,
    '2026-04-16 20:30',
    as(huLeader),
    (p) => ({
      content: edit(p.content, [
        ['### 一、情境导入（5分钟）', '### 一、情境导入（3分钟）'],
        [
          '如果把3盒鸡蛋看作单位“1”，1盒是几分之几？',
          '如果把3盒鸡蛋看作单位“1”，1盒是几分之几？\n   对比：1盒鸡蛋的 1/2 和3盒鸡蛋的 1/2，分别是几个鸡蛋？',
        ],
        ['一些物体组成的整体\n', '一些物体组成的整体\n对比：6个苹果的 1/2 是3个，10个苹果的 1/2 是5个\n'],
      ]),
    }),
    '根据五所学校的教后反思修改：导入压缩到3分钟，提高题增加“几盒鸡蛋”的对比，板书增加对比图',
  );
  rec.update(
    fraction,
    '2026-04-17 10:15',
    as(xuReviewer),
    (p) => ({
      content: edit(p.content, [
        ['\n\n## 乡村学校学具方案', '\n\n## 作业设计\n1. 必做：教材练习中的第1～3题。\n2. 选做：找一找生活中的分数，说一说它的单位“1”是什么。\n\n## 乡村学校学具方案'],
      ]),
    }),
    '补充作业设计',
  );
  rec.submit(fraction, '2026-04-17 10:30', as(huLeader));
  rec.review(fraction, '2026-04-20 08:50', as(xuReviewer), true, '同意发布第5版，还没上这一课的班级请用新版。');
  rec.publish(fraction, '2026-04-20 09:00', as(xuReviewer));
  rec.adopt(fraction, '2026-04-21', cdSecond, '五(1)班', '用第5版上课，导入压缩后时间充裕，“几盒鸡蛋”的对比练习效果明显。');
  rec.adopt(fraction, '2026-04-22', ljMid, '五(2)班', '作业设计的选做题学生很感兴趣，找到了“一盒牛奶的 1/4”等很多生活中的分数。');
  rec.comment(fraction, '2026-04-27 10:00', manager, 5, '本教案已在教联体五所学校完成同上课，教联体拟推荐参加县级优秀教案评选，请主备老师整理一份说课稿。');
  const fractionLs = rec.adapt('math5:分数的意义:二次备课:烈山教学点', fraction, '2026-04-27 15:30', as(lsPoint));
  rec.update(
    fractionLs,
    '2026-04-29 20:00',
    as(lsPoint),
    (p) => ({
      content: `${p.content}\n\n## 复式教学安排\n五年级探究时，三年级完成写字练习；五年级做分层练习时，教师到三年级讲授新课，动静搭配。`,
    }),
    '二次备课：教学点五年级与三年级复式教学',
  );
  rec.adopt(fractionLs, '2026-05-06', lsPoint, '五年级（复式班）', '教学点五年级只有5名学生，与三年级复式上课。三年级写字时五年级动手分小棒，动静搭配，学生都能说出单位“1”。');

  const decimals = rec.create(
    'math5:小数乘整数',
    math,
    '2026-08-24 09:00',
    as(ljSenior),
    text(
      '小数乘整数',
      '五年级上册 第一单元 小数乘法',
      [
        '1. 结合购物情境，理解小数乘整数的意义与整数乘法相同，都是求几个相同加数的和的简便运算。',
        '2. 掌握小数乘整数的计算方法，能正确计算。',
        '3. 经历把小数乘法转化为整数乘法的过程，体会转化的思想。',
      ],
      ['- 重点：掌握小数乘整数的计算方法。', '- 难点：理解积的小数位数与因数的小数位数之间的关系。'],
      [
        '## 教学过程',
        '### 一、情境导入',
        '出示情境：一个风筝3.5元，买3个多少钱？学生列式 3.5×3。',
        '',
        '### 二、探究算法',
        '1. 用加法算：3.5+3.5+3.5=10.5（元）。',
        '2. 用元角换算：3.5元=35角，35×3=105（角），105角=10.5元。',
        '3. 用竖式算：先按整数乘法算出 35×3=105，再看因数中有一位小数，就从积的右边起数出一位点上小数点。',
        '',
        '### 三、练习巩固',
        '1. 计算 0.72×5、2.5×4。',
        '2. 一支钢笔2.4元，买6支要多少元？',
        '',
        '### 四、总结',
        '小数乘整数：先按整数乘法算，再看因数中有几位小数，就从积的右边起数出几位点上小数点。',
      ],
    ),
  );
  rec.update(
    decimals,
    '2026-08-27 15:40',
    as(huLeader),
    (p) => ({
      content: edit(p.content, [
        ['1. 计算 0.72×5、2.5×4。\n2. 一支钢笔', '1. 计算 0.72×5、2.5×4。\n2. 辨析：2.5×4 的积是10.0还是10？积的小数部分末尾的0可以去掉。\n3. 一支钢笔'],
      ]),
    }),
    '补充“积的末尾有0”的辨析',
  );
  rec.submit(decimals, '2026-08-27 16:00', as(huLeader));
  rec.review(decimals, '2026-08-28 10:00', as(xuReviewer), true);
  rec.publish(decimals, '2026-08-28 10:05', as(huLeader));
  rec.adopt(decimals, '2026-09-02', ljNew, '五(1)班', '用元角换算帮助学生理解算理，效果好；竖式中小数点对齐的错误较多。');
  rec.adopt(decimals, '2026-09-03', syYoung, '五(2)班', '三种算法对比后学生自己总结出了计算方法，辨析题很有必要。');
  rec.adopt(decimals, '2026-09-03', shMid, '五年级', '学生计算正确率较高，少数学生忘记去掉积末尾的0。');
  rec.adopt(decimals, '2026-09-04', cdSecond, '五(1)班', '风筝情境贴近生活，学生列式没有困难。');

  const parallelogram = rec.create(
    'math5:平行四边形的面积',
    math,
    '2026-11-09 16:30',
    as(xuReviewer),
    text(
      '平行四边形的面积',
      '五年级上册 第六单元 多边形的面积',
      [
        '1. 经历数方格、剪拼等活动，推导出平行四边形的面积计算公式。',
        '2. 会用公式计算平行四边形的面积，解决简单的实际问题。',
        '3. 体会转化的思想，发展动手操作和推理能力。',
      ],
      ['- 重点：理解并掌握平行四边形的面积计算公式。', '- 难点：理解把平行四边形转化成长方形的推导过程。'],
      [
        '## 教学准备',
        '平行四边形纸片、剪刀、方格纸、课件。',
        '',
        '## 教学过程',
        '### 一、创设情境',
        '学校有两个花坛，一个是长方形，一个是平行四边形，哪个面积大？',
        '',
        '### 二、探究新知',
        '1. 数方格：在方格纸上数出平行四边形的面积（不满一格的按半格计算），填写记录表。',
        '2. 猜想：平行四边形的面积可能与哪些量有关？',
        '3. 剪拼验证：沿高剪开，平移拼成长方形。长方形的长等于平行四边形的底，宽等于平行四边形的高。',
        '4. 得出公式：平行四边形的面积=底×高，S=ah。',
        '',
        '### 三、巩固练习',
        '1. 计算例题中花坛的面积。',
        '2. 判断：两个平行四边形的底和高分别相等，它们的面积一定相等。',
        '',
        '### 四、课堂小结',
        '说一说平行四边形的面积公式是怎样推导出来的。',
      ],
    ),
  );
  rec.update(
    parallelogram,
    '2026-11-11 20:10',
    as(shRural),
    (p) => ({
      content: edit(p.content, [
        ['宽等于平行四边形的高。', '宽等于平行四边形的高。\n   没有方格纸的班级用练习本画格子代替；每个小组至少找出两种不同的剪拼方法。'],
      ]),
    }),
    '增加乡村班级的操作方案',
  );
  rec.update(
    parallelogram,
    '2026-11-13 19:30',
    as(xuReviewer),
    (p) => ({
      content: edit(p.content, [
        ['2. 猜想：平行四边形的面积可能与哪些量有关？', '2. 对比：数方格的方法麻烦在哪里？能不能转化成学过的图形？\n3. 猜想：平行四边形的面积可能与哪些量有关？'],
        ['3. 剪拼验证：', '4. 剪拼验证：'],
        ['4. 得出公式：', '5. 得出公式：'],
        ['它们的面积一定相等。', '它们的面积一定相等。\n3. 易错辨析：用相邻两条边相乘计算平行四边形的面积，为什么不对？'],
      ]),
    }),
    '补充数方格与剪拼的对比、易错辨析',
  );
  rec.submit(parallelogram, '2026-11-13 19:40', as(xuReviewer));
  rec.review(parallelogram, '2026-11-16 08:30', as(huLeader), true, '同意。计划11月23日这一周同上课，上课前发布。');

  const triangle = rec.create(
    'math5:三角形的面积',
    math,
    '2026-11-12 17:00',
    as(ljNew),
    text(
      '三角形的面积',
      '五年级上册 第六单元 多边形的面积',
      ['1. 探索并掌握三角形的面积计算公式。', '2. 能用公式解决简单的实际问题。'],
      ['- 重点：掌握三角形的面积计算公式。', '- 难点：理解公式中“÷2”的含义。'],
      [
        '## 教学过程',
        '### 一、复习导入',
        '平行四边形的面积公式是怎样推导出来的？',
        '',
        '### 二、探究新知',
        '1. 用方格纸数出三角形的面积。',
        '2. 得出公式：三角形的面积=底×高÷2。',
        '',
        '### 三、练习',
        '完成教材“做一做”。',
      ],
    ),
  );
  rec.update(
    triangle,
    '2026-11-16 21:20',
    as(ljNew),
    (p) => ({
      objectives: `${p.objectives}\n3. 经历用两个完全一样的三角形拼成平行四边形的过程，体会转化的思想。`,
      content: edit(p.content, [
        [
          '1. 用方格纸数出三角形的面积。\n2. 得出公式：三角形的面积=底×高÷2。',
          '1. 操作：用两个完全一样的三角形拼成一个平行四边形，小组记录拼法。\n2. 思考：拼成的平行四边形的底和高与原来的三角形有什么关系？\n3. 得出公式：三角形的面积=底×高÷2，S=ah÷2。\n4. 说一说：公式里为什么要“÷2”？',
        ],
      ]),
    }),
    '按组长意见增加“两个完全一样的三角形拼成平行四边形”的操作',
  );
  rec.submit(triangle, '2026-11-17 08:10', as(ljNew));

  rec.create(
    'math5:植树问题',
    math,
    '2026-11-18 20:00',
    as(cdSecond),
    text(
      '植树问题',
      '五年级上册 第七单元 数学广角——植树问题',
      ['1. 通过画线段图等方法，发现两端都栽时棵数与间隔数的关系。', '2. 体会“化繁为简”的解题策略。'],
      ['- 重点：两端都栽时，棵数=间隔数+1。', '- 难点：把生活中的问题抽象成植树问题。'],
      [
        '## 教学过程',
        '### 一、谈话导入',
        '伸出一只手，五个手指之间有几个空？',
        '',
        '### 二、探究新知',
        '1. 例题：在全长20米的小路一边植树，每隔5米栽一棵（两端都栽），一共要栽几棵？',
        '2. 画线段图，从5米、10米的短路开始找规律。',
        '3. 归纳：两端都栽时，棵数=间隔数+1。',
        '',
        '### 三、练习',
        '（待补充）',
      ],
    ),
  );

  // ----- 随县炎帝学校教联体 · 四年级语文集体备课组 (周文华, 陈雨萱) -----
  const zhou = ix.teacherById.get(plan.refs.famousTeacherId)!;
  const chen = ix.teacherById.get(plan.refs.newTeacherId)!;
  const wangReviewer = pick(lead, '语文', 'senior', zhou);
  const syChinese = pick('随县实验小学', '语文', 'senior');
  const ljChinese = pick('随县厉山镇雷家畈小学', '语文', 'senior');
  const shChinese = pick(FEATURED_RURAL_SCHOOL, '语文', 'junior', chen);
  const chinese4 = rec.team({
    group: featured,
    name: '四年级语文集体备课组',
    subject: '语文',
    grade: '四年级',
    formed: '2026-08-28 10:00',
    createdBy: manager.userId,
    leader: zhou,
    reviewer: wangReviewer,
    members: [
      [zhou, '2026-08-28 10:00'],
      [wangReviewer, '2026-08-28 10:00'],
      [syChinese, '2026-08-28 10:00'],
      [ljChinese, '2026-08-28 10:00'],
      [chen, '2026-08-28 10:00'],
      [shChinese, '2026-08-28 10:00'],
    ],
  });

  const tide = rec.create(
    'chinese4:观潮',
    chinese4,
    '2026-08-29 09:00',
    as(syChinese),
    text(
      '观潮',
      '四年级上册 第一单元',
      ['1. 认识“潮、称”等生字，会写“宽、阔”等字。', '2. 有感情地朗读课文，背诵第3、4自然段。', '3. 边读边想象画面，感受钱塘江大潮的雄伟壮观。'],
      ['- 重点：边读边想象画面，感受大潮的壮观。', '- 难点：体会作者按时间顺序描写大潮的方法。'],
      [
        '## 教学过程',
        '### 一、导入',
        '“八月十八潮，壮观天下无。”引出课题，板书“观潮”。',
        '',
        '### 二、初读课文',
        '1. 自由读课文，读准字音，读通句子。',
        '2. 默读思考：课文是按什么顺序写钱塘江大潮的？',
        '',
        '### 三、精读感悟',
        '1. 抓住“闷雷滚动”“白线”“水墙”“战马”等词语，想象大潮来时的画面。',
        '2. 指导朗读第3、4自然段。',
        '',
        '### 四、总结',
        '说一说你印象最深的画面。',
      ],
    ),
  );
  rec.update(
    tide,
    '2026-08-31 16:00',
    as(zhou),
    (p) => ({
      content: edit(p.content, [
        ['2. 指导朗读第3、4自然段。', '2. 朗读指导：按“潮来前、潮来时、潮头过后”三个层次读，读出由远及近、由静到动的变化。'],
      ]),
    }),
    '朗读指导改为“潮来前、潮来时、潮头过后”三个层次',
  );
  rec.update(
    tide,
    '2026-09-01 21:30',
    as(chen),
    () => ({ resources: [{ title: '钱塘江大潮视频（国家中小学智慧教育平台）', url: SMARTEDU }] }),
    '补充钱塘江大潮的视频资源',
  );
  rec.submit(tide, '2026-09-02 07:50', as(zhou));
  rec.review(tide, '2026-09-02 12:10', as(wangReviewer), true, '同意发布。');
  rec.publish(tide, '2026-09-02 12:30', as(zhou));
  const tideChen = rec.adapt('chinese4:观潮:二次备课:三河小学', tide, '2026-09-03 20:00', as(chen));
  rec.update(
    tideChen,
    '2026-09-04 21:30',
    as(chen),
    (p) => ({
      content: edit(p.content, [
        ['### 二、初读课文', '### 二、看一看\n班上的孩子都没见过大潮，先看3分钟钱塘江大潮视频，说说看到了什么、听到了什么。\n\n### 三、初读课文'],
        ['### 三、精读感悟', '### 四、精读感悟'],
        ['### 四、总结', '### 五、总结'],
        ['2. 朗读指导：', '2. 分小组朗读（每组读一个层次），再全班合作读。朗读指导：'],
      ]),
    }),
    '二次备课：学生没见过大潮，先看视频再读课文；朗读分小组进行',
  );
  rec.adopt(tide, '2026-09-07', syChinese, '四(2)班', '三个层次的朗读设计让学生读出了大潮由远及近的变化。');
  rec.adopt(tideChen, '2026-09-08', chen, '四年级', '先看视频再读，孩子们一下子就有了画面感。分小组朗读时有两个小组读得不齐，下次先练再展示。', userOf.get(chen.id));
  rec.adopt(tide, '2026-09-08', ljChinese, '四(1)班', '背诵第3、4自然段时，借助板书的时间顺序，学生背得比较快。');
  rec.adopt(tide, '2026-09-09', zhou, '四(3)班', '“白线—水墙—战马”的比喻层层递进，可以让学生仿照写一写。');
  const tideNotice = rec.comment(tide, '2026-09-10 16:00', manager, 3, '《观潮》已有4所学校完成同上课，其余成员校请在9月18日前登记。');
  rec.comment(tide, '2026-09-10 17:20', as(zhou), 3, '收到，组内已提醒各校。', { replyTo: tideNotice });

  const pangu = rec.create(
    'chinese4:盘古开天地',
    chinese4,
    '2026-09-28 15:00',
    as(ljChinese),
    text(
      '盘古开天地',
      '四年级上册 第四单元 神话',
      ['1. 认识“劈、浊”等生字，会写“翻、浊”等字。', '2. 了解课文的起因、经过和结果，能按顺序讲述故事。', '3. 感受神话故事神奇的想象，体会盘古的献身精神。'],
      ['- 重点：按起因、经过、结果讲述故事。', '- 难点：感受神话中神奇的想象。'],
      [
        '## 教学过程',
        '### 一、导入',
        '你知道天地是怎么来的吗？古人对此有一个神奇的想象。',
        '',
        '### 二、初读课文',
        '1. 读准“劈、浊、缓缓”等字词。',
        '2. 理清脉络：天地混沌—开天辟地—顶天立地—化生万物。',
        '',
        '### 三、精读感悟',
        '1. 找出描写盘古动作的词语，感受开天辟地的艰难。',
        '2. 读第4自然段，说说盘古的身体变成了什么，体会神奇的想象。',
        '',
        '### 四、讲故事',
        '同桌互讲盘古开天地的故事。',
      ],
    ),
  );
  rec.update(
    pangu,
    '2026-09-30 10:30',
    as(zhou),
    (p) => ({
      content: edit(p.content, [
        ['你知道天地是怎么来的吗？古人对此有一个神奇的想象。', '出示“混沌”的图片，直接揭题。'],
        ['同桌互讲盘古开天地的故事。', '借助“天地混沌—开天辟地—顶天立地—化生万物”四个词语，同桌互讲故事，再请两名学生上台讲。'],
      ]),
    }),
    '精简导入，给讲故事环节提供支架',
  );
  rec.submit(pangu, '2026-09-30 11:00', as(ljChinese));
  rec.review(pangu, '2026-10-08 09:00', as(wangReviewer), true);
  rec.publish(pangu, '2026-10-08 09:10', as(zhou));
  rec.adopt(pangu, '2026-10-13', ljChinese, '四(1)班', '四个词语的支架很好用，多数学生能完整地讲出故事。');
  rec.adopt(pangu, '2026-10-14', syChinese, '四(2)班', '学生对“化生万物”的想象很感兴趣，可以延伸到续编故事。');
  rec.adopt(pangu, '2026-10-15', shChinese, '四年级', '乡村孩子讲故事比较紧张，上台讲的环节时间不够，建议改为看图讲。');
  rec.update(
    pangu,
    '2026-10-27 19:00',
    as(ljChinese),
    (p) => ({
      content: edit(p.content, [['借助“天地混沌—开天辟地—顶天立地—化生万物”四个词语，同桌互讲故事，再请两名学生上台讲。', '出示四幅插图，看图讲故事：先同桌互讲，再请两名学生上台讲。']]),
    }),
    '根据同上课的反思：讲故事改为看图讲，降低难度',
  );

  const rise = rec.create(
    'chinese4:为中华之崛起而读书',
    chinese4,
    '2026-11-09 16:00',
    as(zhou),
    text(
      '为中华之崛起而读书',
      '四年级上册 第七单元',
      ['1. 认识“崛、晰”等生字，理解“中华不振”等词语的意思。', '2. 把握课文主要内容，了解周恩来立志的经过。', '3. 体会少年周恩来的远大志向，说说自己为什么读书。'],
      ['- 重点：了解周恩来立下“为中华之崛起而读书”志向的经过。', '- 难点：理解少年周恩来立志的原因。'],
      [
        '## 教学过程',
        '### 一、导入',
        '出示周恩来的照片，说说你了解的周恩来。',
        '',
        '### 二、初读课文',
        '1. 读准字音，读通句子。',
        '2. 课文写了哪几件事？用小标题概括。',
        '',
        '### 三、精读感悟',
        '1. 读伯父的话，理解“中华不振”。',
        '2. 读租界里的见闻，说说周恩来看到了什么、想到了什么。',
        '3. 读修身课上的对话，体会“为中华之崛起而读书”的分量。',
        '',
        '### 四、联系自己',
        '我们为什么读书？写一写自己的想法。',
      ],
    ),
  );
  rec.update(
    rise,
    '2026-11-11 20:40',
    as(wangReviewer),
    (p) => ({
      content: edit(p.content, [['1. 读伯父的话，理解“中华不振”。', '1. 读伯父的话，理解“中华不振”。\n   补充时代背景：二十世纪初的中国，外国列强在中国的土地上划定租界。']]),
    }),
    '补充时代背景资料',
  );
  const riseLines = rec.comment(rise, '2026-11-12 19:30', as(chen), 2, '这两行的时代背景，对乡村四年级的学生有点难，能不能配一段三分钟左右的视频或几张老照片？', {
    anchor: linesOf(rise.content, '1. 读伯父的话', '补充时代背景'),
  });
  rec.comment(rise, '2026-11-12 21:05', as(zhou), 2, '好建议，我在下一版里加上老照片和一段纪录片片段，你看看合不合适。', { replyTo: riseLines });
  rec.update(
    rise,
    '2026-11-13 20:15',
    as(zhou),
    (p) => ({
      content: edit(p.content, [['外国列强在中国的土地上划定租界。', '外国列强在中国的土地上划定租界。\n   出示三张老照片和一段2分钟的纪录片片段，帮助学生理解“中华不振”。']]),
      resources: [{ title: '纪录片片段：少年周恩来（国家中小学智慧教育平台）', url: SMARTEDU }],
    }),
    '按陈雨萱老师的建议补充老照片和纪录片片段',
  );
  rec.resolve(rise, riseLines, '2026-11-13 21:00', as(chen));
  rec.comment(rise, '2026-11-14 08:20', as(chen), 3, '教学目标第3条“说说自己为什么读书”，能不能改成课后写一段话？课堂上时间可能不够。', { anchor: { section: 'OBJECTIVES' } });
  rec.submit(rise, '2026-11-16 07:40', as(zhou));

  const wangrong = rec.create(
    'chinese4:王戎不取道旁李',
    chinese4,
    '2026-11-12 20:30',
    as(chen),
    text(
      '王戎不取道旁李',
      '四年级上册 第八单元',
      ['1. 认识“戎、尝”等生字，会写“戎、尝、诸”等字。', '2. 正确、流利地朗读课文，背诵课文。', '3. 借助注释理解课文意思，用自己的话讲讲这个故事。', '4. 学习王戎善于观察、善于推理的品质。'],
      [
        '- 重点：借助注释理解课文意思。',
        '- 重点：正确、流利地朗读课文并背诵。',
        '- 难点：理解王戎的推理过程。',
        '- 难点：用自己的话讲故事。',
        '- 难点：体会文言文的语言特点。',
      ],
      [
        '## 教学过程',
        '### 一、导入',
        '出示“世说新语”，介绍这本书。',
        '',
        '### 二、读通课文',
        '1. 教师范读，学生跟读。',
        '2. 自由读，读准“尝、竞、折”的字音。',
        '',
        '### 三、理解课文',
        '1. 对照注释，说说每句话的意思。',
        '2. 王戎为什么不去摘李子？',
        '',
        '### 四、背诵',
        '练习背诵课文。',
      ],
    ),
  );
  const wangKey = rec.comment(wangrong, '2026-11-13 21:10', as(zhou), 1, '重难点写得太多了，文言文的第一课时抓住“读通、读懂”就够了，其他的放到第二课时。', {
    anchor: { section: 'KEY_POINTS' },
  });
  rec.comment(wangrong, '2026-11-13 21:40', as(chen), 1, '好的师傅，我精简一下，朗读这块我再想想怎么设计。', { replyTo: wangKey });
  rec.update(
    wangrong,
    '2026-11-16 20:50',
    as(chen),
    (p) => ({
      keyPoints: '- 重点：正确、流利地朗读课文，读出停顿。\n- 难点：借助注释理解课文意思，讲清王戎是怎样推断的。',
      content: edit(p.content, [['2. 自由读，读准“尝、竞、折”的字音。', '2. 自由读，读准“尝、竞、折”的字音。\n3. 划分朗读节奏：王戎/七岁，尝/与诸小儿/游。看/道边李树/多子/折枝。']]),
    }),
    '按师傅的意见精简重难点，增加朗读节奏划分',
  );
  rec.resolve(wangrong, wangKey, '2026-11-16 21:00', as(zhou));
  rec.submit(wangrong, '2026-11-17 07:30', as(chen));
  rec.review(
    wangrong,
    '2026-11-18 12:20',
    as(wangReviewer),
    false,
    '朗读节奏的设计很好。请在“理解课文”部分补充“借助注释理解句意”的学法指导，课后练习再加一道“说说王戎是怎样推断的”，修改后再提交。',
  );

  // ----- 随县实验初级中学教联体 · 七年级语文集体备课组 -----
  const juniorGroup = group('随县实验初级中学教联体');
  const jLead = '随县实验初级中学';
  const zhaoLeader = pick(jLead, '语文', 'senior');
  const jSecond = pick(jLead, '语文', 'senior', zhaoLeader);
  const xiaolin = pick('随县小林镇初级中学', '语文', 'senior');
  const yindian = pick('随县殷店镇初级中学', '语文', 'senior');
  const gaochengReviewer = pick('随县高城镇初级中学', '语文', 'senior');
  const gaocheng = pick('随县高城镇初级中学', '语文', 'junior', gaochengReviewer);
  const wanheNew = pick('随县万和镇初级中学', '语文', 'junior');
  const chinese7 = rec.team({
    group: juniorGroup,
    name: '七年级语文集体备课组',
    subject: '语文',
    grade: '七年级',
    formed: '2025-08-29 14:30',
    createdBy: null,
    leader: zhaoLeader,
    reviewer: gaochengReviewer,
    members: [
      [zhaoLeader, '2025-08-29 14:30'],
      [jSecond, '2025-08-29 14:30'],
      [xiaolin, '2025-08-29 14:30'],
      [yindian, '2025-08-29 14:30'],
      [gaocheng, '2025-08-29 14:30'],
      [wanheNew, '2026-09-07 16:00'],
    ],
  });
  const winter = rec.create(
    'chinese7:济南的冬天:2025',
    chinese7,
    '2025-09-08 16:00',
    as(xiaolin),
    text(
      '济南的冬天',
      '七年级上册 第一单元',
      ['1. 有感情地朗读课文，品味生动、准确的写景语言。', '2. 把握济南冬天“温晴”的特点。', '3. 体会作者对济南冬天的喜爱之情。'],
      ['- 重点：品味比喻、拟人等修辞的表达效果。', '- 难点：体会情景交融的写法。'],
      [
        '## 教学过程',
        '### 一、导入',
        '说说你印象中的冬天是什么样子的。',
        '',
        '### 二、整体感知',
        '济南的冬天有什么特点？找出文中的关键句。',
        '',
        '### 三、品读赏析',
        '1. 小山“摇篮”的比喻好在哪里？',
        '2. 读“水墨画”一段，体会作者的喜爱之情。',
        '',
        '### 四、拓展',
        '仿写一段家乡冬天的景色。',
      ],
    ),
  );
  rec.update(
    winter,
    '2025-09-10 19:00',
    as(zhaoLeader),
    (p) => ({ content: edit(p.content, [['### 四、拓展', '### 四、比较阅读\n与《春》对照，说说两篇文章写景方法的异同。\n\n### 五、拓展']]) }),
    '增加与《春》的比较阅读',
  );
  rec.submit(winter, '2025-09-10 19:10', as(zhaoLeader));
  rec.review(winter, '2025-09-11 08:00', as(gaochengReviewer), true, '同意。');
  rec.publish(winter, '2025-09-11 08:30', as(zhaoLeader));
  rec.adopt(winter, '2025-09-15', xiaolin, '七(1)班', '“摇篮”的比喻学生体会得比较好，仿写时间不够，改为课后作业。');
  rec.adopt(winter, '2025-09-16', yindian, '七(2)班', '比较阅读环节学生能说出《春》是动态描写、本文多用静态描写。');
  rec.adopt(winter, '2025-09-17', gaocheng, '七(3)班', '朗读指导还可以加强，学生读得比较平。');
  rec.archive(winter, '2026-08-31 17:30', as(zhaoLeader));

  const spring = rec.create(
    'chinese7:春',
    chinese7,
    '2026-08-25 09:00',
    as(jSecond),
    text(
      '春',
      '七年级上册 第一单元',
      ['1. 重视朗读，读出节奏、画面和情感。', '2. 品味课文生动形象的语言。', '3. 感受作者对春天的赞美之情。'],
      ['- 重点：有感情地朗读，品味语言。', '- 难点：理解“盼春、绘春、赞春”的结构和作者的情感。'],
      [
        '## 教学过程',
        '### 一、导入',
        '背诵一句描写春天的古诗，引出课题。',
        '',
        '### 二、整体感知',
        '默读课文，按“盼春、绘春、赞春”理清结构。',
        '',
        '### 三、品读“绘春”',
        '1. 作者描绘了哪几幅春景图？给每幅图取个名字。',
        '2. 找出你最喜欢的句子，说说好在哪里。',
        '',
        '### 四、朗读',
        '指导学生有感情地朗读全文。',
      ],
    ),
  );
  rec.update(
    spring,
    '2026-08-27 20:00',
    as(zhaoLeader),
    (p) => ({ content: edit(p.content, [['指导学生有感情地朗读全文。', '分三层指导朗读：读出节奏（停顿、重音）—读出画面（边读边想象）—读出情感（盼、绘、赞的语气变化）。']]) }),
    '朗读指导改为“读出节奏、读出画面、读出情感”三层',
  );
  rec.update(
    spring,
    '2026-08-28 15:30',
    as(gaocheng),
    (p) => ({ content: `${p.content}\n\n### 五、写作练习\n仿照“春草图”的写法，写一段家乡的春景，100字左右。` }),
    '补充课后写作练习：仿写一段家乡的春景',
  );
  rec.submit(spring, '2026-08-28 15:40', as(jSecond));
  rec.review(spring, '2026-08-31 09:00', as(gaochengReviewer), true, '三层朗读的设计清楚，同意发布。');
  rec.publish(spring, '2026-08-31 09:30', as(zhaoLeader));
  rec.adopt(spring, '2026-09-02', jSecond, '七(1)班', '三层朗读层次分明，学生读出了“盼春”的急切。');
  rec.adopt(spring, '2026-09-03', xiaolin, '七(2)班', '给春景图取名字的活动学生参与度高。');
  rec.adopt(spring, '2026-09-03', gaocheng, '七(4)班', '写作练习留到课后，第二天交上来的仿写质量不错。');
  rec.adopt(spring, '2026-09-04', yindian, '七(1)班', '品读句子时学生多停留在“用了比喻”，要引导说出表达效果。');
  const springZhao = rec.adapt('chinese7:春:二次备课:万和镇初级中学', spring, '2026-09-08 19:00', as(wanheNew));
  rec.update(
    springZhao,
    '2026-09-09 21:00',
    as(wanheNew),
    (p) => ({ content: edit(p.content, [['### 四、朗读', '### 四、朗读\n班上学生朗读基础弱，先听范读、再跟读，最后分组读。']]) }),
    '二次备课：增加范读和跟读',
  );
  rec.adopt(springZhao, '2026-09-10', wanheNew, '七(1)班', '第一次独立上这篇课文，范读和跟读之后学生敢读了；时间把握不好，写作练习没来得及布置。');

  const garden = rec.create(
    'chinese7:从百草园到三味书屋',
    chinese7,
    '2026-10-12 16:00',
    as(yindian),
    text(
      '从百草园到三味书屋',
      '七年级上册 第三单元',
      ['1. 理清文章思路，把握百草园和三味书屋两部分的内容。', '2. 品味百草园景物描写的语言。', '3. 体会作者对童年生活的怀念。'],
      ['- 重点：学习景物描写的方法。', '- 难点：理解两部分之间的联系和作者的情感。'],
      [
        '## 教学过程',
        '### 一、导入',
        '你的童年乐园在哪里？',
        '',
        '### 二、整体感知',
        '文章写了哪两个地方？分别写了哪些事？',
        '',
        '### 三、品读百草园',
        '1. 朗读“不必说……也不必说……单是……”一段，分析写景的顺序和感官描写。',
        '2. 雪地捕鸟一段用了哪些动词？',
        '',
        '### 四、总结',
        '作者对百草园和三味书屋的感情一样吗？',
      ],
    ),
  );
  rec.update(
    garden,
    '2026-10-14 20:30',
    as(zhaoLeader),
    (p) => ({
      content: edit(p.content, [['### 四、总结', '### 四、对比\n列表对比百草园和三味书屋：环境、活动、心情。\n\n### 五、总结']]),
    }),
    '增加百草园与三味书屋的对比表格',
  );
  rec.submit(garden, '2026-10-14 20:40', as(yindian));
  rec.review(garden, '2026-10-15 12:00', as(gaochengReviewer), true);
  rec.publish(garden, '2026-10-15 12:10', as(zhaoLeader));
  rec.adopt(garden, '2026-10-19', xiaolin, '七(2)班', '对比表格帮助学生理清了两部分的关系。');
  rec.adopt(garden, '2026-10-20', yindian, '七(1)班', '雪地捕鸟一段的动词分析效果好，学生能说出“扫、支、撒、系、拉”的准确。');

  const analects = rec.create(
    'chinese7:论语十二章',
    chinese7,
    '2026-11-10 16:20',
    as(gaocheng),
    text(
      '《论语》十二章',
      '七年级上册 第三单元',
      ['1. 积累文言词语，疏通文意。', '2. 理解孔子关于学习和修身的观点。', '3. 熟读成诵。'],
      ['- 重点：积累文言词语，理解文意。', '- 难点：联系实际理解孔子的学习观。'],
      ['## 教学过程', '### 一、导入', '介绍孔子和《论语》。', '', '### 二、诵读', '读准字音和节奏。', '', '### 三、理解', '分组借助注释翻译，交流难句。'],
    ),
  );
  rec.update(
    analects,
    '2026-11-17 21:10',
    as(wanheNew),
    (p) => ({ content: `${p.content}\n\n### 四、联系生活\n“学而时习之”：说说你是怎样复习的，举一个生活中的例子。` }),
    '补充“学而时习之”的生活化例子',
  );

  // ----- 曾都区实验小学教育集团 · 三年级英语集体备课组 -----
  const eduGroup = group('曾都区实验小学教育集团');
  const guoLeader = pick('曾都区编钟小学', '英语', 'senior');
  const leadEnglish = pick('曾都区实验小学', '英语', 'senior');
  const eastEnglish = pick('曾都区实验小学东城校区', '英语', 'senior');
  const hedianEnglish = pick('曾都区何店镇中心小学', '英语', 'senior');
  const fuheEnglish = pick('曾都区府河镇中心小学', '英语', 'senior');
  const english3 = rec.team({
    group: eduGroup,
    name: '三年级英语集体备课组',
    subject: '英语',
    grade: '三年级',
    formed: '2026-09-02 16:00',
    createdBy: null,
    leader: guoLeader,
    members: [
      [guoLeader, '2026-09-02 16:00'],
      [leadEnglish, '2026-09-02 16:00'],
      [eastEnglish, '2026-09-02 16:00'],
      [hedianEnglish, '2026-09-02 16:00'],
      [fuheEnglish, '2026-09-02 16:00'],
    ],
  });
  const animals = rec.create(
    'english3:Unit 3',
    english3,
    '2026-10-09 16:30',
    as(leadEnglish),
    text(
      'Unit 3 Amazing animals（Part A Let’s talk）',
      '三年级上册 Unit 3 Amazing animals',
      ['1. 能听懂、会说 What’s this? It’s a … 询问和介绍动物。', '2. 能认读 cat、dog、duck、pig 等动物单词。', '3. 愿意了解和保护动物。'],
      ['- 重点：句型 What’s this? It’s a …', '- 难点：a 与 an 的区分。'],
      [
        '## Teaching procedures',
        '### Step 1 Warm-up',
        'Sing the song “Old MacDonald had a farm”.',
        '',
        '### Step 2 Presentation',
        '1. 出示动物剪影，猜一猜：What’s this?',
        '2. 学习对话，跟读模仿语音语调。',
        '',
        '### Step 3 Practice',
        '两人一组用动物卡片问答。',
        '',
        '### Step 4 Homework',
        '给家人介绍三种动物。',
      ],
    ),
  );
  rec.update(
    animals,
    '2026-10-12 19:20',
    as(guoLeader),
    (p) => ({ content: edit(p.content, [['两人一组用动物卡片问答。', '1. 两人一组用动物卡片问答。\n2. TPR 游戏：老师说动物名称，学生做出动物的动作。']]) }),
    '增加 TPR 动作游戏',
  );
  rec.update(
    animals,
    '2026-10-13 20:00',
    as(eastEnglish),
    () => ({
      resources: [
        { title: '动物单词卡片（PDF）', url: SMARTEDU },
        { title: '歌曲 Old MacDonald had a farm', url: SMARTEDU },
      ],
    }),
    '补充动物卡片和歌曲资源',
  );
  rec.submit(animals, '2026-10-13 20:10', as(leadEnglish));
  rec.review(animals, '2026-10-14 12:30', as(guoLeader), true, '同意发布。');
  rec.publish(animals, '2026-10-14 12:35', as(guoLeader));
  rec.adopt(animals, '2026-10-19', guoLeader, '三(2)班', 'TPR 游戏把课堂气氛带动起来了，a 和 an 仍需专项练习。');
  rec.adopt(animals, '2026-10-20', eastEnglish, '三(1)班', '动物剪影猜一猜的导入效果好，学生开口率高。');
  rec.adopt(animals, '2026-10-21', hedianEnglish, '三(3)班', '乡镇学生词汇基础弱，跟读环节多留了5分钟。');
  rec.adopt(animals, '2026-10-22', leadEnglish, '三(1)班', '对话表演环节学生很投入，可以增加小组展示。');
  const plants = rec.create(
    'english3:Unit 4',
    english3,
    '2026-11-02 16:00',
    as(hedianEnglish),
    text(
      'Unit 4 Plants around us（Part A Let’s learn）',
      '三年级上册 Unit 4 Plants around us',
      ['1. 能听、说、认读 tree、flower、grass 等植物单词。', '2. 能用 I see … 描述身边的植物。'],
      ['- 重点：植物单词的认读。', '- 难点：flower 的发音。'],
      [
        '## Teaching procedures',
        '### Step 1 Warm-up',
        'Free talk: What can you see in our school?',
        '',
        '### Step 2 Presentation',
        '出示植物图片，学习单词。',
        '',
        '### Step 3 Practice',
        'I see … 句型接龙。',
      ],
    ),
  );
  rec.update(
    plants,
    '2026-11-04 19:00',
    as(guoLeader),
    (p) => ({ content: edit(p.content, [['出示植物图片，学习单词。', '带学生到校园里认识真实的植物，边看边学单词（雨天改用图片）。']]) }),
    'Let’s learn 部分改为实物教学',
  );
  rec.submit(plants, '2026-11-04 19:10', as(hedianEnglish));
  rec.review(plants, '2026-11-05 08:00', as(guoLeader), true);
  rec.publish(plants, '2026-11-05 08:05', as(guoLeader));
  rec.adopt(plants, '2026-11-09', hedianEnglish, '三(1)班', '在校园里上课，学生对 tree、flower 记得特别牢。');
  rec.adopt(plants, '2026-11-10', guoLeader, '三(2)班', '实物教学课堂纪律要提前约定，下次先分好小组。');
  const colours = rec.create(
    'english3:Unit 5',
    english3,
    '2026-11-12 16:30',
    as(eastEnglish),
    text(
      'Unit 5 The colourful world（Part A）',
      '三年级上册 Unit 5 The colourful world',
      ['1. 能听、说、认读 red、yellow、green、blue 等颜色单词。', '2. 能用 What colour is it? It’s … 问答颜色。'],
      ['- 重点：颜色单词和问答句型。', '- 难点：colour 的拼写。'],
      ['## Teaching procedures', '### Step 1 Warm-up', 'Sing a colour song.', '', '### Step 2 Presentation', '用彩色铅笔学习颜色单词。', '', '### Step 3 Practice', 'What colour is it? 猜颜色游戏。'],
    ),
  );
  rec.update(colours, '2026-11-16 20:00', as(guoLeader), (p) => ({ content: `${p.content}\n\n### Step 4 Homework\n画一幅彩色的画，用英语介绍它的颜色。` }), '补充作业设计');
  rec.submit(colours, '2026-11-17 08:00', as(eastEnglish));

  validateLessonPrep(rec.out);
  return rec.out;
}

function prepFail(what: string): never {
  throw new Error(`demo plan: lesson preparation: ${what}`);
}

/** What the demo must show, checked on the plan. */
function validateLessonPrep(p: LessonPrepPlan): void {
  const team = p.plans.filter((x) => x.kind === 'TEAM');
  for (const status of ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'ARCHIVED'] as const) {
    if (!team.some((x) => x.status === status)) prepFail(`no ${status} plan`);
  }
  for (const x of p.plans) {
    const revs = p.revisions.filter((r) => r.planId === x.id).sort((a, b) => a.version - b.version);
    if (revs.length !== x.version || revs.some((r, i) => r.version !== i + 1)) prepFail(`${x.title}: revisions`);
    const last = revs[revs.length - 1];
    if (changedFields(last, x).length) prepFail(`${x.title}: its text is not its last revision`);
    if (x.status === 'PUBLISHED' && x.publishedVersion !== x.version) prepFail(`${x.title}: published, but not its current version`);
    if (x.publishedVersion !== null && !revs[x.publishedVersion - 1].publishedAt) prepFail(`${x.title}: published version without publishedAt`);
  }
  const adapted = p.plans.filter((x) => x.kind === 'ADAPTATION');
  const source = (a: LessonPlanPlan) => p.plans.find((x) => x.id === a.sourcePlanId)!;
  if (adapted.length < 2 || !adapted.some((a) => source(a).publishedVersion! > a.sourceVersion!)) prepFail('adaptations, one of them behind its source');
  if (!p.comments.some((c) => c.anchor?.fromLine) || !p.comments.some((c) => c.parentId) || !p.comments.some((c) => c.resolvedAt)) prepFail('comment threads');
  if (!team.some((x) => x.status === 'DRAFT' && x.reviewNote)) prepFail('a plan returned to draft with a note');
  const published = team.find((x) => x.status === 'PUBLISHED' && x.content.includes('分数的意义'));
  if (!published || new Set(p.adoptions.filter((a) => a.planId === published.id).map((a) => a.schoolId)).size < 4) prepFail('《分数的意义》 taught at several member schools');
}

async function insertLessonPrep(em: EntityManager, p: LessonPrepPlan): Promise<void> {
  // An account someone else created with a demo email (left alone by insertAccounts) is not the demo's: its
  // authorship falls back to the teacher, and comments need an author.
  const userIds = [...new Set([...p.revisions.map((r) => r.authorUserId), ...p.comments.map((c) => c.authorUserId), ...p.plans.map((x) => x.createdBy)].filter((x): x is string => !!x))];
  const present = new Set(((await em.query('SELECT id FROM app_user WHERE id = ANY($1::uuid[])', [userIds])) as { id: string }[]).map((r) => r.id));
  const user = (id: string | null) => (id && present.has(id) ? id : null);
  const comments = p.comments.filter((c) => present.has(c.authorUserId) && (!c.parentId || p.comments.some((x) => x.id === c.parentId && present.has(x.authorUserId))));

  await insertRows(
    em,
    'lesson_prep_team',
    [['id', 'uuid'], ['group_id', 'uuid'], ['name', 'varchar'], ['subject', 'varchar'], ['grade', 'varchar'], ['leader_teacher_id', 'uuid'], ['reviewer_teacher_id', 'uuid'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
    p.teams.map((t) => [t.id, t.groupId, t.name, t.subject, t.grade, t.leaderId, t.reviewerId, user(t.createdBy), t.createdAt, t.createdAt]),
  );
  await insertRows(
    em,
    'lesson_prep_team_member',
    [['id', 'uuid'], ['team_id', 'uuid'], ['teacher_id', 'uuid'], ['joined_at', 'timestamptz'], ['left_at', 'timestamptz'], ['added_by', 'uuid'], ['removed_by', 'uuid']],
    p.members.map((m) => [m.id, m.teamId, m.teacherId, m.joinedAt, m.leftAt, null, null]),
  );
  // Team plans before the adaptations that point at them.
  const plans = [...p.plans.filter((x) => x.kind === 'TEAM'), ...p.plans.filter((x) => x.kind === 'ADAPTATION')];
  await insertRows(
    em,
    'lesson_plan',
    [
      ['id', 'uuid'], ['group_id', 'uuid'], ['kind', 'varchar'], ['team_id', 'uuid'], ['owner_teacher_id', 'uuid'], ['source_plan_id', 'uuid'], ['source_version', 'int'], ['school_id', 'uuid'],
      ['main_preparer_teacher_id', 'uuid'], ['title', 'varchar'], ['subject', 'varchar'], ['grade', 'varchar'], ['unit', 'varchar'], ['objectives', 'text'], ['key_points', 'text'], ['content', 'text'],
      ['resources', 'jsonb'], ['status', 'varchar'], ['version', 'int'], ['published_version', 'int'], ['first_published_at', 'timestamptz'], ['review_note', 'varchar'], ['reviewed_by', 'uuid'],
      ['reviewed_at', 'timestamptz'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
    plans.map((x) => [
      x.id, x.groupId, x.kind, x.teamId, x.ownerId, x.sourcePlanId, x.sourceVersion, x.schoolId, x.mainPreparerId, x.title, x.subject, x.grade, x.unit, x.objectives, x.keyPoints, x.content,
      JSON.stringify(x.resources), x.status, x.version, x.publishedVersion, x.firstPublishedAt, x.reviewNote, user(x.reviewedBy), x.reviewedAt, user(x.createdBy), x.createdAt, x.updatedAt,
    ]),
  );
  // The search vector exactly as LessonPlansService writes it: array_to_tsvector(documentTerms(...)).
  await insertRows(
    em,
    'lesson_plan_revision',
    [
      ['plan_id', 'uuid'], ['version', 'int'], ['title', 'varchar'], ['unit', 'varchar'], ['objectives', 'text'], ['key_points', 'text'], ['content', 'text'], ['resources', 'jsonb'], ['note', 'varchar'],
      ['author_user_id', 'uuid'], ['author_teacher_id', 'uuid'], ['created_at', 'timestamptz'], ['published_at', 'timestamptz'], ['search_vector', 'tsterms'],
    ],
    p.revisions.map((r) => [
      r.planId, r.version, r.title, r.unit, r.objectives, r.keyPoints, r.content, JSON.stringify(r.resources), r.note, user(r.authorUserId), r.authorTeacherId, r.createdAt, r.publishedAt,
      documentTerms(r.title, r.unit, r.objectives, r.keyPoints, r.content),
    ]),
  );
  await insertRows(
    em,
    'lesson_plan_comment',
    [['id', 'uuid'], ['plan_id', 'uuid'], ['version', 'int'], ['parent_id', 'uuid'], ['anchor', 'jsonb'], ['text', 'varchar'], ['author_user_id', 'uuid'], ['author_teacher_id', 'uuid'], ['created_at', 'timestamptz'], ['resolved_at', 'timestamptz'], ['resolved_by', 'uuid']],
    comments.map((c) => [c.id, c.planId, c.version, c.parentId, c.anchor && JSON.stringify(c.anchor), c.text, c.authorUserId, c.authorTeacherId, c.createdAt, c.resolvedAt, user(c.resolvedBy)]),
  );
  await insertRows(
    em,
    'lesson_plan_adoption',
    [
      ['id', 'uuid'], ['plan_id', 'uuid'], ['version', 'int'], ['adaptation_id', 'uuid'], ['group_id', 'uuid'], ['school_id', 'uuid'], ['teacher_id', 'uuid'], ['taught_on', 'date'], ['class_name', 'varchar'],
      ['reflection', 'text'], ['recorded_by', 'uuid'], ['created_at', 'timestamptz'],
    ],
    p.adoptions.map((a) => [a.id, a.planId, a.version, a.adaptationId, a.groupId, a.schoolId, a.teacherId, a.taughtOn, a.className, a.reflection, user(a.recordedBy), a.createdAt]),
  );
}

// ---------------------------------------------------------------------------------------------
// Writing

/** `tsterms`: a text[] of search terms (documentTerms), stored as array_to_tsvector of them. */
type Cast = 'uuid' | 'uuid[]' | 'date' | 'int' | 'float8' | 'varchar' | 'varchar[]' | 'text' | 'timestamptz' | 'jsonb' | 'tsterms';

/** Multi-row INSERTs, 500 rows per statement, with explicit casts so every parameter has a type. */
async function insertRows(em: EntityManager, table: string, columns: ReadonlyArray<readonly [string, Cast]>, rows: unknown[][]): Promise<void> {
  const chunkSize = 500;
  const columnList = columns.map(([c]) => c).join(', ');
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length) throw new Error(`demo seed: ${table} row has ${row.length} values, expected ${columns.length}`);
      const placeholders = row.map((value, i) => {
        params.push(value);
        return columns[i][1] === 'tsterms' ? `array_to_tsvector($${params.length}::text[])` : `$${params.length}::${columns[i][1]}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await em.query(`INSERT INTO ${table} (${columnList}) VALUES ${tuples.join(', ')}`, params);
  }
}

/** Serialises concurrent seeders (two API instances starting at once). */
const DEMO_SEED_LOCK = 727003;

/** Deterministic and idempotent: a second run changes nothing and returns created:false. */
/** The demo's coverage targets (coverage_target rows). */
function demoCoverageTargets(plan: DemoPlan): { regionId: string; year: number; ratio: number; setAt: string }[] {
  return [
    { regionId: plan.refs.cityId, year: 2024, ratio: 0.7, setAt: chinaInstant('2024-01-15', 10 * 60) },
    { regionId: plan.refs.cityId, year: 2025, ratio: 0.8, setAt: chinaInstant('2025-01-10', 10 * 60) },
    { regionId: plan.refs.mainCountyId, year: 2026, ratio: 0.7, setAt: chinaInstant('2026-01-12', 10 * 60) },
  ];
}

export async function seedDemo(ds: DataSource, hashPassword: (pw: string) => Promise<string>, log: (line: string) => void = () => {}): Promise<DemoSummary> {
  const started = Date.now();
  const plan = demoPlan();
  const summary = (created: boolean, users: number): DemoSummary => ({
    created,
    regions: plan.regions.length,
    schools: plan.schools.length,
    groups: plan.groups.length,
    teachers: plan.teachers.length,
    users,
  });

  return ds.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK]);
    const marker: unknown[] = await em.query('SELECT 1 FROM region WHERE id = $1', [plan.refs.provinceId]);
    if (marker.length > 0) {
      log('Demo data already present: nothing to do');
      return summary(false, DEMO_ACCOUNTS.length);
    }
    const clashes: { name: string; code: string }[] = await em.query('SELECT name, code FROM region WHERE code = ANY($1::varchar[])', [
      plan.regions.map((r) => r.code),
    ]);
    if (clashes.length > 0) {
      log(`Demo data skipped: regions with the demo codes exist already (${clashes.map((c) => `${c.name} ${c.code}`).join(', ')})`);
      return summary(false, 0);
    }

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
      plan.groups.map((g) => [g.id, g.name, g.kind, g.mode, g.regionId, g.leadSchoolId, g.level, g.foundedOn, 'ACTIVE']),
    );
    await insertRows(
      em,
      'group_membership',
      [['id', 'uuid'], ['group_id', 'uuid'], ['school_id', 'uuid'], ['group_kind', 'varchar'], ['role', 'varchar'], ['pairing', 'varchar'], ['joined_on', 'date'], ['left_on', 'date']],
      plan.memberships.map((x) => [x.id, x.groupId, x.schoolId, x.groupKind, x.role, x.pairing, x.joinedOn, x.leftOn]),
    );
    log(`Demo data: ${plan.memberships.length} memberships; ${MAIN_COUNTY} consortium coverage ${plan.coverage.covered}/${plan.coverage.compulsory} compulsory schools (${((100 * plan.coverage.covered) / plan.coverage.compulsory).toFixed(1)}%)`);

    await insertRows(
      em,
      'teacher',
      [['id', 'uuid'], ['name', 'varchar'], ['school_id', 'uuid'], ['subjects', 'varchar[]'], ['stage', 'varchar'], ['title', 'varchar'], ['years_of_experience', 'int'], ['honours', 'varchar[]'], ['email', 'varchar'], ['phone', 'varchar']],
      plan.teachers.map((t) => [t.id, t.name, t.schoolId, t.subjects, t.stage, t.title, t.yearsOfExperience, t.honours, t.email, t.phone]),
    );
    await insertRows(
      em,
      'teacher_assignment',
      [['id', 'uuid'], ['teacher_id', 'uuid'], ['school_id', 'uuid'], ['from_date', 'date'], ['to_date', 'date']],
      plan.assignments.map((a) => [a.id, a.teacherId, a.schoolId, a.fromDate, a.toDate]),
    );
    log(`Demo data: ${plan.teachers.length} teachers, ${plan.assignments.length} assignments`);

    const users = await insertAccounts(em, plan, await hashPassword(DEMO_PASSWORD), log);
    // Planned only when loading: tens of thousands of check-ins and events are not worth computing on every start.
    const research = buildResearchPlan(plan);
    await insertResearch(em, research);
    log(`Demo data: ${research.sessions.length} research sessions, ${research.attendance.length} check-ins, ${research.events.length} session events`);
    const ix = indexPlan(plan);
    const mentoring = buildMentoringPlan(plan, ix);
    await insertMentoring(em, mentoring);
    log(`Demo data: ${mentoring.pairs.length} mentoring pairs, ${mentoring.activities.length} mentoring activities, ${mentoring.evaluations.length} evaluations`);
    const exchanges = buildExchangeActivityPlan(plan, ix);
    await insertExchangesAndActivities(em, exchanges);
    log(`Demo data: ${exchanges.exchanges.length} teacher exchanges, ${exchanges.activities.length} student activities`);
    const prep = buildLessonPrepPlan(plan, ix, exchanges.exchanges);
    await insertLessonPrep(em, prep);
    log(
      `Demo data: ${prep.teams.length} lesson preparation teams, ${prep.plans.length} lesson plans (${prep.plans.filter((x) => x.kind === 'ADAPTATION').length} adaptations), ` +
        `${prep.revisions.length} revisions, ${prep.comments.length} comments, ${prep.adoptions.length} adoptions`,
    );
    // The coverage targets the story tells (Suizhou, 2024): the city's 70% by the end of 2024 and 80% by the end of
    // 2025 (which carries forward to its counties in later years), and 随县's own 70% for 2026.
    for (const t of demoCoverageTargets(plan)) await writeCoverageTarget(em, t.regionId, t.year, t.ratio, null, t.setAt);
    log(`Demo data: coverage targets ${demoCoverageTargets(plan).map((t) => `${t.year} ${Math.round(t.ratio * 100)}%`).join(', ')}`);
    // Last, so that the dashboards count everything above.
    const rollups = await rebuildRollups(em);
    log(`Demo data: dashboard rollups rebuilt (${rollups} rows)`);
    log(`Demo data loaded in ${Date.now() - started} ms: ${users} demo accounts (password ${DEMO_PASSWORD})`);
    return {
      ...summary(true, users),
      sessions: research.sessions.length,
      checkIns: research.attendance.length,
      mentoringPairs: mentoring.pairs.length,
      teacherExchanges: exchanges.exchanges.length,
      studentActivities: exchanges.activities.length,
      lessonPrepTeams: prep.teams.length,
      lessonPlans: prep.plans.length,
      lessonPlanAdoptions: prep.adoptions.length,
    };
  });
}

async function insertResearch(em: EntityManager, r: ResearchPlan): Promise<void> {
  await insertRows(
    em,
    'research_session',
    [
      ['id', 'uuid'], ['group_id', 'uuid'], ['host_school_id', 'uuid'], ['title', 'varchar'], ['topic', 'varchar'], ['type', 'varchar'], ['mode', 'varchar'], ['status', 'varchar'],
      ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz'], ['agenda', 'jsonb'], ['agenda_index', 'int'], ['minutes', 'text'], ['cancel_reason', 'varchar'],
      ['started_at', 'timestamptz'], ['ended_at', 'timestamptz'], ['cancelled_at', 'timestamptz'], ['last_seq', 'int'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
    r.sessions.map((s) => [
      s.id, s.groupId, s.hostSchoolId, s.title, s.topic, s.type, s.mode, s.status, s.startsAt, s.endsAt, JSON.stringify(s.agenda), null, s.minutes, s.cancelReason,
      s.startedAt, s.endedAt, s.cancelledAt, s.lastSeq, null, s.createdAt, s.updatedAt,
    ]),
  );
  await insertRows(em, 'research_session_school', [['id', 'uuid'], ['session_id', 'uuid'], ['school_id', 'uuid']], r.invitations.map((i) => [i.id, i.sessionId, i.schoolId]));
  await insertRows(
    em,
    'research_attendance',
    [['id', 'uuid'], ['session_id', 'uuid'], ['teacher_id', 'uuid'], ['school_id', 'uuid'], ['checked_in_at', 'timestamptz']],
    r.attendance.map((a) => [a.id, a.sessionId, a.teacherId, a.schoolId, a.checkedInAt]),
  );
  await insertRows(
    em,
    'session_event',
    [['session_id', 'uuid'], ['seq', 'int'], ['type', 'varchar'], ['actor_user_id', 'uuid'], ['actor_teacher_id', 'uuid'], ['payload', 'jsonb'], ['at', 'timestamptz']],
    r.events.map((e) => [e.sessionId, e.seq, e.type, null, e.actorTeacherId, e.payload, e.at]),
  );
}

async function insertMentoring(em: EntityManager, mp: MentoringPlan): Promise<void> {
  await insertRows(
    em,
    'mentoring_pair',
    [
      ['id', 'uuid'], ['group_id', 'uuid'], ['mentor_teacher_id', 'uuid'], ['apprentice_teacher_id', 'uuid'], ['subject', 'varchar'], ['status', 'varchar'], ['proposed_by', 'varchar'],
      ['proposed_by_user', 'uuid'], ['goals', 'varchar[]'], ['planned_end_on', 'date'], ['response_note', 'varchar'], ['activated_on', 'date'], ['ended_on', 'date'], ['evaluation', 'text'],
      ['dissolve_reason', 'varchar'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
    mp.pairs.map((p) => [
      p.id, p.groupId, p.mentorId, p.apprenticeId, p.subject, p.status, p.proposedBy, null, p.goals, p.plannedEndOn, p.responseNote, p.activatedOn, p.endedOn, p.evaluation,
      p.dissolveReason, p.createdAt, p.updatedAt,
    ]),
  );
  await insertRows(
    em,
    'mentoring_activity',
    [['id', 'uuid'], ['pair_id', 'uuid'], ['kind', 'varchar'], ['occurred_on', 'date'], ['duration_minutes', 'int'], ['notes', 'text'], ['logged_by_teacher_id', 'uuid'], ['created_at', 'timestamptz']],
    mp.activities.map((a) => [a.id, a.pairId, a.kind, a.occurredOn, a.durationMinutes, a.notes, a.loggedBy, a.createdAt]),
  );
  await insertRows(
    em,
    'mentoring_evaluation',
    [['id', 'uuid'], ['pair_id', 'uuid'], ['period', 'varchar'], ['scores', 'jsonb'], ['comment', 'varchar'], ['evaluated_by', 'uuid'], ['created_at', 'timestamptz']],
    mp.evaluations.map((e) => [e.id, e.pairId, e.period, JSON.stringify(e.scores), e.comment, null, e.createdAt]),
  );
}

async function insertExchangesAndActivities(em: EntityManager, p: ExchangeActivityPlan): Promise<void> {
  await insertRows(
    em,
    'teacher_exchange',
    [
      ['id', 'uuid'], ['group_id', 'uuid'], ['teacher_id', 'uuid'], ['from_school_id', 'uuid'], ['to_school_id', 'uuid'], ['kind', 'varchar'], ['starts_on', 'date'], ['ends_on', 'date'],
      ['note', 'varchar'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
    p.exchanges.map((e) => [e.id, e.groupId, e.teacherId, e.fromSchoolId, e.toSchoolId, e.kind, e.startsOn, e.endsOn, e.note, null, e.createdAt, e.createdAt]),
  );
  await insertRows(
    em,
    'student_activity',
    [['id', 'uuid'], ['group_id', 'uuid'], ['title', 'varchar'], ['type', 'varchar'], ['participant_count', 'int'], ['held_on', 'date'], ['description', 'varchar'], ['created_by', 'uuid'], ['created_at', 'timestamptz']],
    p.activities.map((a) => [a.id, a.groupId, a.title, a.type, a.participantCount, a.heldOn, a.description, null, a.createdAt]),
  );
  await insertRows(
    em,
    'student_activity_school',
    [['activity_id', 'uuid'], ['school_id', 'uuid']],
    p.activities.flatMap((a) => a.schoolIds.map((schoolId) => [a.id, schoolId])),
  );
  await insertRows(
    em,
    'rotation_quota',
    [['id', 'uuid'], ['group_id', 'uuid'], ['region_id', 'uuid'], ['year', 'int'], ['min_rotation_ratio', 'float8'], ['min_backbone_ratio', 'float8'], ['set_by', 'uuid'], ['updated_at', 'timestamptz']],
    p.quotas.map((q) => [q.id, null, q.regionId, q.year, q.minRotationRatio, q.minBackboneRatio, null, q.updatedAt]),
  );
}

async function insertAccounts(em: EntityManager, plan: DemoPlan, passwordHash: string, log: (line: string) => void): Promise<number> {
  const { refs } = plan;
  const displayNames: Record<string, string> = {
    admin: '平台管理员',
    bureau: '随县教育局管理员',
    city: '随州市教育局管理员',
    manager: `${FEATURED_CONSORTIUM}管理员`,
    school: `${FEATURED_LEAD_SCHOOL}管理员`,
    teacher: FAMOUS_TEACHER_NAME,
    teacher2: NEW_TEACHER_NAME,
  };
  const scopeIds: Record<string, string | null> = {
    admin: null,
    bureau: refs.mainCountyId,
    city: refs.cityId,
    manager: refs.featuredGroupId,
    school: refs.featuredSchoolId,
    teacher: null,
    teacher2: null,
  };
  const teacherIds: Record<string, string | null> = { teacher: refs.famousTeacherId, teacher2: refs.newTeacherId };

  let created = 0;
  let adminId: string | null = null;
  for (const account of DEMO_ACCOUNTS) {
    const local = account.email.slice(0, account.email.indexOf('@'));
    const userId = demoId(`user:${account.email}`);
    // An account someone already created with this email is left alone.
    const inserted: { id: string }[] = await em.query(
      `INSERT INTO app_user (id, email, password_hash, display_name, teacher_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [userId, account.email, passwordHash, displayNames[local] ?? account.email, teacherIds[local] ?? null],
    );
    if (inserted.length === 0) {
      log(`Demo data: an account ${account.email} exists already; left unchanged`);
      continue;
    }
    created++;
    await em.query(
      `INSERT INTO role_grant (id, user_id, role, scope_id, granted_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [demoId(`grant:${account.email}:${account.role}`), userId, account.role, scopeIds[local] ?? null, account.role === 'PLATFORM_ADMIN' ? null : adminId],
    );
    if (account.role === 'PLATFORM_ADMIN') adminId = userId;
  }
  return created;
}
