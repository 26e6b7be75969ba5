import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Col, Empty, Form, InputNumber, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import type { Grant } from '../../app/me';
import { useGroupChoice } from '../../features/common/GroupPicker';
import { ConnectionTable, useCursorPages } from '../../features/common/pages';
import { GroupTeacherSelect, type GroupTeacher } from '../../features/common/pickers';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { useShowProblem } from '../../features/common/useShowProblem';
import { graphql } from '../../gql';
import type { MentoringStatus, OptimalPairsQuery } from '../../gql/graphql';
import { day } from '../../app/format';
import { MentorSuggestions, PairDetails, ReasonTags, STATUS_COLOR, STATUSES, type Pair } from './pairs';
import { PairEnding } from './PairEnding';

const GROUP_PAIRS = graphql(`
  query GroupMentoringPairs($groupId: ID!, $status: MentoringStatus, $after: String) {
    schoolGroup(id: $groupId) { id name mentorCapacity }
    active: mentoringPairs(first: 1, filter: { groupId: $groupId, status: ACTIVE }) { totalCount }
    proposed: mentoringPairs(first: 1, filter: { groupId: $groupId, status: PROPOSED }) { totalCount }
    completed: mentoringPairs(first: 1, filter: { groupId: $groupId, status: COMPLETED }) { totalCount }
    dissolved: mentoringPairs(first: 1, filter: { groupId: $groupId, status: DISSOLVED }) { totalCount }
    declined: mentoringPairs(first: 1, filter: { groupId: $groupId, status: DECLINED }) { totalCount }
    mentoringPairs(first: 20, after: $after, filter: { groupId: $groupId, status: $status }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...MentoringPairFields } }
    }
  }
`);

const OPTIMAL = graphql(`
  query OptimalPairs($groupId: ID!, $subject: String) {
    suggestMentoringPairs(groupId: $groupId, subject: $subject) {
      subject
      score
      reasons
      mentor { ...TeacherAtSchool }
      apprentice { ...TeacherAtSchool }
    }
  }
`);

const PROPOSE = graphql(`
  mutation ProposeMentoringPair($input: RequestMentorshipInput!) {
    requestMentorship(input: $input) { id status }
  }
`);

const CAPACITY = graphql(`
  mutation SetMentorCapacity($groupId: ID!, $capacity: Int!) {
    setMentorCapacity(groupId: $groupId, capacity: $capacity) { id mentorCapacity }
  }
`);

type Suggestion = OptimalPairsQuery['suggestMentoringPairs'][number];
const keyOf = (s: Suggestion) => `${s.mentor.id}|${s.apprentice.id}|${s.subject}`;
const COUNT_KEY = { ACTIVE: 'active', PROPOSED: 'proposed', COMPLETED: 'completed', DISSOLVED: 'dissolved', DECLINED: 'declined' } as const;

