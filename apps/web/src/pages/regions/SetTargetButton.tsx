import { useMutation } from '@apollo/client/react';
import { Button, Form, InputNumber } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { FormModal } from '../../features/common/FormModal';
import { graphql } from '../../gql';

const SET_TARGET = graphql(`
  mutation SetCoverageTarget($regionId: ID!, $year: Int!, $ratio: Float!) {
    setCoverageTarget(regionId: $regionId, year: $year, ratio: $ratio) { regionId year ratio }
  }
`);

/** The year's coverage target, entered as a percentage (70 → 0.7). */
export function SetTargetButton({ regionId, current, onSaved }: { regionId: string; current: { year: number; ratio: number } | null | undefined; onSaved(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [save] = useMutation(SET_TARGET);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('region.setTarget')}
      </Button>
      <FormModal<{ year: number; percent: number }>
        open={open}
        title={t('region.setTarget')}
        success={t('region.targetSaved')}
        onClose={() => setOpen(false)}
        initialValues={{ year: current?.year ?? new Date().getFullYear(), percent: current ? Math.round(current.ratio * 1000) / 10 : 70 }}
        onSubmit={async (v) => {
          await save({ variables: { regionId, year: v.year, ratio: Math.round(v.percent * 10) / 1000 } });
          onSaved();
        }}
      >
        <Form.Item name="year" label={t('region.targetYear')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="percent" label={t('region.targetRatio')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} step={0.5} precision={1} style={{ width: 160 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
