import { Injectable } from '@nestjs/common';
import { fixedClock, Principal, Role, type RequestContext } from '#app/core';
import { MentoringPairs, MentoringService, MentoringStatus } from '#app/mentoring';
import { NamedDirectory } from '#app/organisation';
import type { ColumnSpec, RowError } from '../columns';
import { cellError, duplicates, oneGroupNamed, oneTeacherNamed, type ImportKind, type ImportStep, type RowPlan } from '../import-kind';

const COLUMNS: ColumnSpec[] = [
  { key: 'group', zh: '共同体名称', en: 'Group', type: 'text', required: true, max: 100, example: '随县炎帝学校教联体', help: '必填。您管理的共同体名称。' },
  { key: 'mentor', zh: '导师', en: 'Mentor', type: 'text', required: true, max: 50, example: '周文华', help: '必填：成员校教师的姓名或教职工号。' },
  { key: 'apprentice', zh: '徒弟', en: 'Apprentice', type: 'text', required: true, max: 50, example: '陈雨萱', help: '必填：成员校教师的姓名或教职工号。' },
  { key: 'subject', zh: '学科', en: 'Subject', type: 'text', required: true, max: 20, example: '语文', help: '必填：导师任教的学科。' },
  { key: 'startedOn', zh: '结对日期', en: 'Started', type: 'date', required: true, example: '2024-09-01', help: '必填：结对开始的日期。' },
  { key: 'plannedEndOn', zh: '计划结束日期', en: 'Planned end', type: 'date', example: '2027-07-01', help: '选填：默认结对后三年。' },
  { key: 'status', zh: '状态', en: 'Status', type: 'enum', enumName: 'MentoringStatus', required: true, example: '结对中', help: '必填：结对中、已出师、已解除。' },
  { key: 'endedOn', zh: '结束日期', en: 'Ended', type: 'date', example: '', help: '已出师或已解除时必填。' },
  { key: 'goals', zh: '结对目标', en: 'Goals', type: 'list', max: 200, example: '站稳讲台、独立设计单元教学', help: '选填，用顿号分隔。' },
  { key: 'closing', zh: '结业评价或解除原因', en: 'Evaluation or reason', type: 'text', max: 1000, example: '', help: '已出师或已解除时必填。' },
];
const col = (key: string) => COLUMNS.find((c) => c.key === key)!;
const ENDED = [MentoringStatus.COMPLETED, MentoringStatus.DISSOLVED];

/**
 * 师徒结对: pairs with their real dates, played through MentoringService at those dates: proposed by the importing
 * manager and accepted by the mentor on the day they started, completed or dissolved on the day they ended.
 */
@Injectable()
export class MentoringPairsImport implements ImportKind {
  name = 'mentoring-pairs';
  sheet = '师徒结对';
  roles = [Role.REGION_ADMIN, Role.GROUP_MANAGER];
  columns = COLUMNS;

  constructor(private readonly mentoring: MentoringService) {}

