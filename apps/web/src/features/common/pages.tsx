import { Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';

/** Keyset pages of a connection: the cursors walked so far, so ‹ goes back and › forward. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors.at(-1) ?? null,
    reset: () => setCursors([null]),
    footer: (pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined) => (
      <span>
        {cursors.length > 1 ? <a onClick={() => setCursors(cursors.slice(0, -1))}>‹ </a> : null}
        {cursors.length}
        {pageInfo?.hasNextPage ? <a onClick={() => setCursors([...cursors, pageInfo.endCursor ?? null])}> ›</a> : null}
      </span>
    ),
  };
}

export const PAIRINGS = ['STRONG_WEAK', 'STRONG_NEW', 'STRONG_RURAL', 'STRONG_SUBURBAN', 'OTHER'] as const;

/** One page of a connection in a table: rows from its edges, "no data" when empty, the ‹ n › footer. */
export function ConnectionTable<T extends { id: string }>({
  connection,
  pages,
  ...rest
}: { connection?: { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }; pages: ReturnType<typeof useCursorPages> } & Omit<TableProps<T>, 'dataSource' | 'pagination' | 'footer' | 'rowKey'>) {
  const { t } = useI18n();
  return <Table<T> rowKey="id" dataSource={connection?.edges.map((e) => e.node) ?? []} locale={{ emptyText: t('common.none') }} pagination={false} footer={() => pages.footer(connection?.pageInfo)} {...rest} />;
}
