import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Form, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useMe } from '../../app/me';
import { FormModal } from '../../features/common/FormModal';
import { useShowProblem } from '../../features/common/useShowProblem';
import { graphql } from '../../gql';
import { PlanFields, planInput, type PlanFieldValues } from './PlanFields';

const MY_TEAMS = graphql(`
  query MyPrepTeams {
    lessonPrepTeams(first: 100) { edges { node { id name subject grade group { id name } members { id } } } }
  }
`);
const CREATE = graphql(`mutation CreatePlan($input: CreateLessonPlanInput!) { createLessonPlan(input: $input) { id } }`);

/** Creates a plan in one of the teams I am a member of (the server checks membership again). */
export function NewPlanButton() {
  const { t } = useI18n();
  const { me } = useMe();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { data } = useQuery(MY_TEAMS, { skip: !open });
  const [create] = useMutation(CREATE);
  const teams = (data?.lessonPrepTeams.edges ?? []).map((e) => e.node).filter((team) => team.members.some((m) => m.id === me?.teacher?.id));
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('plans.new')}
      </Button>
      <FormModal<PlanFieldValues & { teamId: string }>
        open={open}
        width={860}
        title={t('plans.new')}
        onClose={() => setOpen(false)}
        success={t('plans.created')}
        onSubmit={async (v) => {
          const res = await create({ variables: { input: { teamId: v.teamId, ...planInput(v) } } });
          if (res.data) void navigate(`/plans/${res.data.createLessonPlan.id}`);
        }}
      >
        {data && !teams.length ? <Alert type="info" showIcon title={t('plans.noTeam')} style={{ marginBottom: 16 }} /> : null}
        <Form.Item name="teamId" label={t('plans.teamName')} rules={[{ required: true, message: t('plans.chooseTeam') }]}>
          <Select
            placeholder={t('plans.chooseTeam')}
            loading={!data}
            options={teams.map((team) => ({ value: team.id, label: `${team.name}（${team.group.name}）` }))}
          />
        </Form.Item>
        <PlanFields />
      </FormModal>
    </>
  );
}
