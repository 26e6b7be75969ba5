import { useQuery } from '@apollo/client/react';
import { Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useCursorPages } from '../../features/common/pages';
import { CursorTable } from '../../features/common/CursorTable';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { SessionsQuery } from '../../gql/graphql';
import { when } from './when';

const SESSIONS = graphql(`
  query Sessions($status: ResearchSessionStatus, $after: String) {
    researchSessions(first: 20, after: $after, filter: { status: $status }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title type mode status startsAt endsAt group { id name } hostSchool { id name } } }
    }
  }
`);

type Row = SessionsQuery['researchSessions']['edges'][number]['node'];
const TABS = [
  ['LIVE', 'sessions.live'],
  ['SCHEDULED', 'sessions.upcoming'],
  ['ENDED', 'sessions.past'],
  ['CANCELLED', 'sessions.cancelled'],
] as const;
const COLOR: Record<string, string> = { LIVE: 'green', SCHEDULED: 'blue', ENDED: 'default', CANCELLED: 'red' };

/** `/sessions`: the research sessions the user may see (their groups, their invitations), live first. */
export default function SessionsPage() {
  const { t, lang } = useI18n();
  const label = useLabels();
  const [status, setStatus] = useState<(typeof TABS)[number][0]>('LIVE');
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(SESSIONS, { variables: { status, after: pages.after } });
  const page = data?.researchSessions;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        {t('sessions.title')}
      </Typography.Title>
      <Segmented value={status} onChange={(v) => (setStatus(v as typeof status), pages.reset())} options={TABS.map(([v, k]) => ({ value: v, label: t(k) }))} />
      <CursorTable<Row>
        connection={page}
        loading={loading}
        error={error}
        pages={pages}
        columns={[
          { title: t('sessions.when'), key: 'when', width: 220, render: (_: unknown, s) => when(s.startsAt, s.endsAt, lang) },
          { title: t('nav.sessions'), key: 'title', render: (_: unknown, s) => <Link to={`/sessions/${s.id}`}>{s.title}</Link> },
          { title: t('sessions.type'), key: 'type', render: (_: unknown, s) => label('ResearchSessionType', s.type) },
          { title: t('sessions.group'), key: 'group', render: (_: unknown, s) => <Link to={`/groups/${s.group.id}`}>{s.group.name}</Link> },
          { title: t('sessions.host'), key: 'host', render: (_: unknown, s) => s.hostSchool.name },
          { title: t('sessions.status'), key: 'status', render: (_: unknown, s) => <Tag color={COLOR[s.status]}>{label('ResearchSessionStatus', s.status)}</Tag> },
        ]}
      />
    </Space>
  );
}
