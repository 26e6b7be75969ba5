import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { Allow, badInput, Ctx, isUuid, notFound, Role, type RequestContext } from '#app/core';
import { Exchanges } from '#app/activity';
import { Directory, GroupService, SchoolService, type School } from '#app/organisation';
import { BalanceService, BalancingService, DEFAULT_SUGGESTED_MOVES, MAX_SUGGESTED_MOVES } from '#app/balance';
import { GroupBreakdownService } from './group-breakdown.service';
import { reportToCsv } from './csv';
import { REPORT_FORMATS, REPORT_ROUTES, type ReportFormat } from './report-routes';
import { balancePlanTables, balanceReportTables, breakdownReport, coverageReport, groupActivityReport, groupBreakdownReport, regionActivityReport, trendReport, type Report } from './report-tables';
import { DEFAULT_TREND_MONTHS, MAX_TREND_MONTHS, ReportsService } from './reports.service';
import { reportToXlsx } from './xlsx';

const id = (name: string, v: string) => {
  if (!isUuid(v)) throw badInput(name, { zh: `「${name}」须为有效的 ID（UUID）`, en: `${name} must be an id (UUID)` });
  return v.toLowerCase();
};
const required = (name: string, v: string | undefined) => {
  if (!v) throw badInput(name, { zh: `「${name}」为必填项（YYYY-MM-DD）`, en: `${name} is required (YYYY-MM-DD)` });
  return v;
};
const yearOf = (year: string | undefined) => {
  if (!/^\d{4}$/.test(year ?? '')) throw badInput('year', { zh: '「year」为必填项：学年开始的年份，如 2025', en: 'year is required: the year the school year starts in, e.g. 2025' });
  return Number(year);
};
const movesOf = (moves: string): { teacherId: string; toSchoolId: string }[] =>
  moves.split(',').map((pair, i) => {
    const [teacherId, toSchoolId, ...rest] = pair.split(':');
    if (!isUuid(teacherId ?? '') || !isUuid(toSchoolId ?? '') || rest.length)
      throw badInput('moves', { zh: `「moves」第 ${i + 1} 项须为“教师ID:学校ID”，多项以逗号分隔`, en: `moves item ${i + 1} must be teacherId:toSchoolId, items separated by commas` });
    return { teacherId: teacherId.toLowerCase(), toSchoolId: toSchoolId.toLowerCase() };
  });
const regionName = async (ctx: RequestContext, regionId: string) => (await Directory.regionsById(ctx, [regionId])).get(regionId)?.name ?? '';
const formatOf = (format: string): ReportFormat => {
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw notFound({ zh: `报表格式 .${format}`, en: `Report format .${format}` });
  return format as ReportFormat;
};
const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function send(res: any, format: ReportFormat, report: Report) {
  const body = format === 'csv' ? reportToCsv(report) : await reportToXlsx(report);
  res.setHeader('content-type', CONTENT_TYPES[format]);
  res.setHeader('content-disposition', `attachment; filename="${report.filename}.${format}"`);
  res.setHeader('cache-control', 'private, no-store');
  res.send(body);
}

/**
 * The dashboards as downloads, CSV (UTF-8 with BOM) or Excel, each table defined once (report-tables.ts); the same
 * bearer token (or a signed download link: createDownloadLink) and scope rules as GraphQL.
 */
