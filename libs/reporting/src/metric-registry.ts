import { Metric } from './rollups/metrics';

/**
 * Every figure the dashboards count, once: its API field, its rollup metric, whether it is a flow (summed over a
 * period) or a stock (the running total up to a day), its zh-CN and en labels, and where it is shown. The summaries
 * (ReportsService), the GraphQL fields (models.ts), the CSV/Excel columns (report-tables.ts), the `labels` query
 * (enum `ReportFigure`) and the web app's labels (apps/web/src/features/common/metrics.ts) all read this list, in
 * this order. No imports beyond plain constants: the web app bundles this file.
 */
export interface FigureDef {
  field: string;
  metric: string;
  kind: 'flow' | 'stock';
  zh: string;
  en: string;
  /** The API description, where the field needs one. */
  description?: string;
  /** Appended to the description in a group's counters, which also come per member school. */
  perSchool?: string;
  /** An activity counter of a group, its schools and months (groupActivitySummary, its CSV). */
  group?: true;
  /** A figure of regionActivitySummary. */
  region?: true;
  /** A column of regionBreakdown. */
  breakdown?: true;
  /** A coverage figure (regionCoverage, its trend, the breakdown). */
  coverage?: true;
}

export const FIGURES = [
  { field: 'groups', metric: Metric.Groups, kind: 'stock', zh: '办学共同体', en: 'Groups', description: 'Active groups on `to`', region: true },
  {
    field: 'researchSessions',
    metric: Metric.ResearchSessions,
    kind: 'flow',
    zh: '联合教研活动',
    en: 'Research sessions',
    description: 'Joint research sessions that ENDED in the period',
    group: true,
    region: true,
    breakdown: true,
  },
  { field: 'teacherParticipations', metric: Metric.TeacherParticipations, kind: 'flow', zh: '教师参与人次', en: 'Teacher participations', description: 'Check-ins at joint research sessions that ENDED in the period', group: true, region: true, breakdown: true },
  {
    field: 'studentActivities',
    metric: Metric.StudentActivities,
    kind: 'flow',
    zh: '学生活动',
    en: 'Student activities',
    description: 'Joint student activities (学生活动) held in the period',
    perSchool: 'those it took part in',
    group: true,
    region: true,
  },
  {
    field: 'studentParticipants',
    metric: Metric.StudentParticipants,
    kind: 'flow',
    zh: '学生参与人次',
    en: 'Student participants',
    description: 'Students taking part in joint student activities held in the period (人次)',
    perSchool: '0 (group and region totals only: the split is not recorded)',
    group: true,
    region: true,
  },
  { field: 'lessonPrepTeams', metric: Metric.LessonPrepTeams, kind: 'stock', zh: '集体备课团队', en: 'Lesson preparation teams', description: 'Lesson preparation teams formed by `to`', region: true },
  { field: 'mentoringPairsFormed', metric: Metric.MentoringFormed, kind: 'flow', zh: '新结师徒对', en: 'Mentoring pairs formed', description: 'Mentoring pairs that became ACTIVE in the period', group: true, region: true },
  {
    field: 'mentoringPairsActive',
    metric: Metric.MentoringActive,
    kind: 'stock',
    zh: '在结师徒对',
    en: 'Mentoring pairs active',
    description: 'Mentoring pairs ACTIVE on the last day of the period',
    group: true,
    region: true,
    breakdown: true,
  },
  { field: 'mentoringPairsCompleted', metric: Metric.MentoringCompleted, kind: 'flow', zh: '结业师徒对', en: 'Mentoring pairs completed', description: 'Mentoring pairs COMPLETED in the period', group: true },
  {
    field: 'teacherExchanges',
    metric: Metric.TeacherExchanges,
    kind: 'flow',
    zh: '交流轮岗',
    en: 'Teacher exchanges',
    description: 'Teacher exchanges (交流轮岗/走教送教/支教) starting in the period',
    perSchool: 'those going to it',
    group: true,
    region: true,
    breakdown: true,
  },
  {
    field: 'exchangedTeachers',
    metric: Metric.ExchangedTeachers,
    kind: 'flow',
    zh: '交流教师',
    en: 'Exchanged teachers',
    description: 'Teachers sent on teacher exchanges starting in the period, one per exchange (a teacher on two exchanges in the period counts twice)',
    group: true,
    region: true,
    breakdown: true,
  },
  {
    field: 'lessonPlansPublished',
    metric: Metric.LessonPlansPublished,
    kind: 'flow',
    zh: '发布教案',
    en: 'Lesson plans published',
    description: 'Team lesson plans first published in the period (集体备课)',
    perSchool: 'those whose main preparer was at it',
    group: true,
    region: true,
  },
  {
    field: 'lessonPlanAdoptions',
    metric: Metric.LessonPlanAdoptions,
    kind: 'flow',
    zh: '教案使用',
    en: 'Lesson plan adoptions',
    description: 'Lessons taught from team lesson plans in the period (同上课)',
    perSchool: 'those it taught',
    group: true,
    region: true,
  },
  { field: 'compulsorySchools', metric: Metric.CompulsorySchools, kind: 'stock', zh: '义务教育学校', en: 'Compulsory schools', coverage: true },
  {
    field: 'coveredSchools',
    metric: Metric.CoveredSchools,
    kind: 'stock',
    zh: '纳入教联体学校',
    en: 'Covered schools',
    description: 'Compulsory schools in an active consortium (县域教联体) on asOf',
    coverage: true,
  },
  { field: 'compulsoryStudents', metric: Metric.CompulsoryStudents, kind: 'stock', zh: '义务教育学生', en: 'Compulsory students', coverage: true },
  { field: 'studentsCovered', metric: Metric.CoveredStudents, kind: 'stock', zh: '覆盖学生', en: 'Students covered', coverage: true },
  { field: 'consortia', metric: Metric.Consortia, kind: 'stock', zh: '教联体', en: 'Consortia', description: 'Active consortia founded on or before asOf', coverage: true },
] as const satisfies readonly FigureDef[];

