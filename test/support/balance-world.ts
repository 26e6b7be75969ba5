import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import type { TestApp } from './test-app';

export interface TeacherSpec {
  stage: string;
  edu: string | null;
  subject: string;
  backbone?: string;
  honours?: string[];
  fullTime?: boolean;
}

export interface BalanceWorld {
  county: { id: string };
  bureau: string;
  /** 甲小学 A, 乙小学 B, 丙学校 C (nine-year), 丁初中 D, 戊教学点 E, 己高中 F */
  school: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string>;
  /** each school's teachers in the order they were written */
  teachers: Record<string, string[]>;
  /** writes `n` more teachers at a school */
  teach: (key: string, n: number, s: TeacherSpec) => Promise<void>;
}

/**
 * A county worked through by hand for 优质均衡 (test/balance.e2e-spec.ts checks every figure; the web test shows them):
 * its schools, teachers, the year's enrolment (through setSchoolEnrolment) and facilities (setSchoolFacilitiesBulk),
 * one teacher's backbone level set through updateTeacher. Only 小学 骨干 is above its line (0.577).
 */
export async function balanceWorld(t: TestApp, year: number): Promise<BalanceWorld> {
  const school = {} as BalanceWorld['school'];
  const teachers: Record<string, string[]> = {};
  const teach = async (key: string, n: number, s: TeacherSpec) => {
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      await t.sql(
        `INSERT INTO teacher (id, name, school_id, subjects, stage, years_of_experience, honours, education_level, backbone_level, full_time)
         VALUES ($1, $2, $3, $4, $5, 10, $6, $7, $8, $9)`,
        [id, `${key}${s.subject}${i}`, school[key as keyof typeof school], [s.subject], s.stage, s.honours ?? [], s.edu, s.backbone ?? null, s.fullTime ?? true],
      );
      await t.sql(`INSERT INTO teacher_assignment (teacher_id, school_id, from_date) VALUES ($1, $2, '2020-09-01')`, [id, school[key as keyof typeof school]]);
      (teachers[key] ??= []).push(id);
    }
  };
  const city = await t.region({ name: '均衡市', level: 'CITY' });
  const county = await t.region({ name: '均衡县', parentId: city.id });
  const bureau = (await t.user('REGION_ADMIN', county.id)).token;
  school.A = (await t.school(county.id, { name: '甲小学', stage: 'PRIMARY', students: 999 })).id;
  school.B = (await t.school(county.id, { name: '乙小学', stage: 'PRIMARY' })).id;
  school.C = (await t.school(county.id, { name: '丙学校', stage: 'NINE_YEAR' })).id;
  school.D = (await t.school(county.id, { name: '丁初中', stage: 'JUNIOR' })).id;
  school.E = (await t.school(county.id, { name: '戊教学点', stage: 'TEACHING_POINT', students: 30 })).id;
  school.F = (await t.school(county.id, { name: '己高中', stage: 'SENIOR' })).id;

  // 甲小学, 200 students: 专科 and up 7 + 1 + 1 = 9 (4.5 per 100); backbone 2 (a county level, a 骨干 honour):
  // 1.0; PE/arts 体育 + 美术 = 2: 1.0 (the 音乐 teacher is not full-time: not counted). 11 full-time teachers.
  await teach('A', 7, { stage: 'PRIMARY', edu: 'JUNIOR_COLLEGE', subject: '语文' });
  await teach('A', 1, { stage: 'PRIMARY', edu: 'BACHELOR', subject: '数学', backbone: 'COUNTY' });
  await teach('A', 1, { stage: 'PRIMARY', edu: 'BACHELOR', subject: '英语', honours: ['BACKBONE'] });
  await teach('A', 1, { stage: 'PRIMARY', edu: 'SECONDARY', subject: '体育' });
  await teach('A', 1, { stage: 'PRIMARY', edu: 'SECONDARY', subject: '美术' });
  await teach('A', 1, { stage: 'PRIMARY', edu: 'BACHELOR', subject: '音乐', fullTime: false });
  // 乙小学, 100 students: 专科 and up 5 (5.0), backbone 1 (1.0, set below through updateTeacher), 体育 1 (1.0)
  await teach('B', 4, { stage: 'PRIMARY', edu: 'JUNIOR_COLLEGE', subject: '语文' });
  await teach('B', 1, { stage: 'PRIMARY', edu: 'BACHELOR', subject: '体育' });
  // 丙学校 (nine-year), 100 primary + 100 junior students. Primary part: 专科 and up 3 + 1 = 4, backbone 0, 音乐 1;
  // junior part: 本科 and up 5 + 1 = 6 (the 专科 teacher is not above the junior requirement), backbone 1, 体育 1;
  // one teacher of both stages (NINE_YEAR) counts half in each part (students 100 : 100): 4.5 and 6.5.
  await teach('C', 3, { stage: 'PRIMARY', edu: 'JUNIOR_COLLEGE', subject: '数学' });
  await teach('C', 1, { stage: 'PRIMARY', edu: 'SECONDARY', subject: '语文' });
  await teach('C', 1, { stage: 'PRIMARY', edu: 'JUNIOR_COLLEGE', subject: '音乐' });
  await teach('C', 5, { stage: 'JUNIOR', edu: 'BACHELOR', subject: '数学' });
  await teach('C', 1, { stage: 'JUNIOR', edu: 'JUNIOR_COLLEGE', subject: '语文' });
  await teach('C', 1, { stage: 'JUNIOR', edu: 'BACHELOR', subject: '体育', backbone: 'COUNTY' });
  await teach('C', 1, { stage: 'NINE_YEAR', edu: 'BACHELOR', subject: '语文' });
  // 丁初中, 300 students: 本科 and up 10 + 2 + 3 = 15 (5.0), backbone 2 (0.667), 体育 3 (1.0); 17 teachers
  await teach('D', 10, { stage: 'JUNIOR', edu: 'BACHELOR', subject: '数学' });
  await teach('D', 2, { stage: 'JUNIOR', edu: 'JUNIOR_COLLEGE', subject: '语文' });
  await teach('D', 2, { stage: 'JUNIOR', edu: 'MASTER', subject: '英语', backbone: 'COUNTY' });
  await teach('D', 3, { stage: 'JUNIOR', edu: 'BACHELOR', subject: '体育' });
  await teach('E', 1, { stage: 'PRIMARY', edu: 'BACHELOR', subject: '语文' });
  await teach('F', 2, { stage: 'SENIOR', edu: 'MASTER', subject: '数学', backbone: 'PROVINCE' });

  const updated = await t.ok(`mutation($id: ID!) { updateTeacher(id: $id, input: { backboneLevel: CITY, educationLevel: BACHELOR }) { backboneLevel educationLevel fullTime } }`, { id: teachers.B[4] }, bureau);
  expect(updated.updateTeacher).toEqual({ backboneLevel: 'CITY', educationLevel: 'BACHELOR', fullTime: true });

  const enrol = `mutation($input: SchoolEnrolmentInput!) { setSchoolEnrolment(input: $input) { primaryStudents juniorStudents source } }`;
  for (const [key, primary, junior] of [['A', 200, 0], ['B', 100, 0], ['C', 100, 100], ['D', 0, 300]] as const)
    await t.ok(enrol, { input: { schoolId: school[key], year, term: 'AUTUMN', primaryStudents: primary, juniorStudents: junior } }, bureau);
  // facilities per student: 甲 5.0 m², 8.0 m², 2100 yuan, 2.5 rooms per 100; 乙 4.0 (below 4.5, but 89%), 8.0,
  // 2100, 3.0; 丙 half of each to each part: 6.0, 10.0, 2500, 3.0; 丁 5.0, 10.0, 2000, 2.0 (all four below junior's)
  const rows = [
    { schoolId: school.A, year, buildingArea: 1000, sportsArea: 1600, equipmentValue: 420000, multimediaRooms: 5 },
    { schoolId: school.B, year, buildingArea: 400, sportsArea: 800, equipmentValue: 210000, multimediaRooms: 3 },
    { schoolId: school.C, year, buildingArea: 1200, sportsArea: 2000, equipmentValue: 500000, multimediaRooms: 6 },
    { schoolId: school.D, year, buildingArea: 1500, sportsArea: 3000, equipmentValue: 600000, multimediaRooms: 6 },
  ];
  const saved = await t.ok(`mutation($input: SchoolFacilitiesBulkInput!) { setSchoolFacilitiesBulk(input: $input) { schoolId year buildingArea multimediaRooms } }`, { input: { rows } }, bureau);
  expect(saved.setSchoolFacilitiesBulk).toHaveLength(4);
  expect(saved.setSchoolFacilitiesBulk[1]).toEqual({ schoolId: school.B, year, buildingArea: 400, multimediaRooms: 3 });
  return { county, bureau, school, teachers, teach };
}
