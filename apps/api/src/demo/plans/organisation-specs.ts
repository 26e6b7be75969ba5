import { SMALL_SCHOOL_SUBJECTS, SUBJECT_ROTATION, SUIXIAN_TOWNS, TEACHING_POINT_SUBJECTS } from '../demo-names';
import { RegionLevel, SchoolStage, SchoolLocale, GroupKind, ConsortiumMode, GroupLevel, Pairing, TeacherTitle, TeacherHonour } from '#app/organisation';
import { FEATURED_CONSORTIUM, FEATURED_LEAD_SCHOOL, FEATURED_RURAL_SCHOOL, Prng } from './kit';
import { DemoKind, DemoStage, RegionPlan, SchoolPlan } from './organisation';

/** The demo county as data: regions, schools, groups with their members, and how teachers are drawn. */

export const REGIONS: ReadonlyArray<{ name: string; level: RegionPlan['level']; code: string; parentCode: string | null }> = [
  { name: '湖北省', level: RegionLevel.PROVINCE, code: '420000', parentCode: null },
  { name: '随州市', level: RegionLevel.CITY, code: '421300', parentCode: '420000' },
  { name: '随县', level: RegionLevel.COUNTY, code: '421321', parentCode: '421300' },
  { name: '曾都区', level: RegionLevel.COUNTY, code: '421303', parentCode: '421300' },
  { name: '广水市', level: RegionLevel.COUNTY, code: '421381', parentCode: '421300' },
];

export interface SchoolSpec {
  county: string;
  name: string;
  stage: DemoStage;
  locale: SchoolLocale;
  students?: number;
  campusOf?: string;
  openedOn?: string;
}

