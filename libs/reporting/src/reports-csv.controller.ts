import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { Allow, badInput, Ctx, isUuid, labelOf, Role, todayInChina, type RequestContext } from '../../core/src';
import { SchoolService } from '../../organisation/src';
import { toCsv } from './csv';
import type { ActivityCounters } from './models';
import { ReportsService } from './reports.service';

const COLUMNS: [keyof ActivityCounters, string][] = [
  ['researchSessions', '联合教研活动 Research sessions'],
  ['teacherParticipations', '教师参与人次 Teacher participations'],
  ['studentActivities', '学生活动 Student activities'],
  ['studentParticipants', '学生参与人次 Student participants'],
  ['mentoringPairsFormed', '新结师徒对 Mentoring pairs formed'],
  ['mentoringPairsActive', '在结师徒对 Mentoring pairs active'],
  ['mentoringPairsCompleted', '结业师徒对 Mentoring pairs completed'],
  ['teacherExchanges', '交流轮岗 Teacher exchanges'],
  ['exchangedTeachers', '交流教师 Exchanged teachers'],
  ['lessonPlansPublished', '发布教案 Lesson plans published'],
  ['lessonPlanAdoptions', '教案使用 Lesson plan adoptions'],
];

const id = (name: string, v: string) => {
  if (!isUuid(v)) throw badInput(name, `${name} must be an id (UUID)`);
  return v.toLowerCase();
};
const required = (name: string, v: string | undefined) => {
  if (!v) throw badInput(name, `${name} is required (YYYY-MM-DD)`);
  return v;
};

function send(res: any, filename: string, rows: (string | number | null | undefined)[][]) {
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  res.send(toCsv(rows));
}

/** The dashboards as CSV, with the same bearer token and scope rules as GraphQL. */
@Controller('reports')
export class ReportsCsvController {
  constructor(private readonly reports: ReportsService, private readonly schools: SchoolService) {}

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN)
  @Get('groups/:groupId/activity.csv')
  async groupActivity(@Ctx() ctx: RequestContext, @Param('groupId') groupId: string, @Query('from') from: string, @Query('to') to: string, @Res() res: any) {
    const s = await this.reports.groupActivitySummary(ctx, id('groupId', groupId), required('from', from), required('to', to));
    const names = new Map((await Promise.all(s.bySchool.map((b) => this.schools.load(ctx, b.schoolId)))).map((x) => [x!.id, x!.name]));
    send(res, `group-activity-${s.from}-${s.to}.csv`, [
      ['学校 School', ...COLUMNS.map((c) => c[1])],
      ...s.bySchool.map((b) => [names.get(b.schoolId) ?? b.schoolId, ...COLUMNS.map(([f]) => b[f])]),
      ['合计 Total', ...COLUMNS.map(([f]) => s[f])],
      [],
      ['月份 Month', ...COLUMNS.map((c) => c[1])],
      ...s.byMonth.map((m) => [m.month, ...COLUMNS.map(([f]) => m[f])]),
      [],
      ['活动类型 Session type', '场次 Sessions'],
      ...s.researchSessionsByType.map((t) => [labelOf('ResearchSessionType', t.key), t.count]),
    ]);
  }

  @Allow(Role.REGION_ADMIN)
  @Get('regions/:regionId/coverage.csv')
  async coverage(@Ctx() ctx: RequestContext, @Param('regionId') regionId: string, @Query('asOf') asOf: string | undefined, @Res() res: any) {
    const c = await this.reports.regionCoverage(ctx, id('regionId', regionId), asOf || todayInChina());
    const uncovered = await this.reports.uncoveredSchools(ctx, c.regionId, c.asOf, { first: 100 });
    const rows: (string | number | null)[][] = [
      ['指标 Indicator', '数值 Value'],
      ['统计日期 As of', c.asOf],
      ['义务教育学校 Compulsory schools', c.compulsorySchools],
      ['纳入教联体学校 Covered schools', c.coveredSchools],
      ['覆盖率 Coverage ratio', c.ratio.toFixed(4)],
      ['义务教育学生 Compulsory students', c.compulsoryStudents],
      ['覆盖学生 Students covered', c.studentsCovered],
      ['教联体 Consortia', c.consortia],
      ...c.consortiaByMode.map((m) => [`  ${labelOf('ConsortiumMode', m.key)} ${m.key}`, m.count]),
      ...c.consortiaByLevel.map((m) => [`  ${labelOf('GroupLevel', m.key)} ${m.key}`, m.count]),
      ['年度目标 Target', c.target ? `${c.target.year}: ${c.target.ratio}` : ''],
      ['差距 Gap', c.gap === null ? '' : c.gap.toFixed(4)],
      [],
      [`未纳入教联体的学校 Uncovered schools (${uncovered.totalCount})`],
    ];
    let page = uncovered;
    for (;;) {
      rows.push(...page.edges.map((e) => [e.node.name]));
      if (!page.pageInfo.hasNextPage) break;
      page = await this.reports.uncoveredSchools(ctx, c.regionId, c.asOf, { first: 100, after: page.pageInfo.endCursor! });
    }
    send(res, `coverage-${c.asOf}.csv`, rows);
  }

  @Allow(Role.REGION_ADMIN)
  @Get('regions/:regionId/activity.csv')
  async regionActivity(@Ctx() ctx: RequestContext, @Param('regionId') regionId: string, @Query('from') from: string, @Query('to') to: string, @Res() res: any) {
    const s = await this.reports.regionActivitySummary(ctx, id('regionId', regionId), required('from', from), required('to', to));
    send(res, `region-activity-${s.from}-${s.to}.csv`, [
      ['指标 Indicator', '数值 Value'],
      ['期间 Period', `${s.from} ~ ${s.to}`],
      ['办学共同体 Groups', s.groups],
      ...s.groupsByKind.map((k) => [`  ${labelOf('GroupKind', k.key)} ${k.key}`, k.count]),
      ['联合教研活动 Research sessions', s.researchSessions],
      ...s.researchSessionsByType.map((k) => [`  ${labelOf('ResearchSessionType', k.key)} ${k.key}`, k.count]),
      ['教师参与人次 Teacher participations', s.teacherParticipations],
      ['学生活动 Student activities', s.studentActivities],
      ['学生参与人次 Student participants', s.studentParticipants],
      ['集体备课团队 Lesson preparation teams', s.lessonPrepTeams],
      ['新结师徒对 Mentoring pairs formed', s.mentoringPairsFormed],
      ['在结师徒对 Mentoring pairs active', s.mentoringPairsActive],
      ['交流轮岗 Teacher exchanges', s.teacherExchanges],
      ['交流教师 Exchanged teachers', s.exchangedTeachers],
      ['发布教案 Lesson plans published', s.lessonPlansPublished],
      ['教案使用 Lesson plan adoptions', s.lessonPlanAdoptions],
    ]);
  }
}
