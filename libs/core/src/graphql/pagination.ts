import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors/app-error';
import { RawJson } from './raw-answer';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field({ nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /**
   * Counted only when read (a getter: GraphQL reads it when `totalCount` is selected; one COUNT, then kept): most
   * lists are asked for a page, not for their size.
   */
  readonly totalCount: number | Promise<number>;
}


/** Relay-style connection type for a node type: XxxConnection { edges { cursor node } pageInfo totalCount }. */
export function Connection<T>(node: Type<T>, name = node.name): Type<ConnectionResult<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }
  @ObjectType({ isAbstract: true })
  class ConnectionType {
    @Field(() => [EdgeType]) edges: EdgeType[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: 'Number of nodes matching the filter, over all pages' }) totalCount: number | Promise<number>;
  }
  return ConnectionType as Type<ConnectionResult<T>>;
}

const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity) return v;
  } catch {
    /* fall through */
  }
  throw badInput('after', { zh: '「after」不是本列表返回的游标', en: 'after is not a cursor returned by this list' });
}

export interface KeysetOrder<T> {
  /**
   * SQL expressions in sort order; the last one must be unique (usually the id). None may be NULL. A timestamptz
   * column is compared as date_trunc('milliseconds', col): the cursor holds a JS Date (milliseconds), Postgres keeps microseconds.
   */
  columns: string[];
  /** The same values read from a row. */
  values: (row: T) => unknown[];
  /** newest first (all columns descending) */
  descending?: boolean;
}

/** An edge whose cursor is encoded when read: most pages are asked for their nodes only (pageInfo reads the last). */
class LazyEdge<T> implements Edge<T> {
  /** the row read (a service may replace `node` by a view of it; the cursor stays the row's) */
  private readonly row: T;
  constructor(
    public node: T,
    private readonly values: (node: T) => unknown[],
  ) {
    this.row = node;
  }
  get cursor(): string {
    return encodeCursor(this.values(this.row));
  }
}

/**
 * A page read whole by PostgreSQL for a raw answer (raw-answer.ts): the JSON text of its edges, how many rows the
 * read found (first + 1 at most: one more means a next page), and the row whose values the page's end cursor is made
 * of (null for an empty page).
 */
export class RawPage<T> {
  constructor(
    readonly edges: RawJson,
    readonly rows: number,
    readonly last: T | null,
  ) {}
}

/** Keyset pagination: stable under inserts, and no OFFSET scans on deep pages. */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  page: PageArgs,
  order: KeysetOrder<T>,
  /**
   * How the page's rows are read (a look-ahead read selects their JSON instead of entities, or the whole page's for
   * a raw answer); getMany by default.
   */
  fetch: (q: SelectQueryBuilder<T>) => Promise<T[] | RawPage<T>> = (q) => q.getMany(),
): Promise<ConnectionResult<T>> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  let counted: Promise<number> | undefined;
  const count = () => (counted ??= qb.clone().getCount());
  const connection = (edges: Edge<T>[], pageInfo: PageInfo): ConnectionResult<T> => ({
    edges,
    pageInfo,
    get totalCount() {
      return count();
    },
  });
  if (first === 0) return connection([], { hasNextPage: (await count()) > 0, endCursor: null });
  const q = qb.clone();
  if (page.after) {
    const values = decodeCursor(page.after, order.columns.length);
    const params = Object.fromEntries(values.map((v, i) => [`_cursor${i}`, v]));
    q.andWhere(`(${order.columns.join(', ')}) ${order.descending ? '<' : '>'} (${values.map((_, i) => `:_cursor${i}`).join(', ')})`, params);
  }
  const direction = order.descending ? 'DESC' : 'ASC';
  order.columns.forEach((c, i) => (i === 0 ? q.orderBy(c, direction) : q.addOrderBy(c, direction)));
  const rows = await fetch(q.limit(first + 1));
  if (rows instanceof RawPage) {
    // the edges are JSON text, written into the answer as they are
    return connection(rows.edges as unknown as Edge<T>[], { hasNextPage: rows.rows > first, endCursor: rows.last ? encodeCursor(order.values(rows.last)) : null });
  }
  const hasNextPage = rows.length > first;
  const edges = rows.slice(0, first).map((node) => new LazyEdge(node, order.values));
  return connection(edges, { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null });
}
