import { Injectable } from '@nestjs/common';
import { Role, type RequestContext } from '#app/core';
import { NamedDirectory, SchoolService } from '#app/organisation';
import type { ColumnSpec, RowError } from '../columns';
import { cellError, duplicates, type ImportKind, type RowPlan } from '../import-kind';

const COLUMNS: ColumnSpec[] = [
  { key: 'name', zh: '学校名称', en: 'Name', type: 'text', required: true, max: 100, example: '随县厉山镇三河小学', help: '必填。同一区县内的学校名称唯一：再次导入同名学校时更新它。' },
  { key: 'region', zh: '所属区县', en: 'Region', type: 'text', required: true, max: 100, example: '随县', help: '必填。您管辖范围内的地区名称（如“随县”）；重名时请联系管理员。' },
  { key: 'stage', zh: '学段', en: 'Stage', type: 'enum', enumName: 'SchoolStage', required: true, example: '小学', help: '必填：小学、初中、九年一贯制学校、十二年一贯制学校、高中、教学点。' },
  { key: 'locale', zh: '城乡类别', en: 'Locale', type: 'enum', enumName: 'SchoolLocale', required: true, example: '乡村', help: '必填：城区、镇区、乡村。' },
  { key: 'studentCount', zh: '在校学生数', en: 'Students', type: 'int', required: true, min: 0, max: 100000, example: '312', help: '必填，整数。' },
  { key: 'teacherCount', zh: '教职工数', en: 'Staff', type: 'int', required: true, min: 0, max: 10000, example: '26', help: '必填，整数。' },
  { key: 'campusOf', zh: '主校区', en: 'Main campus', type: 'text', max: 100, example: '', help: '选填。分校区填写同一区县内主校的名称（可以是本文件中前面的行）。' },
];
const col = (key: string) => COLUMNS.find((c) => c.key === key)!;


/** 学校: a county's schools, keyed by name within their region; written through SchoolService. */
@Injectable()
export class SchoolsImport implements ImportKind {
  name = 'schools';
  sheet = '学校';
  roles = [Role.REGION_ADMIN];
  columns = COLUMNS;

  constructor(private readonly schools: SchoolService) {}

  async plan(tx: RequestContext, rows: { row: number; values: Record<string, any> }[]) {
    const errors: RowError[] = [];
    const regions = await NamedDirectory.regionsNamed(tx, rows.map((r) => r.values.region));
    const regionOf = new Map<string, string[]>();
    for (const r of regions) regionOf.set(r.name, [...(regionOf.get(r.name) ?? []), r.id]);
    const ok: { row: number; values: Record<string, any>; regionId: string }[] = [];
    for (const r of rows) {
      const ids = regionOf.get(r.values.region) ?? [];
      if (ids.length === 1) ok.push({ ...r, regionId: ids[0] });
      else if (!ids.length) errors.push(cellError(col('region'), r.row, r.values.region, `没有找到您管辖范围内名为“${r.values.region}”的地区`, `No region named "${r.values.region}" within your scope`));
      else errors.push(cellError(col('region'), r.row, r.values.region, `您管辖范围内有 ${ids.length} 个名为“${r.values.region}”的地区，无法确定是哪一个`, `${ids.length} regions named "${r.values.region}" are within your scope`));
    }
    const key = (regionId: string, name: string) => `${regionId}\u0000${name}`;
    errors.push(
      ...duplicates(ok, (x) => key(x.regionId, x.values.name), (x, first) => cellError(col('name'), x.row, x.values.name, `与第 ${first.row} 行是同一所学校`, `The same school as row ${first.row}`)),
    );
    // the rows' schools and their main campuses, in one read
    const found = await NamedDirectory.schoolsAt(tx, ok.flatMap((x) => [{ regionId: x.regionId, name: x.values.name }, ...(x.values.campusOf ? [{ regionId: x.regionId, name: x.values.campusOf }] : [])]));
    // ids by (region, name): the schools there are, then those the earlier rows create
    const ids = new Map<string, string>(found.map((s) => [key(s.regionId, s.name), s.id]));
    const byKey = new Map(found.map((s) => [key(s.regionId, s.name), s]));
    const earlier = new Set<string>();
    const plans: RowPlan[] = [];
    for (const x of ok) {
      const v = x.values;
      const k = key(x.regionId, v.name);
      if (v.campusOf) {
        const mk = key(x.regionId, v.campusOf);
        if (mk === k) errors.push(cellError(col('campusOf'), x.row, v.campusOf, '学校不能是自己的分校区', 'A school cannot be a campus of itself'));
        else if (!ids.has(mk) && !earlier.has(mk))
          errors.push(cellError(col('campusOf'), x.row, v.campusOf, `同一区县内没有名为“${v.campusOf}”的学校（也不在本文件前面的行中）`, `No school named "${v.campusOf}" in the region (nor in an earlier row)`));
      }
      earlier.add(k);
      const campus = () => (v.campusOf ? ids.get(key(x.regionId, v.campusOf)) : undefined);
      const s = byKey.get(k);
      const facts = { stage: v.stage, locale: v.locale, studentCount: v.studentCount, teacherCount: v.teacherCount };
      if (!s) {
        plans.push({
          row: x.row,
          action: 'created',
          apply: async (t) => void ids.set(k, (await this.schools.create(t, { name: v.name, regionId: x.regionId, ...facts, campusOfId: campus() })).id),
        });
        continue;
      }
      const same = s.stage === v.stage && s.locale === v.locale && s.studentCount === v.studentCount && s.teacherCount === v.teacherCount && (!v.campusOf || s.campusOfId === ids.get(key(x.regionId, v.campusOf)));
      plans.push(same ? { row: x.row, action: 'unchanged' } : { row: x.row, action: 'updated', apply: async (t) => void (await this.schools.update(t, s.id, { ...facts, ...(v.campusOf ? { campusOfId: campus() } : {}) })) });
    }
    return { plans, errors };
  }
}
