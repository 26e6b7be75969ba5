import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Button, Card, Col, Descriptions, Form, Input, List, Modal, Row, Space, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { LIVE_REFETCH } from '../../app/apollo';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/me';
import { ancestorsOf, groupRights } from '../../app/scope';
import { Loading } from '../../features/common/Loading';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { LiveRoom } from '../../features/live-room/LiveRoom';
import { useShowProblem } from '../../features/common/useShowProblem';
import { graphql } from '../../gql';
import { CorrectMinutesButton, EditSessionButton, MinutesHistory } from './SessionEdits';
import { when } from './when';

const SESSION = graphql(`
  query SessionPage($id: ID!) {
    researchSession(id: $id) {
      id title topic type mode status startsAt endsAt minutes cancelReason agendaIndex hostSchoolId lastSeq subject grade location meetingUrl
      minutesHistory { version minutes writtenAt }
      absentees { id name }
      agenda { title durationMinutes speaker }
      group { id name region { id parent { id parent { id parent { id } } } } }
      hostSchool { id name }
      invitedSchools { id name }
      attendance { id checkedInAt teacher { id name } school { id name } }
      lessonPlans { id title status subject grade }
    }
  }
`);
const START = graphql(`mutation StartSession($id: ID!) { startResearchSession(id: $id) { id status agendaIndex } }`);
const NEXT = graphql(`mutation AdvanceAgenda($id: ID!) { advanceSessionAgenda(id: $id) { id agendaIndex } }`);
const END = graphql(`mutation EndSession($id: ID!, $minutes: String) { endResearchSession(id: $id, minutes: $minutes) { id status minutes } }`);
const CANCEL = graphql(`mutation CancelSession($id: ID!, $reason: String!) { cancelResearchSession(id: $id, reason: $reason) { id status cancelReason } }`);
const CHECK_IN = graphql(`mutation CheckIn($id: ID!) { checkInResearchSession(sessionId: $id) { id } }`);
/** While a session is only scheduled: its events from now on, so the page opens the room when a manager starts it. */
const WAITING = graphql(`subscription SessionWaiting($id: ID!, $afterSeq: Int) { researchSessionEvents(sessionId: $id, afterSeq: $afterSeq) { seq type } }`);

