import { useQuery } from '@apollo/client/react';
import { Card, Col, DatePicker, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { number, percent, todayInChina } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/me';
import { ancestorsOf } from '../../app/scope';
import { LazyChart } from '../../features/charts/LazyChart';
import { Loading } from '../../features/common/Loading';
import { DownloadButtons } from '../../features/common/DownloadButtons';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import { CoverageTrend } from './CoverageTrend';
import { RegionActivity } from './RegionActivity';
import { RegionBreakdown } from './RegionBreakdown';
import { RegionGroups } from './RegionGroups';
import { SetTargetButton } from './SetTargetButton';
import { UncoveredSchools } from './UncoveredSchools';

const REGION = graphql(`
  query RegionPage($id: ID!, $asOf: Date) {
    region(id: $id) { id name level parent { id name parent { id name parent { id } } } }
    regionCoverage(regionId: $id, asOf: $asOf) {
      asOf
      ratio
      coveredSchools
      compulsorySchools
      studentsCovered
      compulsoryStudents
      consortia
      consortiaByMode { key count }
      consortiaByLevel { key count }
      target { year ratio }
      gap
    }
  }
`);

/** `/regions/:id` (教育局): coverage on a date against the year's target, consortia by mode and level, activity, uncovered schools. */
export default function RegionPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const label = useLabels();
  const { active } = useMe();
  const [asOf, setAsOf] = useState(todayInChina);
  const { data, loading, error, refetch } = useQuery(REGION, { variables: { id, asOf } });
  if (loading && !data) return <Loading />;
  if (error || !data?.region) return <ProblemResult error={error} code={error ? undefined : 'NOT_FOUND'} onRetry={() => void refetch()} />;
  const r = data.region;
  const c = data.regionCoverage;
  const canEdit = active?.role === 'PLATFORM_ADMIN' || (active?.role === 'REGION_ADMIN' && ancestorsOf(r).includes(active.scopeId ?? ''));
  const bars = (title: string, rows: { key: string; count: number }[], enumName: string) => (
    <LazyChart
      label={title}
      height={220}
      option={{
        grid: { left: 100, right: 24, top: 8, bottom: 24 },
        tooltip: {},
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: rows.map((x) => label(enumName, x.key)) },
        series: [{ type: 'bar', data: rows.map((x) => x.count), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
      }}
    />
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <div>
          <Typography.Title level={2} style={{ marginBottom: 0 }}>
            {r.name} <Tag>{label('RegionLevel', r.level)}</Tag>
          </Typography.Title>
          {r.parent ? <Link to={`/regions/${r.parent.id}`}>‹ {r.parent.name}</Link> : null}
        </div>
        <Space>
          <Link to={`/regions/${r.id}/balance`} data-testid="open-balance">
            {t('balance.open')}
          </Link>
          <DownloadButtons path={`/reports/regions/${r.id}/coverage`} query={{ asOf }} />
          <span>{t('common.asOf')}</span>
          <DatePicker aria-label={t('common.asOf')} allowClear={false} value={dayjs(asOf)} onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))} />
        </Space>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card className="figure-card">
            <Statistic title={t('region.coverage')} value={percent(c.ratio, lang)} data-testid="coverage-ratio" />
            <Typography.Text type="secondary">
              {t('region.covered')}: {number(c.coveredSchools, lang)} / {number(c.compulsorySchools, lang)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card className="figure-card">
            {c.target ? (
              <>
                <Statistic title={t('region.target', { year: c.target.year })} value={percent(c.target.ratio, lang)} data-testid="coverage-target" />
                <Typography.Text type={c.gap && c.gap > 0 ? 'danger' : 'success'} data-testid="coverage-gap">
                  {c.gap && c.gap > 0 ? `${t('region.gap')} ${percent(c.gap, lang)}` : t('region.reached')}
                </Typography.Text>
              </>
            ) : (
              <Statistic title={t('region.noTarget')} value="—" />
            )}
            {canEdit ? <div style={{ marginTop: 8 }}><SetTargetButton regionId={r.id} current={c.target} onSaved={() => void refetch()} /></div> : null}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card className="figure-card">
            <Statistic title={t('region.students')} value={number(c.studentsCovered, lang)} />
            <Typography.Text type="secondary">/ {number(c.compulsoryStudents, lang)}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={`${t('region.consortia')} ${number(c.consortia, lang)} · ${t('region.byMode')}`}>{bars(t('region.byMode'), c.consortiaByMode, 'ConsortiumMode')}</Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={`${t('region.consortia')} · ${t('region.byLevel')}`}>{bars(t('region.byLevel'), c.consortiaByLevel, 'GroupLevel')}</Card>
        </Col>
      </Row>
      <CoverageTrend regionId={r.id} asOf={c.asOf} />
      <RegionBreakdown regionId={r.id} asOf={c.asOf} />
      <RegionActivity regionId={r.id} />
      <RegionGroups regionId={r.id} />
      <UncoveredSchools regionId={r.id} asOf={c.asOf} canAdd={canEdit} onAdded={() => void refetch()} />
    </Space>
  );
}
