import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { messageKeyOf, problemOf } from '../../app/errors';
import { useI18n } from '../../app/i18n';

/** A failed page load, said in the user's language: forbidden, not found, network, server. */
/** `error` from Apollo, or `code` for an answer that is itself the problem (null for an id: NOT_FOUND). */
export function ProblemResult({ error, code, onRetry }: { error?: unknown; code?: string; onRetry?: () => void }) {
  const { t } = useI18n();
  const p = code ? { code } : problemOf(error);
  const status = p.code === 'FORBIDDEN' ? '403' : p.code === 'NOT_FOUND' ? '404' : 'error';
  return (
    <Result
      status={status}
      title={p.code === 'FORBIDDEN' ? t('common.forbiddenTitle') : undefined}
      subTitle={t(messageKeyOf(p), { seconds: ('retryAfterSeconds' in p && p.retryAfterSeconds) || 1 })}
      extra={[
        onRetry && p.code !== 'FORBIDDEN' && p.code !== 'NOT_FOUND' ? <Button key="retry" onClick={onRetry}>{t('common.retry')}</Button> : null,
        <Link key="home" to="/"><Button type="primary">{t('common.back')}</Button></Link>,
      ]}
    />
  );
}
