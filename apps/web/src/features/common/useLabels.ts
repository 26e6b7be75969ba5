import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { useI18n } from '../../app/i18n';
import { graphql } from '../../gql';

const LABELS = graphql(`
  query Labels {
    labels { enum value zh en }
  }
`);

/** zh-CN / en display names of enum values, from the server's `labels` (one request per session). */
export function useLabels() {
  const { lang } = useI18n();
  const { data } = useQuery(LABELS, { fetchPolicy: 'cache-first' });
  return useCallback(
    (enumName: string, value: string | null | undefined) => {
      if (!value) return '—';
      const l = data?.labels.find((x) => x.enum === enumName && x.value === value);
      return l ? (lang === 'en' ? l.en : l.zh) : value;
    },
    [data, lang],
  );
}
