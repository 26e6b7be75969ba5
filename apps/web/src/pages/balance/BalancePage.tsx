import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, List, Segmented, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { day, number, schoolYearOf, todayInChina } from '../../app/format';
import { useI18n, type Lang } from '../../app/i18n';
import type { MessageKey } from '../../app/messages';
import { LazyChart } from '../../features/charts/LazyChart';
import { DownloadButtons } from '../../features/common/DownloadButtons';
import { FormModal } from '../../features/common/FormModal';
import { Loading } from '../../features/common/Loading';
import { ProblemResult } from '../../features/common/ProblemResult';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { BalancePageQuery, BalancePlanQuery } from '../../gql/graphql';

const REPORT = graphql(`
  query BalancePage($id: ID!, $year: Int!) {
    region(id: $id) { id name level parent { id name } }
    balanceReport(regionId: $id, year: $year) {
      asOf wholeRegion exchangesCounted
      excluded { school { id name } reason students }
      stages {
        stage students compliantSchools holds
        indicators { key standard value coefficient threshold holds pulls { school { id name } share } }
        schools { school { id name } students teachers values { key value meets } met complies missing }
      }
    }
  }
`);

const HISTORY = graphql(`
  query BalanceHistory($id: ID!, $year: Int!) {
    balanceHistory(regionId: $id, year: $year, years: 5) { year stages { stage indicators { key coefficient threshold } } }
  }
`);

const PLAN = graphql(`
  query BalancePlan($id: ID!, $year: Int!, $maxMoves: Int, $across: Boolean) {
    suggestBalancingRotations(regionId: $id, year: $year, maxMoves: $maxMoves, acrossGroups: $across) {
      reachesThresholds maxMoves acrossGroups
      moves { teacher { id name } from { id name } to { id name } stage indicator groupId coefficientBefore coefficientAfter reason }
      coefficients { stage key threshold before after holdsBefore holdsAfter }
    }
  }
`);

const SIMULATE = graphql(`
  query BalanceWhatIf($id: ID!, $year: Int!, $moves: [BalanceMoveInput!]!) {
    simulateBalance(regionId: $id, year: $year, moves: $moves) { stages { stage holds indicators { key coefficient holds } } }
  }
`);

const SCHOOL_TEACHERS = graphql(`
  query BalanceSchoolTeachers($schoolId: ID!, $search: String) {
    teachers(filter: { schoolId: $schoolId, search: $search }, first: 100) { edges { node { id name subjects honours backboneLevel educationLevel } } totalCount }
  }
`);

const CREATE = graphql(`
  mutation CreateBalancingExchanges($input: CreateBalancingExchangesInput!) {
    createBalancingExchanges(input: $input) { id }
  }
`);

type Stage = BalancePageQuery['balanceReport']['stages'][number];
type Part = Stage['schools'][number];
type Move = BalancePlanQuery['suggestBalancingRotations']['moves'][number];

const INDICATORS = ['QUALIFIED_TEACHERS', 'BACKBONE_TEACHERS', 'PE_ARTS_TEACHERS', 'BUILDING_AREA', 'SPORTS_AREA', 'EQUIPMENT_VALUE', 'MULTIMEDIA_ROOMS'] as const;
const short = (key: string) => `balance.ind.${key}` as MessageKey;
const decimals = (n: number | null | undefined, lang: Lang, digits = 2) => (n === null || n === undefined ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n));
const cv = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(3));

