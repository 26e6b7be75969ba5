import { useQuery } from '@apollo/client/react';
import { Card } from 'antd';
import { month, percent } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LazyChart } from '../../features/charts/LazyChart';
import { DownloadButtons } from '../../features/common/DownloadButtons';
import { ProblemResult } from '../../features/common/ProblemResult';
import { graphql } from '../../gql';

const TREND = graphql(`
  query CoverageTrend($id: ID!, $asOf: Date) {
    regionCoverageTrend(regionId: $id, months: 24, asOf: $asOf) {
      points { month ratio coveredSchools compulsorySchools target { ratio } }
    }
  }
`);

/** Coverage at each month-end of the last 24 months, against the target in force that year. */
export function CoverageTrend({ regionId, asOf }: { regionId: string; asOf: string }) {
  const { t, lang } = useI18n();
  const { data, error } = useQuery(TREND, { variables: { id: regionId, asOf } });
  const points = data?.regionCoverageTrend.points ?? [];
  const round = (r: number | null | undefined) => (r === null || r === undefined ? null : Math.round(r * 1000) / 10);
  return (
    <Card title={t('region.trend')} loading={!data && !error} extra={<DownloadButtons path={`/reports/regions/${regionId}/trend`} query={{ months: 24, asOf }} />}>
      {error ? <ProblemResult error={error} /> : null}
      {data ? (
        <LazyChart
          label={t('region.trend')}
          option={{
            grid: { left: 48, right: 16, top: 32, bottom: 32 },
            legend: { top: 0 },
            tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? percent(v / 100, lang) : '—') },
            xAxis: { type: 'category', data: points.map((p) => month(p.month, lang)) },
            yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
            series: [
              { type: 'line', name: t('region.coverage'), data: points.map((p) => round(p.ratio)), smooth: true, symbolSize: 6, itemStyle: { color: '#1677ff' } },
              { type: 'line', name: t('region.trendTarget'), data: points.map((p) => round(p.target?.ratio)), step: 'end', lineStyle: { type: 'dashed' }, itemStyle: { color: '#fa8c16' }, symbol: 'none' },
            ],
          }}
        />
      ) : null}
    </Card>
  );
}