/** `/sessions/:id`: a session's facts and agenda; while it is LIVE, the live room; for its managers, the controls. */
export default function SessionPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const label = useLabels();
  const showProblem = useShowProblem();
  const { me, active } = useMe();
  const { data, loading, error, refetch } = useQuery(SESSION, { variables: { id }, context: LIVE_REFETCH });
  const [start] = useMutation(START);
  const [next] = useMutation(NEXT);
  const [end] = useMutation(END);
  const [cancel] = useMutation(CANCEL);
  const [checkIn] = useMutation(CHECK_IN);
  const [ask, setAsk] = useState<'end' | 'cancel' | null>(null);
  const [form] = Form.useForm();
  const waiting = data?.researchSession?.status === 'SCHEDULED';
  useSubscription(WAITING, {
    variables: { id, afterSeq: data?.researchSession?.lastSeq ?? 0 },
    skip: !waiting,
    onData: ({ data: e }) => {
      const type = e.data?.researchSessionEvents.type;
      if (type === 'SESSION_STARTED' || type === 'SESSION_CANCELLED') void refetch();
    },
  });
  if (loading && !data) return <Loading />;
  if (error || !data?.researchSession) return <ProblemResult error={error} code={error ? undefined : 'NOT_FOUND'} onRetry={() => void refetch()} />;
  const s = data.researchSession;
  const manage = groupRights(active, s.group.id, ancestorsOf(s.group.region)).manage || (active?.role === 'SCHOOL_ADMIN' && active.scopeId === s.hostSchoolId);
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      await refetch();
    } catch (err) {
      showProblem(err);
    }
  };
  const checkedIn = !!me?.teacher && s.attendance.some((a) => a.teacher.id === me.teacher!.id);
  const actions = [
    manage && s.status === 'SCHEDULED' ? <Button key="start" type="primary" onClick={() => void act(() => start({ variables: { id } }))}>{t('session.start')}</Button> : null,
    manage && s.status === 'SCHEDULED' ? <EditSessionButton key="edit" session={s} onSaved={() => void refetch()} /> : null,
    manage && s.status === 'ENDED' ? <CorrectMinutesButton key="minutes" sessionId={s.id} minutes={s.minutes} onSaved={() => void refetch()} /> : null,
    manage && s.status === 'LIVE' && (s.agendaIndex ?? -1) + 1 < s.agenda.length ? <Button key="next" onClick={() => void act(() => next({ variables: { id } }))}>{t('session.next')}</Button> : null,
    manage && s.status === 'LIVE' ? <Button key="end" onClick={() => setAsk('end')}>{t('session.end')}</Button> : null,
    manage && (s.status === 'SCHEDULED' || s.status === 'LIVE') ? <Button key="cancel" danger onClick={() => setAsk('cancel')}>{t('session.cancel')}</Button> : null,
    s.status === 'LIVE' && me?.teacher ? (
      <Button key="check-in" type="primary" disabled={checkedIn} onClick={() => void act(() => checkIn({ variables: { id } }))}>
        {t(checkedIn ? 'session.checkedIn' : 'session.checkIn')}
      </Button>
    ) : null,
  ].filter(Boolean);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {s.title}
        </Typography.Title>
        <Space wrap>
          <Tag color={s.status === 'LIVE' ? 'green' : s.status === 'CANCELLED' ? 'red' : 'blue'}>{label('ResearchSessionStatus', s.status)}</Tag>
          <Tag>{label('ResearchSessionType', s.type)}</Tag>
          <Tag>{label('SessionMode', s.mode)}</Tag>
          <Typography.Text type="secondary">{when(s.startsAt, s.endsAt, lang)}</Typography.Text>
        </Space>
      </div>
      <Card
        // no empty header bar for those who have nothing to do here (a teacher before the session starts)
        extra={actions.length ? <Space>{actions}</Space> : undefined}
      >
        <Descriptions column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('sessions.group')}>
            <Link to={`/groups/${s.group.id}`}>{s.group.name}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('sessions.host')}>{s.hostSchool.name}</Descriptions.Item>
          {s.subject || s.grade ? <Descriptions.Item label={t('sessions.subject')}>{[s.subject, s.grade].filter(Boolean).join(' · ')}</Descriptions.Item> : null}
          {s.location ? <Descriptions.Item label={t('edit.location')}>{s.location}</Descriptions.Item> : null}
          {s.meetingUrl ? (
            <Descriptions.Item label={t('edit.meetingUrl')}>
              <Typography.Link href={s.meetingUrl} target="_blank" rel="noreferrer">{s.meetingUrl}</Typography.Link>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {/* a row of its own: a long list of schools squeezed the group's and the host's names into broken lines */}
        <Descriptions column={1}>
          <Descriptions.Item label={t('session.invited')}>{s.invitedSchools.map((x) => x.name).join('、')}</Descriptions.Item>
        </Descriptions>
        {s.topic ? <Typography.Paragraph>{s.topic}</Typography.Paragraph> : null}
        {s.cancelReason ? <Typography.Paragraph type="danger">{t('session.cancelledBecause', { reason: s.cancelReason })}</Typography.Paragraph> : null}
        {s.agenda.length ? (
          <>
            <Typography.Title level={5}>{t('session.agenda')}</Typography.Title>
            <Steps
              size="small"
              current={s.agendaIndex ?? (s.status === 'ENDED' ? s.agenda.length : -1)}
              items={s.agenda.map((a) => ({ title: a.title, description: [a.speaker, a.durationMinutes ? `${a.durationMinutes}′` : null].filter(Boolean).join(' · ') }))}
            />
          </>
        ) : null}
        {s.minutes ? (
          <>
            <Typography.Title level={5}>{t('session.minutesTitle')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.minutes}</Typography.Paragraph>
            <MinutesHistory history={s.minutesHistory} />
          </>
        ) : null}
        {s.absentees.length ? (
          <Typography.Paragraph type="secondary" data-testid="absentees">
            {t('session.absentees')}：{s.absentees.map((x) => x.name).join('、')}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {s.status === 'LIVE' || s.lessonPlans.length ? (
        <Row gutter={[16, 16]}>
          {s.status === 'LIVE' ? (
            <Col xs={24} xl={s.lessonPlans.length ? 16 : 24}>
              <LiveRoom sessionId={s.id} onChange={() => void refetch()} />
            </Col>
          ) : null}
          {s.lessonPlans.length ? (
            <Col xs={24} xl={s.status === 'LIVE' ? 8 : 24}>
              <Card title={t('session.plans')} size="small">
                <List
                  dataSource={s.lessonPlans}
                  renderItem={(p) => (
                    <List.Item extra={<Tag>{label('LessonPlanStatus', p.status)}</Tag>}>
                      <List.Item.Meta title={<Link to={`/plans/${p.id}`} target="_blank">{p.title}</Link>} description={`${p.subject} · ${p.grade}`} />
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          ) : null}
        </Row>
      ) : null}
      {s.attendance.length ? (
        <Card title={`${t('session.attendance')} (${s.attendance.length})`}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={s.attendance}
            columns={[
              { title: t('school.teacherName'), key: 'teacher', render: (_: unknown, a) => a.teacher.name },
              { title: t('school.name'), key: 'school', render: (_: unknown, a) => a.school.name },
              { title: t('sessions.when'), key: 'at', render: (_: unknown, a) => new Date(a.checkedInAt).toLocaleTimeString(lang, { timeZone: 'Asia/Shanghai', hour12: false }) },
            ]}
          />
        </Card>
      ) : null}
      <Modal
        open={!!ask}
        title={t(ask === 'end' ? 'session.end' : 'session.cancel')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setAsk(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v: { text?: string }) =>
            void act(async () => {
              if (ask === 'end') await end({ variables: { id, minutes: v.text || null } });
              else await cancel({ variables: { id, reason: v.text ?? '' } });
              setAsk(null);
            })
          }
        >
          <Form.Item name="text" label={t(ask === 'end' ? 'session.minutes' : 'session.reason')} rules={ask === 'cancel' ? [{ required: true, message: t('session.reasonRequired') }] : []}>
            <Input.TextArea rows={4} maxLength={ask === 'end' ? 20000 : 1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
