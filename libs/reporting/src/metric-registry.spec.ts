import { describe, expect, it } from '@jest/globals';
import { LABELS } from '#app/core';
import { FIGURES, GROUP_COUNTERS, REGION_FIGURES } from './metric-registry';
import { Metric } from './rollups/metrics';
import { GroupActivitySummary, RegionActivitySummary } from './models';
import { groupActivityReport, regionActivityReport } from './report-tables';

describe('the metric registry', () => {
  it('names each field and each rollup metric once, and only metrics the rollups keep', () => {
    expect(new Set(FIGURES.map((f) => f.field)).size).toBe(FIGURES.length);
    expect(new Set(FIGURES.map((f) => f.metric)).size).toBe(FIGURES.length);
    for (const f of FIGURES) expect(Object.values(Metric)).toContain(f.metric);
  });

  it('gives the download columns and the labels query their names', () => {
    const zero = (figures: readonly { field: string }[]) => Object.fromEntries(figures.map((f) => [f.field, 0]));
    const summary = Object.assign(new GroupActivitySummary(), zero(GROUP_COUNTERS), { from: '2026-01-01', to: '2026-12-31', bySchool: [], byMonth: [], researchSessionsByType: [], exchangesByKind: [] });
    const [bySchool] = groupActivityReport(summary, new Map(), []).tables;
    expect(bySchool.columns.map((c) => c.header)).toEqual(['学校 School', ...GROUP_COUNTERS.map((f) => `${f.zh} ${f.en}`)]);
    const region = Object.assign(new RegionActivitySummary(), zero(REGION_FIGURES), { from: '2026-01-01', to: '2026-12-31', groupsByKind: [], researchSessionsByType: [], exchangesByKind: [] });
    expect(regionActivityReport(region, []).tables[0].rows.slice(1).map((r) => r.label)).toEqual(REGION_FIGURES.map((f) => `${f.zh} ${f.en}`));
    expect(LABELS.ReportFigure.researchSessions).toEqual(['联合教研活动', 'Research sessions']);
    expect(Object.keys(LABELS.ReportFigure)).toEqual(FIGURES.map((f) => f.field));
  });
});