  async plan(tx: RequestContext, rows: { row: number; values: Record<string, any> }[]) {
    const errors: RowError[] = [];
    const groups = await NamedDirectory.groupsNamed(tx, rows.map((r) => r.values.group));
    const members = await NamedDirectory.membershipsOf(tx, groups.map((g) => g.id));
    const teachers = await NamedDirectory.teachersAt(tx, [...new Set(members.filter((m) => !m.leftOn).map((m) => m.schoolId))]);
    const ok: { row: number; values: Record<string, any>; groupId: string; mentorId: string; apprenticeId: string }[] = [];
    for (const r of rows) {
      const v = r.values;
      const picked = oneGroupNamed(groups, col('group'), r.row, v.group);
      if ('error' in picked) {
        errors.push(picked.error);
        continue;
      }
      const schools = new Set(members.filter((m) => m.groupId === picked.group.id && !m.leftOn).map((m) => m.schoolId));
      const person = (key: string, who: string) => {
        const found = oneTeacherNamed(teachers.filter((t) => schools.has(t.schoolId)), col(key), r.row, who, ['成员校中', 'at the member schools']);
        if ('error' in found) errors.push(found.error);
        return 'id' in found ? found.id : undefined;
      };
      const mentorId = person('mentor', v.mentor);
      const apprenticeId = person('apprentice', v.apprentice);
      const ended = ENDED.includes(v.status);
      if (![MentoringStatus.ACTIVE, ...ENDED].includes(v.status)) errors.push(cellError(col('status'), r.row, v.status, '只能导入结对中、已出师或已解除的结对', 'Only active, completed or dissolved pairs are imported'));
      else if (ended && (!v.endedOn || !v.closing)) errors.push(cellError(col(v.endedOn ? 'closing' : 'endedOn'), r.row, null, '已出师或已解除的结对需填写结束日期和评价或原因', 'An ended pair needs its end day and an evaluation or reason'));
      else if (!ended && v.endedOn) errors.push(cellError(col('endedOn'), r.row, v.endedOn, '结对中的结对没有结束日期', 'An active pair has no end day'));
      else if (v.endedOn && v.endedOn < v.startedOn) errors.push(cellError(col('endedOn'), r.row, v.endedOn, '结束日期早于结对日期', 'Ended before it started'));
      else if (v.startedOn > tx.today() || (v.endedOn && v.endedOn > tx.today())) errors.push(cellError(col(v.startedOn > tx.today() ? 'startedOn' : 'endedOn'), r.row, v.endedOn ?? v.startedOn, '日期不能晚于今天', 'A date cannot be in the future'));
      else if (mentorId && apprenticeId) ok.push({ ...r, groupId: picked.group.id, mentorId, apprenticeId });
    }
    const keyOf = (x: (typeof ok)[number]) => [x.groupId, x.mentorId, x.apprenticeId, x.values.subject, x.values.startedOn].join(' ');
    errors.push(...duplicates(ok, keyOf, (x, first) => cellError(col('apprentice'), x.row, x.values.apprentice, `与第 ${first.row} 行是同一对师徒`, `The same pair as row ${first.row}`)));
    const existing = await MentoringPairs.byKeys(tx, ok.map((x) => ({ groupId: x.groupId, mentorId: x.mentorId, apprenticeId: x.apprenticeId, subject: x.values.subject, startedOn: x.values.startedOn })));
    const plans: RowPlan[] = [];
    const steps: (ImportStep & { on: string })[] = [];
    for (const x of ok) {
      if (existing.has(keyOf(x))) {
        plans.push({ row: x.row, action: 'unchanged' });
        continue;
      }
      const v = x.values;
      plans.push({ row: x.row, action: 'created' });
      const noon = (day: string) => `${day}T04:00:00.000Z`; // 12:00 in China
      steps.push({
        row: x.row,
        on: v.startedOn,
        apply: async (t) => {
          const started = t.withClock(fixedClock(noon(v.startedOn)));
          const pair = await this.mentoring.request(started, { groupId: x.groupId, mentorTeacherId: x.mentorId, apprenticeTeacherId: x.apprenticeId, subject: v.subject, goals: v.goals ?? undefined, plannedEndOn: v.plannedEndOn ?? undefined });
          // the mentor accepts, as the person the row records (no account needed)
          await this.mentoring.respond(started.actingAs(Principal.withoutAccount(x.mentorId, [{ role: Role.TEACHER, scopeId: null }])), pair.id, true);
          if (!ENDED.includes(v.status)) return;
          const ended = t.withClock(fixedClock(noon(v.endedOn)));
          if (v.status === MentoringStatus.COMPLETED) await this.mentoring.complete(ended, pair.id, v.closing);
          else await this.mentoring.dissolve(ended, pair.id, v.closing);
        },
      });
    }
    steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.row - b.row));
    return { plans, errors, steps };
  }
}
