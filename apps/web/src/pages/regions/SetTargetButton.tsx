import { useMutation } from '@apollo/client/react';
import { App, Button, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowProblem } from '../../features/common/useShowProblem';
import { graphql } from '../../gql';

const SET_TARGET = graphql(`
  mutation SetCoverageTarget($regionId: ID!, $year: Int!, $ratio: Float!) {
    setCoverageTarget(regionId: $regionId, year: $year, ratio: $ratio) { regionId year ratio }
  }
`);

/** The year's coverage target, entered as a percentage (70 → 0.7). */
export function SetTargetButton({ regionId, current, onSaved }: { regionId: string; current: { year: number; ratio: number } | null | undefined; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [open, setOpen] = useState(false);
  const [save, { loading }] = useMutation(SET_TARGET);
  const [form] = Form.useForm();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('region.setTarget')}
      </Button>
      <Modal open={open} title={t('region.setTarget')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={loading} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ year: current?.year ?? new Date().getFullYear(), percent: current ? Math.round(current.ratio * 1000) / 10 : 70 }}
          onFinish={async (v: { year: number; percent: number }) => {
            try {
              await save({ variables: { regionId, year: v.year, ratio: Math.round(v.percent * 10) / 1000 } });
              message.success(t('region.targetSaved'));
              setOpen(false);
              onSaved();
            } catch (err) {
              showProblem(err);
            }
          }}
        >
          <Form.Item name="year" label={t('region.targetYear')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="percent" label={t('region.targetRatio')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} step={0.5} precision={1} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
