import { useMutation } from '@apollo/client/react';
import { Alert, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { todayInChina } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../features/common/FormModal';
import { useLabels } from '../../features/common/useLabels';
import { graphql } from '../../gql';
import type { ConsortiumMode, GroupLevel } from '../../gql/graphql';

const UPDATE = graphql(`
  mutation UpdateSchoolGroup($input: UpdateSchoolGroupInput!) {
    updateSchoolGroup(input: $input) { id name mode level status dissolvedOn profiles { validFrom mode level } }
  }
`);

const MODES: ConsortiumMode[] = ['FUSED', 'CO_BUILT', 'FUSED_AND_CO_BUILT'];
const LEVELS: GroupLevel[] = ['PROVINCIAL_DEMONSTRATION', 'PROVINCIAL_PILOT', 'MUNICIPAL_DEMONSTRATION', 'MUNICIPAL_PILOT', 'COUNTY_PILOT'];
/** The level select's value for "no level" (a Select option cannot be null). */
const NO_LEVEL = '-';

interface Group {
  id: string;
  name: string;
  kind: string;
  mode?: ConsortiumMode | null;
  level?: GroupLevel | null;
  crossRegion: boolean;
}

type Changes = { name: string; mode?: ConsortiumMode; level: GroupLevel | typeof NO_LEVEL; effectiveOn: dayjs.Dayjs };

/** A bureau's settings of a group: rename, mode or level from a day on (the history is kept), dissolve on a day. */
export function GroupSettings({ group, onSaved }: { group: Group; onSaved(): void }) {
  const { t } = useI18n();
  const label = useLabels();
  const [dialog, setDialog] = useState<'edit' | 'dissolve' | null>(null);
  // a dissolution ends every membership and changes the figures: the page's other parts read again
  const [update] = useMutation(UPDATE, { refetchQueries: ['GroupPage', 'GroupMembers', 'GroupActivity', 'GroupRotation'] });
  const today = todayInChina();
  const future = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD') > today;
  const consortium = group.kind === 'CONSORTIUM';
  const modes = group.crossRegion ? MODES.filter((m) => m !== 'FUSED') : MODES;
  return (
    <Space>
      <Button onClick={() => setDialog('edit')}>{t('group.edit')}</Button>
      <Button danger onClick={() => setDialog('dissolve')}>
        {t('group.dissolve')}
      </Button>
      <FormModal<Changes>
        open={dialog === 'edit'}
        title={t('group.edit')}
        success={t('group.saved')}
        onClose={() => setDialog(null)}
        initialValues={{ name: group.name, mode: group.mode ?? undefined, level: group.level ?? NO_LEVEL, effectiveOn: dayjs(today) }}
        onSubmit={async (v) => {
          const level = v.level === NO_LEVEL ? null : v.level;
          const input = {
            groupId: group.id,
            ...(v.name.trim() !== group.name ? { name: v.name.trim() } : {}),
            ...(consortium && v.mode !== group.mode ? { mode: v.mode } : {}),
            ...(level !== (group.level ?? null) ? { level } : {}),
            effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
          };
          await update({ variables: { input } });
          onSaved();
        }}
      >
        <Form.Item name="name" label={t('group.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input />
        </Form.Item>
        {consortium ? (
          <Form.Item name="mode" label={t('group.mode')}>
            <Select options={modes.map((m) => ({ value: m, label: label('ConsortiumMode', m) }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="level" label={t('group.level')}>
          <Select options={[{ value: NO_LEVEL, label: t('group.noLevel') }, ...LEVELS.map((l) => ({ value: l, label: label('GroupLevel', l) }))]} />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('group.effectiveOn')} extra={t('group.effectiveOnHelp')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={future} />
        </Form.Item>
      </FormModal>
      <FormModal<{ effectiveOn: dayjs.Dayjs }>
        open={dialog === 'dissolve'}
        title={t('group.dissolveTitle', { name: group.name })}
        okText={t('group.dissolve')}
        success={t('group.dissolved')}
        onClose={() => setDialog(null)}
        initialValues={{ effectiveOn: dayjs(today) }}
        onSubmit={async (v) => {
          await update({ variables: { input: { groupId: group.id, dissolve: true, effectiveOn: v.effectiveOn.format('YYYY-MM-DD') } } });
          onSaved();
        }}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('group.dissolveWarning')} />
        <Form.Item name="effectiveOn" label={t('group.dissolvedOn')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={future} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
