import { Injectable } from '@nestjs/common';
import {
  badInput,
  forbidden,
  daysBetween,
  isValidDate,
  monthEnds,
  months,
  monthStart,
  wholeMonths,
  notFound,
  paginate,
  TransactionService,
  type PageArgs,
  type RequestContext,
  preparedQuery,
} from '#app/core';
import { AccessService, COMPULSORY_STAGES, escapeLike, inRegionsSql, managesGroupSql, Region, School } from '#app/organisation';
import { GroupFiguresCache } from './group-figures-cache';
import {
  ActivityCounters,
  CoverageTrendPoint,
  GroupActivitySummary,
  RegionActivitySummary,
  RegionBreakdown,
  RegionBreakdownRow,
  RegionCoverage,
  RegionCoverageTrend,
  TypeCount,
  type CoverageTarget,
} from './models';
import { targetsInForce, writeCoverageTarget } from './coverage-targets';
import { Metric } from './rollups/metrics';
import { BREAKDOWN_FIGURES, COVERAGE_FIGURES, GROUP_COUNTERS, metricsOf, REGION_FIGURES, type CoverageFigureField, type FigureDef } from './metric-registry';

export const FLOWS = metricsOf(GROUP_COUNTERS, 'flow');
export const STOCKS = metricsOf(GROUP_COUNTERS, 'stock');
const MAX_PERIOD_DAYS = 3660;
// $1 the scope id, $2..$3 the period, $4 the flow metrics, $5..$6 its whole months [from, to)
export const FLOW_PARAMS = { id: '$1', from: '$2::date', to: '$3::date', metrics: '$4', fullFrom: '$5::date', fullTo: '$6::date' };
export const GROUP_FLOWS = periodRows('scope, school_id, day, metric, key, value', { monthScopes: "'g','s'", dayScopes: "'G','S'", ...FLOW_PARAMS });
const REGION_FLOWS = periodRows('metric, key, value', { monthScopes: "'r'", dayScopes: "'R'", ...FLOW_PARAMS });
// the same for a set of regions ($1 an array of ids)
const REGIONS_FLOWS = periodRows('scope_id, metric, value', { monthScopes: "'r'", dayScopes: "'R'", ...FLOW_PARAMS, id: 'ANY($1::uuid[])' });
/** A region stock on a day: month rows (r) before the day's month, day rows (R) in it up to the day. */
const regionStock = (monthStart: string, day: string) => `((scope = 'r' AND day < ${monthStart}) OR (scope = 'R' AND day >= ${monthStart} AND day <= ${day}))`;
/** The stocks a coverage figure is made of (coverageOf). */
const COVERAGE_STOCKS = COVERAGE_FIGURES.map((f) => f.metric);
/** Each figure's value, by its field, from a reader of metric totals. */
export const figureValues = <F extends FigureDef>(figures: readonly F[], value: (f: F) => number) => Object.fromEntries(figures.map((f) => [f.field, value(f)]));
export const MAX_TREND_MONTHS = 60;
export const DEFAULT_TREND_MONTHS = 24;

interface Row {
  scope: string;
  school_id: string;
  month: string;
  metric: string;
  key: string;
  v: number;
}
/** A rollup row of a group's figures: a flow of the period or a stock change up to its end. */
type Figure = Row & { kind: 'flow' | 'stock' };

export const zero = (): ActivityCounters => figureValues(GROUP_COUNTERS, () => 0) as ActivityCounters;
const typeCounts = (m: Map<string, number>): TypeCount[] =>
  [...m.entries()].filter(([k, v]) => k && v).map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

/**
 * The rollup rows of one scope in a period: whole months from the month rows, the days at either edge from the
 * day rows, as three index ranges. The arguments are SQL (placeholders): with the bounds as constants in each
 * plan, PostgreSQL does not scan a range that is empty (a period of whole months reads month rows only).
 */
