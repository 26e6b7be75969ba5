import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, DatePicker, Form, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { day, todayInChina } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../features/common/FormModal';
import { EnumSelect } from '../../features/common/EnumSelect';
import { ConnectionTable } from '../../features/common/pages';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useGroupWork } from '../../features/common/useGroupWork';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { ExchangeKind, ExchangesQuery } from '../../gql/graphql';
import { GroupRotationCard } from '../groups/GroupRotationCard';
import { GroupTeacherSelect, MemberSchoolSelect } from '../../features/common/pickers';

const EXCHANGES = graphql(`
  query Exchanges($groupId: ID!, $kind: ExchangeKind, $from: Date, $to: Date, $after: String) {
    teacherExchanges(first: 20, after: $after, filter: { groupId: $groupId, kind: $kind, from: $from, to: $to }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind startsOn endsOn note teacher { id name } fromSchool { id name } toSchool { id name } } }
    }
  }
`);

const RECORD = graphql(`
  mutation RecordTeacherExchange($input: RecordTeacherExchangeInput!) {
    recordTeacherExchange(input: $input) { id }
  }
`);

const END = graphql(`
  mutation EndTeacherExchange($id: ID!, $endsOn: Date!) {
    endTeacherExchange(id: $id, endsOn: $endsOn) { id endsOn }
  }
`);

const KINDS: ExchangeKind[] = ['ROTATION', 'TRAVELING', 'SUPPORT'];
type Row = ExchangesQuery['teacherExchanges']['edges'][number]['node'];
interface RecordValues {
  teacher: { id: string; schoolId: string };
  toSchoolId: string;
  kind: ExchangeKind;
  range: [dayjs.Dayjs, dayjs.Dayjs | null];
  note?: string;
}

/** `/exchanges`: a group's teacher exchanges (交流轮岗 · 走教送教 · 支教) in a period, the rotation quota, record and end one. */
export default function ExchangesPage() {
  const { t, lang } = useI18n();
  const label = useLabels();
  const { rights, groupId, period, value: kind, pages, header } = useGroupWork({
    title: t('exchanges.title'),
    enumName: 'ExchangeKind',
    values: KINDS,
    all: t('exchanges.allKinds'),
    filterLabel: t('exchanges.kind'),
  });
  const { data, error, loading, refetch } = useQuery(EXCHANGES, { variables: { groupId: groupId ?? '', kind, from: period.from, to: period.to, after: pages.after }, skip: !groupId || !rights.groupWork });
  const [record] = useMutation(RECORD);
  const [end] = useMutation(END);
  const [recording, setRecording] = useState(false);
  const [ending, setEnding] = useState<Row | null>(null);
  if (!rights.groupWork) return <ProblemResult code="FORBIDDEN" />;
  const page = data?.teacherExchanges;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {header}
      {groupId && rights.rotation ? <GroupRotationCard groupId={groupId} /> : null}
      <Card
        title={`${t('exchanges.list')} (${page?.totalCount ?? 0})`}
        extra={groupId ? <Button type="primary" onClick={() => setRecording(true)}>{t('exchanges.record')}</Button> : null}
      >
        {error ? <ProblemResult error={error} onRetry={() => void refetch()} /> : (
          <ConnectionTable<Row>
            connection={page}
            pages={pages}
            loading={loading}
            columns={[
              { title: t('exchanges.teacher'), key: 'teacher', width: 100, render: (_: unknown, x) => x.teacher.name },
              { title: t('exchanges.kind'), key: 'kind', width: 100, render: (_: unknown, x) => <Tag color={x.kind === 'ROTATION' ? 'blue' : x.kind === 'TRAVELING' ? 'green' : 'orange'}>{label('ExchangeKind', x.kind)}</Tag> },
              { title: t('exchanges.from'), key: 'from', render: (_: unknown, x) => x.fromSchool.name },
              { title: t('exchanges.to'), key: 'to', render: (_: unknown, x) => x.toSchool.name },
              { title: t('exchanges.starts'), key: 'starts', width: 140, render: (_: unknown, x) => day(x.startsOn, lang) },
              { title: t('exchanges.ends'), key: 'ends', width: 140, render: (_: unknown, x) => (x.endsOn ? day(x.endsOn, lang) : <Tag>{t('exchanges.open')}</Tag>) },
              { title: t('exchanges.note'), key: 'note', ellipsis: true, render: (_: unknown, x) => x.note ?? '' },
              {
                title: '',
                key: 'actions',
                width: 136,
                render: (_: unknown, x) =>
                  !x.endsOn || x.endsOn >= todayInChina() ? (
                    <Button size="small" onClick={() => setEnding(x)}>
                      {x.endsOn ? t('exchanges.move') : t('exchanges.end')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      {groupId ? (
        <FormModal<RecordValues>
          open={recording}
          title={t('exchanges.record')}
          width={640}
          success={t('exchanges.recorded')}
          onClose={() => setRecording(false)}
          initialValues={{ kind: 'ROTATION', range: [dayjs(todayInChina()), null] }}
          onSubmit={async (v) => {
            await record({
              variables: {
                input: {
                  groupId,
                  teacherId: v.teacher.id,
                  fromSchoolId: v.teacher.schoolId,
                  toSchoolId: v.toSchoolId,
                  kind: v.kind,
                  startsOn: v.range[0].format('YYYY-MM-DD'),
                  endsOn: v.range[1] ? v.range[1].format('YYYY-MM-DD') : null,
                  note: v.note || null,
                },
              },
            });
            await refetch();
          }}
        >
          {(form) => (
            <>
              <Form.Item name="teacher" label={t('exchanges.teacher')} rules={[{ required: true, message: t('exchanges.teacherRequired') }]}>
                <GroupTeacherSelect groupId={groupId} onPicked={() => form.setFieldValue('toSchoolId', undefined)} />
              </Form.Item>
              <Form.Item noStyle dependencies={['teacher']}>
                {() => (
                  <Form.Item name="toSchoolId" label={t('exchanges.to')} rules={[{ required: true, message: t('exchanges.toRequired') }]}>
                    <MemberSchoolSelect groupId={groupId} exclude={(form.getFieldValue('teacher') as RecordValues['teacher'] | undefined)?.schoolId} />
                  </Form.Item>
                )}
              </Form.Item>
              <Space size="large" wrap>
                <Form.Item name="kind" label={t('exchanges.kind')} rules={[{ required: true }]}>
                  <EnumSelect enumName="ExchangeKind" values={KINDS} />
                </Form.Item>
                <Form.Item name="range" label={t('exchanges.period')} rules={[{ required: true }]}>
                  <DatePicker.RangePicker allowEmpty={[false, true]} placeholder={[t('exchanges.starts'), t('exchanges.openEnd')]} />
                </Form.Item>
              </Space>
              <Form.Item name="note" label={t('exchanges.note')}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
            </>
          )}
        </FormModal>
      ) : null}
      <FormModal<{ endsOn: dayjs.Dayjs }>
        open={!!ending}
        title={ending ? t('exchanges.endTitle', { name: ending.teacher.name }) : ''}
        success={t('exchanges.ended')}
        onClose={() => setEnding(null)}
        initialValues={{ endsOn: dayjs(ending?.endsOn ?? todayInChina()) }}
        onSubmit={async (v) => {
          await end({ variables: { id: ending!.id, endsOn: v.endsOn.format('YYYY-MM-DD') } });
          await refetch();
        }}
      >
        <Form.Item name="endsOn" label={t('exchanges.ends')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