@Controller('reports')
export class ReportsDownloadController {
  constructor(
    private readonly reports: ReportsService,
    private readonly breakdowns: GroupBreakdownService,
    private readonly schools: SchoolService,
    private readonly groups: GroupService,
    private readonly balance: BalanceService,
    private readonly balancing: BalancingService,
  ) {}

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Get(REPORT_ROUTES.balance.path)
  async balanceReport(
    @Ctx() ctx: RequestContext,
    @Param('regionId') regionId: string,
    @Param('format') format: string,
    @Query('year') year: string,
    @Query('asOf') asOf: string | undefined,
    @Query('moves') moves: string | undefined,
    @Res() res: any,
  ) {
    const f = formatOf(format);
    // a what-if: teacherId:toSchoolId pairs, comma-separated (simulateBalance's moves)
    const simulated = moves === undefined ? null : movesOf(moves);
    const r = id('regionId', regionId);
    const report = simulated ? await this.balance.simulate(ctx, r, yearOf(year), simulated, asOf || null) : await this.balance.report(ctx, r, yearOf(year), asOf || null);
    await send(res, f, balanceReportTables(report, await regionName(ctx, report.regionId), simulated?.length ?? null));
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Get(REPORT_ROUTES.balancePlan.path)
  async balancePlan(
    @Ctx() ctx: RequestContext,
    @Param('regionId') regionId: string,
    @Param('format') format: string,
    @Query('year') year: string,
    @Query('asOf') asOf: string | undefined,
    @Query('maxMoves') maxMoves: string | undefined,
    @Query('acrossGroups') acrossGroups: string | undefined,
    @Res() res: any,
  ) {
    const f = formatOf(format);
    const y = yearOf(year);
    if (maxMoves !== undefined && !/^\d{1,3}$/.test(maxMoves))
      throw badInput('maxMoves', { zh: `「maxMoves」须为 1 至 ${MAX_SUGGESTED_MOVES} 之间的整数`, en: `maxMoves is a whole number from 1 to ${MAX_SUGGESTED_MOVES}` });
    if (acrossGroups !== undefined && acrossGroups !== 'true' && acrossGroups !== 'false') throw badInput('acrossGroups', { zh: '「acrossGroups」须为 true 或 false', en: 'acrossGroups is true or false' });
    const plan = await this.balancing.suggest(ctx, id('regionId', regionId), y, maxMoves === undefined ? DEFAULT_SUGGESTED_MOVES : Number(maxMoves), acrossGroups === 'true', asOf || null);
    const groupIds = [...new Set(plan.moves.map((m) => m.groupId).filter((g): g is string => !!g))];
    const groupNames = new Map((await Promise.all(groupIds.map((g) => this.groups.load(ctx, g)))).filter((g) => !!g).map((g) => [g!.id, g!.name]));
    await send(res, f, balancePlanTables(plan, await regionName(ctx, plan.regionId), groupNames));
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN)
  @Get(REPORT_ROUTES.groupActivity.path)
  async groupActivity(@Ctx() ctx: RequestContext, @Param('groupId') groupId: string, @Param('format') format: string, @Query('from') from: string, @Query('to') to: string, @Res() res: any) {
    const f = formatOf(format);
    const s = await this.reports.groupActivitySummary(ctx, id('groupId', groupId), required('from', from), required('to', to));
    const names = new Map((await Promise.all(s.bySchool.map((b) => this.schools.load(ctx, b.schoolId)))).map((x) => [x!.id, x!.name]));
    const people = await Exchanges.peopleByKind(ctx, { groupIds: [s.groupId], toSchoolId: s.onlySchoolId }, s.from, s.to);
    await send(res, f, groupActivityReport(s, names, people));
  }

  @Allow(Role.REGION_ADMIN)
  @Get(REPORT_ROUTES.coverage.path)
  async coverage(@Ctx() ctx: RequestContext, @Param('regionId') regionId: string, @Param('format') format: string, @Query('asOf') asOf: string | undefined, @Res() res: any) {
    const f = formatOf(format);
    const c = await this.reports.regionCoverage(ctx, id('regionId', regionId), asOf || ctx.today());
    const uncovered: School[] = [];
    for (let after: string | undefined; ; ) {
      const page = await this.reports.uncoveredSchools(ctx, c.regionId, c.asOf, { first: 100, after });
      uncovered.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    await send(res, f, coverageReport(c, uncovered));
  }

  @Allow(Role.REGION_ADMIN)
  @Get(REPORT_ROUTES.regionActivity.path)
  async regionActivity(@Ctx() ctx: RequestContext, @Param('regionId') regionId: string, @Param('format') format: string, @Query('from') from: string, @Query('to') to: string, @Res() res: any) {
    const f = formatOf(format);
    const s = await this.reports.regionActivitySummary(ctx, id('regionId', regionId), required('from', from), required('to', to));
    await send(res, f, regionActivityReport(s, await Exchanges.peopleByKind(ctx, { regionId: s.regionId }, s.from, s.to)));
  }

  @Allow(Role.REGION_ADMIN)
  @Get(REPORT_ROUTES.trend.path)
  async trend(@Ctx() ctx: RequestContext, @Param('regionId') regionId: string, @Param('format') format: string, @Query('months') months: string | undefined, @Query('asOf') asOf: string | undefined, @Res() res: any) {
    const f = formatOf(format);
    if (months !== undefined && !/^\d{1,3}$/.test(months)) throw badInput('months', { zh: `月数须为 1 至 ${MAX_TREND_MONTHS} 之间的整数`, en: `months is a whole number from 1 to ${MAX_TREND_MONTHS}` });
    const t = await this.reports.regionCoverageTrend(ctx, id('regionId', regionId), months === undefined ? DEFAULT_TREND_MONTHS : Number(months), asOf || ctx.today());
    await send(res, f, trendReport(t));
  }

  @Allow(Role.REGION_ADMIN)
  @Get(REPORT_ROUTES.breakdown.path)
  async breakdown(@Ctx() ctx: RequestContext, @Param('regionId') regionId: string, @Param('format') format: string, @Query('from') from: string, @Query('to') to: string, @Query('asOf') asOf: string | undefined, @Res() res: any) {
    const f = formatOf(format);
    const b = await this.reports.regionBreakdown(ctx, id('regionId', regionId), required('from', from), required('to', to), asOf || ctx.today());
    await send(res, f, breakdownReport(b));
  }

  @Allow(Role.REGION_ADMIN)
  @Get(REPORT_ROUTES.groups.path)
  async groupBreakdown(@Ctx() ctx: RequestContext, @Param('regionId') regionId: string, @Param('format') format: string, @Query('from') from: string, @Query('to') to: string, @Res() res: any) {
    const f = formatOf(format);
    const b = await this.breakdowns.regionGroupBreakdown(ctx, id('regionId', regionId), required('from', from), required('to', to));
    const names = new Map((await Promise.all(b.rows.map((r) => this.groups.load(ctx, r.groupId)))).map((g) => [g!.id, g!.name]));
    await send(res, f, groupBreakdownReport(b, names));
  }
}