export function periodRows(columns: string, p: { monthScopes: string; dayScopes: string; id: string; metrics: string; from: string; to: string; fullFrom: string; fullTo: string }) {
  const rows = (guard: string, scopes: string, range: string) =>
    `SELECT ${columns} FROM activity_rollup WHERE ${guard} AND scope IN (${scopes}) AND scope_id = ${p.id} AND metric = ANY(${p.metrics}) AND ${range}`;
  return [
    rows(`${p.fullFrom} < ${p.fullTo}`, p.monthScopes, `day >= ${p.fullFrom} AND day < ${p.fullTo}`),
    rows(`${p.from} < ${p.fullFrom}`, p.dayScopes, `day >= ${p.from} AND day < ${p.fullFrom}`),
    rows(`${p.fullTo} <= ${p.to}`, p.dayScopes, `day >= ${p.fullTo} AND day <= ${p.to}`),
  ].join(' UNION ALL ');
}

/** Coverage of a region from its stock totals, the one formula regionCoverage, its trend and the breakdown use. */
function coverageOf(total: (metric: string) => number, target: CoverageTarget | null) {
  const c = figureValues(COVERAGE_FIGURES, (f) => total(f.metric)) as Record<CoverageFigureField, number>;
  const ratio = c.compulsorySchools ? c.coveredSchools / c.compulsorySchools : 0;
  return { ...c, ratio, target, gap: target ? target.ratio - ratio : null };
}

export function checkPeriod(from: string, to: string) {
  if (!isValidDate(from)) throw badInput('from', { zh: '开始日期须为 YYYY-MM-DD 格式的日期', en: 'from must be a date YYYY-MM-DD' });
  if (!isValidDate(to)) throw badInput('to', { zh: '结束日期须为 YYYY-MM-DD 格式的日期', en: 'to must be a date YYYY-MM-DD' });
  if (from > to) throw badInput('to', { zh: '结束日期不能早于开始日期', en: 'to must not be before from' });
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) throw badInput('to', { zh: '统计期间最长为十年', en: 'A period is at most ten years' });
}

