import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../features/common/FormModal';
import { useLabels } from '../../features/common/useLabels';
import { useShowProblem } from '../../features/common/useShowProblem';
import { graphql } from '../../gql';
import type { ResearchSessionType, SessionMode } from '../../gql/graphql';

const GROUP_PARTS = graphql(`
  query ScheduleChoices($groupId: ID!, $search: String) {
    schoolGroup(id: $groupId) { id members { id school { id name } } }
    teachers(first: 50, filter: { groupId: $groupId, search: $search }) { edges { node { id name school { id name } } } }
    lessonPlans(first: 100, filter: { groupId: $groupId, kind: TEAM }) { edges { node { id title status } } }
  }
`);
const SCHEDULE = graphql(`mutation ScheduleSession($input: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $input) { id } }`);

export const SESSION_TYPES = ['JOINT_RESEARCH', 'COLLECTIVE_PREP', 'DEMO_LESSON', 'SPECIAL_DELIVERY_CLASS', 'FAMOUS_TEACHER_CLASS', 'FAMOUS_SCHOOL_ONLINE', 'LECTURE'] as ResearchSessionType[];
const MODES = ['ONSITE', 'ONLINE', 'HYBRID'] as SessionMode[];

interface Values {
  groupId: string;
  title: string;
  topic?: string;
  subject?: string;
  grade?: string;
  type: ResearchSessionType;
  mode: SessionMode;
  time: [Dayjs, Dayjs];
  hostSchoolId: string;
  invitedSchoolIds?: string[];
  invitedTeacherIds?: string[];
  lessonPlanIds?: string[];
  agenda?: { title: string; speaker?: string; durationMinutes?: number }[];
}

