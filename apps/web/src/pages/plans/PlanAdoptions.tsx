import { useMutation } from '@apollo/client/react';
import { App, Button, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { todayInChina } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/me';
import { FormModal } from '../../features/common/FormModal';
import { useShowProblem } from '../../features/common/useShowProblem';
import { graphql } from '../../gql';
import type { PlanPageQuery } from '../../gql/graphql';

const RECORD = graphql(`mutation RecordAdoption($input: RecordAdoptionInput!) { recordLessonPlanAdoption(input: $input) { id } }`);

type Plan = NonNullable<PlanPageQuery['lessonPlan']>;
interface Values {
  taughtOn: Dayjs;
  schoolId: string;
  className?: string;
  reflection?: string;
}

/** 同上课: who taught the plan where and when; a teacher records their own lesson (with a reflection). */
export function PlanAdoptions({ plan, onChange }: { plan: Plan; onChange(): void }) {
  const { t } = useI18n();
  const { me } = useMe();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [open, setOpen] = useState(false);
  const [record] = useMutation(RECORD);
  const published = plan.kind === 'ADAPTATION' || plan.publishedVersion !== null;
  const today = todayInChina();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {me?.teacher && published && plan.status !== 'ARCHIVED' ? (
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('plans.recordAdoption')}
        </Button>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={plan.adoptions}
        locale={{ emptyText: t('common.none') }}
        columns={[
          { title: t('plans.taughtOn'), key: 'on', width: 120, render: (_: unknown, a) => a.taughtOn },
          { title: t('plans.school'), key: 'school', render: (_: unknown, a) => a.school.name },
          { title: t('plans.class'), key: 'class', width: 120, render: (_: unknown, a) => a.className },
          { title: t('plans.teacher'), key: 'teacher', width: 110, render: (_: unknown, a) => a.teacher.name },
          { title: t('plans.version'), key: 'v', width: 70, render: (_: unknown, a) => a.version },
          { title: t('plans.reflection'), key: 'r', render: (_: unknown, a) => a.reflection ?? '' },
        ]}
      />
      <FormModal<Values>
        open={open}
        title={t('plans.recordAdoption')}
        initialValues={{ taughtOn: dayjs(today), schoolId: me?.teacher?.school.id }}
        onClose={() => setOpen(false)}
        success={t('plans.adoptionRecorded')}
        onSubmit={async (v) => {
          const input = { planId: plan.id, teacherId: me!.teacher!.id, schoolId: v.schoolId, taughtOn: v.taughtOn.format('YYYY-MM-DD'), className: v.className?.trim() || undefined, reflection: v.reflection?.trim() || undefined };
          await record({ variables: { input } });
          onChange();
        }}
      >
        <Form.Item name="taughtOn" label={t('plans.taughtOn')} rules={[{ required: true, message: t('plans.taughtOnRequired') }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > today} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="schoolId" label={t('plans.school')} rules={[{ required: true, message: t('plans.schoolRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={plan.group.members.map((m) => ({ value: m.school.id, label: m.school.name }))} />
        </Form.Item>
        <Form.Item name="className" label={t('plans.className')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="reflection" label={t('plans.reflection')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
