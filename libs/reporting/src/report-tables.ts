import { labelOf } from '#app/core';
import type { School } from '#app/organisation';
import { INDICATORS, type BalanceReport, type BalancingPlan } from '#app/balance';
import { BREAKDOWN_FIGURES, figureHeader, GROUP_COUNTERS, REGION_FIGURES, type FigureField } from './metric-registry';
import type { ActivityCounters, CoverageFigures, ExchangePeople, GroupActivitySummary, RegionActivitySummary, RegionBreakdown, RegionCoverage, RegionCoverageTrend, RegionGroupBreakdown } from './models';

/**
 * The downloadable tables, each defined once: the CSV and the Excel writers (csv.ts, xlsx.ts) both render these.
 * Headers are Chinese first, then English.
 */
/** decimal: a measure with two decimals (m² per student); coefficient: three (校际差异系数) */
export type CellKind = 'text' | 'count' | 'ratio' | 'decimal' | 'coefficient';
export type CellValue = string | number | null | undefined;

export interface Column<R> {
  header: string;
  kind: CellKind | ((row: R) => CellKind);
  value: (row: R) => CellValue;
}

export interface Table<R = any> {
  /** The Excel sheet name (Chinese, at most 31 characters). */
  sheet: string;
  columns: Column<R>[];
  rows: R[];
}

export interface Report {
  /** File name without the extension (ASCII). */
  filename: string;
  tables: Table[];
}

/** Each cell of a table's rows with its kind, for the writers. */
export function tableCells(table: Table): { value: CellValue; kind: CellKind }[][] {
  return table.rows.map((row) => table.columns.map((c) => ({ value: c.value(row), kind: typeof c.kind === 'function' ? c.kind(row) : c.kind })));
}

const text = <R>(header: string, value: (row: R) => CellValue): Column<R> => ({ header, kind: 'text', value });
const count = <R>(header: string, value: (row: R) => CellValue): Column<R> => ({ header, kind: 'count', value });
const ratio = <R>(header: string, value: (row: R) => CellValue): Column<R> => ({ header, kind: 'ratio', value });

/** The headers that are not figures of the registry (those are `figureHeader(field)`), once. */
const H = {
  school: '学校 School',
  month: '月份 Month',
  region: '区域 Region',
  level: '级别 Level',
  asOf: '统计日期 As of',
  indicator: '指标 Indicator',
  value: '数值 Value',
  ratio: '覆盖率 Coverage ratio',
  target: '年度目标 Target',
  gap: '差距 Gap',
  group: '共同体 Group',
  kind: '类型 Kind',
  mode: '模式 Mode',
  members: '成员校 Member schools',
  exchangeKind: '交流类型 Exchange kind',
  exchanges: '交流人次 Exchanges',
  exchangeTeachers: '交流教师（去重）Distinct teachers',
} as const;

/** Exchanges by kind with the distinct teachers they sent: one row per kind, then all kinds together. */
const exchangePeopleTable = (people: ExchangePeople[]): Table<ExchangePeople> => ({
  sheet: '交流轮岗',
  columns: [
    text(H.exchangeKind, (r) => (r.key ? `${labelOf('ExchangeKind', r.key)} ${r.key}` : '合计 Total')),
    count(H.exchanges, (r) => r.exchanges),
    count(H.exchangeTeachers, (r) => r.teachers),
  ],
  rows: [...people.filter((p) => p.key), ...people.filter((p) => !p.key)],
});

/** A two-column table of labelled figures (指标 / 数值), each value with its own kind. */
interface Indicator {
  label: string;
  value: CellValue;
  kind: CellKind;
}
const indicators = (sheet: string, rows: Indicator[]): Table<Indicator> => ({
  sheet,
  columns: [text(H.indicator, (r) => r.label), { header: H.value, kind: (r) => r.kind, value: (r) => r.value }],
  rows,
});
const figure = (field: FigureField, value: CellValue): Indicator => ({ label: figureHeader(field), value, kind: 'count' });
const figureCell = <R extends Partial<Record<FigureField, number>>>(field: FigureField): Column<R> => count(figureHeader(field), (r) => r[field]);
const byKey = (enumName: string, rows: { key: string; count: number }[]): Indicator[] =>
  rows.map((r) => ({ label: `  ${labelOf(enumName, r.key)} ${r.key}`, value: r.count, kind: 'count' }));

