import { useQuery } from '@apollo/client/react';
import { Card, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { number, percent } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { DownloadButtons } from '../../features/common/DownloadButtons';
import { PeriodPicker, thisYear, type Period } from '../../features/common/PeriodPicker';
import { ProblemResult } from '../../features/common/ProblemResult';
import { graphql } from '../../gql';
import type { RegionBreakdownQuery } from '../../gql/graphql';

const BREAKDOWN = graphql(`
  query RegionBreakdown($id: ID!, $from: Date!, $to: Date!, $asOf: Date) {
    regionBreakdown(regionId: $id, from: $from, to: $to, asOf: $asOf) {
      rows {
        region { id name level }
        ratio coveredSchools compulsorySchools target { ratio } gap consortia researchSessions mentoringPairsActive teacherExchanges
      }
    }
  }
`);

type Row = RegionBreakdownQuery['regionBreakdown']['rows'][number];

/** One row per region below (for a city: its counties), sortable: coverage, target, gap, consortia and activity. */
export function RegionBreakdown({ regionId, asOf }: { regionId: string; asOf: string }) {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState<Period>(thisYear);
  const { data, error, loading } = useQuery(BREAKDOWN, { variables: { id: regionId, ...period, asOf } });
  const rows = data?.regionBreakdown.rows ?? [];
  if (data && !rows.length) return null;
  const num = (key: 'consortia' | 'researchSessions' | 'mentoringPairsActive' | 'teacherExchanges', title: string) => ({
    title,
    key,
    align: 'right' as const,
    sorter: (a: Row, b: Row) => a[key] - b[key],
    render: (_: unknown, r: Row) => number(r[key], lang),
  });
  return (
    <Card
      title={t('region.children')}
      extra={
        <span style={{ display: 'flex', gap: 8 }}>
          <PeriodPicker value={period} onChange={setPeriod} />
          <DownloadButtons path={`/reports/regions/${regionId}/breakdown`} query={{ ...period, asOf }} />
        </span>
      }
    >
      {error ? <ProblemResult error={error} /> : null}
      <Table<Row>
        rowKey={(r) => r.region.id}
        size="small"
        loading={loading}
        pagination={false}
        dataSource={rows}
        data-testid="region-breakdown"
        columns={[
          { title: t('school.region'), key: 'region', render: (_: unknown, r) => <Link to={`/regions/${r.region.id}`}>{r.region.name}</Link> },
          { title: t('region.coverage'), key: 'ratio', align: 'right', defaultSortOrder: 'descend', sorter: (a, b) => a.ratio - b.ratio, render: (_: unknown, r) => percent(r.ratio, lang) },
          { title: t('region.covered'), key: 'covered', align: 'right', render: (_: unknown, r) => `${number(r.coveredSchools, lang)} / ${number(r.compulsorySchools, lang)}` },
          { title: t('region.trendTarget'), key: 'target', align: 'right', render: (_: unknown, r) => percent(r.target?.ratio, lang) },
          { title: t('region.gap'), key: 'gap', align: 'right', sorter: (a, b) => (a.gap ?? -1) - (b.gap ?? -1), render: (_: unknown, r) => (r.gap === null || r.gap === undefined ? '—' : r.gap > 0 ? percent(r.gap, lang) : t('region.reached')) },
          num('consortia', t('region.consortia')),
          num('researchSessions', t('metric.researchSessions')),
          num('mentoringPairsActive', t('metric.mentoringPairsActive')),
          num('teacherExchanges', t('metric.teacherExchanges')),
        ]}
      />
    </Card>
  );
}
