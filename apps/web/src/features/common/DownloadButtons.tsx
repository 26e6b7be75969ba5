import { useMutation } from '@apollo/client/react';
import { Button, Space } from 'antd';
import { useI18n } from '../../app/i18n';
import { useShowProblem } from './useShowProblem';
import { graphql } from '../../gql';

const LINK = graphql(`
  mutation CreateDownloadLink($path: String!) {
    createDownloadLink(path: $path) { url expiresAt }
  }
`);

/**
 * "Download CSV" and "Download Excel" for one report (`path` without its extension, e.g.
 * /reports/regions/<id>/coverage, and its query): a short-lived signed link that a plain navigation can follow.
 */
export function DownloadButtons({ path, query = {} }: { path: string; query?: Record<string, string | number | null | undefined> }) {
  const { t } = useI18n();
  const showProblem = useShowProblem();
  const [create, { loading }] = useMutation(LINK);
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string | number] => e[1] !== null && e[1] !== undefined).map(([k, v]) => [k, String(v)]));
  const download = async (format: 'csv' | 'xlsx') => {
    try {
      const qs = params.toString();
      const { data } = await create({ variables: { path: `${path}.${format}${qs ? `?${qs}` : ''}` } });
      if (data) window.location.assign(data.createDownloadLink.url);
    } catch (err) {
      showProblem(err);
    }
  };
  return (
    <Space size="small">
      <Button size="small" loading={loading} onClick={() => void download('csv')}>
        {t('common.downloadCsv')}
      </Button>
      <Button size="small" loading={loading} onClick={() => void download('xlsx')}>
        {t('common.downloadXlsx')}
      </Button>
    </Space>
  );
}
