import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Form, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { problemOf } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { useShowProblem } from '../../features/common/useShowProblem';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import { DiffView, lineDiff } from './DiffView';
import { PlanFields, planInput, type PlanFieldValues } from './PlanFields';

const LATEST = graphql(`
  query PlanLatest($id: ID!) {
    lessonPlan(id: $id) { id version status title unit objectives keyPoints content updatedAt resources { title url } }
  }
`);
const UPDATE = graphql(`
  mutation UpdatePlan($id: ID!, $expectedVersion: Int!, $input: UpdateLessonPlanInput!) {
    updateLessonPlan(id: $id, expectedVersion: $expectedVersion, input: $input) { id version status title unit objectives keyPoints content updatedAt resources { title url } }
  }
`);

type Values = Omit<PlanFieldValues, 'note'>;
const FIELDS = ['title', 'unit', 'objectives', 'keyPoints', 'content', 'resources'] as const;
const SECTION: Record<(typeof FIELDS)[number], string> = { title: 'TITLE', unit: 'UNIT', objectives: 'OBJECTIVES', keyPoints: 'KEY_POINTS', content: 'CONTENT', resources: 'RESOURCES' };
const asText = (f: (typeof FIELDS)[number], v: Values) => (f === 'resources' ? (v.resources ?? []).map((r) => `${r.title} ${r.url}`).join('\n') : String(v[f] ?? ''));
const valuesOf = (p: Values): Values => ({ title: p.title, unit: p.unit ?? '', objectives: p.objectives ?? '', keyPoints: p.keyPoints ?? '', content: p.content, resources: (p.resources ?? []).map((r) => ({ title: r.title, url: r.url })) });
const draftKey = (id: string) => `sg.planDraft.${id}`;

interface Draft {
  base: number;
  values: PlanFieldValues;
}
const readDraft = (id: string): Draft | null => {
  try {
    return JSON.parse(localStorage.getItem(draftKey(id)) ?? 'null') as Draft | null;
  } catch {
    return null;
  }
};

/**
 * Editing a plan from the version on screen. Whatever is typed is kept (also across a reload, in this browser) until
 * it is saved. When someone saved first (CONFLICT), the newer version is fetched and each field that differs is
 * shown as a diff against what was typed, to take theirs or keep mine, then saved on top of the newer version.
 */
export function PlanEditor({ plan, newerVersion, onSaved }: { plan: Values & { id: string; version: number }; newerVersion: number | null; onSaved(): void }) {
  const { t } = useI18n();
  const label = useLabels();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const client = useApolloClient();
  const [update, { loading }] = useMutation(UPDATE);
  const restored = useMemo(() => readDraft(plan.id), [plan.id]);
  const [base, setBase] = useState(restored?.base ?? plan.version);
  const [theirs, setTheirs] = useState<(Values & { version: number }) | null>(null);
  const [kept, setKept] = useState<Set<string>>(new Set());
  const [form] = Form.useForm<PlanFieldValues>();
  const typed = Form.useWatch([], form) as PlanFieldValues | undefined;

  useEffect(() => {
    if (restored && restored.base < plan.version) void showNewer();
    // only once, for a draft restored from an older version
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function showNewer() {
    const { data } = await client.query({ query: LATEST, variables: { id: plan.id }, fetchPolicy: 'network-only' });
    if (data?.lessonPlan) setTheirs({ ...valuesOf(data.lessonPlan), version: data.lessonPlan.version });
    setKept(new Set());
  }

  async function save(values: PlanFieldValues) {
    const expectedVersion = theirs?.version ?? base;
    try {
      const res = await update({ variables: { id: plan.id, expectedVersion, input: { ...planInput(values), note: values.note?.trim() || null } } });
      const saved = res.data!.updateLessonPlan;
      localStorage.removeItem(draftKey(plan.id));
      setBase(saved.version);
      setTheirs(null);
      form.setFieldValue('note', '');
      message.success(t('plans.saved', { n: saved.version }));
      onSaved();
    } catch (err) {
      // someone saved first: the merge panel says so and shows what differs
      if (problemOf(err).code === 'CONFLICT') await showNewer();
      else showProblem(err);
    }
  }

  const differing = theirs && typed ? FIELDS.filter((f) => asText(f, theirs) !== asText(f, typed as Values) && !kept.has(f)) : [];
  const behind = !theirs && newerVersion !== null && newerVersion > base;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {restored ? (
        <Alert
          type="info"
          showIcon
          title={t('plans.unsavedRestored')}
          action={
            <Button size="small" onClick={() => (localStorage.removeItem(draftKey(plan.id)), form.setFieldsValue(valuesOf(plan)), setBase(plan.version), setTheirs(null))}>
              {t('plans.discard')}
            </Button>
          }
        />
      ) : null}
      {behind ? (
        <Alert type="warning" showIcon title={t('plans.newerExistsSomeone', { n: newerVersion })} action={<Button size="small" onClick={() => void showNewer()}>{t('plans.reload')}</Button>} />
      ) : (
        <Alert type="info" title={t('plans.editingFrom', { n: theirs?.version ?? base })} />
      )}
      {theirs ? (
        <Card size="small" title={t('plans.conflictTitle', { n: theirs.version })} style={{ borderColor: '#faad14' }} data-testid="plan-conflict">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" title={t('plans.conflictHelp')} />
            {differing.map((f) => (
              <Card key={f} size="small" type="inner" title={t('plans.conflictField', { field: label('LessonPlanSection', SECTION[f]), n: theirs.version })}
                extra={
                  <Space>
                    <Button size="small" onClick={() => form.setFieldValue(f, theirs[f])}>{t('plans.useTheirs', { n: theirs.version })}</Button>
                    <Button size="small" onClick={() => setKept(new Set([...kept, f]))}>{t('plans.keepMine')}</Button>
                  </Space>
                }
              >
                <DiffView lines={lineDiff(asText(f, theirs), asText(f, typed as Values))} labels={[t('plans.diffTheirs', { n: theirs.version }), t('plans.diffMine')]} />
              </Card>
            ))}
          </Space>
        </Card>
      ) : null}
      <Card>
        <Form<PlanFieldValues>
          form={form}
          layout="vertical"
          initialValues={restored?.values ?? valuesOf(plan)}
          onValuesChange={(_, all) => localStorage.setItem(draftKey(plan.id), JSON.stringify({ base, values: all } satisfies Draft))}
          onFinish={(v) => void save(v)}
        >
          <PlanFields withNote />
          <Button type="primary" htmlType="submit" loading={loading}>
            {theirs ? t('plans.saveMerged') : t('plans.save')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
