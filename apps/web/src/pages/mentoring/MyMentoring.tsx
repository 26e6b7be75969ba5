import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Rate, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { todayInChina } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { EnumSelect } from '../../features/common/EnumSelect';
import { FormModal } from '../../features/common/FormModal';
import { useSchoolGroups } from '../../features/common/GroupPicker';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { useShowProblem } from '../../features/common/useShowProblem';
import { graphql } from '../../gql';
import type { MentoringActivityKind } from '../../gql/graphql';
import { answererOf, MentorSuggestions, PairDetails, STATUS_COLOR, STATUSES, termOf, type Pair } from './pairs';
import { capacityProblem, PairEnding } from './PairEnding';

const MY_PAIRS = graphql(`
  query MyMentoringPairs($teacherId: ID!) {
    me { id teacher { id name subjects school { id name } } }
    mentoringPairs(first: 50, filter: { teacherId: $teacherId }) { totalCount edges { node { ...MentoringPairFields } } }
  }
`);

const REQUEST = graphql(`
  mutation RequestMentorship($input: RequestMentorshipInput!) {
    requestMentorship(input: $input) { id status }
  }
`);

const RESPOND = graphql(`
  mutation RespondToMentorship($pairId: ID!, $accept: Boolean!, $note: String) {
    respondToMentorship(pairId: $pairId, accept: $accept, note: $note) { id status responseNote activatedOn plannedEndOn }
  }
`);

const LOG = graphql(`
  mutation LogMentoringActivity($input: LogMentoringActivityInput!) {
    logMentoringActivity(input: $input) { id }
  }
`);

const EVALUATE = graphql(`
  mutation EvaluateMentoringPair($input: EvaluateMentoringPairInput!) {
    evaluateMentoringPair(input: $input) { id }
  }
`);

const KINDS: MentoringActivityKind[] = ['LESSON_OBSERVATION', 'FEEDBACK', 'MEETING', 'DEMO_LESSON', 'OTHER'];
type Dialog = { kind: 'log' | 'evaluate' | 'decline'; pair: Pair } | { kind: 'request' } | null;

/** Recent terms for an evaluation, the current one first. */
function recentTerms(today: string) {
  const terms: string[] = [];
  for (let d = dayjs(today), i = 0; terms.length < 4 && i < 30; d = d.subtract(1, 'month'), i++) {
    const term = termOf(d.format('YYYY-MM-DD'));
    if (!terms.includes(term)) terms.push(term);
  }
  return terms;
}

