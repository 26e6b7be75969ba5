import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Checkbox, Col, Empty, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/me';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { useShowProblem } from '../../features/common/useShowProblem';
import { graphql } from '../../gql';
import type { LessonPlanSection, PlanCommentsQuery } from '../../gql/graphql';

const COMMENTS = graphql(`
  query PlanComments($id: ID!, $version: Int!, $includeResolved: Boolean!) {
    lessonPlan(id: $id) {
      id
      comments(version: $version, includeResolved: $includeResolved) {
        id text createdAt resolved version
        anchor { section fromLine toLine }
        author { id displayName }
        authorTeacher { id name }
        replies { id text createdAt author { id displayName } authorTeacher { id name } }
      }
    }
  }
`);
const COMMENT = graphql(`mutation CommentOnPlan($input: CommentOnLessonPlanInput!) { commentOnLessonPlan(input: $input) { id } }`);
const RESOLVE = graphql(`mutation ResolvePlanComment($id: ID!) { resolveLessonPlanComment(commentId: $id) { id resolved } }`);

type Thread = NonNullable<PlanCommentsQuery['lessonPlan']>['comments'][number];
const SECTIONS = ['TITLE', 'UNIT', 'OBJECTIVES', 'KEY_POINTS', 'CONTENT', 'RESOURCES'] as LessonPlanSection[];
interface Lines {
  from: number;
  to: number;
}

