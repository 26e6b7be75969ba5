import { useQuery } from '@apollo/client/react';
import { Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/me';
import { useCursorPages } from '../../features/common/pages';
import { CursorTable } from '../../features/common/CursorTable';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { LessonPlanKind, LessonPlanStatus, PlansQuery } from '../../gql/graphql';
import { NewPlanButton } from './NewPlanButton';
import { STATUS_COLOR } from './status';

const PLANS = graphql(`
  query Plans($filter: LessonPlanFilter, $after: String) {
    lessonPlans(first: 20, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id title subject grade unit status version publishedVersion updatedAt kind
          group { id name }
          team { id name }
          mainPreparer { id name }
          owner { id name }
          adaptedFrom { hasNewerVersion }
        }
      }
    }
  }
`);

type Row = PlansQuery['lessonPlans']['edges'][number]['node'];
const STATUSES: LessonPlanStatus[] = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'ARCHIVED'] as LessonPlanStatus[];

/** `/plans`: the plans I can see (my teams' drafts, published plans of my groups) or my adaptations; search works in Chinese. */
export default function PlansPage() {
  const { t, lang } = useI18n();
  const label = useLabels();
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const kind = (params.get('kind') === 'ADAPTATION' ? 'ADAPTATION' : 'TEAM') as LessonPlanKind;
  const status = (params.get('status') || undefined) as LessonPlanStatus | undefined;
  const search = params.get('q') ?? '';
  const [typed, setTyped] = useState(search);
  const pages = useCursorPages();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    pages.reset();
  };
  const { data, error, loading } = useQuery(PLANS, { variables: { filter: { kind, status, search: search || undefined }, after: pages.after } });
  const page = data?.lessonPlans;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ marginBottom: 0 }}>
          {t('plans.title')}
        </Typography.Title>
        {me?.teacher ? <NewPlanButton /> : null}
      </Space>
      <Space wrap>
        <Segmented value={kind} onChange={(v) => set('kind', v === 'TEAM' ? undefined : String(v))} options={[{ value: 'TEAM', label: t('plans.team') }, { value: 'ADAPTATION', label: t('plans.mine') }]} />
        <Select
          style={{ width: 140 }}
          value={status ?? ''}
          onChange={(v) => set('status', v || undefined)}
          options={[{ value: '', label: t('plans.all') }, ...STATUSES.map((s) => ({ value: s, label: label('LessonPlanStatus', s) }))]}
        />
        <Input.Search
          allowClear
          style={{ width: 340 }}
          placeholder={t('plans.search')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => set('q', v.trim() || undefined)}
          enterButton={t('common.search')}
        />
      </Space>
      <CursorTable<Row>
        connection={page}
        loading={loading}
        error={error}
        pages={pages}
        minWidth={900}
        columns={[
          {
            title: t('plans.planTitle'),
            key: 'title',
            render: (_: unknown, p) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/plans/${p.id}`}>{p.title}</Link>
                {p.unit ? <Typography.Text type="secondary">{p.unit}</Typography.Text> : null}
              </Space>
            ),
          },
          { title: t('plans.subject'), key: 'subject', width: 130, render: (_: unknown, p) => `${p.subject} · ${p.grade}` },
          { title: kind === 'TEAM' ? t('plans.teamName') : t('plans.group'), key: 'team', render: (_: unknown, p) => p.team?.name ?? p.group.name },
          { title: kind === 'TEAM' ? t('plans.mainPreparer') : t('plans.owner'), key: 'who', width: 110, render: (_: unknown, p) => (kind === 'TEAM' ? p.mainPreparer.name : p.owner?.name) },
          {
            title: t('plans.status'),
            key: 'status',
            width: 150,
            render: (_: unknown, p) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLOR[p.status]}>{label('LessonPlanStatus', p.status)}</Tag>
                {p.adaptedFrom?.hasNewerVersion ? <Tag color="orange">{t('plans.sourceUpdated')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('plans.version'), key: 'version', width: 80, render: (_: unknown, p) => p.version },
          { title: t('plans.updated'), key: 'updated', width: 120, render: (_: unknown, p) => new Date(p.updatedAt).toLocaleDateString(lang, { timeZone: 'Asia/Shanghai' }) },
        ]}
      />
    </Space>
  );
}
