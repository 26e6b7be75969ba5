import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n';

export default function NotFoundPage() {
  const { t } = useI18n();
  return <Result status="404" title={t('common.notFound')} extra={<Link to="/"><Button type="primary">{t('common.back')}</Button></Link>} />;
}
