import { FIGURES, GROUP_COUNTERS, REGION_FIGURES, type FigureField, type GroupCounterField, type RegionFigureField } from '../../../../../libs/reporting/src/metric-registry';

/** The activity counters of groupActivitySummary and regionActivitySummary, in display order: the server's metric registry. */
export const GROUP_METRICS = GROUP_COUNTERS.map((f) => f.field);
export const REGION_METRICS = REGION_FIGURES.map((f) => f.field);

export type GroupMetric = GroupCounterField;
export type RegionMetric = RegionFigureField;
export const metricKey = (m: FigureField) => `metric.${m}` as const;

/** The figures' labels as i18n messages (`metric.<field>`), in one language. */
export const metricMessages = (lang: 'zh' | 'en') => Object.fromEntries(FIGURES.map((f) => [metricKey(f.field), f[lang]])) as Record<`metric.${FigureField}`, string>;
