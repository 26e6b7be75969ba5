import { App } from 'antd';
import { useCallback } from 'react';
import { messageKeyOf, problemOf, type ApiProblem } from '../../app/errors';
import { useI18n } from '../../app/i18n';

/**
 * Shows a failed operation as a message in the user's language (the one mapping of API codes to text). A page
 * that knows more about one failure passes `say`: its text, or null for the generic one.
 */
export function useShowProblem() {
  const { t } = useI18n();
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, say?: (p: ApiProblem) => string | null) => {
      const p = problemOf(err);
      message.error(say?.(p) ?? t(messageKeyOf(p), { seconds: p.retryAfterSeconds ?? 1 }));
    },
    [message, t],
  );
}