/** `/regions/:id/balance` (教育局, 共同体管理员): the county's 优质均衡 indicators, schools, coefficients over the years, and the suggested rotations. */
export default function BalancePage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const label = useLabels();
  const current = schoolYearOf(todayInChina());
  const [year, setYear] = useState(current);
  const { data, loading, error, refetch } = useQuery(REPORT, { variables: { id, year } });
  if (loading && !data) return <Loading />;
  if (error || !data?.region) return <ProblemResult error={error} code={error ? undefined : 'NOT_FOUND'} onRetry={() => void refetch()} />;
  const r = data.balanceReport;
  const stageName = (s: string) => label('BalanceStage', s);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <div>
          <Typography.Title level={2} style={{ marginBottom: 0 }}>
            {data.region.name} · {t('balance.title')}
          </Typography.Title>
          <Link to={`/regions/${data.region.id}`}>‹ {data.region.name}</Link>
        </div>
        <Space>
          <DownloadButtons path={`/reports/regions/${id}/balance`} query={{ year }} />
          <span>{t('balance.year')}</span>
          <Select
            aria-label={t('balance.year')}
            value={year}
            style={{ width: 180 }}
            onChange={setYear}
            options={Array.from({ length: 5 }, (_, i) => current - i).map((y) => ({ value: y, label: t('balance.yearLabel', { year: y, next: y + 1 }) }))}
          />
        </Space>
      </Space>
      <Alert type="info" showIcon message={t('balance.asOf', { day: day(r.asOf, lang), n: r.exchangesCounted })} description={r.wholeRegion ? undefined : t('balance.partial')} />
      <Card title={t('balance.coefficients')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {r.stages.map((s) => (
              <Tag key={s.stage} color={s.holds ? 'success' : 'error'} data-testid={`balance-stage-${s.stage}`}>
                {s.holds ? t('balance.stageHolds', { stage: stageName(s.stage) }) : t('balance.stageFails', { stage: stageName(s.stage), n: s.indicators.filter((i) => !i.holds).length, threshold: s.indicators[0]?.threshold.toFixed(2) ?? '' })}
              </Tag>
            ))}
          </Space>
          <CoefficientTable stages={r.stages} />
          {r.excluded.length ? <Typography.Text type="secondary">{t('balance.excluded', { names: r.excluded.map((e) => e.school.name).join('、') })}</Typography.Text> : null}
        </Space>
      </Card>
      {r.stages.map((s) => (s.schools.length ? <SchoolsCard key={s.stage} stage={s} /> : null))}
      <WhatIfCard regionId={id} year={year} stages={r.stages} />
      <TrendCard regionId={id} year={year} />
      <PlanCard regionId={id} year={year} onCreated={() => void refetch()} />
    </Space>
  );
}

/** Indicators × stages: standard, county value and coefficient, red where the coefficient is above its threshold. */
function CoefficientTable({ stages }: { stages: Stage[] }) {
  const { t, lang } = useI18n();
  const label = useLabels();
  const rows = INDICATORS.map((key) => ({ key, byStage: Object.fromEntries(stages.map((s) => [s.stage, s.indicators.find((i) => i.key === key)!])) }));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid="balance-coefficients"
      scroll={{ x: 900 }}
      columns={[
        { title: t('balance.indicator'), key: 'key', render: (_: unknown, row) => label('BalanceIndicator', row.key) },
        ...stages.map((s) => ({
          title: label('BalanceStage', s.stage),
          key: s.stage,
          children: [
            { title: t('balance.standard'), key: `${s.stage}-standard`, align: 'right' as const, render: (_: unknown, row: (typeof rows)[number]) => decimals(row.byStage[s.stage]?.standard, lang) },
            { title: t('balance.value'), key: `${s.stage}-value`, align: 'right' as const, render: (_: unknown, row: (typeof rows)[number]) => decimals(row.byStage[s.stage]?.value, lang) },
            {
              title: `${t('balance.coefficient')} ≤ ${s.indicators[0]?.threshold.toFixed(2) ?? ''}`,
              key: `${s.stage}-cv`,
              align: 'right' as const,
              render: (_: unknown, row: (typeof rows)[number]) => {
                const i = row.byStage[s.stage];
                if (!i) return '—';
                const pulls = i.pulls.map((p) => `${p.school.name} ${Math.round(p.share * 100)}%`).join('、');
                return (
                  <Tooltip title={pulls ? `${t('balance.pulls')}：${pulls}` : undefined}>
                    <Tag color={i.holds ? 'success' : 'error'} data-testid={`cv-${s.stage}-${i.key}`}>
                      {cv(i.coefficient)} {i.holds ? t('balance.holds') : t('balance.fails')}
                    </Tag>
                  </Tooltip>
                );
              },
            },
          ],
        })),
      ]}
    />
  );
}

