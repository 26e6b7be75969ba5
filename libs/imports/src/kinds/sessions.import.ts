import { Injectable } from '@nestjs/common';
import { fixedClock, Role, type RequestContext } from '#app/core';
import { NamedDirectory } from '#app/organisation';
import { ResearchService, ResearchSessions, type ResearchSessionType, type SessionMode } from '#app/research';
import type { ColumnSpec, RowError } from '../columns';
import { cellError, duplicates, oneGroupNamed, oneMemberSchoolNamed, oneTeacherNamed, type ImportKind, type ImportStep, type RowPlan } from '../import-kind';

const COLUMNS: ColumnSpec[] = [
  { key: 'group', zh: '共同体名称', en: 'Group', type: 'text', required: true, max: 100, example: '随县炎帝学校教联体', help: '必填。您管理的共同体名称。' },
  { key: 'title', zh: '活动名称', en: 'Title', type: 'text', required: true, max: 200, example: '五年级数学“分数的意义”联合教研', help: '必填。同一共同体、同一开始时间的同名活动只导入一次。' },
  { key: 'type', zh: '活动类型', en: 'Type', type: 'enum', enumName: 'ResearchSessionType', required: true, example: '联合教研', help: '必填：联合教研、集体备课、观摩课等（见系统中的活动类型）。' },
  { key: 'mode', zh: '形式', en: 'Mode', type: 'enum', enumName: 'SessionMode', required: true, example: '线下', help: '必填：线下、线上、线上线下结合。' },
  { key: 'host', zh: '主办校', en: 'Host school', type: 'text', required: true, max: 100, example: '随县炎帝学校', help: '必填。共同体的成员校（常为牵头校）。' },
  { key: 'startsAt', zh: '开始时间', en: 'Starts', type: 'datetime', required: true, example: '2025-03-12 14:30', help: '必填，北京时间，如 2025-03-12 14:30。只导入已经结束的活动。' },
  { key: 'endsAt', zh: '结束时间', en: 'Ends', type: 'datetime', required: true, example: '2025-03-12 16:30', help: '必填，北京时间。' },
  { key: 'invited', zh: '受邀学校', en: 'Invited schools', type: 'list', max: 100, example: '随县厉山镇三河小学', help: '选填，多所学校用顿号分隔；主办校总是受邀。' },
  { key: 'attendees', zh: '参加教师', en: 'Attendees', type: 'list', max: 50, example: '刘晓燕、胡晓东', help: '选填：签到的教师，姓名或教职工号，用顿号分隔；须为受邀学校的教师。' },
  { key: 'topic', zh: '主题', en: 'Topic', type: 'text', max: 1000, example: '', help: '选填。' },
  { key: 'minutes', zh: '活动纪要', en: 'Minutes', type: 'text', max: 20000, example: '', help: '选填。' },
];
const col = (key: string) => COLUMNS.find((c) => c.key === key)!;

/**
 * 教研活动: past joint research sessions with who attended, played through ResearchService at their own times
 * (scheduled, started, attendance recorded, ended), so they count in the month they took place.
 */
@Injectable()
export class SessionsImport implements ImportKind {
  name = 'sessions';
  sheet = '教研活动';
  roles = [Role.REGION_ADMIN, Role.GROUP_MANAGER];
  columns = COLUMNS;

  constructor(private readonly research: ResearchService) {}

  async plan(tx: RequestContext, rows: { row: number; values: Record<string, any> }[]) {
    const errors: RowError[] = [];
    const groups = await NamedDirectory.groupsNamed(tx, rows.map((r) => r.values.group));
    const members = await NamedDirectory.membershipsOf(tx, groups.map((g) => g.id));
    const schools = await NamedDirectory.schoolsNamedAnywhere(tx, rows.flatMap((r) => [r.values.host, ...(r.values.invited ?? [])]));
    const teachers = await NamedDirectory.teachersAt(tx, [...new Set(members.map((m) => m.schoolId))]);
    const ok: { row: number; values: Record<string, any>; groupId: string; hostId: string; invitedIds: string[]; attendeeIds: string[] }[] = [];
    for (const r of rows) {
      const v = r.values;
      const fail = (key: string, value: unknown, zh: string, en: string) => errors.push(cellError(col(key), r.row, value, zh, en));
      const picked = oneGroupNamed(groups, col('group'), r.row, v.group);
      if ('error' in picked) {
        errors.push(picked.error);
        continue;
      }
      const g = picked.group;
      const memberIds = new Set(members.filter((m) => m.groupId === g.id).map((m) => m.schoolId));
      const school = (key: string, name: string) => {
        const found = oneMemberSchoolNamed(schools, memberIds, col(key), r.row, name);
        if ('error' in found) errors.push(found.error);
        return 'id' in found ? found.id : undefined;
      };
      const hostId = school('host', v.host);
      const invitedIds = (v.invited ?? []).map((n: string) => school('invited', n));
      if (v.endsAt <= v.startsAt) fail('endsAt', v.endsAt, '结束时间应晚于开始时间', 'Ends must be after starts');
      else if (new Date(v.endsAt) > tx.now()) fail('endsAt', v.endsAt, '只能导入已经结束的活动：以后的活动请在系统中安排', 'Only sessions that are over are imported: schedule coming ones in the app');
      if (!hostId || invitedIds.some((x: string | undefined) => !x)) continue;
      const at = new Set<string>([hostId, ...invitedIds]);
      const candidates = teachers.filter((t) => at.has(t.schoolId));
      const attendeeIds: string[] = [];
      for (const who of v.attendees ?? []) {
        const found = oneTeacherNamed(candidates, col('attendees'), r.row, who, ['受邀学校中', 'at the invited schools']);
        if ('error' in found) errors.push(found.error);
        else attendeeIds.push(found.id);
      }
      ok.push({ ...r, groupId: g.id, hostId, invitedIds, attendeeIds: [...new Set(attendeeIds)] });
    }
    const key = (x: { groupId: string; values: Record<string, any> }) => `${x.groupId} ${x.values.title} ${x.values.startsAt}`;
    errors.push(...duplicates(ok, key, (x, first) => cellError(col('title'), x.row, x.values.title, `与第 ${first.row} 行是同一场活动`, `The same session as row ${first.row}`)));
    const existing = await ResearchSessions.byKeys(tx, ok.map((x) => ({ groupId: x.groupId, title: x.values.title, startsAt: x.values.startsAt })));
    const plans: RowPlan[] = [];
    const steps: (ImportStep & { startsAt: string })[] = [];
    for (const x of ok) {
      if (existing.has(key(x))) {
        plans.push({ row: x.row, action: 'unchanged' });
        continue;
      }
      const v = x.values;
      plans.push({ row: x.row, action: 'created' });
      steps.push({
        row: x.row,
        startsAt: v.startsAt,
        apply: async (t) => {
          const at = (iso: string) => t.withClock(fixedClock(iso));
          const input = {
            groupId: x.groupId, hostSchoolId: x.hostId, title: v.title, topic: v.topic ?? undefined, type: v.type as ResearchSessionType, mode: v.mode as SessionMode,
            startsAt: new Date(v.startsAt), endsAt: new Date(v.endsAt), invitedSchoolIds: x.invitedIds,
          };
          const s = await this.research.schedule(at(v.startsAt), input);
          await this.research.start(at(v.startsAt), s.id);
          for (const teacherId of x.attendeeIds) await this.research.recordAttendance(at(v.startsAt), s.id, teacherId);
          await this.research.end(at(v.endsAt), s.id, v.minutes);
        },
      });
    }
    steps.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.row - b.row));
    return { plans, errors, steps };
  }
}
