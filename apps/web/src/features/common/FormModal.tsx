import { Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n';

/**
 * A form in a dialog: OK submits the form, the button spins while `onSubmit` runs, and the dialog closes only
 * when it succeeds (a failure keeps what was typed; `onSubmit` shows the problem).
 */
export function FormModal<V extends object>({
  open,
  title,
  okText,
  width,
  initialValues,
  onClose,
  onSubmit,
  children,
}: {
  open: boolean;
  title: ReactNode;
  okText?: string;
  width?: number;
  initialValues?: Partial<V>;
  onClose(): void;
  /** true when done (closes the dialog) */
  onSubmit(values: V, form: FormInstance<V>): Promise<boolean>;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        onFinish={async (values) => {
          setBusy(true);
          try {
            if (await onSubmit(values, form)) onClose();
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
