import { labelOf } from '../../core/src';
import type { School } from '../../organisation/src';
import type { ActivityCounters, CoverageFigures, GroupActivitySummary, RegionActivitySummary, RegionBreakdown, RegionCoverage, RegionCoverageTrend } from './models';

/**
 * The downloadable tables, each defined once: the CSV and the Excel writers (csv.ts, xlsx.ts) both render these.
 * Headers are Chinese first, then English.
 */
export type CellKind = 'text' | 'count' | 'ratio';
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

/** Every figure's header, once. */
const H = {
  school: '学校 School',
  month: '月份 Month',
  region: '区域 Region',
  level: '级别 Level',
  asOf: '统计日期 As of',
  indicator: '指标 Indicator',
  value: '数值 Value',
  compulsorySchools: '义务教育学校 Compulsory schools',
  coveredSchools: '纳入教联体学校 Covered schools',
  ratio: '覆盖率 Coverage ratio',
  compulsoryStudents: '义务教育学生 Compulsory students',
  studentsCovered: '覆盖学生 Students covered',
  consortia: '教联体 Consortia',
  target: '年度目标 Target',
  gap: '差距 Gap',
  groups: '办学共同体 Groups',
  lessonPrepTeams: '集体备课团队 Lesson preparation teams',
  researchSessions: '联合教研活动 Research sessions',
  teacherParticipations: '教师参与人次 Teacher participations',
  studentActivities: '学生活动 Student activities',
  studentParticipants: '学生参与人次 Student participants',
  mentoringPairsFormed: '新结师徒对 Mentoring pairs formed',
  mentoringPairsActive: '在结师徒对 Mentoring pairs active',
  mentoringPairsCompleted: '结业师徒对 Mentoring pairs completed',
  teacherExchanges: '交流轮岗 Teacher exchanges',
  exchangedTeachers: '交流教师 Exchanged teachers',
  lessonPlansPublished: '发布教案 Lesson plans published',
  lessonPlanAdoptions: '教案使用 Lesson plan adoptions',
} as const;

const COUNTERS: (keyof ActivityCounters)[] = [
  'researchSessions',
  'teacherParticipations',
  'studentActivities',
  'studentParticipants',
  'mentoringPairsFormed',
  'mentoringPairsActive',
  'mentoringPairsCompleted',
  'teacherExchanges',
  'exchangedTeachers',
  'lessonPlansPublished',
  'lessonPlanAdoptions',
];

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
const figure = (key: keyof typeof H, value: CellValue, kind: CellKind = 'count'): Indicator => ({ label: H[key], value, kind });
const byKey = (enumName: string, rows: { key: string; count: number }[]): Indicator[] =>
  rows.map((r) => ({ label: `  ${labelOf(enumName, r.key)} ${r.key}`, value: r.count, kind: 'count' }));

type Counted = { label: string; counters: ActivityCounters };
const counterTable = (sheet: string, first: string, rows: Counted[]): Table<Counted> => ({
  sheet,
  columns: [text(first, (r) => r.label), ...COUNTERS.map((f) => count<Counted>(H[f], (r) => r.counters[f]))],
  rows,
});

export function groupActivityReport(s: GroupActivitySummary, schoolNames: Map<string, string>): Report {
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
    ],
  };
}

export function coverageReport(c: RegionCoverage, uncovered: Pick<School, 'name'>[]): Report {
  return {
    filename: `coverage-${c.asOf}`,
    tables: [
      indicators('覆盖情况', [
        figure('asOf', c.asOf, 'text'),
        figure('compulsorySchools', c.compulsorySchools),
        figure('coveredSchools', c.coveredSchools),
        figure('ratio', c.ratio, 'ratio'),
        figure('compulsoryStudents', c.compulsoryStudents),
        figure('studentsCovered', c.studentsCovered),
        figure('consortia', c.consortia),
        ...byKey('ConsortiumMode', c.consortiaByMode),
        ...byKey('GroupLevel', c.consortiaByLevel),
        { label: c.target ? `${H.target} (${c.target.year})` : H.target, value: c.target?.ratio, kind: 'ratio' },
        figure('gap', c.gap, 'ratio'),
      ]),
      { sheet: '未纳入学校', columns: [text(`未纳入教联体的学校 Uncovered schools (${uncovered.length})`, (r) => r.name)], rows: uncovered },
    ],
  };
}

export function regionActivityReport(s: RegionActivitySummary): Report {
  return {
    filename: `region-activity-${s.from}-${s.to}`,
    tables: [
      indicators('区域活动', [
        { label: '期间 Period', value: `${s.from} ~ ${s.to}`, kind: 'text' },
        figure('groups', s.groups),
        ...byKey('GroupKind', s.groupsByKind),
        figure('researchSessions', s.researchSessions),
        ...byKey('ResearchSessionType', s.researchSessionsByType),
        figure('teacherParticipations', s.teacherParticipations),
        figure('studentActivities', s.studentActivities),
        figure('studentParticipants', s.studentParticipants),
        figure('lessonPrepTeams', s.lessonPrepTeams),
        figure('mentoringPairsFormed', s.mentoringPairsFormed),
        figure('mentoringPairsActive', s.mentoringPairsActive),
        figure('teacherExchanges', s.teacherExchanges),
        figure('exchangedTeachers', s.exchangedTeachers),
        figure('lessonPlansPublished', s.lessonPlansPublished),
        figure('lessonPlanAdoptions', s.lessonPlanAdoptions),
      ]),
    ],
  };
}

/** The coverage figures as columns (trend, breakdown); `on` dates the ratio's header. */
const coverageColumns = <R extends CoverageFigures>(on = ''): Column<R>[] => [
  count(H.compulsorySchools, (r) => r.compulsorySchools),
  count(H.coveredSchools, (r) => r.coveredSchools),
  ratio(on ? `${H.ratio} (${on})` : H.ratio, (r) => r.ratio),
  count(H.compulsoryStudents, (r) => r.compulsoryStudents),
  count(H.studentsCovered, (r) => r.studentsCovered),
  count(H.consortia, (r) => r.consortia),
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
          count<Row>(H.researchSessions, (r) => r.researchSessions),
          count<Row>(H.teacherParticipations, (r) => r.teacherParticipations),
          count<Row>(H.mentoringPairsActive, (r) => r.mentoringPairsActive),
          count<Row>(H.teacherExchanges, (r) => r.teacherExchanges),
          count<Row>(H.exchangedTeachers, (r) => r.exchangedTeachers),
        ],
        rows: b.rows,
      },
    ],
  };
}
