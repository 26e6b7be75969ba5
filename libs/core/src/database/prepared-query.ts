import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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

/** SQL texts (with :named parameters) of query builders, by shape (queryAndParameters). */
const textsByShape = new Map<string, string>();
const SHAPES_MAX = 500;

/**
 * A select query builder's SQL and values, as getQueryAndParameters gives them, with the SQL text built once per
 * shape: TypeORM builds the text afresh on every call, which costs a hot list read more than PostgreSQL does. The
 * shape is everything the text is made of except the parameters' values; a builder with a part this does not know
 * how to key (a Brackets condition, a joined selection, a CTE, a lock, …) is built as usual.
 */
export function queryAndParameters(q: SelectQueryBuilder<ObjectLiteral>): [string, unknown[]] {
  const shape = shapeOf(q);
  if (shape === null) return q.getQueryAndParameters();
  let text = textsByShape.get(shape);
  if (text === undefined) {
    text = q.getQuery();
    if (textsByShape.size < SHAPES_MAX) textsByShape.set(shape, text);
  }
  return q.connection.driver.escapeQueryWithParameters(text, q.getParameters());
}

function shapeOf(q: SelectQueryBuilder<ObjectLiteral>): string | null {
  const m = q.expressionMap;
  if (m.queryType !== 'select' || !m.mainAlias?.hasMetadata || m.subQuery || m.selectDistinct || m.selectDistinctOn.length || m.havings.length || m.groupBys.length) return null;
  if (m.lockMode || m.useIndex?.length || m.commonTableExpressions.length || m.relationIdAttributes.length || m.comment || m.timeTravel) return null;
  if (m.wheres.some((w) => typeof w.condition !== 'string')) return null;
  if (m.joinAttributes.some((j) => typeof j.entityOrProperty !== 'string' || j.mapToProperty || j.isSelected || typeof j.condition !== 'string')) return null;
  if (m.selects.some((s) => typeof s.selection !== 'string')) return null;
  return JSON.stringify([
    m.mainAlias.metadata.tablePath,
    m.mainAlias.name,
    m.selects.map((s) => [s.selection, s.aliasName]),
    m.wheres.map((w) => [w.type, w.condition]),
    m.joinAttributes.map((j) => [j.direction, j.entityOrProperty, j.alias.name, j.condition]),
    m.orderBys,
    m.limit,
    m.offset,
    m.skip,
    m.take,
    m.withDeleted,
  ]);
}