type Counted = { label: string; counters: ActivityCounters };
const counterTable = (sheet: string, first: string, rows: Counted[]): Table<Counted> => ({
  sheet,
  columns: [text(first, (r) => r.label), ...GROUP_COUNTERS.map((f) => count<Counted>(figureHeader(f.field), (r) => r.counters[f.field]))],
  rows,
});

export function groupActivityReport(s: GroupActivitySummary, schoolNames: Map<string, string>, people: ExchangePeople[]): Report {
  return {
    filename: `group-activity-${s.from}-${s.to}`,
    tables: [
      counterTable('各校统计', H.school, [
        ...s.bySchool.map((b) => ({ label: schoolNames.get(b.schoolId) ?? b.schoolId, counters: b })),
        { label: '合计 Total', counters: s },
      ]),
      counterTable('月度统计', H.month, s.byMonth.map((m) => ({ label: m.month, counters: m }))),
      {
        sheet: '活动类型',
        columns: [text('活动类型 Session type', (r) => labelOf('ResearchSessionType', r.key)), count('场次 Sessions', (r) => r.count)],
        rows: s.researchSessionsByType,
      },
      exchangePeopleTable(people),
    ],
  };
}

export function coverageReport(c: RegionCoverage, uncovered: Pick<School, 'name'>[]): Report {
  return {
    filename: `coverage-${c.asOf}`,
    tables: [
      indicators('覆盖情况', [
        { label: H.asOf, value: c.asOf, kind: 'text' },
        figure('compulsorySchools', c.compulsorySchools),
        figure('coveredSchools', c.coveredSchools),
        { label: H.ratio, value: c.ratio, kind: 'ratio' },
        figure('compulsoryStudents', c.compulsoryStudents),
        figure('studentsCovered', c.studentsCovered),
        figure('consortia', c.consortia),
        ...byKey('ConsortiumMode', c.consortiaByMode),
        ...byKey('GroupLevel', c.consortiaByLevel),
        { label: c.target ? `${H.target} (${c.target.year})` : H.target, value: c.target?.ratio, kind: 'ratio' },
        { label: H.gap, value: c.gap, kind: 'ratio' },
      ]),
      { sheet: '未纳入学校', columns: [text(`未纳入教联体的学校 Uncovered schools (${uncovered.length})`, (r) => r.name)], rows: uncovered },
    ],
  };
}

/** The counts by enum value listed under a figure of the region's table. */
const regionKeyed = (s: RegionActivitySummary, field: FigureField): Indicator[] =>
  field === 'groups' ? byKey('GroupKind', s.groupsByKind) : field === 'researchSessions' ? byKey('ResearchSessionType', s.researchSessionsByType) : [];

export function regionActivityReport(s: RegionActivitySummary, people: ExchangePeople[]): Report {
  return {
    filename: `region-activity-${s.from}-${s.to}`,
    tables: [
      indicators('区域活动', [
        { label: '期间 Period', value: `${s.from} ~ ${s.to}`, kind: 'text' },
        ...REGION_FIGURES.flatMap((f) => [figure(f.field, s[f.field]), ...regionKeyed(s, f.field)]),
      ]),
      exchangePeopleTable(people),
    ],
  };
}

type GroupRow = RegionGroupBreakdown['rows'][number];
export function groupBreakdownReport(b: RegionGroupBreakdown, groupNames: Map<string, string>): Report {
  return {
    filename: `region-groups-${b.from}-${b.to}`,
    tables: [
      {
        sheet: '各共同体',
        columns: [
          text<GroupRow>(H.group, (r) => groupNames.get(r.groupId) ?? r.groupId),
          text<GroupRow>(H.kind, (r) => labelOf('GroupKind', r.kind)),
          text<GroupRow>(H.mode, (r) => (r.mode ? labelOf('ConsortiumMode', r.mode) : '')),
          text<GroupRow>(H.level, (r) => (r.level ? labelOf('GroupLevel', r.level) : '')),
          count<GroupRow>(H.members, (r) => r.memberSchools),
          ...GROUP_COUNTERS.map((f) => figureCell<GroupRow>(f.field)),
        ],
        rows: b.rows,
      },
    ],
  };
}

