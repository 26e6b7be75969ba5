import { Injectable } from '@nestjs/common';
import { Role, type RequestContext } from '#app/core';
import { BalanceService, EnrolmentSource, Term } from '#app/balance';
import type { ColumnSpec } from '../columns';
import { cellError, duplicates, rowsWithSchool, type ImportKind, type RowPlan } from '../import-kind';

const AREA_MAX = 9_999_999_999;
const COLUMNS: ColumnSpec[] = [
  { key: 'school', zh: '学校名称', en: 'School', type: 'text', required: true, max: 100, example: '随县厉山镇三河小学', help: '必填。您管辖范围内的学校（学校管理员：本校）。' },
  { key: 'region', zh: '所属区县', en: 'Region', type: 'text', max: 100, example: '随县', help: '选填：有重名学校时注明区县。' },
  { key: 'year', zh: '学年', en: 'School year', type: 'int', required: true, min: 1990, max: 2100, example: '2025', help: '必填：学年开始的年份，2025 即 2025—2026 学年。' },
  { key: 'buildingArea', zh: '教学及辅助用房面积（㎡）', en: 'Teaching and auxiliary floor area (m²)', type: 'decimal', required: true, min: 0, max: AREA_MAX, example: '1860.5', help: '必填，平方米，最多两位小数。' },
  { key: 'sportsArea', zh: '体育运动场馆面积（㎡）', en: 'Sports ground area (m²)', type: 'decimal', required: true, min: 0, max: AREA_MAX, example: '3200', help: '必填，平方米。' },
  { key: 'equipmentValue', zh: '教学仪器设备值（元）', en: 'Teaching equipment value (yuan)', type: 'decimal', required: true, min: 0, max: 999_999_999_999, example: '620000', help: '必填，元。' },
  { key: 'multimediaRooms', zh: '网络多媒体教室数', en: 'Networked multimedia classrooms', type: 'int', required: true, min: 0, max: 100000, example: '8', help: '必填，间。' },
  { key: 'primaryStudents', zh: '小学在校生数', en: 'Primary students', type: 'int', min: 0, max: 100000, example: '312', help: '选填：本学年秋季学期小学部在校生。填写任一在校生列，即记录该学期的在校生数（未填的列按 0 计）。' },
  { key: 'juniorStudents', zh: '初中在校生数', en: 'Junior students', type: 'int', min: 0, max: 100000, example: '', help: '选填：秋季学期初中部在校生。' },
  { key: 'seniorStudents', zh: '高中在校生数', en: 'Senior students', type: 'int', min: 0, max: 100000, example: '', help: '选填：十二年一贯制学校的高中部在校生（不参与优质均衡计算，用于拆分办学条件）。' },
];
const col = (key: string) => COLUMNS.find((c) => c.key === key)!;
const STUDENTS = ['primaryStudents', 'juniorStudents', 'seniorStudents'] as const;

/** 办学条件: each school's facility figures for a school year (and, when given, its autumn-term students by stage), through BalanceService. */
@Injectable()
export class SchoolFacilitiesImport implements ImportKind {
  name = 'school-facilities';
  sheet = '办学条件';
  roles = [Role.REGION_ADMIN, Role.SCHOOL_ADMIN];
  columns = COLUMNS;

  constructor(private readonly balance: BalanceService) {}

  async plan(tx: RequestContext, rows: { row: number; values: Record<string, any> }[]) {
    const { ok, errors } = await rowsWithSchool(tx, rows, col('school'));
    const key = (x: { schoolId: string; values: Record<string, any> }) => `${x.schoolId} ${x.values.year}`;
    errors.push(...duplicates(ok, key, (x, first) => cellError(col('year'), x.row, String(x.values.year), `与第 ${first.row} 行是同一学校同一学年`, `The same school and year as row ${first.row}`)));
    const { facilities, enrolments } = await this.balance.recorded(tx, ok.map((x) => x.schoolId));
    const plans: RowPlan[] = ok.map((x) => {
      const v = x.values;
      const figures = { schoolId: x.schoolId, year: v.year, buildingArea: v.buildingArea, sportsArea: v.sportsArea, equipmentValue: v.equipmentValue, multimediaRooms: v.multimediaRooms };
      const students = STUDENTS.some((k) => v[k] !== null) ? { primaryStudents: v.primaryStudents ?? 0, juniorStudents: v.juniorStudents ?? 0, seniorStudents: v.seniorStudents ?? 0 } : null;
      const f = facilities.find((y) => y.schoolId === x.schoolId && y.year === v.year);
      const e = enrolments.find((y) => y.schoolId === x.schoolId && y.year === v.year);
      const sameFacilities = !!f && f.buildingArea === v.buildingArea && f.sportsArea === v.sportsArea && f.equipmentValue === v.equipmentValue && f.multimediaRooms === v.multimediaRooms;
      const sameStudents = !students || (!!e && STUDENTS.every((k) => e[k] === students[k]));
      if (sameFacilities && sameStudents) return { row: x.row, action: 'unchanged' as const };
      return {
        row: x.row,
        action: f ? ('updated' as const) : ('created' as const),
        apply: async (t: RequestContext) => {
          if (!sameFacilities) await this.balance.setFacilities(t, [figures]);
          if (!sameStudents) await this.balance.setEnrolment(t, { schoolId: x.schoolId, year: v.year, term: Term.AUTUMN, ...students! }, EnrolmentSource.IMPORT);
        },
      };
    });
    return { plans, errors };
  }
}
