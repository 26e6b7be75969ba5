import type { EntityManager } from 'typeorm';

/** Writing rows: multi-row INSERTs with typed parameters, and the contexts' row writers on them. */

/** `tsterms`: a text[] of search terms (documentTerms), stored as array_to_tsvector of them. */
export type Cast = 'uuid' | 'uuid[]' | 'date' | 'int' | 'float8' | 'varchar' | 'boolean' | 'varchar[]' | 'text' | 'timestamptz' | 'jsonb' | 'tsterms';

/** Multi-row INSERTs, 500 rows per statement, with explicit casts so every parameter has a type. */
export async function insertRows(em: EntityManager, table: string, columns: ReadonlyArray<readonly [string, Cast]>, rows: unknown[][]): Promise<void> {
  const chunkSize = 500;
  const columnList = columns.map(([c]) => c).join(', ');
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== columns.length) throw new Error(`${table} row has ${row.length} values, expected ${columns.length}`);
      const placeholders = row.map((value, i) => {
        params.push(value);
        return columns[i][1] === 'tsterms' ? `array_to_tsvector($${params.length}::text[])` : `$${params.length}::${columns[i][1]}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await em.query(`INSERT INTO ${table} (${columnList}) VALUES ${tuples.join(', ')}`, params);
  }
}

/** A row of entity `E` as a row writer takes it: the instants `I` as Date or ISO text. */
export type RowOf<E, I extends keyof E = never> = Omit<E, I> & { [K in I]: E[K] extends Date ? Date | string : Date | string | null };

/** The column of a row field: its name in snake_case (mentorTeacherId: mentor_teacher_id). */
const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A context's writer of one table's rows, from the cast of every field of its row type (each field is the column
 * of its snake_case name; jsonb values are written as JSON). The context's service writes its new rows through it
 * after its checks, and a bulk load (the demo's history) writes thousands through the same writer, skipping the
 * checks and events: one mapping of the rows, so the two cannot disagree on what a row holds.
 */
export function rowWriter<T>(table: string, casts: { readonly [F in keyof T & string]: Cast }): (em: EntityManager, rows: readonly T[]) => Promise<void> {
  const fields = Object.keys(casts) as (keyof T & string)[];
  const columns = fields.map((f) => [columnOf(f), casts[f]] as const);
  const value = (row: T, f: keyof T & string) => {
    const v = row[f];
    return casts[f] === 'jsonb' && v !== null && typeof v === 'object' ? JSON.stringify(v) : v;
  };
  return (em, rows) => insertRows(em, table, columns, rows.map((row) => fields.map((f) => value(row, f))));
}
