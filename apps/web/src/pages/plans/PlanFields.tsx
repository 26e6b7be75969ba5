import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Tabs } from 'antd';
import { useI18n } from '../../app/i18n';
import { Markdown } from './Markdown';

export interface PlanFieldValues {
  title: string;
  unit?: string | null;
  objectives?: string | null;
  keyPoints?: string | null;
  content: string;
  resources?: { title: string; url: string }[];
  note?: string;
}

/** The Markdown content with a preview tab (the preview shows what readers will see). */
function ContentField() {
  const { t } = useI18n();
  const content = Form.useWatch('content') as string | undefined;
  return (
    <Tabs
      size="small"
      items={[
        {
          key: 'write',
          label: t('plans.write'),
          forceRender: true,
          children: (
            <Form.Item name="content" rules={[{ required: true, whitespace: true, message: t('plans.contentRequired') }]} noStyle>
              <Input.TextArea aria-label={t('plans.content')} autoSize={{ minRows: 10, maxRows: 30 }} maxLength={100000} className="mono" />
            </Form.Item>
          ),
        },
        { key: 'preview', label: t('plans.preview'), children: <div className="plan-preview"><Markdown text={content ?? ''} /></div> },
      ]}
    />
  );
}

/** A plan's fields, for creating and for editing (with a note on what changed). */
export function PlanFields({ withNote = false }: { withNote?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="title" label={t('plans.planTitle')} rules={[{ required: true, whitespace: true, message: t('plans.titleRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="unit" label={t('plans.unit')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="objectives" label={t('plans.objectives')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Form.Item name="keyPoints" label={t('plans.keyPoints')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
      <Form.Item label={t('plans.content')} required>
        <ContentField />
      </Form.Item>
      <Form.Item label={t('plans.resources')}>
        <Form.List name="resources">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, message: t('plans.resourceTitleRequired') }]} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('plans.resourceTitle')} style={{ width: 200 }} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'url']} rules={[{ required: true, pattern: /^https?:\/\/\S+$/i, message: t('plans.resourceUrlInvalid') }]} style={{ marginBottom: 0 }}>
                    <Input placeholder={t('plans.resourceUrl')} style={{ width: 320 }} maxLength={2000} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ title: '', url: '' })} icon={<PlusOutlined />}>
                {t('plans.addResource')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      {withNote ? (
        <Form.Item name="note" label={t('plans.note')}>
          <Input placeholder={t('plans.notePlaceholder')} maxLength={500} />
        </Form.Item>
      ) : null}
    </>
  );
}

/** The values as the API takes them (empty optional text as null, resources as a list). */
export const planInput = (v: PlanFieldValues) => ({
  title: v.title.trim(),
  unit: v.unit?.trim() || null,
  objectives: v.objectives?.trim() || null,
  keyPoints: v.keyPoints?.trim() || null,
  content: v.content,
  resources: (v.resources ?? []).map((r) => ({ title: r.title.trim(), url: r.url.trim() })),
});
