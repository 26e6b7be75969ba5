import { useQuery } from '@apollo/client/react';
import { Card, Col, Row, Statistic } from 'antd';
import { useState } from 'react';
import { number } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { metricKey, REGION_METRICS } from '../../features/common/metrics';
import { PeriodPicker, thisYear, type Period } from '../../features/common/PeriodPicker';
import { DownloadButtons } from '../../features/common/DownloadButtons';
import { ProblemResult } from '../../features/common/ProblemResult';
import { graphql } from '../../gql';

const ACTIVITY = graphql(`
  query RegionActivity($id: ID!, $from: Date!, $to: Date!) {
    regionActivitySummary(regionId: $id, from: $from, to: $to) {
      groups researchSessions teacherParticipations studentActivities studentParticipants lessonPrepTeams
      mentoringPairsFormed mentoringPairsActive teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions
    }
  }
`);

/** The collaboration counters of every group in the region subtree, for a chosen period. */
export function RegionActivity({ regionId }: { regionId: string }) {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState<Period>(thisYear);
  const { data, error, loading } = useQuery(ACTIVITY, { variables: { id: regionId, ...period } });
  const s = data?.regionActivitySummary;
  return (
    <Card title={t('region.activity')} extra={<span style={{ display: 'flex', gap: 8 }}><PeriodPicker value={period} onChange={setPeriod} /><DownloadButtons path={`/reports/regions/${regionId}/activity`} query={{ ...period }} /></span>} loading={loading && !s}>
      {error ? <ProblemResult error={error} /> : null}
      {s ? (
        <Row gutter={[16, 16]} data-testid="region-counters">
          {REGION_METRICS.map((m) => (
            <Col key={m} xs={12} sm={8} md={6} lg={4}>
              <Statistic title={t(metricKey(m))} value={number(s[m], lang)} data-metric={m} />
            </Col>
          ))}
        </Row>
      ) : null}
    </Card>
  );
}