type Figure = (typeof FIGURES)[number];
export type FigureField = Figure['field'];
type FieldsWhere<Flag extends 'group' | 'region' | 'breakdown' | 'coverage'> = Extract<Figure, { [K in Flag]: true }>['field'];
export type GroupCounterField = FieldsWhere<'group'>;
export type RegionFigureField = FieldsWhere<'region'>;
export type BreakdownFigureField = FieldsWhere<'breakdown'>;
export type CoverageFigureField = FieldsWhere<'coverage'>;

const where = <F extends string>(flag: 'group' | 'region' | 'breakdown' | 'coverage') =>
  (FIGURES as readonly FigureDef[]).filter((f) => f[flag]) as (FigureDef & { field: F })[];

/** The activity counters of a group, in display order. */
export const GROUP_COUNTERS = where<GroupCounterField>('group');
export const REGION_FIGURES = where<RegionFigureField>('region');
export const BREAKDOWN_FIGURES = where<BreakdownFigureField>('breakdown');
export const COVERAGE_FIGURES = where<CoverageFigureField>('coverage');

export const figureOf = (field: FigureField): FigureDef => FIGURES.find((f) => f.field === field)!;
/** The header of a figure's column in the downloads: Chinese first, then English. */
export const figureHeader = (field: FigureField) => `${figureOf(field).zh} ${figureOf(field).en}`;
/** A figure's API description: in a group's counters, with what it means per member school. */
export const figureDescription = (f: FigureDef, perSchool = false) =>
  f.description && perSchool && f.perSchool ? `${f.description}; per school: ${f.perSchool}` : f.description;
export const metricsOf = (figures: readonly FigureDef[], kind: 'flow' | 'stock') => figures.filter((f) => f.kind === kind).map((f) => f.metric);
