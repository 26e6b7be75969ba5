import type { EntityManager } from 'typeorm';
import { sqlStats } from './sql-stats';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a hot, fixed statement (read on every request or every dashboard view) as a named prepared statement:
 * each pooled connection parses and plans it once and then reuses the plan, which for the dashboard queries is
 * most of their database time. Inside a transaction it runs on the transaction's connection. `name` must stand
 * for exactly one `text` (PostgreSQL keeps prepared statements per connection, by name).
 */
export async function preparedQuery<T>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const inTransaction = em.queryRunner && !em.queryRunner.isReleased ? em.queryRunner : null;
  const runner = inTransaction ?? em.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    const store = sqlStats.getStore();
    if (store) store.statements++;
    const result = await client.query({ name, text, values });
    return result.rows as T[];
  } finally {
    if (!inTransaction) await runner.release();
  }
}

/** Statements prepared by text (compiledQuery), at most COMPILED_MAX: each pooled connection keeps what it prepared. */
const compiledNames = new Map<string, string>();
const COMPILED_MAX = 200;

/**
 * A statement compiled from a request (a look-ahead read: its text depends on the selection, not on the values) run
 * as a prepared statement named after its text, so a query asked again is not parsed and planned again. Only the
 * first COMPILED_MAX texts are named (PostgreSQL keeps prepared statements per connection until it closes); any
 * later one runs unnamed, as any statement does.
 */
export async function compiledQuery<T>(em: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  let name = compiledNames.get(text);
  if (!name && compiledNames.size < COMPILED_MAX) compiledNames.set(text, (name = `compiled_${compiledNames.size + 1}`));
  return name ? preparedQuery<T>(em, name, text, values) : em.query(text, values);
}
