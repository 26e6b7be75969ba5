import { Injectable } from '@nestjs/common';
import { Role, type RequestContext } from '#app/core';
import { GroupKind, GroupService, MemberRole, NamedDirectory, type GroupMembership, type Pairing } from '#app/organisation';
import type { ColumnSpec, RowError } from '../columns';
import { cellError, duplicates, oneGroupNamed, type ImportKind, type ImportStep, type RowPlan } from '../import-kind';

const COLUMNS: ColumnSpec[] = [
  { key: 'group', zh: '共同体名称', en: 'Group', type: 'text', required: true, max: 100, example: '随县炎帝学校教联体', help: '必填。您管理的教育集团、教联体、联盟或学区的名称。' },
  { key: 'school', zh: '学校', en: 'School', type: 'text', required: true, max: 100, example: '随县厉山镇三河小学', help: '必填。共同体所在地区内的学校名称（联盟可跨地区）。' },
  { key: 'region', zh: '所属区县', en: 'Region', type: 'text', max: 100, example: '', help: '选填。学校重名时用来区分。' },
  { key: 'role', zh: '角色', en: 'Role', type: 'enum', enumName: 'MemberRole', required: true, example: '成员校', help: '必填：牵头校、成员校。牵头校随共同体一起创建，这里只核对。' },
  { key: 'pairing', zh: '结对类型', en: 'Pairing', type: 'enum', enumName: 'Pairing', example: '优质校+乡村学校', help: '成员校必填：优质校+薄弱校、优质校+新建校、优质校+乡村学校、优质校+城郊学校、其他。' },
  { key: 'joinedOn', zh: '加入日期', en: 'Joined', type: 'date', required: true, example: '2024-09-01', help: '必填，如 2024-09-01：历史按真实日期计入统计。' },
  { key: 'leftOn', zh: '退出日期', en: 'Left', type: 'date', example: '', help: '选填：学校退出的日期。' },
];
const col = (key: string) => COLUMNS.find((c) => c.key === key)!;

/**
 * 成员校: memberships with their real dates (history included), keyed by group, school and joining day; written
 * through GroupService.addMember / removeMember, in date order (a school leaves one consortium before it joins the next).
 */
@Injectable()
export class MembershipsImport implements ImportKind {
  name = 'memberships';
  sheet = '成员校';
  roles = [Role.REGION_ADMIN, Role.GROUP_MANAGER];
  columns = COLUMNS;

  constructor(private readonly groups: GroupService) {}

  async plan(tx: RequestContext, rows: { row: number; values: Record<string, any> }[]) {
    const errors: RowError[] = [];
    const groups = await NamedDirectory.groupsNamed(tx, rows.map((r) => r.values.group));
    const schools = await NamedDirectory.schoolsNamedAnywhere(tx, rows.map((r) => r.values.school));
    const ok: { row: number; values: Record<string, any>; groupId: string; schoolId: string }[] = [];
    for (const r of rows) {
      const v = r.values;
      const picked = oneGroupNamed(groups, col('group'), r.row, v.group);
      if ('error' in picked) {
        errors.push(picked.error);
        continue;
      }
      const g = picked.group;
      const found = schools.filter((s) => s.name === v.school && (g.kind === GroupKind.ALLIANCE || s.path.includes(g.regionId)) && (!v.region || s.region === v.region));
      if (found.length !== 1) {
        errors.push(cellError(col('school'), r.row, v.school, found.length ? `有 ${found.length} 所名为“${v.school}”的学校：请在“所属区县”列注明` : `共同体所在地区内没有名为“${v.school}”的学校`, found.length ? `${found.length} schools are named "${v.school}": name the region too` : `No school named "${v.school}" in the group's region`));
        continue;
      }
      if (v.role === MemberRole.MEMBER && !v.pairing) errors.push(cellError(col('pairing'), r.row, null, '成员校需填写“结对类型”', 'A member school needs a pairing'));
      else if (v.leftOn && v.leftOn < v.joinedOn) errors.push(cellError(col('leftOn'), r.row, v.leftOn, '退出日期早于加入日期', 'Left before it joined'));
      else if (v.joinedOn > tx.today() || (v.leftOn && v.leftOn > tx.today())) errors.push(cellError(col(v.joinedOn > tx.today() ? 'joinedOn' : 'leftOn'), r.row, v.leftOn ?? v.joinedOn, '日期不能晚于今天', 'A date cannot be in the future'));
      else ok.push({ ...r, groupId: g.id, schoolId: found[0].id });
    }
    const key = (x: { groupId: string; schoolId: string; joinedOn: string }) => `${x.groupId}\u0000${x.schoolId}\u0000${x.joinedOn}`;
    errors.push(...duplicates(ok, (x) => key({ ...x, joinedOn: x.values.joinedOn }), (x, first) => cellError(col('school'), x.row, x.values.school, `与第 ${first.row} 行是同一次加入`, `The same membership as row ${first.row}`)));
    const existing = new Map<string, GroupMembership>((await NamedDirectory.membershipsOf(tx, ok.map((x) => x.groupId))).map((m) => [key(m), m]));
    const plans: RowPlan[] = [];
    const steps: (ImportStep & { on: string; order: number })[] = [];
    for (const x of ok) {
      const v = x.values;
      const m = existing.get(key({ ...x, joinedOn: v.joinedOn }));
      const leave = (t: RequestContext) => this.groups.removeMember(t, x.groupId, x.schoolId, v.leftOn).then(() => undefined);
      if (v.role === MemberRole.LEAD) {
        // the lead joins with its group: a row for it only says so
        if (!m || m.role !== MemberRole.LEAD) errors.push(cellError(col('role'), x.row, '牵头校', '该学校不是这个共同体的牵头校（或加入日期不同）：牵头校随共同体一起创建', 'Not the lead school of this group on that day: the lead joins when the group is created'));
        else if (v.leftOn) errors.push(cellError(col('leftOn'), x.row, v.leftOn, '牵头校不能退出自己的共同体', 'The lead school cannot leave its group'));
        else plans.push({ row: x.row, action: 'unchanged' });
        continue;
      }
      if (!m) {
        plans.push({ row: x.row, action: 'created' });
        steps.push({ row: x.row, on: v.joinedOn, order: 1, apply: (t) => this.groups.addMember(t, { groupId: x.groupId, schoolId: x.schoolId, pairing: v.pairing as Pairing, joinedOn: v.joinedOn }).then(() => undefined) });
        if (v.leftOn) steps.push({ row: x.row, on: v.leftOn, order: 0, apply: leave });
      } else if (m.role !== MemberRole.MEMBER || (m.pairing !== v.pairing)) {
        errors.push(cellError(col('pairing'), x.row, v.pairing, '已导入的这次加入与本行的角色或结对类型不同：请在系统中修改', 'This membership exists with another role or pairing'));
      } else if (m.leftOn === (v.leftOn ?? null) || (!v.leftOn && m.leftOn)) {
        plans.push({ row: x.row, action: 'unchanged' }); // an empty 退出日期 leaves what is there
      } else if (m.leftOn) {
        errors.push(cellError(col('leftOn'), x.row, v.leftOn, `这所学校已于 ${m.leftOn} 退出：退出日期不能再改`, `The school left on ${m.leftOn} already`));
      } else {
        plans.push({ row: x.row, action: 'updated' });
        steps.push({ row: x.row, on: v.leftOn, order: 0, apply: leave });
      }
    }
    // in date order; on one day, leaving before joining
    steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order || a.row - b.row));
    return { plans, errors, steps };
  }
}
