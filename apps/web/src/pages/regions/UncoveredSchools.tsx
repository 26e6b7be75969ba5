import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { number } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { PAIRINGS, useCursorPages } from '../../features/common/pages';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useShowProblem } from '../../features/common/useShowProblem';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';

const UNCOVERED = graphql(`
  query UncoveredSchools($id: ID!, $asOf: Date, $after: String, $search: String) {
    regionCoverage(regionId: $id, asOf: $asOf) {
      uncoveredSchools(first: 20, after: $after, search: $search) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id name stage locale studentCount region { id name } } }
      }
    }
  }
`);

const CONSORTIA = graphql(`
  query ConsortiaOfRegion($regionId: ID!, $search: String) {
    schoolGroups(first: 50, filter: { regionId: $regionId, kind: CONSORTIUM, search: $search }) { edges { node { id name } } }
  }
`);

const JOIN = graphql(`
  mutation JoinConsortium($input: AddGroupMemberInput!) {
    addGroupMember(input: $input) { id }
  }
`);

/** Compulsory schools of the region that are in no consortium on the date, 20 a page, each with "add to a consortium". */
export function UncoveredSchools({ regionId, asOf, canAdd, onAdded }: { regionId: string; asOf: string; canAdd: boolean; onAdded(): void }) {
  const { t, lang } = useI18n();
  const label = useLabels();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const pages = useCursorPages();
  const [name, setName] = useState('');
  const { data, error, loading, refetch } = useQuery(UNCOVERED, { variables: { id: regionId, asOf, after: pages.after, search: name || null } });
  const [target, setTarget] = useState<{ id: string; name: string; regionId: string } | null>(null);
  const [search, setSearch] = useState('');
  const consortia = useQuery(CONSORTIA, { variables: { regionId: target?.regionId ?? regionId, search: search || null }, skip: !target });
  const [join, joinState] = useMutation(JOIN);
  const [form] = Form.useForm();
  const page = data?.regionCoverage.uncoveredSchools;
  type Row = NonNullable<typeof page>['edges'][number]['node'];
  return (
    <Card
      title={`${t('region.uncovered')}${page ? ` (${number(page.totalCount, lang)})` : ''}`}
      extra={<Input.Search allowClear aria-label={t('common.search')} placeholder={t('common.search')} onSearch={(v) => (setName(v.trim()), pages.reset())} style={{ width: 240 }} />}
    >
      {error ? <ProblemResult error={error} /> : null}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={page?.edges.map((e) => e.node) ?? []}
        locale={{ emptyText: t('common.none') }}
        pagination={false}
        columns={[
          { title: t('school.name'), key: 'name', render: (_: unknown, s) => <Link to={`/schools/${s.id}`}>{s.name}</Link> },
          { title: t('school.region'), key: 'region', render: (_: unknown, s) => s.region.name },
          { title: t('school.stage'), key: 'stage', render: (_: unknown, s) => label('SchoolStage', s.stage) },
          { title: t('school.locale'), key: 'locale', render: (_: unknown, s) => label('SchoolLocale', s.locale) },
          { title: t('school.students'), key: 'students', align: 'right', render: (_: unknown, s) => number(s.studentCount, lang) },
          ...(canAdd
            ? [{ title: '', key: 'add', render: (_: unknown, s: Row) => <Button size="small" onClick={() => setTarget({ id: s.id, name: s.name, regionId: s.region.id })}>{t('region.addToConsortium')}</Button> }]
            : []),
        ]}
        footer={() => pages.footer(page?.pageInfo)}
      />
      <Modal
        open={!!target}
        title={`${t('region.addToConsortium')} · ${target?.name ?? ''}`}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={joinState.loading}
        onCancel={() => setTarget(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ pairing: 'STRONG_RURAL' }}
          onFinish={async (v: { groupId: string; pairing: string }) => {
            try {
              await join({ variables: { input: { groupId: v.groupId, schoolId: target!.id, pairing: v.pairing as 'OTHER' } } });
              message.success(t('group.memberAdded'));
              setTarget(null);
              await refetch();
              onAdded();
            } catch (err) {
              showProblem(err);
            }
          }}
        >
          <Form.Item name="groupId" label={t('region.consortia')} rules={[{ required: true, message: t('region.consortia') }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={consortia.loading}
              options={(consortia.data?.schoolGroups.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }))}
            />
          </Form.Item>
          <Form.Item name="pairing" label={t('group.pairing')} rules={[{ required: true }]}>
            <Select options={PAIRINGS.map((p) => ({ value: p, label: label('Pairing', p) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
