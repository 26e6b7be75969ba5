import { Spin } from 'antd';
import { useI18n } from '../../app/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <div style={{ padding: 64, textAlign: 'center' }} role="status">
      <Spin />
      <div style={{ marginTop: 8, color: '#888' }}>{t('common.loading')}</div>
    </div>
  );
}
