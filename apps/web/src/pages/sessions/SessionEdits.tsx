import { useMutation } from '@apollo/client/react';
import { Button, Collapse, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../features/common/FormModal';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { SessionMode } from '../../gql/graphql';

const UPDATE = graphql(`
  mutation UpdateSession($input: UpdateResearchSessionInput!) {
    updateResearchSession(input: $input) { id mode startsAt endsAt subject grade location meetingUrl }
  }
`);
const CORRECT = graphql(`
  mutation CorrectMinutes($id: ID!, $minutes: String!) {
    correctResearchSessionMinutes(sessionId: $id, minutes: $minutes) { id minutes minutesHistory { version minutes writtenAt } }
  }
`);

const MODES: SessionMode[] = ['ONSITE', 'ONLINE', 'HYBRID'];

interface Session {
  id: string;
  mode: SessionMode;
  startsAt: string;
  endsAt: string;
  subject?: string | null;
  grade?: string | null;
  location?: string | null;
  meetingUrl?: string | null;
  minutes?: string | null;
}
type Values = { time: [Dayjs, Dayjs]; mode: SessionMode; subject?: string; grade?: string; location?: string; meetingUrl?: string };

/** 修改安排: the time, mode, place, link, subject and grade of a session not yet started (for those who run it). */
export function EditSessionButton({ session: s, onSaved }: { session: Session; onSaved(): void }) {
  const { t } = useI18n();
  const label = useLabels();
  const [open, setOpen] = useState(false);
  const [update] = useMutation(UPDATE);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('edit.button')}</Button>
      <FormModal<Values>
        open={open}
        width={640}
        title={t('edit.button')}
        success={t('edit.done')}
        onClose={() => setOpen(false)}
        initialValues={{ time: [dayjs(s.startsAt), dayjs(s.endsAt)], mode: s.mode, subject: s.subject ?? '', grade: s.grade ?? '', location: s.location ?? '', meetingUrl: s.meetingUrl ?? '' }}
        onSubmit={async (v) => {
          const moved = v.time[0].toISOString() !== new Date(s.startsAt).toISOString() || v.time[1].toISOString() !== new Date(s.endsAt).toISOString();
          const text = (x?: string) => x?.trim() ?? '';
          await update({
            variables: {
              input: {
                sessionId: s.id,
                ...(moved ? { startsAt: v.time[0].toISOString(), endsAt: v.time[1].toISOString() } : {}),
                mode: v.mode,
                subject: text(v.subject),
                grade: text(v.grade),
                location: v.mode === 'ONLINE' ? '' : text(v.location),
                meetingUrl: v.mode === 'ONSITE' ? '' : text(v.meetingUrl),
              },
            },
          });
          onSaved();
        }}
      >
        <Space wrap>
          <Form.Item name="time" label={t('sessions.when')} rules={[{ required: true, message: t('schedule.timeRequired') }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" allowClear={false} />
          </Form.Item>
          <Form.Item name="mode" label={t('sessions.mode')}>
            <Select style={{ width: 140 }} options={MODES.map((x) => ({ value: x, label: label('SessionMode', x) }))} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="subject" label={t('sessions.subject')}>
            <Input maxLength={20} style={{ width: 160 }} placeholder="语文" />
          </Form.Item>
          <Form.Item name="grade" label={t('edit.grade')}>
            <Input maxLength={20} style={{ width: 160 }} placeholder="四年级" />
          </Form.Item>
        </Space>
        <Form.Item noStyle dependencies={['mode']}>
          {({ getFieldValue }) => (
            <>
              {getFieldValue('mode') !== 'ONLINE' ? (
                <Form.Item name="location" label={t('edit.location')}>
                  <Input maxLength={200} />
                </Form.Item>
              ) : null}
              {getFieldValue('mode') !== 'ONSITE' ? (
                <Form.Item name="meetingUrl" label={t('edit.meetingUrl')} extra={t('edit.meetingUrlHint')}>
                  <Input maxLength={500} inputMode="url" />
                </Form.Item>
              ) : null}
            </>
          )}
        </Form.Item>
      </FormModal>
    </>
  );
}

/** 更正纪要: the minutes of an ended session, corrected; the earlier texts stay. */
export function CorrectMinutesButton({ sessionId, minutes, onSaved }: { sessionId: string; minutes: string | null | undefined; onSaved(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [correct] = useMutation(CORRECT);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('minutes.correct')}</Button>
      <FormModal<{ minutes: string }>
        open={open}
        width={640}
        title={t('minutes.correct')}
        success={t('minutes.corrected')}
        onClose={() => setOpen(false)}
        initialValues={{ minutes: minutes ?? '' }}
        onSubmit={async (v) => {
          await correct({ variables: { id: sessionId, minutes: v.minutes } });
          onSaved();
        }}
      >
        <Form.Item name="minutes" label={t('session.minutes')} rules={[{ required: true, whitespace: true, message: t('minutes.required') }]}>
          <Input.TextArea rows={8} maxLength={20000} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** The earlier versions of the minutes, folded away under the current text. */
export function MinutesHistory({ history }: { history: { version: number; minutes?: string | null; writtenAt: string }[] }) {
  const { t, lang } = useI18n();
  if (history.length < 2) return null;
  return (
    <Collapse
      size="small"
      data-testid="minutes-history"
      items={[
        {
          key: 'history',
          label: `${t('minutes.history')} (${history.length - 1})`,
          children: history.slice(0, -1).reverse().map((v) => (
            <div key={v.version} style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">
                {t('minutes.version', { n: v.version })} · {new Date(v.writtenAt).toLocaleString(lang, { timeZone: 'Asia/Shanghai', hour12: false })}
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{v.minutes}</Typography.Paragraph>
            </div>
          )),
        },
      ]}
    />
  );
}