/**
 * Dashboards for managers and education bureaus, read from activity_rollup (a few hundred rows per
 * question, whatever the size of the base tables). Scope: a group's managers and the region admins above
 * it see a group; a school admin of a member school sees its own row; region figures are for the region's
 * admins and those above.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly access: AccessService,
    private readonly tx: TransactionService,
  ) {}

  /** Group figures by revision (see GroupFiguresCache); repeated views of a dashboard skip the rollup read. */
  readonly figures = new GroupFiguresCache<Figure[]>();

  async groupActivitySummary(ctx: RequestContext, groupId: string, from: string, to: string): Promise<GroupActivitySummary> {
    checkPeriod(from, to);
    const p = ctx.user;
    // Per-school rows by month only for a caller who may see the group through one school (its school admin):
    // everyone else reads months from the group rows, and a year of a school's rows then comes back as one row.
    const schoolMonths = !p.isPlatformAdmin && p.schoolIds.length > 0;
    // Whole months inside the period come from the month rows (g, s); the days at either edge from day rows.
    const [fullFrom, fullTo] = wholeMonths(from, to);
    // Who may see the group (its revision and the schools that were members in the period come along)...
    const head = await preparedQuery<{ kind: 'view' | 'member'; school_id: string; revision: number; v: number }>(
      ctx.em,
      'group_activity_head',
      `SELECT DISTINCT 'member' AS kind, school_id, NULL::bigint AS revision, 0 AS v FROM group_membership
        WHERE group_id = $1 AND joined_on <= $3 AND (left_on IS NULL OR left_on >= $2)
       UNION ALL
       SELECT 'view', (SELECT m.school_id FROM group_membership m WHERE m.group_id = g.id AND m.school_id = ANY($6::uuid[]) ORDER BY m.left_on NULLS FIRST LIMIT 1),
              coalesce((SELECT v.revision FROM group_rollup_revision v WHERE v.group_id = g.id), 0),
              ${managesGroupSql('g.id', '$4::uuid[]', '$5::uuid[]')}::int
         FROM school_group g WHERE g.id = $1`,
      [groupId, from, to, p.regionIds, p.groupIds, p.schoolIds],
    );
    // Its managers and the region admins above it see everything, its member schools' admins their own row.
    const view = head.find((r) => r.kind === 'view');
    if (!view) throw notFound('School group', groupId);
    const onlySchool = p.isPlatformAdmin || view.v === 1 ? null : view.school_id;
    if (!p.isPlatformAdmin && view.v !== 1 && !onlySchool)
      throw forbidden({ zh: "共同体的统计数据仅供其管理员、上级区域管理员和成员校管理员查看", en: "A group's figures are for its managers, the region admins above it and its member schools' admins" });
    const members = head.filter((r) => r.kind === 'member');
    // ...then its figures: from this instance's cache while the group's revision is unchanged, else one statement
    // for flows of the period and stocks up to its end (per month, for the month-end values), with the revision
    // they belong to (the same snapshot).
    const cacheKey = `${groupId}|${from}|${to}|${schoolMonths ? 'S' : ''}`;
    let figures = this.figures.get(cacheKey, view.revision);
    if (!figures) {
      const rows = await preparedQuery<Row & { kind: 'revision' | Figure['kind'] }>(
        ctx.em,
        'group_activity_figures',
        `SELECT 'revision' AS kind, '' AS scope, NULL::uuid AS school_id, '' AS month, '' AS metric, '' AS key,
                coalesce((SELECT revision FROM group_rollup_revision WHERE group_id = $1), 0) AS v
         UNION ALL
         SELECT 'flow', upper(scope), school_id, CASE WHEN upper(scope) = 'S' AND NOT $8 THEN '' ELSE to_char(day, 'YYYY-MM') END,
                metric, key, sum(value)::bigint
           FROM (${GROUP_FLOWS}) f
          GROUP BY 2, 3, 4, 5, 6
         UNION ALL
         SELECT 'stock', scope, school_id, to_char(day, 'YYYY-MM'), metric, '', sum(value)::bigint FROM activity_rollup
          WHERE scope IN ('G','S') AND scope_id = $1 AND day <= $3 AND metric = ANY($7)
          GROUP BY 2, 3, 4, 5`,
        [groupId, from, to, FLOWS, fullFrom, fullTo, STOCKS, schoolMonths],
      );
      figures = rows.filter((r): r is Figure => r.kind !== 'revision');
      this.figures.set(cacheKey, rows.find((r) => r.kind === 'revision')!.v, figures);
    }
    const flows = figures.filter((r) => r.kind === 'flow');
    const stocks = figures.filter((r) => r.kind === 'stock');
    const field = new Map(GROUP_COUNTERS.map((f) => [f.metric, f.field]));
    // A school admin sees the group through its own school's rows.
    const totalScope = onlySchool ? 'S' : 'G';
    const keep = (r: Row) => (onlySchool ? r.scope === 'S' && r.school_id === onlySchool : true);
    const summary: GroupActivitySummary = Object.assign(new GroupActivitySummary(), zero(), { groupId, from, to, onlySchoolId: onlySchool });
    const byType = new Map<string, number>();
    const byKind = new Map<string, number>();
    const bySchool = new Map<string, ActivityCounters>();
    const byMonth = new Map(months(from, to).map((m) => [m, zero()]));
    for (const id of onlySchool ? [onlySchool] : members.map((m) => m.school_id)) bySchool.set(id, zero());
    const periodMonths = [...byMonth.keys()];
    for (const r of [...flows, ...stocks].filter(keep)) {
      const f = field.get(r.metric)!;
      if (r.scope === 'S') {
        const s = bySchool.get(r.school_id) ?? zero();
        s[f] += r.v;
        bySchool.set(r.school_id, s);
      }
      if (r.scope !== totalScope) continue;
      summary[f] += r.v;
      if (r.kind === 'stock') {
        // a stock's value at the end of each month of the period counts every change up to that month
        for (const m of periodMonths) if (r.month <= m) byMonth.get(m)![f] += r.v;
      } else if (r.month) byMonth.get(r.month)![f] += r.v;
      if (r.metric === Metric.ResearchSessions) byType.set(r.key, (byType.get(r.key) ?? 0) + r.v);
      if (r.metric === Metric.TeacherExchanges) byKind.set(r.key, (byKind.get(r.key) ?? 0) + r.v);
    }
    summary.researchSessionsByType = typeCounts(byType);
    summary.exchangesByKind = typeCounts(byKind);
    summary.bySchool = [...bySchool.entries()].map(([schoolId, c]) => Object.assign({ schoolId, school: undefined as unknown as School }, c));
    summary.byMonth = [...byMonth.entries()].map(([month, c]) => ({ month, ...c }));
    return summary;
  }

  /**
   * One round trip for a region's dashboard: the scope check (region admins of the region or above it), stock
   * rollups up to `asOf`, and the coverage target in force in `targetYear` (targetsInForce).
   */
  private async regionFacts(ctx: RequestContext, regionId: string, asOf: string, metrics: string[], targetYear: number | null = null) {
    const rows = await preparedQuery<{ kind: 'region' | 'stock' | 'target'; metric: string; key: string; v: number; allowed: boolean; target_region: string; ratio: number }>(
      ctx.em,
      'region_facts',
      `SELECT 'region' AS kind, '' AS metric, '' AS key, 0::bigint AS v, ${inRegionsSql('region.id', '$4::uuid[]')} AS allowed, NULL::uuid AS target_region, NULL::float8 AS ratio
         FROM region WHERE id = $1
       UNION ALL
       SELECT 'stock', metric, key, sum(value)::bigint, NULL, NULL, NULL FROM activity_rollup
        WHERE scope_id = $1 AND metric = ANY($3) AND ${regionStock('$6', '$2')} GROUP BY 2, 3
       UNION ALL
       SELECT 'target', '', '', t.target_year, NULL, t.target_region, t.ratio FROM (${targetsInForce('ARRAY[$1::uuid]', 'ARRAY[$5::int]')}) t`,
      // stocks: month rows (r) before asOf's month, day rows (R) in it
      [regionId, asOf, metrics, ctx.user.regionIds, targetYear, asOf.slice(0, 8) + '01'],
    );
    const region = rows.find((r) => r.kind === 'region');
    if (!region) throw notFound('Region', regionId);
    if (!ctx.user.isPlatformAdmin && !region.allowed) throw forbidden({ zh: '该区域不在您的管理范围内', en: 'This region is outside your scope' });
    const stocks = rows.filter((r) => r.kind === 'stock');
    const total = (m: string) => stocks.filter((r) => r.metric === m).reduce((a, r) => a + r.v, 0);
    const keyed = (m: string) => typeCounts(new Map(stocks.filter((r) => r.metric === m).map((r) => [r.key, r.v])));
    const t = rows.find((r) => r.kind === 'target');
    const target: CoverageTarget | null = t ? { regionId: t.target_region, year: Number(t.v), ratio: t.ratio } : null;
    return { total, keyed, target };
  }

  async regionCoverage(ctx: RequestContext, regionId: string, asOf = ctx.today()): Promise<RegionCoverage> {
    if (!isValidDate(asOf)) throw badInput('asOf', { zh: '统计日期须为 YYYY-MM-DD 格式的日期', en: 'asOf must be a date YYYY-MM-DD' });
    const s = await this.regionFacts(ctx, regionId, asOf, [...COVERAGE_STOCKS, Metric.ConsortiaByLevel], Number(asOf.slice(0, 4)));
    return Object.assign(new RegionCoverage(), {
      regionId,
      asOf,
      ...coverageOf(s.total, s.target),
      consortiaByMode: s.keyed(Metric.Consortia),
      consortiaByLevel: s.keyed(Metric.ConsortiaByLevel),
    });
  }

  /**
   * regionCoverage at each of the last `months` month-ends, from one read of the region's month rows (and the day
   * rows of asOf's month): each month's stock is the running total of the month rows up to it.
   */
  async regionCoverageTrend(ctx: RequestContext, regionId: string, months: number, asOf = ctx.today()): Promise<RegionCoverageTrend> {
    if (!isValidDate(asOf)) throw badInput('asOf', { zh: '统计日期须为 YYYY-MM-DD 格式的日期', en: 'asOf must be a date YYYY-MM-DD' });
    if (!Number.isInteger(months) || months < 1 || months > MAX_TREND_MONTHS) throw badInput('months', { zh: `月数须为 1 至 ${MAX_TREND_MONTHS} 之间的整数`, en: `months is a whole number from 1 to ${MAX_TREND_MONTHS}` });
    await this.access.requireRegions(ctx, [regionId]);
    const ends = monthEnds(asOf, months);
    const years = [...new Set(ends.map((e) => Number(e.day.slice(0, 4))))];
    const rows: { kind: 'stock' | 'target'; month: string; metric: string; v: number; year: number; target_region: string; ratio: number }[] = await ctx.em.query(
      // months before the first point come back as one row per metric, dated in the first point's month
      `SELECT 'stock' AS kind, to_char(greatest(day, $5::date), 'YYYY-MM') AS month, metric, sum(value)::bigint AS v,
              NULL::int AS year, NULL::uuid AS target_region, NULL::float8 AS ratio
         FROM activity_rollup WHERE scope_id = $1 AND metric = ANY($3) AND ${regionStock('$4::date', '$2::date')} GROUP BY 2, 3
       UNION ALL
       SELECT 'target', NULL, NULL, t.target_year, t.asked_year, t.target_region, t.ratio FROM (${targetsInForce('ARRAY[$1::uuid]', '$6::int[]')}) t`,
      [regionId, asOf, COVERAGE_STOCKS, monthStart(asOf), `${ends[0].month}-01`, years],
    );
    const targets = new Map(rows.filter((r) => r.kind === 'target').map((r) => [r.year, { regionId: r.target_region, year: Number(r.v), ratio: r.ratio }]));
    const running = new Map<string, number>();
    const points = ends.map(({ month, day }) => {
      for (const r of rows) if (r.kind === 'stock' && r.month === month) running.set(r.metric, (running.get(r.metric) ?? 0) + r.v);
      const point: CoverageTrendPoint = { month, asOf: day, ...coverageOf((m) => running.get(m) ?? 0, targets.get(Number(day.slice(0, 4))) ?? null) };
      return point;
    });
    return Object.assign(new RegionCoverageTrend(), { regionId, asOf, points });
  }

  /**
   * regionCoverage (on asOf) and regionActivitySummary (in [from, to]) of every child region, read together: the
   * scope check, the children, then one statement for all their stocks, flows and targets.
   */
  async regionBreakdown(ctx: RequestContext, regionId: string, from: string, to: string, asOf = ctx.today()): Promise<RegionBreakdown> {
    checkPeriod(from, to);
    if (!isValidDate(asOf)) throw badInput('asOf', { zh: '统计日期须为 YYYY-MM-DD 格式的日期', en: 'asOf must be a date YYYY-MM-DD' });
    await this.access.requireRegions(ctx, [regionId]);
    // in the order of their codes (行政区划代码), as official tables list them
    const children = await ctx.em.find(Region, { where: { parentId: regionId }, order: { code: { direction: 'ASC', nulls: 'LAST' }, name: 'ASC', id: 'ASC' } });
    const breakdown = Object.assign(new RegionBreakdown(), { regionId, from, to, asOf, rows: [] as RegionBreakdownRow[] });
    if (!children.length) return breakdown;
    const [fullFrom, fullTo] = wholeMonths(from, to);
        const rows: { kind: 'stock' | 'flow' | 'target'; region_id: string; metric: string; v: number; target_region: string; ratio: number }[] = await ctx.em.query(
      `SELECT 'stock' AS kind, scope_id AS region_id, metric, sum(value)::bigint AS v, NULL::uuid AS target_region, NULL::float8 AS ratio
         FROM activity_rollup WHERE scope_id = ANY($1::uuid[]) AND metric = ANY($7) AND ${regionStock('$9::date', '$8::date')} GROUP BY 2, 3
       UNION ALL
       SELECT 'stock', scope_id, metric, sum(value)::bigint, NULL, NULL
         FROM activity_rollup WHERE scope_id = ANY($1::uuid[]) AND metric = ANY($10) AND ${regionStock('$11::date', '$3::date')} GROUP BY 2, 3
       UNION ALL
       SELECT 'flow', scope_id, metric, sum(value)::bigint, NULL, NULL FROM (${REGIONS_FLOWS}) f GROUP BY 2, 3
       UNION ALL
       SELECT 'target', t.region_id, '', t.target_year, t.target_region, t.ratio FROM (${targetsInForce('$1::uuid[]', 'ARRAY[$12::int]')}) t`,
      // the breakdown's own stocks (not coverage) are read as of `to`, like regionActivitySummary's
      [children.map((c) => c.id), from, to, metricsOf(BREAKDOWN_FIGURES, 'flow'), fullFrom, fullTo, COVERAGE_STOCKS, asOf, monthStart(asOf), metricsOf(BREAKDOWN_FIGURES, 'stock'), monthStart(to), Number(asOf.slice(0, 4))],
    );
    breakdown.rows = children.map((region) => {
      const mine = rows.filter((r) => r.region_id === region.id);
      const total = (kind: 'stock' | 'flow', metric: string) => mine.filter((r) => r.kind === kind && r.metric === metric).reduce((a, r) => a + r.v, 0);
      const t = mine.find((r) => r.kind === 'target');
      return Object.assign(new RegionBreakdownRow(), {
        region,
        ...coverageOf((m) => total('stock', m), t ? { regionId: t.target_region, year: Number(t.v), ratio: t.ratio } : null),
        ...figureValues(BREAKDOWN_FIGURES, (f) => total(f.kind, f.metric)),
      });
    });
    return breakdown;
  }

  /** Compulsory schools of the subtree outside any active consortium on asOf: a list, paginated. */
  uncoveredSchools(ctx: RequestContext, regionId: string, asOf: string, page: PageArgs, search?: string) {
    const qb = ctx.em
      .createQueryBuilder(School, 's')
      .innerJoin('region', 'r', 'r.id = s.region_id AND r.path @> ARRAY[:regionId]::uuid[]', { regionId })
      .where('s.stage IN (:...stages)', { stages: COMPULSORY_STAGES })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM group_membership m WHERE m.school_id = s.id AND m.group_kind = 'CONSORTIUM' AND m.joined_on <= :asOf AND (m.left_on IS NULL OR m.left_on > :asOf))`,
        { asOf },
      );
    if (search) qb.andWhere(`s.name ILIKE :search ESCAPE '\\'`, { search: `%${escapeLike(search)}%` });
    return paginate(qb, page, { columns: ['s.name', 's.id'], values: (x) => [x.name, x.id] });
  }

  async regionActivitySummary(ctx: RequestContext, regionId: string, from: string, to: string): Promise<RegionActivitySummary> {
    checkPeriod(from, to);
    const s = await this.regionFacts(ctx, regionId, to, metricsOf(REGION_FIGURES, 'stock'));
    // Whole months from the month rows (r), the days at either edge from day rows (R).
    const [fullFrom, fullTo] = wholeMonths(from, to);
    const flows: { metric: string; key: string; v: number }[] = await ctx.em.query(
      `SELECT metric, key, sum(value)::bigint AS v FROM (${REGION_FLOWS}) f GROUP BY 1, 2`,
      [regionId, from, to, metricsOf(REGION_FIGURES, 'flow'), fullFrom, fullTo],
    );
    const flow = (m: string) => flows.filter((r) => r.metric === m).reduce((a, r) => a + r.v, 0);
    const keyed = (m: string) => typeCounts(new Map(flows.filter((r) => r.metric === m).map((r) => [r.key, r.v])));
    return Object.assign(new RegionActivitySummary(), {
      regionId,
      from,
      to,
      ...figureValues(REGION_FIGURES, (f) => (f.kind === 'flow' ? flow(f.metric) : s.total(f.metric))),
      groupsByKind: s.keyed(Metric.Groups),
      researchSessionsByType: keyed(Metric.ResearchSessions),
      exchangesByKind: keyed(Metric.TeacherExchanges),
    });
  }

  async setCoverageTarget(ctx: RequestContext, regionId: string, year: number, ratio: number): Promise<CoverageTarget> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', { zh: '年份须在 2000 年至 2100 年之间', en: 'year must be between 2000 and 2100' });
    if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) throw badInput('ratio', { zh: '目标覆盖率须为 0 到 1 之间的比例（如 0.7 表示 70%）', en: 'ratio is a share between 0 and 1 (e.g. 0.7 for 70%)' });
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireRegions(tx, [regionId]);
      await writeCoverageTarget(tx.em, regionId, year, ratio, tx.user.userId, tx.now());
      return { regionId, year, ratio };
    });
  }
}

