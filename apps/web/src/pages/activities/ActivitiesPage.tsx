import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { day, number, todayInChina } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../features/common/FormModal';
import { EnumSelect } from '../../features/common/EnumSelect';
import { ConnectionTable } from '../../features/common/pages';
import { MemberSchoolSelect } from '../../features/common/pickers';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useGroupWork } from '../../features/common/useGroupWork';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { StudentActivitiesQuery, StudentActivityType } from '../../gql/graphql';

const ACTIVITIES = graphql(`
  query StudentActivities($groupId: ID!, $type: StudentActivityType, $from: Date, $to: Date, $after: String) {
    studentActivities(first: 20, after: $after, filter: { groupId: $groupId, type: $type, from: $from, to: $to }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title type heldOn participantCount description schools { id name } } }
    }
  }
`);

const RECORD = graphql(`
  mutation RecordStudentActivity($input: RecordStudentActivityInput!) {
    recordStudentActivity(input: $input) { id }
  }
`);

const TYPES: StudentActivityType[] = ['READING', 'SCIENCE', 'ARTS', 'SPORTS', 'LABOUR', 'STUDY_TRIP', 'CLUB', 'OTHER'];
type Row = StudentActivitiesQuery['studentActivities']['edges'][number]['node'];
interface RecordValues {
  title: string;
  type: StudentActivityType;
  heldOn: dayjs.Dayjs;
  participantCount: number;
  schoolIds: string[];
  description?: string;
}

/** `/activities`: a group's joint student activities (学生活动) in a period; managers record one. */
export default function ActivitiesPage() {
  const { t, lang } = useI18n();
  const label = useLabels();
  const { rights, groupId, period, value: type, pages, header } = useGroupWork({
    title: t('activities.title'),
    enumName: 'StudentActivityType',
    values: TYPES,
    all: t('activities.allTypes'),
    filterLabel: t('activities.type'),
  });
  const { data, error, loading, refetch } = useQuery(ACTIVITIES, { variables: { groupId: groupId ?? '', type, from: period.from, to: period.to, after: pages.after }, skip: !groupId || !rights.groupWork });
  const [record] = useMutation(RECORD);
  const [recording, setRecording] = useState(false);
  if (!rights.groupWork) return <ProblemResult code="FORBIDDEN" />;
  const page = data?.studentActivities;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {header}
      <Card
        title={`${t('activities.list')} (${page?.totalCount ?? 0})`}
        extra={groupId && rights.recordActivity ? <Button type="primary" onClick={() => setRecording(true)}>{t('activities.record')}</Button> : null}
      >
        {error ? <ProblemResult error={error} onRetry={() => void refetch()} /> : (
          <ConnectionTable<Row>
            connection={page}
            pages={pages}
            loading={loading}
            expandable={{ rowExpandable: (a) => !!a.description, expandedRowRender: (a) => <Typography.Paragraph style={{ margin: 0 }}>{a.description}</Typography.Paragraph> }}
            columns={[
              { title: t('activities.heldOn'), key: 'heldOn', width: 150, render: (_: unknown, a) => day(a.heldOn, lang) },
              { title: t('activities.name'), key: 'title', render: (_: unknown, a) => a.title },
              { title: t('activities.type'), key: 'type', width: 110, render: (_: unknown, a) => <Tag>{label('StudentActivityType', a.type)}</Tag> },
              { title: t('activities.schools'), key: 'schools', render: (_: unknown, a) => a.schools.map((s) => s.name).join('、') },
              { title: t('activities.participants'), key: 'n', width: 110, align: 'right', render: (_: unknown, a) => number(a.participantCount, lang) },
            ]}
          />
        )}
      </Card>
      {groupId && rights.recordActivity ? (
        <FormModal<RecordValues>
          open={recording}
          title={t('activities.record')}
          width={640}
          success={t('activities.recorded')}
          onClose={() => setRecording(false)}
          initialValues={{ type: 'READING', heldOn: dayjs(todayInChina()) }}
          onSubmit={async (v) => {
            await record({
              variables: {
                input: { groupId, title: v.title, type: v.type, heldOn: v.heldOn.format('YYYY-MM-DD'), participantCount: v.participantCount, schoolIds: v.schoolIds, description: v.description || null },
              },
            });
            await refetch();
          }}
        >
          <Form.Item name="title" label={t('activities.name')} rules={[{ required: true, whitespace: true, message: t('activities.nameRequired') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="type" label={t('activities.type')} rules={[{ required: true }]}>
              <EnumSelect enumName="StudentActivityType" values={TYPES} />
            </Form.Item>
            <Form.Item name="heldOn" label={t('activities.heldOn')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="participantCount" label={t('activities.participants')} rules={[{ required: true, message: t('activities.participantsRequired') }]}>
              <InputNumber min={1} max={100000} precision={0} style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Form.Item name="schoolIds" label={t('activities.schools')} rules={[{ required: true, message: t('activities.schoolsRequired') }]}>
            <MemberSchoolSelect groupId={groupId} multiple />
          </Form.Item>
          <Form.Item name="description" label={t('activities.description')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </FormModal>
      ) : null}
    </Space>
  );
}
