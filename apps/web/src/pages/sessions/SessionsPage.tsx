import { useQuery } from '@apollo/client/react';
import { DatePicker, Segmented, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/me';
import { CursorTable } from '../../features/common/CursorTable';
import { useCursorPages } from '../../features/common/pages';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { ResearchSessionStatus, ResearchSessionType, SessionsQuery } from '../../gql/graphql';
import { ScheduleSessionButton, SESSION_TYPES } from './ScheduleSessionButton';
import { useMyGroups } from './useMyGroups';
import { when } from './when';

const SESSIONS = graphql(`
  query Sessions($filter: ResearchSessionFilter, $after: String) {
    researchSessions(first: 20, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title type mode status overdue startsAt endsAt group { id name } hostSchool { id name } } }
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
/** Subjects of the compulsory curriculum (a session's 学科). */
const SUBJECTS = ['语文', '数学', '英语', '科学', '物理', '化学', '生物', '历史', '地理', '道德与法治', '音乐', '美术', '体育', '信息科技', '劳动'];
const SCHEDULERS = ['PLATFORM_ADMIN', 'REGION_ADMIN', 'GROUP_MANAGER', 'SCHOOL_ADMIN'];

/** `/sessions`: the research sessions the user may see (their groups, their invitations), live first; filters in the address. */
export default function SessionsPage() {
  const { t, lang } = useI18n();
  const label = useLabels();
  const { active } = useMe();
  const groups = useMyGroups();
  const [params, setParams] = useSearchParams();
  const pages = useCursorPages();
  const status = (params.get('status') ?? 'LIVE') as ResearchSessionStatus;
  const get = (k: string) => params.get(k) || undefined;
  const set = (values: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(values)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
    pages.reset();
  };
  const filter = { status, groupId: get('group'), type: get('type') as ResearchSessionType | undefined, subject: get('subject'), from: get('from'), to: get('to'),
    // what is coming soonest first; what is over, the latest first
    newestFirst: status === 'ENDED' || status === 'CANCELLED' };
  const { data, error, loading } = useQuery(SESSIONS, { variables: { filter, after: pages.after } });
  const page = data?.researchSessions;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ marginBottom: 0 }}>
          {t('sessions.title')}
        </Typography.Title>
        {active && SCHEDULERS.includes(active.role) && groups.length ? <ScheduleSessionButton groups={groups} /> : null}
      </Space>
      <Segmented value={status} onChange={(v) => set({ status: v === 'LIVE' ? undefined : String(v) })} options={TABS.map(([v, k]) => ({ value: v, label: t(k) }))} />
      <Space wrap>
        <Select aria-label={t('sessions.group')} style={{ width: 240 }} value={filter.groupId ?? ''} onChange={(v) => set({ group: v })} options={[{ value: '', label: t('sessions.allGroups') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} />
        <Select aria-label={t('sessions.type')} style={{ width: 160 }} value={filter.type ?? ''} onChange={(v) => set({ type: v })} options={[{ value: '', label: t('sessions.allTypes') }, ...SESSION_TYPES.map((x) => ({ value: x, label: label('ResearchSessionType', x) }))]} />
        <Select aria-label={t('sessions.subject')} style={{ width: 140 }} value={filter.subject ?? ''} onChange={(v) => set({ subject: v })} options={[{ value: '', label: t('sessions.allSubjects') }, ...SUBJECTS.map((x) => ({ value: x, label: x }))]} />
        <DatePicker.RangePicker
          aria-label={t('common.period')}
          value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
          onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        />
      </Space>
      <CursorTable<Row>
        connection={page}
        loading={loading}
        error={error}
        pages={pages}
        minWidth={900}
        columns={[
          { title: t('sessions.when'), key: 'when', width: 220, render: (_: unknown, s) => when(s.startsAt, s.endsAt, lang) },
          { title: t('nav.sessions'), key: 'title', render: (_: unknown, s) => <Link to={`/sessions/${s.id}`}>{s.title}</Link> },
          { title: t('sessions.type'), key: 'type', width: 130, render: (_: unknown, s) => label('ResearchSessionType', s.type) },
          { title: t('sessions.group'), key: 'group', render: (_: unknown, s) => <Link to={`/groups/${s.group.id}`}>{s.group.name}</Link> },
          { title: t('sessions.host'), key: 'host', render: (_: unknown, s) => s.hostSchool.name },
          { title: t('sessions.status'), key: 'status', width: 100, render: (_: unknown, s) => (s.overdue ? <Tag color="orange">{t('sessions.overdue')}</Tag> : <Tag color={COLOR[s.status]}>{label('ResearchSessionStatus', s.status)}</Tag>) },
        ]}
      />
    </Space>
  );
}
