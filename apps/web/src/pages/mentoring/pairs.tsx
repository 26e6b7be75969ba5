import { Card, Descriptions, Empty, List, Radio, Rate, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { day } from '../../app/format';
import { useI18n, type Lang } from '../../app/i18n';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { MentoringPairFieldsFragment, MentoringStatus } from '../../gql/graphql';

export const TEACHER_AT_SCHOOL = graphql(`
  fragment TeacherAtSchool on Teacher { id name school { id name } }
`);

export const PAIR_FIELDS = graphql(`
  fragment MentoringPairFields on MentoringPair {
    id
    groupId
    subject
    status
    proposedBy
    goals
    activatedOn
    plannedEndOn
    endedOn
    responseNote
    dissolveReason
    evaluation
    activityCount
    mentor { ...TeacherAtSchool }
    apprentice { ...TeacherAtSchool }
  }
`);

/** A pair's log and evaluations: asked for one pair at a time (a list of pairs with theirs would be too big a query). */
const PAIR_LOG = graphql(`
  query MentoringPair($id: ID!) {
    mentoringPair(id: $id) {
      id
      activityCount
      activities { id kind occurredOn durationMinutes notes loggedByTeacherId }
      evaluations { id period comment scores { goal score } }
    }
  }
`);

export type Pair = MentoringPairFieldsFragment;
export const STATUSES: MentoringStatus[] = ['ACTIVE', 'PROPOSED', 'COMPLETED', 'DISSOLVED', 'DECLINED'];
export const STATUS_COLOR: Record<MentoringStatus, string> = { ACTIVE: 'green', PROPOSED: 'blue', COMPLETED: 'purple', DISSOLVED: 'default', DECLINED: 'red' };

/** Who answers a proposal: the apprentice when the mentor invited, else the mentor (a manager's proposal too). */
export const answererOf = (p: Pair) => (p.proposedBy === 'MENTOR' ? p.apprentice.id : p.mentor.id);

/** "教龄12年 12 years of experience +12" → the part in the user's language, with its points. */
export function reasonText(reason: string, lang: Lang) {
  const m = /^(\S+)\s(.+?)(\s\+\d+)?$/.exec(reason);
  if (!m) return reason;
  return (lang === 'en' ? m[2] : m[1]) + (m[3] ?? '');
}

/** School year and term of a day: September–January is term 1 of that school year, February–August term 2. */
export function termOf(iso: string) {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return m >= 9 ? `${y}-${y + 1}-1` : m === 1 ? `${y - 1}-${y}-1` : `${y - 1}-${y}-2`;
}

/** The plan (goals, dates), the activity log and the term evaluations of a pair. */
export function PairDetails({ pair }: { pair: Pair }) {
  const { t, lang } = useI18n();
  const label = useLabels();
  const who = (id: string) => (id === pair.mentor.id ? pair.mentor.name : pair.apprentice.name);
  const { data, error } = useQuery(PAIR_LOG, { variables: { id: pair.id } });
  const log = data?.mentoringPair;
  if (error) return <ProblemResult error={error} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('mentoring.goals')}>
          {pair.goals.length ? <Space size={[4, 4]} wrap>{pair.goals.map((g) => <Tag key={g} color="geekblue">{g}</Tag>)}</Space> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('mentoring.started')}>{day(pair.activatedOn, lang)}</Descriptions.Item>
        <Descriptions.Item label={pair.endedOn ? t('mentoring.endedOn') : t('mentoring.plannedEnd')}>{day(pair.endedOn ?? pair.plannedEndOn, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('mentoring.proposedBy')}>{label('MentoringProposer', pair.proposedBy)}</Descriptions.Item>
        {pair.responseNote ? <Descriptions.Item label={t('mentoring.responseNote')}>{pair.responseNote}</Descriptions.Item> : null}
        {pair.dissolveReason ? <Descriptions.Item label={t('mentoring.dissolveReason')}>{pair.dissolveReason}</Descriptions.Item> : null}
        {pair.evaluation ? <Descriptions.Item label={t('mentoring.finalEvaluation')}>{pair.evaluation}</Descriptions.Item> : null}
      </Descriptions>
      <Typography.Text strong>{t('mentoring.activities', { n: log?.activityCount ?? pair.activityCount })}</Typography.Text>
      <Table
        rowKey="id"
        size="small"
        loading={!log}
        pagination={(log?.activities.length ?? 0) > 8 ? { pageSize: 8, size: 'small' } : false}
        dataSource={[...(log?.activities ?? [])].reverse()}
        locale={{ emptyText: t('mentoring.noActivities') }}
        columns={[
          { title: t('mentoring.occurredOn'), key: 'on', width: 150, render: (_: unknown, a) => day(a.occurredOn, lang) },
          { title: t('mentoring.kind'), key: 'kind', width: 100, render: (_: unknown, a) => <Tag>{label('MentoringActivityKind', a.kind)}</Tag> },
          { title: t('mentoring.minutes'), key: 'min', width: 90, render: (_: unknown, a) => (a.durationMinutes ? t('mentoring.minutesValue', { n: a.durationMinutes }) : '—') },
          { title: t('mentoring.loggedBy'), key: 'by', width: 100, render: (_: unknown, a) => who(a.loggedByTeacherId) },
          { title: t('mentoring.notes'), key: 'notes', render: (_: unknown, a) => a.notes ?? <Typography.Text type="secondary">{t('mentoring.notesPrivate')}</Typography.Text> },
        ]}
      />
      <Typography.Text strong>{t('mentoring.evaluations')}</Typography.Text>
      {log?.evaluations.length ? (
        <Space size="middle" wrap align="start">
          {log.evaluations.map((e) => (
            <Card key={e.id} size="small" title={e.period} style={{ width: 360 }} data-testid="evaluation">
              {e.scores.map((s) => (
                <div key={s.goal} style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <span>{s.goal}</span>
                  <Rate disabled value={s.score} style={{ fontSize: 14 }} />
                </div>
              ))}
              {e.comment ? <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{e.comment}</Typography.Paragraph> : null}
            </Card>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('mentoring.noEvaluations')}</Typography.Text>
      )}
    </Space>
  );
}

const SUGGEST = graphql(`
  query SuggestMentors($groupId: ID!, $apprenticeId: ID!, $subject: String!) {
    suggestMentors(groupId: $groupId, apprenticeTeacherId: $apprenticeId, subject: $subject, first: 8) {
      score
      reasons
      teacher { id name yearsOfExperience school { id name } }
    }
  }
`);

/**
 * Ranked mentors for an apprentice in a subject, each with its score and reasons. As a form control (value,
 * onChange) one is chosen; with `action`, each row gets that button instead.
 */
export function MentorSuggestions({ groupId, apprenticeId, subject, value, onChange, action }: { groupId: string; apprenticeId: string; subject: string; value?: string; onChange?(id: string): void; action?(teacherId: string, name: string): ReactNode }) {
  const { t, lang } = useI18n();
  const { data, error, loading } = useQuery(SUGGEST, { variables: { groupId, apprenticeId, subject } });
  if (error) return <ProblemResult error={error} />;
  const rows = data?.suggestMentors ?? [];
  if (!loading && !rows.length) return <Empty description={t('mentoring.noSuggestions')} />;
  const list = (
    <List
      loading={loading}
      dataSource={rows}
      data-testid="mentor-suggestions"
      renderItem={(s) => (
        <List.Item key={s.teacher.id} extra={action?.(s.teacher.id, s.teacher.name)} onClick={() => onChange?.(s.teacher.id)} style={{ cursor: onChange ? 'pointer' : undefined }}>
          <List.Item.Meta
            avatar={onChange ? <Radio value={s.teacher.id} aria-label={s.teacher.name} /> : undefined}
            title={
              <Space>
                <span>{s.teacher.name}</span>
                <Typography.Text type="secondary">{s.teacher.school.name}</Typography.Text>
                <Tag color="gold">{t('mentoring.score', { n: Math.round(s.score) })}</Tag>
              </Space>
            }
            description={<ReasonTags reasons={s.reasons} lang={lang} />}
          />
        </List.Item>
      )}
    />
  );
  // in a dialog the list scrolls, so the dialog's buttons stay in view
  return onChange ? <Radio.Group value={value} style={{ width: '100%', maxHeight: 440, overflowY: 'auto' }}>{list}</Radio.Group> : list;
}

export function ReasonTags({ reasons, lang }: { reasons: string[]; lang: Lang }) {
  return (
    <Space size={[4, 4]} wrap>
      {reasons.map((r) => (
        <Tag key={r}>{reasonText(r, lang)}</Tag>
      ))}
    </Space>
  );
}
