import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { PlanPageQuery } from '../../gql/graphql';
import { DiffView } from './DiffView';

const DIFF = graphql(`
  query PlanDiff($id: ID!, $from: Int!, $to: Int!) {
    lessonPlanDiff(id: $id, fromVersion: $from, toVersion: $to) {
      fromVersion toVersion changedFields linesAdded linesRemoved
      contentLines { op text fromLine toLine }
      fieldChanges { field before after }
    }
  }
`);

type Plan = NonNullable<PlanPageQuery['lessonPlan']>;
const FIELD_SECTION: Record<string, string> = { title: 'TITLE', unit: 'UNIT', objectives: 'OBJECTIVES', keyPoints: 'KEY_POINTS', content: 'CONTENT', resources: 'RESOURCES' };

/** Every version the viewer may see, and the diff between any two of them (unified or side by side). */
export function PlanHistory({ plan }: { plan: Plan }) {
  const { t, lang } = useI18n();
  const label = useLabels();
  const versions = plan.revisions.map((r) => r.version);
  const [from, setFrom] = useState(versions.length > 1 ? versions[versions.length - 2] : versions[0]);
  const [to, setTo] = useState(versions[versions.length - 1]);
  const { data, error } = useQuery(DIFF, { variables: { id: plan.id, from, to }, skip: !from || !to || from === to });
  const d = data?.lessonPlanDiff;
  const fieldName = (f: string) => label('LessonPlanSection', FIELD_SECTION[f] ?? f);
  const options = versions.map((v) => ({ value: v, label: t('plans.versionN', { n: v }) }));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Table
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={[...plan.revisions].reverse()}
        columns={[
          { title: t('plans.version'), key: 'v', width: 80, render: (_: unknown, r) => r.version },
          { title: t('plans.planTitle'), key: 'title', render: (_: unknown, r) => r.title },
          { title: t('plans.note'), key: 'note', render: (_: unknown, r) => r.note ?? '' },
          { title: t('plans.author'), key: 'author', width: 110, render: (_: unknown, r) => r.author?.name ?? r.authorUser?.displayName ?? '' },
          { title: t('plans.updated'), key: 'at', width: 170, render: (_: unknown, r) => new Date(r.createdAt).toLocaleString(lang, { timeZone: 'Asia/Shanghai', hour12: false }) },
          { title: t('plans.publishedAt'), key: 'pub', width: 110, render: (_: unknown, r) => (r.publishedAt ? <Tag color="green">{label('LessonPlanStatus', 'PUBLISHED')}</Tag> : null) },
        ]}
      />
      {versions.length > 1 ? (
        <Card
          size="small"
          title={
            <Space wrap>
              {t('plans.compare')}
              <Select aria-label={t('plans.from')} size="small" style={{ width: 110 }} value={from} onChange={setFrom} options={options} />
              {t('plans.to')}
              <Select aria-label={t('plans.to')} size="small" style={{ width: 110 }} value={to} onChange={setTo} options={options} />
            </Space>
          }
        >
          {error ? <ProblemResult error={error} /> : null}
          {from === to ? <Empty description={t('plans.noChanges')} /> : null}
          {d ? (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                {d.changedFields.length ? t('plans.changedFields', { fields: d.changedFields.map(fieldName).join('、') }) : t('plans.noChanges')}
                {d.changedFields.includes('content') ? ` · ${t('plans.linesChanged', { added: d.linesAdded, removed: d.linesRemoved })}` : ''}
              </Typography.Text>
              {d.fieldChanges.filter((c) => c.field !== 'content').length ? (
                <Descriptions size="small" column={1} bordered>
                  {d.fieldChanges
                    .filter((c) => c.field !== 'content')
                    .map((c) => (
                      <Descriptions.Item key={c.field} label={fieldName(c.field)}>
                        <del style={{ color: '#cf1322' }}>{c.before ?? ''}</del> → <ins style={{ color: '#389e0d', textDecoration: 'none' }}>{c.after ?? ''}</ins>
                      </Descriptions.Item>
                    ))}
                </Descriptions>
              ) : null}
              {d.changedFields.includes('content') ? <DiffView lines={d.contentLines} labels={[t('plans.versionN', { n: d.fromVersion }), t('plans.versionN', { n: d.toVersion })]} /> : null}
            </Space>
          ) : null}
        </Card>
      ) : null}
    </Space>
  );
}
