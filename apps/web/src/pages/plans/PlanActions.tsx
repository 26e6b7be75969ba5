import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { problemOf } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/me';
import { FormModal } from '../../features/common/FormModal';
import { useShowProblem } from '../../features/common/useShowProblem';
import { graphql } from '../../gql';
import type { LessonPlanAction, PlanPageQuery } from '../../gql/graphql';

const SUBMIT = graphql(`mutation SubmitPlan($id: ID!) { submitLessonPlanForReview(id: $id) { id status viewerActions } }`);
const REVIEW = graphql(`mutation ReviewPlan($id: ID!, $approve: Boolean!, $note: String) { reviewLessonPlan(id: $id, approve: $approve, note: $note) { id status reviewNote viewerActions } }`);
const PUBLISH = graphql(`mutation PublishPlan($id: ID!) { publishLessonPlan(id: $id) { id status publishedVersion viewerActions } }`);
const ARCHIVE = graphql(`mutation ArchivePlan($id: ID!) { archiveLessonPlan(id: $id) { id status viewerActions } }`);
const ADAPT = graphql(`mutation AdaptPlan($id: ID!) { adaptLessonPlan(planId: $id) { id } }`);

type Plan = NonNullable<PlanPageQuery['lessonPlan']>;

/** The workflow buttons the server says this viewer may use now (viewerActions), and 二次备课 for the group's teachers. */
export function PlanActions({ plan, onChange }: { plan: Plan; onChange(): void }) {
  const { t } = useI18n();
  const { me } = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [returning, setReturning] = useState(false);
  const [submit] = useMutation(SUBMIT);
  const [review] = useMutation(REVIEW);
  const [publish] = useMutation(PUBLISH);
  const [archive] = useMutation(ARCHIVE);
  const [adapt] = useMutation(ADAPT);
  const can = (a: `${LessonPlanAction}`) => plan.viewerActions.includes(a as LessonPlanAction);
  const run = (work: () => Promise<unknown>) => async () => {
    try {
      await work();
      onChange();
    } catch (err) {
      showProblem(err);
    }
  };
  const variables = { id: plan.id };
  const adaptable = plan.kind === 'TEAM' && plan.publishedVersion !== null && plan.status !== 'ARCHIVED' && !!me?.teacher && !plan.viewerSeesDrafts;
  return (
    <Space wrap>
      {can('SUBMIT') ? <Button type="primary" onClick={run(() => submit({ variables }))}>{t('plans.submit')}</Button> : null}
      {can('APPROVE') ? <Button type="primary" onClick={run(() => review({ variables: { ...variables, approve: true } }))}>{t('plans.approve')}</Button> : null}
      {can('RETURN') ? <Button onClick={() => setReturning(true)}>{t('plans.return')}</Button> : null}
      {can('PUBLISH') ? <Button type="primary" onClick={run(() => publish({ variables }))}>{t('plans.publish')}</Button> : null}
      {adaptable ? (
        <Button
          onClick={async () => {
            try {
              const res = await adapt({ variables });
              void navigate(`/plans/${res.data!.adaptLessonPlan.id}`);
            } catch (err) {
              // already adapted: the CONFLICT names the adaptation, so open it
              const existing = CombinedGraphQLErrors.is(err) ? (err.errors[0]?.extensions?.adaptationId as string | undefined) : undefined;
              if (problemOf(err).code === 'CONFLICT' && existing) {
                message.info(t('plans.openAdaptation'));
                void navigate(`/plans/${existing}`);
              } else showProblem(err);
            }
          }}
        >
          {t('plans.adapt')}
        </Button>
      ) : null}
      {can('ARCHIVE') ? (
        <Popconfirm title={t('plans.archiveConfirm')} okText={t('plans.archive')} cancelText={t('common.cancel')} onConfirm={run(() => archive({ variables }))}>
          <Button danger>{t('plans.archive')}</Button>
        </Popconfirm>
      ) : null}
      <FormModal<{ note: string }>
        open={returning}
        title={t('plans.return')}
        onClose={() => setReturning(false)}
        onSubmit={async (v) => {
          await review({ variables: { ...variables, approve: false, note: v.note.trim() } });
          onChange();
        }}
      >
        <Form.Item name="note" label={t('plans.returnNote')} rules={[{ required: true, whitespace: true, message: t('plans.returnNoteRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
