import type { EntityManager } from 'typeorm';

/** Bulk writing: multi-row INSERTs with typed parameters. */

/** `tsterms`: a text[] of search terms (documentTerms), stored as array_to_tsvector of them. */
export type Cast = 'uuid' | 'uuid[]' | 'date' | 'int' | 'float8' | 'varchar' | 'varchar[]' | 'text' | 'timestamptz' | 'jsonb' | 'tsterms';

/** Multi-row INSERTs, 500 rows per statement, with explicit casts so every parameter has a type. */
export async function insertRows(em: EntityManager, table: string, columns: ReadonlyArray<readonly [string, Cast]>, rows: unknown[][]): Promise<void> {
  const chunkSize = 500;
  const columnList = columns.map(([c]) => c).join(', ');
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length) throw new Error(`demo seed: ${table} row has ${row.length} values, expected ${columns.length}`);
      const placeholders = row.map((value, i) => {
        params.push(value);
        return columns[i][1] === 'tsterms' ? `array_to_tsvector($${params.length}::text[])` : `$${params.length}::${columns[i][1]}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await em.query(`INSERT INTO ${table} (${columnList}) VALUES ${tuples.join(', ')}`, params);
  }
}
