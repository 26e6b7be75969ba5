import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, DatePicker, Form, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { day, todayInChina } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../features/common/FormModal';
import { PAIRINGS } from '../../features/common/pages';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useShowProblem } from '../../features/common/useShowProblem';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';

const MEMBERS = graphql(`
  query GroupMembers($id: ID!) {
    schoolGroup(id: $id) {
      id
      members(includeFormer: true) { id role pairing joinedOn leftOn school { id name stage locale studentCount } }
    }
  }
`);

const SCHOOLS = graphql(`
  query SchoolsToAdd($regionId: ID!, $search: String) {
    schools(first: 20, filter: { regionId: $regionId, search: $search }) { edges { node { id name } } }
  }
`);

const ADD = graphql(`
  mutation AddGroupMember($input: AddGroupMemberInput!) {
    addGroupMember(input: $input) { id }
  }
`);

const REMOVE = graphql(`
  mutation RemoveGroupMember($groupId: ID!, $schoolId: ID!) {
    removeGroupMember(groupId: $groupId, schoolId: $schoolId) { id leftOn }
  }
`);


/** Member schools (lead first), former members, and for those allowed: add and remove. */
export function GroupMembers({ groupId, regionId, canManage }: { groupId: string; regionId: string; canManage: boolean }) {
  const { t, lang } = useI18n();
  const label = useLabels();
  const { message } = App.useApp();
  const { data, error, refetch } = useQuery(MEMBERS, { variables: { id: groupId } });
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState('');
  const schools = useQuery(SCHOOLS, { variables: { regionId, search: search || null }, skip: !adding });
  const [add] = useMutation(ADD);
  const [remove] = useMutation(REMOVE);
  const fail = useShowProblem();
  const members = data?.schoolGroup?.members ?? [];
  const current = members.filter((m) => !m.leftOn);
  const former = members.filter((m) => m.leftOn);
  const schoolLink = (m: (typeof members)[number]) => <Link to={`/schools/${m.school.id}`}>{m.school.name}</Link>;
  const columns = [
    { title: t('group.school'), key: 'school', render: (_: unknown, m: (typeof members)[number]) => schoolLink(m) },
    { title: t('group.role'), key: 'role', render: (_: unknown, m: (typeof members)[number]) => <Tag color={m.role === 'LEAD' ? 'blue' : undefined}>{label('MemberRole', m.role)}</Tag> },
    { title: t('group.pairing'), key: 'pairing', render: (_: unknown, m: (typeof members)[number]) => label('Pairing', m.pairing) },
    { title: t('school.stage'), key: 'stage', render: (_: unknown, m: (typeof members)[number]) => label('SchoolStage', m.school.stage) },
    { title: t('group.joined'), key: 'joined', render: (_: unknown, m: (typeof members)[number]) => day(m.joinedOn, lang) },
  ];
  return (
    <>
      <Card
        title={`${t('group.members')} (${current.length})`}
        extra={canManage ? <Button type="primary" onClick={() => setAdding(true)}>{t('group.addMember')}</Button> : null}
      >
        {error ? <ProblemResult error={error} /> : null}
        <Table
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={current}
          columns={[
            ...columns,
            ...(canManage
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, m: (typeof members)[number]) =>
                      m.role === 'LEAD' ? null : (
                        <Popconfirm
                          title={t('group.removeConfirm', { name: m.school.name })}
                          okText={t('group.removeMember')}
                          cancelText={t('common.cancel')}
                          onConfirm={async () => {
                            try {
                              await remove({ variables: { groupId, schoolId: m.school.id } });
                              message.success(t('group.memberRemoved'));
                              await refetch();
                            } catch (err) {
                              fail(err);
                            }
                          }}
                        >
                          <Button size="small" danger>
                            {t('group.removeMember')}
                          </Button>
                        </Popconfirm>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {former.length ? (
        <Card title={`${t('group.former')} (${former.length})`}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={former}
            columns={[...columns, { title: t('group.left'), key: 'left', render: (_: unknown, m: (typeof members)[number]) => day(m.leftOn, lang) }]}
          />
        </Card>
      ) : null}
      <FormModal<{ schoolId: string; pairing: string; joinedOn: dayjs.Dayjs }>
        open={adding}
        title={t('group.addMember')}
        success={t('group.memberAdded')}
        onClose={() => setAdding(false)}
        initialValues={{ pairing: 'STRONG_WEAK', joinedOn: dayjs(todayInChina()) }}
        onSubmit={async (v) => {
          await add({ variables: { input: { groupId, schoolId: v.schoolId, pairing: v.pairing as 'OTHER', joinedOn: v.joinedOn.format('YYYY-MM-DD') } } });
          await refetch();
        }}
      >
        <Form.Item name="schoolId" label={t('group.school')} rules={[{ required: true, message: t('group.school') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('common.search')}
            loading={schools.loading}
            options={(schools.data?.schools.edges ?? []).filter((e) => !current.some((m) => m.school.id === e.node.id)).map((e) => ({ value: e.node.id, label: e.node.name }))}
          />
        </Form.Item>
        <Space size="large">
          <Form.Item name="pairing" label={t('group.pairing')} rules={[{ required: true }]}>
            <Select style={{ width: 200 }} options={PAIRINGS.map((p) => ({ value: p, label: label('Pairing', p) }))} />
          </Form.Item>
          <Form.Item name="joinedOn" label={t('group.joinedOn')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
        </Space>
      </FormModal>
    </>
  );
}
