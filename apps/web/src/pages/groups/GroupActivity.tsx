import { useQuery } from '@apollo/client/react';
import { Card, Col, Row, Select, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { month, number } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { LazyChart } from '../../features/charts/LazyChart';
import { GROUP_METRICS, metricKey, type GroupMetric } from '../../features/common/metrics';
import { PeriodPicker, thisYear, type Period } from '../../features/common/PeriodPicker';
import { DownloadButtons } from '../../features/common/DownloadButtons';
import { ProblemResult } from '../../features/common/ProblemResult';
import { graphql } from '../../gql';
import type { GroupActivityQuery } from '../../gql/graphql';

type SchoolRow = GroupActivityQuery['groupActivitySummary']['bySchool'][number];

const SUMMARY = graphql(`
  query GroupActivity($id: ID!, $from: Date!, $to: Date!) {
    groupActivitySummary(groupId: $id, from: $from, to: $to) {
      from
      to
      researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive
      mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions
      byMonth {
        month
        researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive
        mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions
      }
      bySchool {
        school { id name }
        researchSessions teacherParticipations studentActivities studentParticipants mentoringPairsFormed mentoringPairsActive
        mentoringPairsCompleted teacherExchanges exchangedTeachers lessonPlansPublished lessonPlanAdoptions
      }
    }
  }
`);

/** The group's counters in a period: totals, one chart by month for the chosen counter, one row per member school. */
export function GroupActivity({ groupId }: { groupId: string }) {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState<Period>(thisYear);
  const [metric, setMetric] = useState<GroupMetric>('researchSessions');
  const { data, error, loading } = useQuery(SUMMARY, { variables: { id: groupId, ...period } });
  const s = data?.groupActivitySummary;
  return (
    <Card title={t('group.activity')} extra={<span style={{ display: 'flex', gap: 8 }}><PeriodPicker value={period} onChange={setPeriod} /><DownloadButtons path={`/reports/groups/${groupId}/activity`} query={{ ...period }} /></span>} loading={loading && !s}>
      {error ? <ProblemResult error={error} /> : null}
      {s ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Row gutter={[16, 16]} data-testid="group-counters">
            {GROUP_METRICS.map((m) => (
              <Col key={m} xs={12} sm={8} md={6} lg={4}>
                <Statistic title={t(metricKey(m))} value={number(s[m], lang)} data-metric={m} />
              </Col>
            ))}
          </Row>
          <div>
            <Select aria-label={t('group.byMonth')} value={metric} onChange={(v) => setMetric(v)} options={GROUP_METRICS.map((m) => ({ value: m, label: t(metricKey(m)) }))} style={{ minWidth: 220 }} />
            <LazyChart
              label={`${t('group.byMonth')} · ${t(metricKey(metric))}`}
              option={{
                grid: { left: 40, right: 16, top: 24, bottom: 32 },
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'category', data: s.byMonth.map((b) => month(b.month, lang)) },
                yAxis: { type: 'value', minInterval: 1 },
                series: [{ type: 'bar', name: t(metricKey(metric)), data: s.byMonth.map((b) => b[metric]), itemStyle: { color: '#1677ff' } }],
              }}
            />
          </div>
          <Table
            rowKey={(r) => r.school.id}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            title={() => t('group.bySchool')}
            dataSource={s.bySchool}
            columns={[
              { title: t('group.school'), key: 'school', fixed: 'left', width: 220, render: (_: unknown, r: SchoolRow) => <Link to={`/schools/${r.school.id}`}>{r.school.name}</Link> },
              ...GROUP_METRICS.map((m) => ({ title: t(metricKey(m)), key: m, align: 'right' as const, sorter: (a: SchoolRow, b: SchoolRow) => a[m] - b[m], render: (_: unknown, r: SchoolRow) => number(r[m], lang) })),
            ]}
          />
        </Space>
      ) : null}
    </Card>
  );
}