/** The coverage figures as columns (trend, breakdown); `on` dates the ratio's header. */
const coverageColumns = <R extends CoverageFigures>(on = ''): Column<R>[] => [
  figureCell('compulsorySchools'),
  figureCell('coveredSchools'),
  ratio(on ? `${H.ratio} (${on})` : H.ratio, (r) => r.ratio),
  figureCell('compulsoryStudents'),
  figureCell('studentsCovered'),
  figureCell('consortia'),
  ratio(H.target, (r) => r.target?.ratio),
  ratio(H.gap, (r) => r.gap),
];

type Point = RegionCoverageTrend['points'][number];
export function trendReport(t: RegionCoverageTrend): Report {
  return {
    filename: `coverage-trend-${t.points[0].month}-${t.asOf}`,
    tables: [
      {
        sheet: '覆盖率趋势',
        columns: [
          text<Point>(H.month, (p) => p.month),
          text<Point>(H.asOf, (p) => p.asOf),
          ...coverageColumns<Point>(),
        ],
        rows: t.points,
      },
    ],
  };
}

type Row = RegionBreakdown['rows'][number];
export function breakdownReport(b: RegionBreakdown): Report {
  return {
    filename: `region-breakdown-${b.from}-${b.to}`,
    tables: [
      {
        sheet: '下级区域',
        columns: [
          text<Row>(H.region, (r) => r.region.name),
          text<Row>(H.level, (r) => labelOf('RegionLevel', r.region.level)),
          ...coverageColumns<Row>(b.asOf),
          ...BREAKDOWN_FIGURES.map((f) => figureCell<Row>(f.field)),
        ],
        rows: b.rows,
      },
    ],
  };
}

const decimal = <R>(header: string, value: (row: R) => CellValue): Column<R> => ({ header, kind: 'decimal', value });
const yesNo = (b: boolean) => (b ? '是 Yes' : '否 No');

type BalanceStageRow = BalanceReport['stages'][number];
type BalanceIndicatorRow = BalanceStageRow['indicators'][number] & { stage: string };
type BalancePartRow = BalanceStageRow['schools'][number];

/**
 * 优质均衡 as bureaus file it: the 校际差异系数 of each stage (学段, 指标, 标准, 县域值, 差异系数, 阈值, 是否达标), then one
 * sheet per stage with each school's seven values, how many it meets and whether it complies.
 */
/** What a balance download is of: the region, the school year, the day its teachers were counted on. */
const balanceAbout = (regionName: string, r: { year: number; asOf: string }): Indicator[] => [
  { label: H.region, value: regionName, kind: 'text' },
  { label: '学年 School year', value: `${r.year}-${r.year + 1}`, kind: 'text' },
  { label: H.asOf, value: r.asOf, kind: 'text' },
];