export function schoolSpecs(): SchoolSpec[] {
  const specs: SchoolSpec[] = [];
  const add = (county: string, name: string, stage: DemoStage, locale: SchoolLocale, extra: Partial<SchoolSpec> = {}) =>
    specs.push({ county, name, stage, locale, ...extra });

  // 随县: the county seat (厉山镇) has the urban schools; every other town has central and village schools.
  const sx = '随县';
  add(sx, '随县炎帝学校', SchoolStage.NINE_YEAR, SchoolLocale.URBAN);
  add(sx, '随县神农学校', SchoolStage.NINE_YEAR, SchoolLocale.URBAN);
  add(sx, '随县城北学校', SchoolStage.NINE_YEAR, SchoolLocale.URBAN);
  add(sx, '随县厉山镇第一小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(sx, '随县厉山镇第二小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(sx, '随县厉山镇第三小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(sx, '随县神农小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(sx, '随县城南小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(sx, '随县城东小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(sx, '随县实验小学', SchoolStage.PRIMARY, SchoolLocale.URBAN, { students: 1080, openedOn: '2024-09-01' });
  add(sx, '随县厉山镇第一初级中学', SchoolStage.JUNIOR, SchoolLocale.URBAN);
  add(sx, '随县城南初级中学', SchoolStage.JUNIOR, SchoolLocale.URBAN);
  add(sx, '随县实验初级中学', SchoolStage.JUNIOR, SchoolLocale.URBAN);
  add(sx, '随县第一中学', SchoolStage.SENIOR, SchoolLocale.URBAN);
  add(sx, '随县实验高级中学', SchoolStage.SENIOR, SchoolLocale.URBAN, { students: 1350, openedOn: '2025-09-01' });
  // 三河小学: once a teaching point, a campus of the 炎帝学校 consortium since 2023 (70+ pupils came back).
  add(sx, '随县厉山镇三河小学', SchoolStage.PRIMARY, SchoolLocale.RURAL, { students: 126 });
  add(sx, '随县厉山镇雷家畈小学', SchoolStage.PRIMARY, SchoolLocale.RURAL);
  add(sx, '随县厉山镇烈山教学点', SchoolStage.TEACHING_POINT, SchoolLocale.RURAL);
  for (const t of SUIXIAN_TOWNS) {
    const prefix = `随县${t.town}`;
    if (t.nineYear) {
      add(sx, `${prefix}中心学校`, SchoolStage.NINE_YEAR, SchoolLocale.TOWNSHIP);
    } else {
      add(sx, `${prefix}中心小学`, SchoolStage.PRIMARY, SchoolLocale.TOWNSHIP);
      add(sx, `${prefix}初级中学`, SchoolStage.JUNIOR, SchoolLocale.TOWNSHIP);
    }
    for (const v of t.villages) add(sx, `${prefix}${v}小学`, SchoolStage.PRIMARY, SchoolLocale.RURAL);
    for (const p of t.points) add(sx, `${prefix}${p}教学点`, SchoolStage.TEACHING_POINT, SchoolLocale.RURAL);
  }

  // 曾都区: the urban district around the city centre.
  const zd = '曾都区';
  add(zd, '曾都区实验小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(zd, '曾都区实验小学东城校区', SchoolStage.PRIMARY, SchoolLocale.URBAN, { campusOf: '曾都区实验小学', students: 1460, openedOn: '2021-09-01' });
  add(zd, '曾都区编钟小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(zd, '曾都区解放路小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(zd, '曾都区青年路小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(zd, '曾都区东关学校', SchoolStage.NINE_YEAR, SchoolLocale.URBAN);
  add(zd, '曾都区文峰学校', SchoolStage.NINE_YEAR, SchoolLocale.URBAN);
  add(zd, '曾都区第一初级中学', SchoolStage.JUNIOR, SchoolLocale.URBAN);
  add(zd, '曾都区第二初级中学', SchoolStage.JUNIOR, SchoolLocale.URBAN);
  add(zd, '曾都区第一中学', SchoolStage.SENIOR, SchoolLocale.URBAN);
  add(zd, '曾都区南郊街道中心小学', SchoolStage.PRIMARY, SchoolLocale.TOWNSHIP);
  add(zd, '曾都区何店镇中心小学', SchoolStage.PRIMARY, SchoolLocale.TOWNSHIP);
  add(zd, '曾都区何店镇初级中学', SchoolStage.JUNIOR, SchoolLocale.TOWNSHIP);
  add(zd, '曾都区洛阳镇中心学校', SchoolStage.NINE_YEAR, SchoolLocale.TOWNSHIP);
  add(zd, '曾都区府河镇中心小学', SchoolStage.PRIMARY, SchoolLocale.TOWNSHIP);
  add(zd, '曾都区府河镇初级中学', SchoolStage.JUNIOR, SchoolLocale.TOWNSHIP);
  add(zd, '曾都区万店镇中心小学', SchoolStage.PRIMARY, SchoolLocale.TOWNSHIP);
  add(zd, '曾都区万店镇初级中学', SchoolStage.JUNIOR, SchoolLocale.TOWNSHIP);
  add(zd, '曾都区何店镇李家岗小学', SchoolStage.PRIMARY, SchoolLocale.RURAL);
  add(zd, '曾都区洛阳镇胡家河小学', SchoolStage.PRIMARY, SchoolLocale.RURAL);
  add(zd, '曾都区府河镇白云小学', SchoolStage.PRIMARY, SchoolLocale.RURAL);
  add(zd, '曾都区洛阳镇永兴教学点', SchoolStage.TEACHING_POINT, SchoolLocale.RURAL);
  add(zd, '曾都区万店镇九口堰教学点', SchoolStage.TEACHING_POINT, SchoolLocale.RURAL);

  // 广水市: 永阳学校 and 广办三小 with their village campuses (渡蚁桥, 驼子) from the report.
  const gs = '广水市';
  add(gs, '广水市实验小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(gs, '广水市广水街道第一小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(gs, '广水市广水街道第三小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(gs, '广水市应山街道第一小学', SchoolStage.PRIMARY, SchoolLocale.URBAN);
  add(gs, '广水市永阳学校', SchoolStage.NINE_YEAR, SchoolLocale.URBAN);
  add(gs, '广水市实验初级中学', SchoolStage.JUNIOR, SchoolLocale.URBAN);
  add(gs, '广水市应山街道初级中学', SchoolStage.JUNIOR, SchoolLocale.URBAN);
  add(gs, '广水市第一高级中学', SchoolStage.SENIOR, SchoolLocale.URBAN);
  add(gs, '广水市广水街道第三小学驼子校区', SchoolStage.PRIMARY, SchoolLocale.RURAL, { campusOf: '广水市广水街道第三小学', students: 87 });
  add(gs, '广水市永阳学校渡蚁桥校区', SchoolStage.PRIMARY, SchoolLocale.RURAL, { campusOf: '广水市永阳学校', students: 420 });
  add(gs, '广水市杨寨镇中心小学', SchoolStage.PRIMARY, SchoolLocale.TOWNSHIP);
  add(gs, '广水市杨寨镇初级中学', SchoolStage.JUNIOR, SchoolLocale.TOWNSHIP);
  add(gs, '广水市马坪镇中心小学', SchoolStage.PRIMARY, SchoolLocale.TOWNSHIP);
  add(gs, '广水市长岭镇中心小学', SchoolStage.PRIMARY, SchoolLocale.TOWNSHIP);
  add(gs, '广水市武胜关镇中心学校', SchoolStage.NINE_YEAR, SchoolLocale.TOWNSHIP);
  add(gs, '广水市余店镇中心小学', SchoolStage.PRIMARY, SchoolLocale.TOWNSHIP);
  add(gs, '广水市关庙镇初级中学', SchoolStage.JUNIOR, SchoolLocale.TOWNSHIP);
  add(gs, '广水市长岭镇三潭小学', SchoolStage.PRIMARY, SchoolLocale.RURAL);
  add(gs, '广水市蔡河镇黄土关小学', SchoolStage.PRIMARY, SchoolLocale.RURAL);
  add(gs, '广水市太平镇双桥教学点', SchoolStage.TEACHING_POINT, SchoolLocale.RURAL);
  add(gs, '广水市郝店镇付店教学点', SchoolStage.TEACHING_POINT, SchoolLocale.RURAL);
  return specs;
}

/** Student range, students per teacher and extra staff, by stage and locale. */
export function sizeProfile(stage: SchoolStage, locale: SchoolLocale): { min: number; max: number; ratio: number; extra: number } {
  if (stage === SchoolStage.TEACHING_POINT) return { min: 10, max: 60, ratio: 25, extra: 2 };
  if (stage === SchoolStage.SENIOR) return { min: 2400, max: 4500, ratio: 13, extra: 0 };
  if (locale === SchoolLocale.RURAL) return { min: 60, max: 380, ratio: 14, extra: 3 };
  if (locale === SchoolLocale.TOWNSHIP) {
    if (stage === SchoolStage.PRIMARY) return { min: 600, max: 1600, ratio: 17, extra: 2 };
    if (stage === SchoolStage.JUNIOR) return { min: 450, max: 1300, ratio: 12, extra: 3 };
    return { min: 700, max: 1800, ratio: 13, extra: 3 };
  }
  if (stage === SchoolStage.PRIMARY) return { min: 1200, max: 3000, ratio: 18, extra: 0 };
  if (stage === SchoolStage.JUNIOR) return { min: 1000, max: 2500, ratio: 12.5, extra: 0 };
  return { min: 1600, max: 3000, ratio: 14.5, extra: 0 };
}

/** How many teacher rows the demo creates: ~10 per school, 2-4 at teaching points. */
export function plannedTeacherRows(rng: Prng, stage: SchoolStage, locale: SchoolLocale): number {
  if (stage === SchoolStage.TEACHING_POINT) return rng.int(2, 4);
  if (stage === SchoolStage.SENIOR) return rng.int(10, 12);
  if (locale === SchoolLocale.URBAN) return rng.int(10, 13);
  if (locale === SchoolLocale.TOWNSHIP) return rng.int(8, 11);
  return rng.int(5, 7);
}

// ---------------------------------------------------------------------------------------------
// Groups and memberships

export interface MemberSpec {
  school: string;
  pairing?: Pairing;
  joinedOn?: string;
  leftOn?: string;
}
export interface GroupSpec {
  name: string;
  kind: DemoKind;
  mode?: ConsortiumMode;
  level?: GroupLevel;
  /** County name, or '随州市' for the cross-county alliance. */
  region: string;
  lead: string;
  foundedOn: string;
  members: (string | MemberSpec)[];
}

export const m = (school: string, pairing?: Pairing, joinedOn?: string, leftOn?: string): MemberSpec => ({ school, pairing, joinedOn, leftOn });

export function groupSpecs(): GroupSpec[] {
  const consortium = (name: string, mode: ConsortiumMode, level: GroupLevel | undefined, region: string, lead: string, foundedOn: string, members: (string | MemberSpec)[]): GroupSpec => ({
    name,
    kind: GroupKind.CONSORTIUM,
    mode,
    level,
    region,
    lead,
    foundedOn,
    members,
  });
  return [
    // 随县: 12 consortia led by the county-seat schools; about two thirds of compulsory schools covered (target 70%).
    consortium(FEATURED_CONSORTIUM, ConsortiumMode.FUSED, GroupLevel.PROVINCIAL_PILOT, '随县', FEATURED_LEAD_SCHOOL, '2022-10-20', [
      m(FEATURED_RURAL_SCHOOL, Pairing.STRONG_RURAL, '2023-03-01'),
      '随县厉山镇雷家畈小学',
      '随县厉山镇烈山教学点',
      m('随县实验小学', Pairing.STRONG_NEW, '2024-09-01'),
      // Moved over from the co-built junior consortium in 2024 (see below).
      m('随县草店镇中心学校', Pairing.STRONG_WEAK, '2024-09-01'),
    ]),
    consortium('随县厉山镇第一小学教联体', ConsortiumMode.FUSED, GroupLevel.MUNICIPAL_PILOT, '随县', '随县厉山镇第一小学', '2022-11-15', [
      m('随县高城镇中心小学', Pairing.STRONG_SUBURBAN),
      '随县高城镇土门小学',
      '随县高城镇金屯小学',
      '随县高城镇宋家湾教学点',
      '随县高城镇石鼓教学点',
    ]),
    consortium('随县实验初级中学教联体', ConsortiumMode.CO_BUILT, GroupLevel.COUNTY_PILOT, '随县', '随县实验初级中学', '2023-02-20', [
      '随县高城镇初级中学',
      '随县殷店镇初级中学',
      '随县小林镇初级中学',
      '随县万和镇初级中学',
      m('随县草店镇中心学校', Pairing.STRONG_WEAK, '2023-02-20', '2024-08-31'),
    ]),
    consortium('随县神农学校教联体', ConsortiumMode.FUSED_AND_CO_BUILT, GroupLevel.PROVINCIAL_PILOT, '随县', '随县神农学校', '2022-12-01', [
      '随县淮河镇中心学校',
      '随县淮河镇柏树湾小学',
      '随县淮河镇鹰子岩教学点',
      '随县淮河镇龙潭教学点',
      '随县吴山镇中心学校',
    ]),
    consortium('随县厉山镇第二小学教联体', ConsortiumMode.FUSED, GroupLevel.COUNTY_PILOT, '随县', '随县厉山镇第二小学', '2023-03-01', [
      '随县殷店镇中心小学',
      '随县殷店镇黄家湾小学',
      '随县殷店镇长岭小学',
      '随县殷店镇二道河教学点',
      '随县殷店镇陈家湾教学点',
    ]),
    consortium('随县城南小学教联体', ConsortiumMode.FUSED, undefined, '随县', '随县城南小学', '2023-04-10', [
      '随县小林镇中心小学',
      '随县小林镇兴隆小学',
      '随县小林镇青苔小学',
      '随县小林镇金桥教学点',
      // Too far from the county seat for the fused model: left in 2025, waiting for a consortium of its own.
      m('随县环潭镇鸡鸣小学', Pairing.STRONG_RURAL, '2023-09-01', '2025-07-31'),
    ]),
    consortium('随县城北学校教联体', ConsortiumMode.FUSED, undefined, '随县', '随县城北学校', '2023-05-15', [
      '随县万和镇中心小学',
      '随县万和镇铁城小学',
      '随县万和镇乌金小学',
      '随县万和镇石门教学点',
      '随县万和镇田河教学点',
    ]),
    consortium('随县城东小学教联体', ConsortiumMode.CO_BUILT, undefined, '随县', '随县城东小学', '2023-09-01', [
      m('随县尚市镇中心小学', Pairing.STRONG_SUBURBAN),
      '随县尚市镇店子小学',
      '随县尚市镇夹河小学',
      '随县尚市镇茶店教学点',
    ]),
    consortium('随县厉山镇第一初级中学教联体', ConsortiumMode.CO_BUILT, GroupLevel.MUNICIPAL_PILOT, '随县', '随县厉山镇第一初级中学', '2023-09-01', [
      '随县尚市镇初级中学',
      '随县唐县镇初级中学',
      '随县新街镇初级中学',
      '随县安居镇初级中学',
    ]),
    consortium('随县厉山镇第三小学教联体', ConsortiumMode.FUSED, undefined, '随县', '随县厉山镇第三小学', '2024-03-01', [
      '随县唐县镇中心小学',
      '随县唐县镇仁和小学',
      '随县唐县镇七里小学',
      '随县唐县镇河店小学',
      '随县唐县镇唐王店教学点',
    ]),
    consortium('随县神农小学教联体', ConsortiumMode.FUSED, undefined, '随县', '随县神农小学', '2024-03-01', [
      '随县新街镇中心小学',
      '随县新街镇黄金小学',
      '随县新街镇梅丘小学',
      '随县新街镇新桥教学点',
    ]),
    consortium('随县城南初级中学教联体', ConsortiumMode.CO_BUILT, GroupLevel.COUNTY_PILOT, '随县', '随县城南初级中学', '2024-09-01', [
      '随县环潭镇初级中学',
      '随县三里岗镇初级中学',
      '随县均川镇初级中学',
      '随县洪山镇中心学校',
    ]),

    // 曾都区: slower progress (the report asks it to speed up).
    consortium('曾都区东关学校教联体', ConsortiumMode.CO_BUILT, GroupLevel.MUNICIPAL_PILOT, '曾都区', '曾都区东关学校', '2023-03-15', [
      m('曾都区何店镇中心小学', Pairing.STRONG_SUBURBAN),
      '曾都区何店镇初级中学',
      '曾都区何店镇李家岗小学',
    ]),
    consortium('曾都区文峰学校教联体', ConsortiumMode.FUSED_AND_CO_BUILT, undefined, '曾都区', '曾都区文峰学校', '2023-09-01', [
      '曾都区洛阳镇中心学校',
      '曾都区洛阳镇胡家河小学',
      '曾都区洛阳镇永兴教学点',
    ]),

    // 广水市: 永阳学校 (渡蚁桥校区) and 广办三小 (驼子校区) from the report.
    consortium('广水市永阳学校教联体', ConsortiumMode.FUSED, GroupLevel.PROVINCIAL_DEMONSTRATION, '广水市', '广水市永阳学校', '2022-10-28', [
      '广水市永阳学校渡蚁桥校区',
      '广水市余店镇中心小学',
      '广水市蔡河镇黄土关小学',
    ]),
    consortium('广水市广水街道第三小学教联体', ConsortiumMode.FUSED, GroupLevel.PROVINCIAL_PILOT, '广水市', '广水市广水街道第三小学', '2022-11-10', [
      '广水市广水街道第三小学驼子校区',
      m('广水市长岭镇中心小学', Pairing.STRONG_SUBURBAN),
      '广水市长岭镇三潭小学',
      '广水市太平镇双桥教学点',
    ]),
    consortium('广水市实验初级中学教联体', ConsortiumMode.CO_BUILT, GroupLevel.MUNICIPAL_PILOT, '广水市', '广水市实验初级中学', '2023-03-01', [
      m('广水市杨寨镇初级中学', Pairing.STRONG_SUBURBAN),
      '广水市关庙镇初级中学',
      '广水市武胜关镇中心学校',
    ]),

    // Other kinds: their members may also be in a consortium.
    {
      name: '曾都区实验小学教育集团',
      kind: GroupKind.EDUCATION_GROUP,
      level: GroupLevel.MUNICIPAL_DEMONSTRATION,
      region: '曾都区',
      lead: '曾都区实验小学',
      foundedOn: '2021-09-01',
      members: [
        m('曾都区实验小学东城校区', Pairing.STRONG_NEW),
        m('曾都区编钟小学', Pairing.STRONG_WEAK, '2022-02-20'),
        m('曾都区府河镇中心小学', Pairing.STRONG_RURAL, '2022-09-01'),
        m('曾都区何店镇中心小学', Pairing.STRONG_SUBURBAN, '2023-02-20'),
      ],
    },
    {
      name: '随州市科创教育学校联盟',
      kind: GroupKind.ALLIANCE,
      region: '随州市',
      lead: '随县神农学校',
      foundedOn: '2022-05-10',
      members: [
        m('曾都区编钟小学', Pairing.OTHER),
        m('广水市应山街道第一小学', Pairing.OTHER),
        m('随县淮河镇中心学校', Pairing.STRONG_RURAL, '2022-09-01'),
        m('广水市郝店镇付店教学点', Pairing.STRONG_RURAL, '2023-03-01'),
        m('曾都区万店镇中心小学', Pairing.STRONG_RURAL, '2023-09-01'),
      ],
    },
    {
      name: '广水市城区大学区',
      kind: GroupKind.SCHOOL_DISTRICT,
      region: '广水市',
      lead: '广水市实验小学',
      foundedOn: '2021-03-01',
      members: [
        m('广水市广水街道第一小学', Pairing.STRONG_WEAK),
        m('广水市应山街道第一小学', Pairing.STRONG_WEAK),
        m('广水市杨寨镇中心小学', Pairing.STRONG_SUBURBAN, '2021-09-01'),
        m('广水市马坪镇中心小学', Pairing.STRONG_RURAL, '2022-03-01'),
      ],
    },
  ];
}

export function defaultPairing(school: SchoolPlan): Pairing {
  if (school.locale === SchoolLocale.RURAL || school.stage === SchoolStage.TEACHING_POINT) return Pairing.STRONG_RURAL;
  if (school.locale === SchoolLocale.TOWNSHIP) return Pairing.STRONG_WEAK;
  return Pairing.OTHER;
}

// ---------------------------------------------------------------------------------------------
// Teachers

export function pickYears(rng: Prng): number {
  const band = rng.weighted<[number, number]>([
    [[0, 2], 12],
    [[3, 8], 22],
    [[9, 15], 24],
    [[16, 25], 25],
    [[26, 35], 17],
  ]);
  return rng.int(band[0], band[1]);
}

export function titleFor(rng: Prng, years: number): TeacherTitle {
  if (years <= 1) return TeacherTitle.UNRANKED;
  if (years <= 4) return rng.chance(0.15) ? TeacherTitle.THIRD_GRADE : TeacherTitle.SECOND_GRADE;
  if (years <= 9) return rng.chance(years >= 6 ? 0.55 : 0.2) ? TeacherTitle.FIRST_GRADE : TeacherTitle.SECOND_GRADE;
  if (years <= 18) return rng.chance(0.25) ? TeacherTitle.SENIOR : TeacherTitle.FIRST_GRADE;
  return rng.chance(0.55) ? TeacherTitle.SENIOR : TeacherTitle.FIRST_GRADE;
}

export const HONOUR_ORDER: TeacherHonour[] = [TeacherHonour.FAMOUS_TEACHER, TeacherHonour.SUBJECT_LEADER, TeacherHonour.BACKBONE, TeacherHonour.EXCELLENT_TEACHER, TeacherHonour.NEW_TEACHER];
export const sortHonours = (h: Set<TeacherHonour>): TeacherHonour[] => HONOUR_ORDER.filter((x) => h.has(x));

export function subjectsFor(school: SchoolPlan, index: number): string[] {
  if (school.stage === SchoolStage.TEACHING_POINT) return [...TEACHING_POINT_SUBJECTS[index % TEACHING_POINT_SUBJECTS.length]];
  if (school.locale === SchoolLocale.RURAL && school.stage === SchoolStage.PRIMARY) return [...SMALL_SCHOOL_SUBJECTS[index % SMALL_SCHOOL_SUBJECTS.length]];
  const rotation: readonly string[] = SUBJECT_ROTATION[school.stage];
  return [rotation[index % rotation.length]];
}

export function femaleShare(stage: SchoolStage): number {
  if (stage === SchoolStage.SENIOR) return 0.48;
  if (stage === SchoolStage.JUNIOR) return 0.58;
  if (stage === SchoolStage.NINE_YEAR) return 0.64;
  return 0.72;
}
