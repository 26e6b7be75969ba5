import { Injectable } from '@nestjs/common';
import { Role, type RequestContext } from '#app/core';
import { Exchanges, ExchangeService, type ExchangeKind } from '#app/activity';
import { NamedDirectory } from '#app/organisation';
import type { ColumnSpec, RowError } from '../columns';
import { cellError, duplicates, oneGroupNamed, oneMemberSchoolNamed, oneTeacherNamed, type ImportKind, type RowPlan } from '../import-kind';

const COLUMNS: ColumnSpec[] = [
  { key: 'group', zh: '共同体名称', en: 'Group', type: 'text', required: true, max: 100, example: '随县炎帝学校教联体', help: '必填。您管理的共同体名称。' },
  { key: 'teacher', zh: '教师', en: 'Teacher', type: 'text', required: true, max: 50, example: '刘晓燕', help: '必填：派出学校教师的姓名或教职工号。' },
  { key: 'from', zh: '派出学校', en: 'From school', type: 'text', required: true, max: 100, example: '随县炎帝学校', help: '必填：教师任职的成员校。' },
  { key: 'to', zh: '接收学校', en: 'To school', type: 'text', required: true, max: 100, example: '随县厉山镇三河小学', help: '必填：另一所成员校。' },
  { key: 'kind', zh: '交流类型', en: 'Kind', type: 'enum', enumName: 'ExchangeKind', required: true, example: '交流轮岗', help: '必填：交流轮岗、走教送教、支教。' },
  { key: 'startsOn', zh: '开始日期', en: 'Starts', type: 'date', required: true, example: '2025-09-01', help: '必填：到接收学校的第一天。' },
  { key: 'endsOn', zh: '结束日期', en: 'Ends', type: 'date', example: '2026-07-10', help: '选填：最后一天；尚未结束的不填。' },
  { key: 'note', zh: '备注', en: 'Note', type: 'text', max: 1000, example: '', help: '选填。' },
];
const col = (key: string) => COLUMNS.find((c) => c.key === key)!;

/** 交流轮岗 · 走教送教 · 支教: teacher exchanges with their real days, recorded through ExchangeService; keyed by teacher, kind and first day. */
@Injectable()
export class ExchangesImport implements ImportKind {
  name = 'exchanges';
  sheet = '教师交流';
  roles = [Role.REGION_ADMIN, Role.GROUP_MANAGER];
  columns = COLUMNS;

  constructor(private readonly exchanges: ExchangeService) {}

  async plan(tx: RequestContext, rows: { row: number; values: Record<string, any> }[]) {
    const errors: RowError[] = [];
    const groups = await NamedDirectory.groupsNamed(tx, rows.map((r) => r.values.group));
    const members = (await NamedDirectory.membershipsOf(tx, groups.map((g) => g.id))).filter((m) => !m.leftOn);
    const schools = await NamedDirectory.schoolsNamedAnywhere(tx, rows.flatMap((r) => [r.values.from, r.values.to]));
    const teachers = await NamedDirectory.teachersAt(tx, [...new Set(members.map((m) => m.schoolId))]);
    const ok: { row: number; values: Record<string, any>; groupId: string; teacherId: string; fromId: string; toId: string }[] = [];
    for (const r of rows) {
      const v = r.values;
      const picked = oneGroupNamed(groups, col('group'), r.row, v.group);
      if ('error' in picked) {
        errors.push(picked.error);
        continue;
      }
      const memberIds = new Set(members.filter((m) => m.groupId === picked.group.id).map((m) => m.schoolId));
      const school = (key: string, name: string) => {
        const found = oneMemberSchoolNamed(schools, memberIds, col(key), r.row, name);
        if ('error' in found) errors.push(found.error);
        return 'id' in found ? found.id : undefined;
      };
      const fromId = school('from', v.from);
      const toId = school('to', v.to);
      if (!fromId || !toId) continue;
      const found = oneTeacherNamed(teachers.filter((t) => t.schoolId === fromId), col('teacher'), r.row, v.teacher, ['派出学校中', 'at the from school']);
      if ('error' in found) errors.push(found.error);
      else if (v.endsOn && v.endsOn < v.startsOn) errors.push(cellError(col('endsOn'), r.row, v.endsOn, '结束日期早于开始日期', 'Ends before it starts'));
      else ok.push({ ...r, groupId: picked.group.id, teacherId: found.id, fromId, toId });
    }
    const keyOf = (x: (typeof ok)[number]) => `${x.teacherId} ${x.values.kind} ${x.values.startsOn}`;
    errors.push(...duplicates(ok, keyOf, (x, first) => cellError(col('teacher'), x.row, x.values.teacher, `与第 ${first.row} 行是同一次交流`, `The same exchange as row ${first.row}`)));
    const existing = await Exchanges.existingKeys(tx, ok.map((x) => ({ teacherId: x.teacherId, kind: x.values.kind, startsOn: x.values.startsOn })));
    const plans: RowPlan[] = ok
      .sort((a, b) => (a.values.startsOn < b.values.startsOn ? -1 : a.values.startsOn > b.values.startsOn ? 1 : a.row - b.row))
      .map((x) =>
        existing.has(keyOf(x))
          ? { row: x.row, action: 'unchanged' as const }
          : {
              row: x.row,
              action: 'created' as const,
              apply: async (t: RequestContext) =>
                void (await this.exchanges.record(t, { groupId: x.groupId, teacherId: x.teacherId, fromSchoolId: x.fromId, toSchoolId: x.toId, kind: x.values.kind as ExchangeKind, startsOn: x.values.startsOn, endsOn: x.values.endsOn ?? undefined, note: x.values.note ?? undefined })),
            },
      );
    return { plans, errors };
  }
}