/** Comments on a version: on the whole plan, a section, or lines of the content chosen by clicking line numbers. */
export function PlanComments({ planId, versions, contentOf, canResolveAll }: { planId: string; versions: number[]; contentOf(version: number): string; canResolveAll: boolean }) {
  const { t, lang } = useI18n();
  const label = useLabels();
  const { me } = useMe();
  const showProblem = useShowProblem();
  const [version, setVersion] = useState(versions[versions.length - 1]);
  const [includeResolved, setIncludeResolved] = useState(false);
  const [section, setSection] = useState<LessonPlanSection | ''>('');
  const [lines, setLines] = useState<Lines | null>(null);
  const [text, setText] = useState('');
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [reply, setReply] = useState('');
  const { data, error, refetch } = useQuery(COMMENTS, { variables: { id: planId, version, includeResolved } });
  const [comment, { loading: posting }] = useMutation(COMMENT);
  const [resolve] = useMutation(RESOLVE);
  const content = contentOf(version).split('\n');
  const threads = data?.lessonPlan?.comments ?? [];
  const highlighted = (n: number) => !!lines && n >= lines.from && n <= lines.to;

  const pick = (n: number, extend: boolean) => {
    setSection('CONTENT' as LessonPlanSection);
    setLines(extend && lines ? { from: Math.min(lines.from, n), to: Math.max(lines.to, n) } : { from: n, to: n });
  };
  const post = async (input: { text: string; parentId?: string }, done: () => void) => {
    try {
      const anchor = input.parentId || !section ? undefined : { section, ...(section === 'CONTENT' && lines ? { fromLine: lines.from, toLine: lines.to } : {}) };
      await comment({ variables: { input: { planId, version, text: input.text, parentId: input.parentId, anchor } } });
      done();
      await refetch();
    } catch (err) {
      showProblem(err);
    }
  };
  const where = (c: Thread) =>
    !c.anchor ? t('plans.wholePlan') : `${label('LessonPlanSection', c.anchor.section)}${c.anchor.fromLine ? ` · ${c.anchor.fromLine === c.anchor.toLine ? t('plans.line', { n: c.anchor.fromLine }) : t('plans.lines', { from: c.anchor.fromLine, to: c.anchor.toLine ?? c.anchor.fromLine })}` : ''}`;
  const who = (c: { author: { displayName: string }; authorTeacher?: { name: string } | null }) => c.authorTeacher?.name ?? c.author.displayName;
  const at = (iso: string) => new Date(iso).toLocaleString(lang, { timeZone: 'Asia/Shanghai', hour12: false });

  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card size="small" title={<Space>{t('plans.commentsOnVersion', { n: version })}<Select size="small" value={version} onChange={(v) => (setVersion(v), setLines(null))} options={versions.map((v) => ({ value: v, label: t('plans.versionN', { n: v }) }))} /></Space>}>
          <Typography.Paragraph type="secondary">{t('plans.selectLines')}</Typography.Paragraph>
          <div className="mono" style={{ border: '1px solid #f0f0f0', borderRadius: 6, maxHeight: 520, overflow: 'auto' }} data-testid="plan-lines">
            {content.map((line, i) => (
              <div key={i} style={{ display: 'flex', background: highlighted(i + 1) ? '#fff7e6' : undefined }}>
                <button
                  type="button"
                  aria-label={t('plans.line', { n: i + 1 })}
                  onClick={(e) => pick(i + 1, e.shiftKey)}
                  style={{ border: 0, background: 'none', color: '#8c8c8c', cursor: 'pointer', minWidth: 40, textAlign: 'right', paddingRight: 8, userSelect: 'none' }}
                >
                  {i + 1}
                </button>
                <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{line || ' '}</span>
              </div>
            ))}
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Card size="small" title={t('plans.comment')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                {t('plans.commentOn')}
                <Select
                  size="small"
                  style={{ width: 160 }}
                  value={section}
                  onChange={(v) => (setSection(v), setLines(null))}
                  options={[{ value: '', label: t('plans.wholePlan') }, ...SECTIONS.map((s) => ({ value: s, label: label('LessonPlanSection', s) }))]}
                />
                {lines ? <Tag closable onClose={() => setLines(null)}>{lines.from === lines.to ? t('plans.line', { n: lines.from }) : t('plans.lines', { from: lines.from, to: lines.to })}</Tag> : null}
              </Space>
              <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} placeholder={t('plans.commentPlaceholder')} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
              <Button type="primary" loading={posting} disabled={!text.trim()} onClick={() => void post({ text: text.trim() }, () => (setText(''), setLines(null)))}>
                {t('plans.send')}
              </Button>
            </Space>
          </Card>
          <Checkbox checked={includeResolved} onChange={(e) => setIncludeResolved(e.target.checked)}>{t('plans.showResolved')}</Checkbox>
          {error ? <ProblemResult error={error} /> : null}
          {threads.length ? (
            <List
              dataSource={threads}
              renderItem={(c) => (
                <Card size="small" style={{ marginBottom: 8, opacity: c.resolved ? 0.6 : 1 }} data-testid="plan-comment"
                  onMouseEnter={() => c.anchor?.fromLine && setLines({ from: c.anchor.fromLine, to: c.anchor.toLine ?? c.anchor.fromLine })}
                  title={<Space size={4} wrap><Tag>{where(c)}</Tag>{c.resolved ? <Tag color="green">{t('plans.resolved')}</Tag> : null}</Space>}
                  extra={!c.resolved && (canResolveAll || c.author.id === me?.id) ? <Button size="small" onClick={() => void resolve({ variables: { id: c.id } }).then(() => refetch(), showProblem)}>{t('plans.resolve')}</Button> : null}
                >
                  <Typography.Text strong>{who(c)}</Typography.Text> <Typography.Text type="secondary">{at(c.createdAt)}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{c.text}</Typography.Paragraph>
                  {c.replies.map((r) => (
                    <div key={r.id} style={{ borderLeft: '3px solid #f0f0f0', paddingLeft: 8, marginBottom: 4 }}>
                      <Typography.Text strong>{who(r)}</Typography.Text> <Typography.Text type="secondary">{at(r.createdAt)}</Typography.Text>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
                    </div>
                  ))}
                  {replyTo === c.id ? (
                    <Space.Compact style={{ width: '100%' }}>
                      <Input value={reply} onChange={(e) => setReply(e.target.value)} maxLength={5000} aria-label={t('plans.reply')} />
                      <Button type="primary" disabled={!reply.trim()} onClick={() => void post({ text: reply.trim(), parentId: c.id }, () => (setReply(''), setReplyTo(null)))}>{t('plans.send')}</Button>
                    </Space.Compact>
                  ) : (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setReplyTo(c.id)}>{t('plans.reply')}</Button>
                  )}
                </Card>
              )}
            />
          ) : (
            <Empty description={t('plans.noComments')} />
          )}
        </Space>
      </Col>
    </Row>
  );
}
