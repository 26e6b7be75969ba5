import { Card, type TableColumnsType } from 'antd';
import { ConnectionTable, type useCursorPages } from './pages';
import { ProblemResult } from './ProblemResult';

/** A connection's page in a card, with the problem said above it when the query failed. */
export function CursorTable<Row extends { id: string }>({
  connection,
  loading,
  error,
  pages,
  columns,
  minWidth,
}: {
  connection: Parameters<typeof ConnectionTable<Row>>[0]['connection'];
  loading: boolean;
  error?: unknown;
  pages: ReturnType<typeof useCursorPages>;
  columns: TableColumnsType<Row>;
  /** below this width the table scrolls sideways instead of squeezing its columns */
  minWidth?: number;
}) {
  return (
    <Card>
      {error ? <ProblemResult error={error} /> : null}
      <ConnectionTable<Row> connection={connection} pages={pages} loading={loading} columns={columns} scroll={minWidth ? { x: minWidth } : undefined} />
    </Card>
  );
}