/** A teacher's own pairs, as mentor or apprentice, and what they may do with each. */
export function MyMentoring({ teacherId }: { teacherId: string }) {
  const { t } = useI18n();
  const label = useLabels();
  const { data, error, loading, refetch } = useQuery(MY_PAIRS, { variables: { teacherId } });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [opened, setOpened] = useState<string[]>([]);
  const [request] = useMutation(REQUEST);
  const [respond, respondState] = useMutation(RESPOND);
  // the pair's log (its own query) is read again with the list
  const [log] = useMutation(LOG, { refetchQueries: ['MentoringPair'] });
  const [evaluate] = useMutation(EVALUATE, { refetchQueries: ['MentoringPair'] });
  const showProblem = useShowProblem();
  const me = data?.me.teacher;
  const groups = useSchoolGroups({ schoolId: me?.school.id }, !me);
  const close = () => setDialog(null);
  if (error) return <ProblemResult error={error} onRetry={() => void refetch()} />;
  // open pairs first, then the finished ones; each newest first
  const pairs = (data?.mentoringPairs.edges ?? []).map((e) => e.node).sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || (b.activatedOn ?? '').localeCompare(a.activatedOn ?? ''));
  const today = todayInChina();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('mentoring.mine')}
        </Typography.Title>
        {/* the dialog opens with the first group chosen, so it waits for the school's groups */}
        <Button type="primary" onClick={() => setDialog({ kind: 'request' })} disabled={!me || groups.loading} loading={!!me && groups.loading}>
          {t('mentoring.request')}
        </Button>
      </Space>
      {loading && !data ? <Card loading /> : null}
      {data && !pairs.length ? <Card><Typography.Text type="secondary">{t('mentoring.noPairs')}</Typography.Text></Card> : null}
      {pairs.map((p) => {
        const mine = p.mentor.id === teacherId ? 'MENTOR' : 'APPRENTICE';
        const answers = p.status === 'PROPOSED' && answererOf(p) === teacherId;
        return (
          <Card
            key={p.id}
            data-testid="pair"
            data-pair-id={p.id}
            title={
              <Space wrap>
                <span>{t('mentoring.pairTitle', { mentor: p.mentor.name, apprentice: p.apprentice.name })}</span>
                <Typography.Text type="secondary">{p.subject}</Typography.Text>
                <Tag color={STATUS_COLOR[p.status]}>{label('MentoringStatus', p.status)}</Tag>
                <Tag>{mine === 'MENTOR' ? t('mentoring.iMentor') : t('mentoring.iApprentice')}</Tag>
              </Space>
            }
            extra={
              <Space wrap>
                {answers ? (
                  <>
                    <Button type="primary" loading={respondState.loading} onClick={() => void respond({ variables: { pairId: p.id, accept: true } }).then(() => refetch(), (err) => showProblem(err, (x) => capacityProblem(x, p, teacherId, t)))}>
                      {t('mentoring.accept')}
                    </Button>
                    <Button onClick={() => setDialog({ kind: 'decline', pair: p })}>{t('mentoring.decline')}</Button>
                  </>
                ) : null}
                {p.status === 'PROPOSED' && !answers ? <Typography.Text type="secondary">{t('mentoring.waiting')}</Typography.Text> : null}
                {p.status === 'ACTIVE' ? <Button type="primary" onClick={() => setDialog({ kind: 'log', pair: p })}>{t('mentoring.log')}</Button> : null}
                {mine === 'MENTOR' && (p.status === 'ACTIVE' || p.status === 'COMPLETED') ? <Button onClick={() => setDialog({ kind: 'evaluate', pair: p })}>{t('mentoring.evaluate')}</Button> : null}
                <PairEnding pair={p} manager={false} teacherId={teacherId} onDone={refetch} />
              </Space>
            }
          >
            {p.status === 'ACTIVE' || p.status === 'PROPOSED' || opened.includes(p.id) ? (
              <PairDetails pair={p} />
            ) : (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpened([...opened, p.id])}>
                {t('mentoring.showRecord', { n: p.activityCount })}
              </Button>
            )}
          </Card>
        );
      })}

      <FormModal<{ occurredOn: dayjs.Dayjs; kind: MentoringActivityKind; durationMinutes?: number; notes?: string }>
        open={dialog?.kind === 'log'}
        title={t('mentoring.log')}
        success={t('mentoring.logged')}
        onClose={close}
        initialValues={{ kind: 'LESSON_OBSERVATION', occurredOn: dayjs(today), durationMinutes: 45 }}
        onSubmit={async (v) => {
          if (dialog?.kind !== 'log') return;
          await log({ variables: { input: { pairId: dialog.pair.id, kind: v.kind, occurredOn: v.occurredOn.format('YYYY-MM-DD'), durationMinutes: v.durationMinutes ?? null, notes: v.notes || null } } });
          await refetch();
        }}
      >
        <Space size="large" wrap>
          <Form.Item name="kind" label={t('mentoring.kind')} rules={[{ required: true }]}>
            <EnumSelect enumName="MentoringActivityKind" values={KINDS} />
          </Form.Item>
          <Form.Item name="occurredOn" label={t('mentoring.occurredOn')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
          </Form.Item>
          <Form.Item name="durationMinutes" label={t('mentoring.minutes')}>
            <InputNumber min={5} max={600} step={5} precision={0} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item name="notes" label={t('mentoring.notes')}>
          <Input.TextArea rows={4} maxLength={5000} placeholder={t('mentoring.notesHint')} />
        </Form.Item>
      </FormModal>

      <FormModal<{ note?: string }>
        open={dialog?.kind === 'decline'}
        title={t('mentoring.decline')}
        okText={t('mentoring.decline')}
        success={t('mentoring.declined')}
        onClose={close}
        onSubmit={async (v) => {
          if (dialog?.kind !== 'decline') return;
          await respond({ variables: { pairId: dialog.pair.id, accept: false, note: v.note || null } });
          await refetch();
        }}
      >
        <Form.Item name="note" label={t('mentoring.responseNote')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>

      {dialog?.kind === 'evaluate' ? (
        <FormModal<{ period: string; comment?: string; scores: { goal: string; score: number }[] }>
          open
          title={t('mentoring.evaluateTitle', { apprentice: dialog.pair.apprentice.name })}
          success={t('mentoring.evaluated')}
          width={560}
          onClose={close}
          initialValues={{ period: termOf(today), scores: (dialog.pair.goals.length ? dialog.pair.goals : [t('mentoring.overall')]).map((goal) => ({ goal, score: 3 })) }}
          onSubmit={async (v) => {
            const goals = dialog.pair.goals.length ? dialog.pair.goals : [t('mentoring.overall')];
            const scores = goals.map((goal, i) => ({ goal, score: v.scores[i]?.score ?? 3 }));
            await evaluate({ variables: { input: { pairId: dialog.pair.id, period: v.period, comment: v.comment || null, scores } } });
            await refetch();
          }}
        >
          <Form.Item name="period" label={t('mentoring.term')} rules={[{ required: true }]}>
            <Select style={{ width: 200 }} options={recentTerms(today).map((x) => ({ value: x, label: x }))} />
          </Form.Item>
          <Form.List name="scores">
            {(fields) =>
              fields.map((f) => (
                <Form.Item key={f.key} label={dialog.pair.goals[f.name] ?? t('mentoring.overall')} name={[f.name, 'score']} rules={[{ required: true }]}>
                  <Rate count={5} allowClear={false} />
                </Form.Item>
              ))
            }
          </Form.List>
          <Form.Item name="comment" label={t('mentoring.comment')}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
        </FormModal>
      ) : null}

      {me ? (
        <FormModal<{ groupId: string; subject: string; mentorTeacherId: string; goals?: string[]; plannedEndOn?: dayjs.Dayjs }>
          open={dialog?.kind === 'request'}
          title={t('mentoring.request')}
          okText={t('mentoring.send')}
          success={t('mentoring.requested')}
          width={720}
          onClose={close}
          initialValues={{ groupId: groups.groups[0]?.id, subject: me.subjects[0], goals: ['站稳讲台'] }}
          onSubmit={async (v) => {
            await request({
              variables: { input: { groupId: v.groupId, apprenticeTeacherId: me.id, mentorTeacherId: v.mentorTeacherId, subject: v.subject, goals: v.goals ?? [], plannedEndOn: v.plannedEndOn ? v.plannedEndOn.format('YYYY-MM-DD') : null } },
            });
            await refetch();
          }}
        >
          {(form) => (
            <>
              <Space size="large" wrap>
                <Form.Item name="groupId" label={t('common.group')} rules={[{ required: true }]}>
                  <Select style={{ width: 280 }} options={groups.groups.map((g) => ({ value: g.id, label: g.name }))} onChange={() => form.setFieldValue('mentorTeacherId', undefined)} />
                </Form.Item>
                <Form.Item name="subject" label={t('mentoring.subject')} rules={[{ required: true }]}>
                  <Select style={{ width: 140 }} options={me.subjects.map((s) => ({ value: s, label: s }))} onChange={() => form.setFieldValue('mentorTeacherId', undefined)} />
                </Form.Item>
              </Space>
              <Form.Item noStyle dependencies={['groupId', 'subject']}>
                {() =>
                  form.getFieldValue('groupId') && form.getFieldValue('subject') ? (
                    <Form.Item name="mentorTeacherId" label={t('mentoring.chooseMentor')} rules={[{ required: true, message: t('mentoring.mentorRequired') }]}>
                      <MentorSuggestions groupId={form.getFieldValue('groupId')} apprenticeId={me.id} subject={form.getFieldValue('subject')} />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
              <Form.Item name="goals" label={t('mentoring.goals')} extra={t('mentoring.goalsHint')}>
                <Select mode="tags" options={['站稳讲台', '独立设计单元教学', '提升课堂提问质量', '开展小课题研究'].map((g) => ({ value: g, label: g }))} />
              </Form.Item>
              <Form.Item name="plannedEndOn" label={t('mentoring.plannedEnd')} extra={t('mentoring.plannedEndHint')}>
                <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') <= today} />
              </Form.Item>
            </>
          )}
        </FormModal>
      ) : null}
    </Space>
  );
}