/** Each school part of a stage: its seven values (red where below the standard), how many it meets, whether it complies. */
function SchoolsCard({ stage }: { stage: Stage }) {
  const { t, lang } = useI18n();
  const label = useLabels();
  const standard = (key: string) => stage.indicators.find((i) => i.key === key)?.standard;
  return (
    <Card title={t('balance.schools', { stage: label('BalanceStage', stage.stage), ok: stage.compliantSchools, all: stage.schools.length })}>
      <Table<Part>
        size="small"
        rowKey={(p) => p.school.id}
        dataSource={stage.schools}
        pagination={stage.schools.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        data-testid={`balance-schools-${stage.stage}`}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('balance.school'), key: 'school', fixed: 'left', width: 170, render: (_: unknown, p) => <Link to={`/schools/${p.school.id}`}>{p.school.name}</Link> },
          { title: t('balance.students'), key: 'students', align: 'right', sorter: (a, b) => a.students - b.students, render: (_: unknown, p) => number(p.students, lang) },
          { title: t('balance.teachers'), key: 'teachers', align: 'right', render: (_: unknown, p) => decimals(p.teachers, lang, 1) },
          ...INDICATORS.map((key) => ({
            title: <Tooltip title={`${label('BalanceIndicator', key)} ≥ ${decimals(standard(key), lang)}`}>{t(short(key))}</Tooltip>,
            key,
            align: 'right' as const,
            render: (_: unknown, p: Part) => {
              const v = p.values.find((x) => x.key === key);
              return <Typography.Text type={v?.meets ? undefined : 'danger'}>{decimals(v?.value, lang)}</Typography.Text>;
            },
          })),
          { title: t('balance.met'), key: 'met', align: 'right', sorter: (a, b) => a.met - b.met, render: (_: unknown, p) => `${p.met} / 7` },
          {
            title: t('balance.complies'),
            key: 'complies',
            filters: [
              { text: t('balance.compliant'), value: true },
              { text: t('balance.notCompliant'), value: false },
            ],
            onFilter: (v, p) => p.complies === v,
            render: (_: unknown, p) => <Tag color={p.complies ? 'success' : 'error'}>{p.complies ? t('balance.compliant') : t('balance.notCompliant')}</Tag>,
          },
          // only when some school lacks records
          ...(stage.schools.some((p) => p.missing.length) ? [{ title: t('balance.missing'), key: 'missing', render: (_: unknown, p: Part) => p.missing.map((m) => <Tag key={m}>{label('BalanceMissing', m)}</Tag>) }] : []),
        ]}
      />
    </Card>
  );
}

/** Each coefficient of a stage over the last five school years, against its threshold. */
function TrendCard({ regionId, year }: { regionId: string; year: number }) {
  const { t } = useI18n();
  const label = useLabels();
  const [stage, setStage] = useState('PRIMARY');
  const { data, error } = useQuery(HISTORY, { variables: { id: regionId, year } });
  const years = data?.balanceHistory ?? [];
  const threshold = years[0]?.stages.find((s) => s.stage === stage)?.indicators[0]?.threshold ?? (stage === 'PRIMARY' ? 0.5 : 0.45);
  return (
    <Card title={t('balance.trend')} loading={!data && !error} extra={<Segmented value={stage} onChange={(v) => setStage(String(v))} options={['PRIMARY', 'JUNIOR'].map((s) => ({ value: s, label: label('BalanceStage', s) }))} />}>
      {error ? <ProblemResult error={error} /> : null}
      {data ? (
        <LazyChart
          label={t('balance.trend')}
          height={320}
          option={{
            grid: { left: 48, right: 16, top: 64, bottom: 32 },
            legend: { top: 0, type: 'scroll' },
            tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : '—') },
            xAxis: { type: 'category', data: years.map((y) => `${y.year}`) },
            yAxis: { type: 'value', min: 0 },
            series: [
              ...INDICATORS.map((key) => ({
                type: 'line' as const,
                name: t(short(key)),
                data: years.map((y) => y.stages.find((s) => s.stage === stage)?.indicators.find((i) => i.key === key)?.coefficient ?? null),
                symbolSize: 6,
              })),
              { type: 'line' as const, name: t('balance.threshold'), data: years.map(() => threshold), lineStyle: { type: 'dashed' as const }, itemStyle: { color: '#f5222d' }, symbol: 'none' },
            ],
          }}
        />
      ) : null}
    </Card>
  );
}

