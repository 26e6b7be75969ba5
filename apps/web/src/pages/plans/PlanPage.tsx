import { useQuery } from '@apollo/client/react';
import { Alert, Card, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { LIVE_REFETCH } from '../../app/apollo';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/me';
import { Loading } from '../../features/common/Loading';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import { DiffView } from './DiffView';
import { Markdown } from './Markdown';
import { PlanActions } from './PlanActions';
import { PlanAdoptions } from './PlanAdoptions';
import { PlanComments } from './PlanComments';
import { PlanEditor } from './PlanEditor';
import { PlanHistory } from './PlanHistory';
import { STATUS_COLOR } from './status';
import { usePlanEvents } from './usePlanEvents';

const PLAN = graphql(`
  query PlanPage($id: ID!) {
    lessonPlan(id: $id) {
      id kind title unit subject grade objectives keyPoints content status version publishedVersion viewerSeesDrafts viewerActions
      reviewNote updatedAt adaptationCount
      resources { title url }
      group { id name members { id school { id name } } }
      team { id name leader { id name } reviewer { id name } }
      mainPreparer { id name }
      owner { id name }
      adaptedFrom {
        version latestPublishedVersion hasNewerVersion
        plan { id title }
        diffSinceAdapted { fromVersion toVersion linesAdded linesRemoved changedFields contentLines { op text fromLine toLine } }
      }
      revisions { version title note content createdAt publishedAt author { id name } authorUser { id displayName } }
      adoptions { id taughtOn className reflection version school { id name } teacher { id name } }
    }
  }
`);

/** `/plans/:id`: a plan (the team's working version, or the published one for readers) with its history, comments and lessons taught. */
export default function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const label = useLabels();
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(PLAN, { variables: { id }, context: LIVE_REFETCH });
  const newest = usePlanEvents(id, me?.id, () => void refetch());
  if (loading && !data) return <Loading />;
  if (error || !data?.lessonPlan) return <ProblemResult error={error} code={error ? undefined : 'NOT_FOUND'} onRetry={() => void refetch()} />;
  const p = data.lessonPlan;
  const tab = params.get('tab') ?? 'plan';
  const src = p.adaptedFrom;
  const contentOf = (v: number) => p.revisions.find((r) => r.version === v)?.content ?? p.content;
  const items = [
    {
      key: 'plan',
      label: t('plans.tabContent'),
      children: (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {src ? (
            <Alert
              type={src.hasNewerVersion ? 'warning' : 'info'}
              showIcon
              title={<>{t('plans.adaptedFrom')}<Link to={`/plans/${src.plan.id}`}>{src.plan.title}</Link>（{t('plans.versionN', { n: src.version })}）</>}
              description={
                src.hasNewerVersion && src.diffSinceAdapted ? (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {t('plans.sourceNewer', { n: src.latestPublishedVersion, from: src.version })}
                    <DiffView lines={src.diffSinceAdapted.contentLines} labels={[t('plans.versionN', { n: src.version }), t('plans.versionN', { n: src.latestPublishedVersion })]} />
                  </Space>
                ) : (
                  t('plans.sourceCurrent')
                )
              }
            />
          ) : null}
          {p.reviewNote ? <Alert type="warning" showIcon title={t('plans.reviewNote', { note: p.reviewNote })} /> : null}
          <Card>
            <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
              {p.unit ? <Descriptions.Item label={t('plans.unit')}>{p.unit}</Descriptions.Item> : null}
              {p.objectives ? <Descriptions.Item label={t('plans.objectives')}><span style={{ whiteSpace: 'pre-wrap' }}>{p.objectives}</span></Descriptions.Item> : null}
              {p.keyPoints ? <Descriptions.Item label={t('plans.keyPoints')}><span style={{ whiteSpace: 'pre-wrap' }}>{p.keyPoints}</span></Descriptions.Item> : null}
            </Descriptions>
            {/^\s*#/.test(p.content) ? null : <Typography.Title level={4}>{t('plans.content')}</Typography.Title>}
            <Markdown text={p.content} />
            {p.resources.length ? (
              <>
                <Typography.Title level={5}>{t('plans.resources')}</Typography.Title>
                <ul>
                  {p.resources.map((r) => (
                    <li key={r.url}><a href={r.url} target="_blank" rel="noreferrer noopener">{r.title}</a></li>
                  ))}
                </ul>
              </>
            ) : null}
          </Card>
        </Space>
      ),
    },
    ...(p.viewerActions.includes('EDIT' as never)
      ? [{ key: 'edit', label: t('plans.tabEdit'), children: <PlanEditor key={p.id} plan={p} newerVersion={Math.max(newest ?? 0, p.version)} onSaved={() => void refetch()} /> }]
      : []),
    { key: 'history', label: t('plans.tabHistory'), children: <PlanHistory key={p.revisions.length} plan={p} /> },
    { key: 'comments', label: t('plans.comment'), children: <PlanComments planId={p.id} versions={p.revisions.map((r) => r.version)} contentOf={contentOf} canResolveAll={p.viewerSeesDrafts} /> },
    { key: 'adoptions', label: t('plans.tabAdoptions', { n: p.adoptions.length }), children: <PlanAdoptions plan={p} onChange={() => void refetch()} /> },
  ];
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap align="start">
          <div>
            <Typography.Title level={2} style={{ marginBottom: 4 }}>
              {p.title}
            </Typography.Title>
            <Space wrap>
              <Tag color={STATUS_COLOR[p.status]}>{label('LessonPlanStatus', p.status)}</Tag>
              <Tag>{label('LessonPlanKind', p.kind)}</Tag>
              <Typography.Text type="secondary">
                {p.subject} · {p.grade} · {t('plans.versionN', { n: p.version })}
                {p.publishedVersion && p.viewerSeesDrafts ? ` · ${t('plans.publishedVersion', { n: p.publishedVersion })}` : ''}
              </Typography.Text>
            </Space>
          </div>
          <PlanActions plan={p} onChange={() => void refetch()} />
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('plans.group')}><Link to={`/groups/${p.group.id}`}>{p.group.name}</Link></Descriptions.Item>
          {p.team ? <Descriptions.Item label={t('plans.teamName')}>{p.team.name}</Descriptions.Item> : null}
          <Descriptions.Item label={p.owner ? t('plans.owner') : t('plans.mainPreparer')}>{p.owner?.name ?? p.mainPreparer.name}</Descriptions.Item>
          {p.adaptationCount ? <Descriptions.Item label={t('plans.adapt')}>{t('plans.adaptations', { n: p.adaptationCount })}</Descriptions.Item> : null}
        </Descriptions>
        {!p.viewerSeesDrafts ? <Typography.Text type="secondary">{t('plans.readOnly')}</Typography.Text> : null}
      </div>
      <Tabs activeKey={tab} onChange={(k) => setParams(k === 'plan' ? {} : { tab: k }, { replace: true })} items={items} destroyOnHidden={false} />
    </Space>
  );
}
