import { App } from 'antd';
import { useCallback } from 'react';
import { messageKeyOf, problemOf } from '../../app/errors';
import { useI18n } from '../../app/i18n';

/** Shows a failed operation as a message in the user's language (the one mapping of API codes to text). */
export function useShowProblem() {
  const { t } = useI18n();
  const { message } = App.useApp();
  return useCallback(
    (err: unknown) => {
      const p = problemOf(err);
      message.error(t(messageKeyOf(p), { seconds: p.retryAfterSeconds ?? 1 }));
    },
    [message, t],
  );
}
