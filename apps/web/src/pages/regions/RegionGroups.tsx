import { useQuery } from '@apollo/client/react';
import { Card, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { number } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { DownloadButtons } from '../../features/common/DownloadButtons';
import { PeriodPicker, thisYear, type Period } from '../../features/common/PeriodPicker';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { RegionGroupsQuery } from '../../gql/graphql';

const GROUPS = graphql(`
  query RegionGroups($id: ID!, $from: Date!, $to: Date!) {
    regionGroupBreakdown(regionId: $id, from: $from, to: $to) {
      rows { group { id name } kind mode level memberSchools researchSessions teacherParticipations mentoringPairsActive teacherExchanges studentActivities lessonPlanAdoptions }
    }
  }
`);

type Row = RegionGroupsQuery['regionGroupBreakdown']['rows'][number];
type Figure = 'memberSchools' | 'researchSessions' | 'teacherParticipations' | 'mentoringPairsActive' | 'teacherExchanges' | 'studentActivities' | 'lessonPlanAdoptions';

/** One row per group of the region (consortia first): what each did in the period, sortable, as CSV or Excel. */
export function RegionGroups({ regionId }: { regionId: string }) {
  const { t, lang } = useI18n();
  const label = useLabels();
  const [period, setPeriod] = useState<Period>(thisYear);
  const { data, error, loading } = useQuery(GROUPS, { variables: { id: regionId, ...period } });
  const rows = data?.regionGroupBreakdown.rows ?? [];
  const num = (key: Figure, title: string) => ({ title, key, align: 'right' as const, sorter: (a: Row, b: Row) => a[key] - b[key], render: (_: unknown, r: Row) => number(r[key], lang) });
  return (
    <Card
      title={t('region.groups')}
      extra={
        <span style={{ display: 'flex', gap: 8 }}>
          <PeriodPicker value={period} onChange={setPeriod} />
          <DownloadButtons path={`/reports/regions/${regionId}/groups`} query={{ ...period }} />
        </span>
      }
    >
      {error ? <ProblemResult error={error} /> : null}
      <Table<Row>
        rowKey={(r) => r.group.id}
        size="small"
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        data-testid="region-groups"
        columns={[
          { title: t('group.name'), key: 'group', fixed: 'left', render: (_: unknown, r) => <Link to={`/groups/${r.group.id}`}>{r.group.name}</Link> },
          { title: t('group.kind'), key: 'kind', render: (_: unknown, r) => [label('GroupKind', r.kind), r.mode ? label('ConsortiumMode', r.mode) : null].filter(Boolean).join(' · ') },
          { title: t('group.level'), key: 'level', render: (_: unknown, r) => (r.level ? label('GroupLevel', r.level) : '—') },
          num('memberSchools', t('group.members')),
          num('researchSessions', t('metric.researchSessions')),
          num('teacherParticipations', t('metric.teacherParticipations')),
          num('mentoringPairsActive', t('metric.mentoringPairsActive')),
          num('teacherExchanges', t('metric.teacherExchanges')),
          num('studentActivities', t('metric.studentActivities')),
          num('lessonPlanAdoptions', t('metric.lessonPlanAdoptions')),
        ]}
      />
    </Card>
  );
}
