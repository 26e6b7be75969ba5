import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { day, number } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Loading } from '../../features/common/Loading';
import { useCursorPages } from '../../features/common/pages';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { SchoolTeachersQuery } from '../../gql/graphql';

const SCHOOL = graphql(`
  query SchoolPage($id: ID!) {
    school(id: $id) {
      id
      name
      stage
      locale
      studentCount
      teacherCount
      region { id name }
      campusOf { id name }
      memberships(includeFormer: true) { id role pairing joinedOn leftOn group { id name kind mode } }
    }
  }
`);

const TEACHERS = graphql(`
  query SchoolTeachers($id: ID!, $search: String, $after: String) {
    teachers(first: 20, after: $after, filter: { schoolId: $id, search: $search }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name subjects title yearsOfExperience email phone honours } }
    }
  }
`);

type TeacherRow = SchoolTeachersQuery['teachers']['edges'][number]['node'];

/** `/schools/:id`: a school's facts, the groups it belongs to (and belonged to), its teachers (contact data only within scope). */
export default function SchoolPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const label = useLabels();
  const [search, setSearch] = useState('');
  const pages = useCursorPages();
  const { data, loading, error, refetch } = useQuery(SCHOOL, { variables: { id } });
  const teachers = useQuery(TEACHERS, { variables: { id, search: search || null, after: pages.after } });
  if (loading && !data) return <Loading />;
  if (error || !data?.school) return <ProblemResult error={error} code={error ? undefined : 'NOT_FOUND'} onRetry={() => void refetch()} />;
  const s = data.school;
  const conn = teachers.data?.teachers;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        {s.name}
      </Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('school.region')}>{s.region.name}</Descriptions.Item>
          <Descriptions.Item label={t('school.stage')}>{label('SchoolStage', s.stage)}</Descriptions.Item>
          <Descriptions.Item label={t('school.locale')}>{label('SchoolLocale', s.locale)}</Descriptions.Item>
          <Descriptions.Item label={t('school.students')}>{number(s.studentCount, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('school.teachers')}>{number(s.teacherCount, lang)}</Descriptions.Item>
          {s.campusOf ? (
            <Descriptions.Item label={t('school.campusOf')}>
              <Link to={`/schools/${s.campusOf.id}`}>{s.campusOf.name}</Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('school.groups')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={s.memberships}
          locale={{ emptyText: t('common.none') }}
          columns={[
            { title: t('nav.group'), key: 'group', render: (_: unknown, m) => <Link to={`/groups/${m.group.id}`}>{m.group.name}</Link> },
            { title: t('group.kind'), key: 'kind', render: (_: unknown, m) => label('GroupKind', m.group.kind) },
            { title: t('group.role'), key: 'role', render: (_: unknown, m) => <Tag color={m.role === 'LEAD' ? 'blue' : undefined}>{label('MemberRole', m.role)}</Tag> },
            { title: t('group.pairing'), key: 'pairing', render: (_: unknown, m) => label('Pairing', m.pairing) },
            { title: t('group.joined'), key: 'joined', render: (_: unknown, m) => day(m.joinedOn, lang) },
            { title: t('group.left'), key: 'left', render: (_: unknown, m) => (m.leftOn ? day(m.leftOn, lang) : '') },
          ]}
        />
      </Card>
      <Card
        title={`${t('school.teacherList')}${conn ? ` (${conn.totalCount})` : ''}`}
        extra={<Input.Search allowClear placeholder={t('common.search')} onSearch={(v) => (setSearch(v.trim()), pages.reset())} style={{ width: 240 }} />}
      >
        {teachers.error ? <ProblemResult error={teachers.error} /> : null}
        <Table<TeacherRow>
          rowKey="id"
          size="small"
          loading={teachers.loading}
          dataSource={conn?.edges.map((e) => e.node) ?? []}
          locale={{ emptyText: t('common.none') }}
          pagination={false}
          columns={[
            { title: t('school.teacherName'), dataIndex: 'name', key: 'name' },
            { title: t('school.subjects'), key: 'subjects', render: (_: unknown, r) => r.subjects.join('、') },
            { title: t('school.title'), key: 'title', render: (_: unknown, r) => label('TeacherTitle', r.title) },
            { title: t('school.honours'), key: 'honours', render: (_: unknown, r) => r.honours.map((h) => <Tag key={h}>{label('TeacherHonour', h)}</Tag>) },
            { title: t('school.contact'), key: 'contact', render: (_: unknown, r) => [r.email, r.phone].filter(Boolean).join(' · ') || '—' },
          ]}
          footer={() => pages.footer(conn?.pageInfo)}
        />
      </Card>
    </Space>
  );
}