/** Managers: a group's pairs by status, suggested mentors for an apprentice, the optimal assignment, mentor capacity. */
export function ManagerMentoring({ active }: { active: Grant | null }) {
  const { t, lang } = useI18n();
  const label = useLabels();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const { groupId, picker } = useGroupChoice(active);
  const [status, setStatus] = useState<MentoringStatus>('ACTIVE');
  const pages = useCursorPages();
  const { data, error, loading, refetch } = useQuery(GROUP_PAIRS, { variables: { groupId: groupId ?? '', status, after: pages.after }, skip: !groupId });
  const [propose] = useMutation(PROPOSE);
  const [setCapacity, capacityState] = useMutation(CAPACITY);
  const [apprentice, setApprentice] = useState<GroupTeacher | null>(null);
  const [subject, setSubject] = useState<string | null>(null);
  const [optimalSubject, setOptimalSubject] = useState<string | null>(null);
  const [loadOptimal, optimal] = useLazyQuery(OPTIMAL, { fetchPolicy: 'network-only' });
  const [chosen, setChosen] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [capacity, setCapacityValue] = useState<number | null>(null);

  const proposePair = async (mentorTeacherId: string, apprenticeTeacherId: string, pairSubject: string) =>
    propose({ variables: { input: { groupId: groupId!, mentorTeacherId, apprenticeTeacherId, subject: pairSubject, goals: [] } } });

  const createChosen = async () => {
    const rows = (optimal.data?.suggestMentoringPairs ?? []).filter((s) => chosen.includes(keyOf(s)));
    setCreating(true);
    let made = 0;
    try {
      for (const s of rows) {
        await proposePair(s.mentor.id, s.apprentice.id, s.subject);
        made++;
      }
    } catch (err) {
      showProblem(err);
    } finally {
      setCreating(false);
    }
    if (made) message.success(t('mentoring.pairsProposed', { n: made }));
    setChosen([]);
    await Promise.all([refetch(), loadOptimal({ variables: { groupId: groupId!, subject: optimalSubject } })]);
  };

  if (!groupId) return <Space orientation="vertical">{picker}<Empty description={t('common.chooseGroup')} /></Space>;
  const g = data?.schoolGroup;
  const page = data?.mentoringPairs;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('mentoring.groupTitle')}
        </Typography.Title>
        {picker}
      </Space>
      {error ? <ProblemResult error={error} onRetry={() => void refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Segmented
            value={status}
            onChange={(v) => (setStatus(v as MentoringStatus), pages.reset())}
            options={STATUSES.map((s) => ({ value: s, label: `${label('MentoringStatus', s)} ${data ? data[COUNT_KEY[s]].totalCount : ''}` }))}
          />
        </Col>
        <Col xs={24} lg={8} style={{ textAlign: 'right' }}>
          <Space>
            <Typography.Text>{t('mentoring.capacity')}</Typography.Text>
            <InputNumber aria-label={t('mentoring.capacity')} min={1} max={20} precision={0} value={capacity ?? g?.mentorCapacity} onChange={(v) => setCapacityValue(v)} style={{ width: 80 }} />
            <Button
              loading={capacityState.loading}
              disabled={!capacity || capacity === g?.mentorCapacity}
              onClick={() =>
                void setCapacity({ variables: { groupId, capacity: capacity! } }).then(() => (message.success(t('mentoring.capacitySaved')), setCapacityValue(null)), showProblem)
              }
            >
              {t('common.save')}
            </Button>
          </Space>
        </Col>
      </Row>
      <Card title={`${t('mentoring.pairs')} (${page?.totalCount ?? 0})`}>
        <ConnectionTable<Pair>
          connection={page}
          pages={pages}
          loading={loading}
          expandable={{ expandedRowRender: (p) => <PairDetails pair={p} /> }}
          columns={[
            { title: t('mentoring.mentor'), key: 'mentor', render: (_: unknown, p) => <span>{p.mentor.name} <Typography.Text type="secondary">{p.mentor.school.name}</Typography.Text></span> },
            { title: t('mentoring.apprentice'), key: 'apprentice', render: (_: unknown, p) => <span>{p.apprentice.name} <Typography.Text type="secondary">{p.apprentice.school.name}</Typography.Text></span> },
            { title: t('mentoring.subject'), key: 'subject', width: 110, render: (_: unknown, p) => p.subject },
            { title: t('sessions.status'), key: 'status', width: 100, render: (_: unknown, p) => <Tag color={STATUS_COLOR[p.status]}>{label('MentoringStatus', p.status)}</Tag> },
            { title: t('mentoring.started'), key: 'start', width: 140, render: (_: unknown, p) => day(p.activatedOn, lang) },
            { title: t('mentoring.plannedEnd'), key: 'end', width: 140, render: (_: unknown, p) => day(p.endedOn ?? p.plannedEndOn, lang) },
            { title: t('mentoring.activityCount'), key: 'n', width: 90, align: 'right', render: (_: unknown, p) => p.activityCount },
            {
              title: t('mentoring.actions'),
              key: 'actions',
              width: 150,
              render: (_: unknown, p) => (
                <Space size={4}>
                  <PairEnding pair={p} manager size="small" onDone={refetch} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('mentoring.suggestTitle')}>
        <Space wrap style={{ marginBottom: 16, display: 'flex' }}>
          <Form.Item label={t('mentoring.apprentice')} style={{ margin: 0 }}>
            <div style={{ width: 280 }}>
              <GroupTeacherSelect ariaLabel={t('mentoring.apprentice')} groupId={groupId} value={apprentice ?? undefined} onChange={(x) => (setApprentice(x), setSubject(x.subjects[0] ?? null))} />
            </div>
          </Form.Item>
          {apprentice ? (
            <Form.Item label={t('mentoring.subject')} style={{ margin: 0 }}>
              <Select aria-label={t('mentoring.subject')} style={{ width: 120 }} value={subject} onChange={setSubject} options={apprentice.subjects.map((s) => ({ value: s, label: s }))} />
            </Form.Item>
          ) : null}
        </Space>
        {apprentice && subject ? (
          <MentorSuggestions
            groupId={groupId}
            apprenticeId={apprentice.id}
            subject={subject}
            action={(mentorId, name) => (
              <Button
                onClick={() =>
                  void proposePair(mentorId, apprentice.id, subject).then(
                    () => (message.success(t('mentoring.pairProposed', { mentor: name, apprentice: apprentice.name })), void refetch()),
                    showProblem,
                  )
                }
              >
                {t('mentoring.propose')}
              </Button>
            )}
          />
        ) : (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('mentoring.chooseApprentice')}</Typography.Paragraph>
        )}
      </Card>
      <Card
        title={t('mentoring.optimalTitle')}
        extra={
          <Space>
            <Select
              aria-label={t('mentoring.optimalSubject')}
              allowClear
              placeholder={t('mentoring.allSubjects')}
              style={{ width: 140 }}
              value={optimalSubject ?? undefined}
              onChange={(v?: string) => setOptimalSubject(v ?? null)}
              options={['语文', '数学', '英语', '科学', '道德与法治', '音乐', '体育', '美术', '物理', '化学', '历史', '地理', '生物'].map((s) => ({ value: s, label: s }))}
            />
            <Button onClick={() => void loadOptimal({ variables: { groupId, subject: optimalSubject } })} loading={optimal.loading}>
              {t('mentoring.computeOptimal')}
            </Button>
          </Space>
        }
      >
        {optimal.error ? <ProblemResult error={optimal.error} /> : optimal.data ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('mentoring.optimalHint', { n: optimal.data.suggestMentoringPairs.length })}</Typography.Text>
            <Table<Suggestion>
              rowKey={keyOf}
              size="small"
              data-testid="optimal"
              dataSource={optimal.data.suggestMentoringPairs}
              pagination={{ pageSize: 10, size: 'small' }}
              rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]) }}
              columns={[
                { title: t('mentoring.apprentice'), key: 'a', render: (_: unknown, s) => <span>{s.apprentice.name} <Typography.Text type="secondary">{s.apprentice.school.name}</Typography.Text></span> },
                { title: t('mentoring.mentor'), key: 'm', render: (_: unknown, s) => <span>{s.mentor.name} <Typography.Text type="secondary">{s.mentor.school.name}</Typography.Text></span> },
                { title: t('mentoring.subject'), key: 's', width: 70, render: (_: unknown, s) => s.subject },
                { title: t('mentoring.scoreTitle'), key: 'score', width: 70, align: 'right', render: (_: unknown, s) => Math.round(s.score) },
                { title: t('mentoring.reasons'), key: 'r', render: (_: unknown, s) => <ReasonTags reasons={s.reasons} lang={lang} /> },
              ]}
            />
            <Button type="primary" disabled={!chosen.length} loading={creating} onClick={() => void createChosen()}>
              {t('mentoring.createChosen', { n: chosen.length })}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('mentoring.optimalIntro')}</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