/** The group's parts a session is made of, for the chosen group. */
function GroupChoices({ groupId }: { groupId?: string }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const { data } = useQuery(GROUP_PARTS, { variables: { groupId: groupId ?? '', search: search || undefined }, skip: !groupId });
  const schools = (data?.schoolGroup?.members ?? []).map((m) => ({ value: m.school.id, label: m.school.name }));
  return (
    <>
      <Form.Item name="hostSchoolId" label={t('sessions.host')} rules={[{ required: true, message: t('schedule.hostRequired') }]}>
        <Select options={schools} disabled={!groupId} />
      </Form.Item>
      <Form.Item name="invitedSchoolIds" label={t('session.invited')} extra={t('schedule.hostInvited')}>
        <Select mode="multiple" options={schools} disabled={!groupId} />
      </Form.Item>
      <Form.Item name="invitedTeacherIds" label={t('schedule.teachers')}>
        <Select
          mode="multiple"
          disabled={!groupId}
          showSearch={{ filterOption: false, onSearch: setSearch }}
          options={(data?.teachers.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.name}（${e.node.school.name}）` }))}
        />
      </Form.Item>
      <Form.Item name="lessonPlanIds" label={t('schedule.plans')}>
        <Select mode="multiple" disabled={!groupId} options={(data?.lessonPlans.edges ?? []).filter((e) => e.node.status !== 'ARCHIVED').map((e) => ({ value: e.node.id, label: e.node.title }))} />
      </Form.Item>
    </>
  );
}

/** Managers and host-school admins schedule a session: group, host, type, mode, time, who is invited, agenda, plans. */
export function ScheduleSessionButton({ groups }: { groups: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const label = useLabels();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [schedule] = useMutation(SCHEDULE);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('schedule.button')}
      </Button>
      <FormModal<Values>
        open={open}
        width={760}
        title={t('schedule.button')}
        initialValues={{ groupId: groups.length === 1 ? groups[0].id : undefined, type: SESSION_TYPES[0], mode: MODES[2], agenda: [{ title: '' }] }}
        onClose={() => setOpen(false)}
        success={t('schedule.done')}
        onSubmit={async (v) => {
          const input = {
            groupId: v.groupId,
            title: v.title.trim(),
            topic: v.topic?.trim() || undefined,
            type: v.type,
            mode: v.mode,
            subject: v.subject?.trim() || undefined,
            grade: v.grade?.trim() || undefined,
            startsAt: v.time[0].toISOString(),
            endsAt: v.time[1].toISOString(),
            hostSchoolId: v.hostSchoolId,
            invitedSchoolIds: v.invitedSchoolIds ?? [],
            invitedTeacherIds: v.invitedTeacherIds ?? [],
            lessonPlanIds: v.lessonPlanIds ?? [],
            agenda: (v.agenda ?? []).filter((a) => a.title?.trim()).map((a) => ({ title: a.title.trim(), speaker: a.speaker?.trim() || undefined, durationMinutes: a.durationMinutes ?? undefined })),
          };
          const res = await schedule({ variables: { input } });
          void navigate(`/sessions/${res.data!.scheduleResearchSession.id}`);
        }}
      >
        {(form) => (
          <>
            <Form.Item name="groupId" label={t('sessions.group')} rules={[{ required: true, message: t('schedule.groupRequired') }]}>
              <Select options={groups.map((g) => ({ value: g.id, label: g.name }))} onChange={() => form.setFieldsValue({ hostSchoolId: undefined, invitedSchoolIds: [], invitedTeacherIds: [], lessonPlanIds: [] })} />
            </Form.Item>
            <Form.Item name="title" label={t('schedule.title')} rules={[{ required: true, whitespace: true, message: t('schedule.titleRequired') }]}>
              <Input maxLength={200} placeholder={t('schedule.titlePlaceholder')} />
            </Form.Item>
            <Form.Item name="topic" label={t('schedule.topic')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="type" label={t('sessions.type')} rules={[{ required: true }]}>
                <Select style={{ width: 180 }} options={SESSION_TYPES.map((x) => ({ value: x, label: label('ResearchSessionType', x) }))} />
              </Form.Item>
              <Form.Item name="mode" label={t('sessions.mode')} rules={[{ required: true }]}>
                <Select style={{ width: 140 }} options={MODES.map((x) => ({ value: x, label: label('SessionMode', x) }))} />
              </Form.Item>
              <Form.Item name="time" label={t('sessions.when')} rules={[{ required: true, message: t('schedule.timeRequired') }]}>
                <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Form.Item name="subject" label={t('sessions.subject')}>
                <Input maxLength={20} style={{ width: 120 }} placeholder="语文" />
              </Form.Item>
              <Form.Item name="grade" label={t('edit.grade')}>
                <Input maxLength={20} style={{ width: 120 }} placeholder="四年级" />
              </Form.Item>
            </Space>
            <Form.Item noStyle dependencies={['groupId']}>
              {() => <GroupChoices groupId={form.getFieldValue('groupId') as string | undefined} />}
            </Form.Item>
            <Form.Item label={t('session.agenda')}>
              <Form.List name="agenda">
                {(fields, { add, remove }) => (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {fields.map((f, i) => (
                      <Space key={f.key} align="baseline" wrap>
                        <Form.Item name={[f.name, 'title']} style={{ marginBottom: 0 }}>
                          <Input placeholder={t('schedule.agendaItem', { n: i + 1 })} style={{ width: 260 }} maxLength={200} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'speaker']} style={{ marginBottom: 0 }}>
                          <Input placeholder={t('schedule.speaker')} style={{ width: 140 }} maxLength={100} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'durationMinutes']} style={{ marginBottom: 0 }}>
                          <InputNumber placeholder={t('schedule.minutes')} min={1} max={600} style={{ width: 110 }} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />
                      </Space>
                    ))}
                    <Button type="dashed" onClick={() => add({ title: '' })} icon={<PlusOutlined />}>
                      {t('schedule.addItem')}
                    </Button>
                  </Space>
                )}
              </Form.List>
            </Form.Item>
          </>
        )}
      </FormModal>
    </>
  );
}
