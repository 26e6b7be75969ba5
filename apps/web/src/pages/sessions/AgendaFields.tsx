import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space } from 'antd';
import { useI18n } from '../../app/i18n';

export interface AgendaValue {
  title: string;
  speaker?: string;
  durationMinutes?: number | null;
}

/** The agenda as the API takes it: the items with a title, trimmed. */
export const agendaInput = (items: AgendaValue[] | undefined) =>
  (items ?? []).filter((a) => a.title?.trim()).map((a) => ({ title: a.title.trim(), speaker: a.speaker?.trim() || undefined, durationMinutes: a.durationMinutes ?? undefined }));

/** The agenda's items in a form (field `agenda`): title, speaker, minutes; add and remove. */
export function AgendaFields() {
  const { t } = useI18n();
  return (
    <Form.Item label={t('session.agenda')}>
      <Form.List name="agenda">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'title']} style={{ marginBottom: 0 }}>
                  <Input placeholder={t('schedule.agendaItem', { n: i + 1 })} style={{ width: 260 }} maxLength={200} />
                </Form.Item>
                <Form.Item name={[f.name, 'speaker']} style={{ marginBottom: 0 }}>
                  <Input placeholder={t('schedule.speaker')} style={{ width: 140 }} maxLength={100} />
                </Form.Item>
                <Form.Item name={[f.name, 'durationMinutes']} style={{ marginBottom: 0 }}>
                  <InputNumber placeholder={t('schedule.minutes')} min={1} max={600} style={{ width: 110 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ title: '' })} icon={<PlusOutlined />}>
              {t('schedule.addItem')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
