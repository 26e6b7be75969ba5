import { App, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { useShowProblem } from './useShowProblem';

/**
 * A form in a dialog: Save submits, a failure is said in the user's language and keeps the dialog (and what was
 * typed) open; on success it shows `success` and closes. `children` may take the form to read other fields.
 * Only Cancel, the close button or a successful Save close it: Escape (which also closes a field's dropdown) and a
 * click beside the dialog would throw away what was typed.
 */
export function FormModal<V extends object>({
  open,
  title,
  onClose,
  onSubmit,
  initialValues,
  success,
  okText,
  width,
  children,
}: {
  open: boolean;
  title: ReactNode;
  onClose(): void;
  onSubmit(values: V): Promise<unknown>;
  initialValues?: Partial<V>;
  success?: string;
  okText?: string;
  width?: number;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useShowProblem();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal open={open} title={title} okText={okText ?? t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()} width={width} keyboard={false} maskClosable={false} destroyOnHidden>
      <Form<V>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        onFinish={async (v) => {
          setBusy(true);
          try {
            await onSubmit(v);
            if (success) message.success(success);
            onClose();
          } catch (err) {
            showProblem(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