/** The balance report as bureaus file it; `simulated`: how many what-if moves it was computed with (null: none). */
export function balanceReportTables(r: BalanceReport, regionName: string, simulated: number | null = null): Report {
  const coefficients: Table<BalanceIndicatorRow> = {
    sheet: '校际差异系数',
    columns: [
      text('学段 Stage', (x) => `${labelOf('BalanceStage', x.stage)} ${x.stage}`),
      text(H.indicator, (x) => `${labelOf('BalanceIndicator', x.key)} ${x.key}`),
      decimal('标准 Standard', (x) => x.standard),
      decimal('县域值 County value', (x) => x.value),
      { header: '差异系数 Coefficient', kind: 'coefficient', value: (x) => x.coefficient },
      { header: '阈值 Threshold', kind: 'coefficient', value: (x) => x.threshold },
      text('是否达标 Within', (x) => yesNo(x.holds)),
      text('拉高最多的学校 Pulled up most by', (x) => x.pulls.map((p) => `${p.school.name} ${(p.share * 100).toFixed(1)}%`).join('；')),
    ],
    rows: r.stages.flatMap((st) => st.indicators.map((i) => ({ ...i, stage: st.stage }))),
  };
  const schools = r.stages.map(
    (st): Table<BalancePartRow> => ({
      sheet: `${labelOf('BalanceStage', st.stage)}学校达标情况`,
      columns: [
        text(H.school, (p) => p.school.name),
        count('在校生 Students', (p) => p.students),
        decimal('专任教师 Full-time teachers', (p) => p.teachers),
        ...INDICATORS.map((key) => decimal<BalancePartRow>(`${labelOf('BalanceIndicator', key)} ${key}`, (p) => p.values.find((v) => v.key === key)?.value)),
        count('达标项数 Met', (p) => p.met),
        text('是否达标 Complies', (p) => yesNo(p.complies)),
        text('缺少数据 Missing', (p) => p.missing.map((m) => labelOf('BalanceMissing', m)).join('；')),
      ],
      rows: st.schools,
    }),
  );
  const about = indicators('说明', [
    ...balanceAbout(regionName, r),
    { label: '按交流计入流入校的教师 Teachers counted at a host', value: r.exchangesCounted, kind: 'count' },
    { label: '未参与计算 Left out', value: r.excluded.map((e) => `${e.school.name}（${labelOf('BalanceExclusion', e.reason)}）`).join('；'), kind: 'text' },
    ...(simulated === null ? [] : [{ label: '模拟调整（未保存）Simulated moves (not saved)', value: simulated, kind: 'count' as const }]),
  ]);
  return { filename: simulated === null ? `balance-${r.year}` : `balance-${r.year}-what-if`, tables: [coefficients, ...schools, about] };
}

type PlanMove = BalancingPlan['moves'][number] & { n: number };
type PlanCoefficient = BalancingPlan['coefficients'][number];

/** The suggested rotations as a bureau files them: the moves in order (each with its reason), the coefficients before and after. */
export function balancePlanTables(p: BalancingPlan, regionName: string, groupNames: Map<string, string>): Report {
  const moves: Table<PlanMove> = {
    sheet: '调整建议',
    columns: [
      count('序号 No.', (m) => m.n),
      text('教师 Teacher', (m) => m.teacher.name),
      text('学科 Subject', (m) => m.teacher.subjects.join('、')),
      text('调出学校 From', (m) => m.from.name),
      text('调入学校 To', (m) => m.to.name),
      text('学段 Stage', (m) => labelOf('BalanceStage', m.stage)),
      text(H.indicator, (m) => labelOf('BalanceIndicator', m.indicator)),
      { header: '调整前系数 Before', kind: 'coefficient', value: (m) => m.coefficientBefore },
      { header: '调整后系数 After', kind: 'coefficient', value: (m) => m.coefficientAfter },
      text(H.group, (m) => (m.groupId ? (groupNames.get(m.groupId) ?? m.groupId) : '跨共同体（需教育局调动） Across groups')),
      text('原因 Reason', (m) => m.reason),
    ],
    rows: p.moves.map((m, i) => ({ ...m, n: i + 1 })),
  };
  const coefficients: Table<PlanCoefficient> = {
    sheet: '调整前后差异系数',
    columns: [
      text('学段 Stage', (c) => `${labelOf('BalanceStage', c.stage)} ${c.stage}`),
      text(H.indicator, (c) => `${labelOf('BalanceIndicator', c.key)} ${c.key}`),
      { header: '阈值 Threshold', kind: 'coefficient', value: (c) => c.threshold },
      { header: '调整前 Before', kind: 'coefficient', value: (c) => c.before },
      { header: '调整后 After', kind: 'coefficient', value: (c) => c.after },
      text('调整后是否达标 Within after', (c) => yesNo(c.holdsAfter)),
    ],
    rows: p.coefficients,
  };
  const about = indicators('说明', [
    ...balanceAbout(regionName, p),
    { label: '最多调整人数 Most moves', value: p.maxMoves, kind: 'count' },
    { label: '允许跨共同体 Across groups', value: yesNo(p.acrossGroups), kind: 'text' },
    { label: '调整后全部达标 Reaches every threshold', value: yesNo(p.reachesThresholds), kind: 'text' },
  ]);
  return { filename: `balance-plan-${p.year}`, tables: [moves, coefficients, about] };
}