/** The suggested rotations: asked for on demand, each move with its reason; made 交流轮岗 in one action. */
function PlanCard({ regionId, year, onCreated }: { regionId: string; year: number; onCreated(): void }) {
  const { t } = useI18n();
  const label = useLabels();
  const [maxMoves, setMaxMoves] = useState(10);
  const [across, setAcross] = useState(false);
  const [suggest, { data, loading, error }] = useLazyQuery(PLAN, { fetchPolicy: 'network-only' });
  const [create] = useMutation(CREATE);
  const [open, setOpen] = useState(false);
  const plan = data?.suggestBalancingRotations;
  const withGroup = (plan?.moves ?? []).filter((m) => m.groupId);
  return (
    <Card title={t('balance.plan')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('balance.planIntro')}</Typography.Text>
        <Space wrap>
          <span>{t('balance.maxMoves')}</span>
          <InputNumber aria-label={t('balance.maxMoves')} min={1} max={50} precision={0} value={maxMoves} onChange={(v) => setMaxMoves(v ?? 10)} />
          <Switch checked={across} onChange={setAcross} aria-label={t('balance.acrossGroups')} /> <span>{t('balance.acrossGroups')}</span>
          <Button type="primary" loading={loading} onClick={() => void suggest({ variables: { id: regionId, year, maxMoves, across } })}>
            {t('balance.suggest')}
          </Button>
        </Space>
        {error ? <ProblemResult error={error} /> : null}
        {plan ? (
          <>
            {plan.moves.length ? (
              <Alert
                type={plan.reachesThresholds ? 'success' : 'warning'}
                showIcon
                data-testid="balance-plan-outcome"
                message={plan.reachesThresholds ? t('balance.reaches') : t('balance.notReaches')}
                description={plan.reachesThresholds ? undefined : plan.moves.length >= plan.maxMoves ? t('balance.atLimit', { n: plan.maxMoves }) : plan.acrossGroups ? t('balance.noMoreMoves') : t('balance.noMoreInGroups')}
              />
            ) : (
              <Alert type="info" showIcon message={t('balance.noMoves')} />
            )}
            <Table
              size="small"
              pagination={false}
              rowKey={(c) => `${c.stage}-${c.key}`}
              dataSource={plan.coefficients}
              data-testid="balance-plan-coefficients"
              columns={[
                { title: t('balance.indicator'), key: 'key', render: (_: unknown, c) => `${label('BalanceStage', c.stage)} · ${label('BalanceIndicator', c.key)}` },
                { title: t('balance.before'), key: 'before', align: 'right', render: (_: unknown, c) => <Tag color={c.holdsBefore ? 'success' : 'error'}>{cv(c.before)}</Tag> },
                { title: t('balance.after'), key: 'after', align: 'right', render: (_: unknown, c) => <Tag color={c.holdsAfter ? 'success' : 'error'}>{cv(c.after)}</Tag> },
              ]}
            />
            {plan.moves.length ? (
              <List<Move>
                bordered
                data-testid="balance-moves"
                header={<Typography.Text strong data-testid="balance-moves-count">{t('balance.moves', { n: plan.moves.length })}</Typography.Text>}
                pagination={plan.moves.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
                dataSource={plan.moves}
                renderItem={(m) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <span>
                          {m.teacher.name}：{m.from.name} → {m.to.name}
                        </span>
                      }
                      description={m.groupId ? m.reason : `${m.reason} · ${t('balance.noGroup')}`}
                    />
                  </List.Item>
                )}
              />
            ) : null}
            <Space wrap>
              {withGroup.length ? (
                <Button onClick={() => setOpen(true)} data-testid="balance-create">
                  {t('balance.create')}
                </Button>
              ) : null}
              <DownloadButtons path={`/reports/regions/${regionId}/balance-plan`} query={{ year, maxMoves: plan.maxMoves, acrossGroups: String(plan.acrossGroups) }} />
            </Space>
          </>
        ) : null}
      </Space>
      <FormModal<{ startsOn: dayjs.Dayjs; endsOn?: dayjs.Dayjs }>
        open={open}
        title={t('balance.create')}
        success={t('balance.created', { n: withGroup.length })}
        onClose={() => setOpen(false)}
        initialValues={{ startsOn: dayjs(todayInChina()) }}
        onSubmit={async (v) => {
          await create({
            variables: {
              input: { moves: withGroup.map((m) => ({ teacherId: m.teacher.id, toSchoolId: m.to.id, groupId: m.groupId! })), startsOn: v.startsOn.format('YYYY-MM-DD'), endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : undefined },
            },
          });
          onCreated();
          void suggest({ variables: { id: regionId, year, maxMoves, across } });
        }}
      >
        <Form.Item name="startsOn" label={t('balance.startsOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endsOn" label={t('balance.endsOn')}>
          <DatePicker />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

interface WhatIfMove {
  teacherId: string;
  teacherName: string;
  fromName: string;
  toSchoolId: string;
  toName: string;
}

/**
 * What if: count chosen teachers at other schools and see each coefficient move (nothing is saved). A teacher of the
 * chosen school is dragged onto a school (or picked, then the school clicked; or chosen in the selects).
 */
function WhatIfCard({ regionId, year, stages }: { regionId: string; year: number; stages: Stage[] }) {
  const { t, lang } = useI18n();
  const label = useLabels();
  const schools = [...new Map(stages.flatMap((s) => s.schools.map((p) => [p.school.id, p.school] as const))).values()];
  const students = new Map<string, number>();
  for (const s of stages) for (const p of s.schools) students.set(p.school.id, (students.get(p.school.id) ?? 0) + p.students);
  const [from, setFrom] = useState<string>();
  const [teacher, setTeacher] = useState<string>();
  const [to, setTo] = useState<string>();
  const [search, setSearch] = useState('');
  const [schoolSearch, setSchoolSearch] = useState('');
  const [over, setOver] = useState<string>();
  const [moves, setMoves] = useState<WhatIfMove[]>([]);
  const staff = useQuery(SCHOOL_TEACHERS, { variables: { schoolId: from ?? '', search: search.trim() || undefined }, skip: !from });
  const sim = useQuery(SIMULATE, { variables: { id: regionId, year, moves: moves.map((m) => ({ teacherId: m.teacherId, toSchoolId: m.toSchoolId })) }, skip: !moves.length });
  const people = (staff.data?.teachers.edges ?? []).map((e) => e.node).filter((p) => !moves.some((m) => m.teacherId === p.id));
  const nameOf = (schoolId: string | undefined) => schools.find((s) => s.id === schoolId)?.name ?? '';
  const move = (teacherId: string | undefined, toSchoolId: string | undefined) => {
    const p = people.find((x) => x.id === teacherId);
    if (!p || !toSchoolId || toSchoolId === from) return;
    setMoves([...moves, { teacherId: p.id, teacherName: p.name, fromName: nameOf(from), toSchoolId, toName: nameOf(toSchoolId) }]);
    setTeacher(undefined);
  };
  const targets = schools.filter((s) => s.id !== from && s.name.includes(schoolSearch.trim()));
  const simulated = sim.data?.simulateBalance.stages ?? [];
  const rows = stages.flatMap((s) => s.indicators.map((i) => ({ stage: s.stage, key: i.key, before: i, after: simulated.find((x) => x.stage === s.stage)?.indicators.find((x) => x.key === i.key) })));
  const pane = { flex: '1 1 320px', minWidth: 0, maxHeight: 260, overflowY: 'auto', padding: 8, border: '1px solid #f0f0f0', borderRadius: 8 } as const;
  return (
    <Card title={t('balance.whatIf')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('balance.whatIfIntro')}</Typography.Text>
        <Space wrap>
          <Select aria-label={t('balance.whatIfFrom')} placeholder={t('balance.whatIfFrom')} style={{ width: 200 }} value={from} onChange={(v) => (setFrom(v), setTeacher(undefined), setSearch(''))} options={schools.map((s) => ({ value: s.id, label: s.name }))} showSearch={{ optionFilterProp: 'label' }} />
          <Select aria-label={t('balance.whatIfTeacher')} placeholder={t('balance.whatIfTeacher')} style={{ width: 200 }} value={teacher} onChange={setTeacher} loading={staff.loading} disabled={!from} options={people.map((p) => ({ value: p.id, label: t('balance.whatIfPerson', { name: p.name, subjects: p.subjects.join(lang === 'en' ? ', ' : '、') }) }))} showSearch={{ optionFilterProp: 'label' }} />
          <span>→</span>
          <Select aria-label={t('balance.whatIfTo')} placeholder={t('balance.whatIfTo')} style={{ width: 200 }} value={to} onChange={setTo} options={schools.filter((s) => s.id !== from).map((s) => ({ value: s.id, label: s.name }))} showSearch={{ optionFilterProp: 'label' }} />
          <Button onClick={() => move(teacher, to)} disabled={!teacher || !to}>
            {t('balance.whatIfAdd')}
          </Button>
          {moves.length ? <Button onClick={() => setMoves([])}>{t('balance.whatIfClear')}</Button> : null}
          {moves.length && moves.length <= 100 ? <DownloadButtons path={`/reports/regions/${regionId}/balance`} query={{ year, moves: moves.map((m) => `${m.teacherId}:${m.toSchoolId}`).join(',') }} /> : null}
        </Space>
        {from ? (
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <div style={pane}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>{t('balance.whatIfDrag', { school: nameOf(from) })}</Typography.Text>
                <Input.Search allowClear aria-label={t('balance.whatIfSearch')} placeholder={t('balance.whatIfSearch')} onSearch={setSearch} style={{ maxWidth: 240 }} />
                <Space wrap data-testid="what-if-teachers">
                  {people.map((p) => (
                    <Tag
                      key={p.id}
                      draggable
                      data-testid="what-if-teacher"
                      color={p.id === teacher ? 'processing' : undefined}
                      style={{ cursor: 'grab', padding: '2px 8px' }}
                      onClick={() => setTeacher(p.id === teacher ? undefined : p.id)}
                      onDragStart={(e) => {
                        e.dataTransfer.setData('text/plain', p.id);
                        e.dataTransfer.effectAllowed = 'move';
                        setTeacher(p.id);
                      }}
                    >
                      {[
                        t('balance.whatIfPerson', { name: p.name, subjects: p.subjects[0] ?? '—' }),
                        p.backboneLevel ? t('balance.whatIfBackbone', { level: label('BackboneLevel', p.backboneLevel) }) : null,
                        ...p.honours.map((h) => label('TeacherHonour', h)),
                        p.educationLevel ? label('EducationLevel', p.educationLevel) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Tag>
                  ))}
                </Space>
                {staff.data && staff.data.teachers.totalCount > staff.data.teachers.edges.length ? (
                  <Typography.Text type="secondary">{t('balance.whatIfMore', { n: number(staff.data.teachers.totalCount, lang) })}</Typography.Text>
                ) : null}
              </Space>
            </div>
            <div style={pane}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>{t('balance.whatIfDropHere')}</Typography.Text>
                <Input allowClear aria-label={t('balance.whatIfSchools')} placeholder={t('balance.whatIfSchools')} value={schoolSearch} onChange={(e) => setSchoolSearch(e.target.value)} style={{ maxWidth: 240 }} />
                <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 8 }}>
                  {targets.map((s) => (
                    <div
                      key={s.id}
                      role="button"
                      tabIndex={0}
                      data-testid="what-if-school"
                      onClick={() => move(teacher, s.id)}
                      onKeyDown={(e) => (e.key === 'Enter' ? move(teacher, s.id) : undefined)}
                      onDragOver={(e) => {
                        e.preventDefault();
                        e.dataTransfer.dropEffect = 'move';
                        if (over !== s.id) setOver(s.id);
                      }}
                      onDragLeave={() => setOver(undefined)}
                      onDrop={(e) => {
                        e.preventDefault();
                        setOver(undefined);
                        move(e.dataTransfer.getData('text/plain'), s.id);
                      }}
                      style={{ padding: '6px 8px', borderRadius: 6, cursor: teacher ? 'pointer' : 'default', border: `1px dashed ${over === s.id ? '#1677ff' : '#d9d9d9'}`, background: over === s.id ? '#e6f4ff' : undefined }}
                    >
                      <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{s.name}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('balance.students')} {number(students.get(s.id) ?? 0, lang)}
                      </Typography.Text>
                    </div>
                  ))}
                </div>
              </Space>
            </div>
          </div>
        ) : null}
        {moves.length ? (
          <Space wrap data-testid="what-if-moves">
            {moves.map((m) => (
              <Tag key={m.teacherId} closable onClose={() => setMoves(moves.filter((x) => x.teacherId !== m.teacherId))}>
                {m.teacherName}：{m.fromName} → {m.toName}
              </Tag>
            ))}
          </Space>
        ) : null}
        {sim.error ? <ProblemResult error={sim.error} /> : null}
        {moves.length && sim.data ? (
          <Table
            size="small"
            pagination={false}
            rowKey={(x) => `${x.stage}-${x.key}`}
            dataSource={rows.filter((x) => x.after && x.after.coefficient !== x.before.coefficient)}
            data-testid="what-if-coefficients"
            locale={{ emptyText: t('balance.whatIfSame') }}
            columns={[
              { title: t('balance.indicator'), key: 'key', render: (_: unknown, x) => `${label('BalanceStage', x.stage)} · ${label('BalanceIndicator', x.key)}` },
              { title: t('balance.before'), key: 'before', align: 'right', render: (_: unknown, x) => <Tag color={x.before.holds ? 'success' : 'error'}>{cv(x.before.coefficient)}</Tag> },
              { title: t('balance.after'), key: 'after', align: 'right', render: (_: unknown, x) => <Tag color={x.after?.holds ? 'success' : 'error'}>{cv(x.after?.coefficient)}</Tag> },
            ]}
          />
        ) : null}
      </Space>
    </Card>
  );
}
