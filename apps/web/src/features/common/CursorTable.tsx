import { Card, Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../app/i18n';
import type { useCursorPages } from './pages';
import { ProblemResult } from './ProblemResult';

interface Connection<Row> {
  edges: { node: Row }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** One page of a connection in a card: its rows, a Chinese "none" when empty, the problem when it failed, ‹ n › below. */
export function CursorTable<Row extends { id: string }>({
  connection,
  loading,
  error,
  pages,
  columns,
  minWidth,
}: {
  connection: Connection<Row> | undefined;
  loading: boolean;
  error?: unknown;
  pages: ReturnType<typeof useCursorPages>;
  columns: TableColumnsType<Row>;
  /** below this width the table scrolls sideways instead of squeezing its columns */
  minWidth?: number;
}) {
  const { t } = useI18n();
  return (
    <Card>
      {error ? <ProblemResult error={error} /> : null}
      <Table<Row>
        rowKey="id"
        loading={loading}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        locale={{ emptyText: t('common.none') }}
        pagination={false}
        scroll={minWidth ? { x: minWidth } : undefined}
        columns={columns}
        footer={() => pages.footer(connection?.pageInfo)}
      />
    </Card>
  );
}
