import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { compiledFor, compiledQuery, isRawSelection, preloadableFields, preloadKey, queryAndParameters, RawJson, RawPage, type SelectedField } from '#app/core';

/**
 * The directory's look-ahead reads (core's lookahead.ts): a selection of schools, regions, groups and memberships
 * compiled into one SQL expression per node (json_build_object, json_agg for lists). Each type lists the fields it
 * can read this way: its plain columns (answered by GraphQL's default resolver from the JSON) and its relations (left
 * on the parent under preloadKey, in the order and with the rows their resolvers answer). A field not listed here (a
 * timestamp, another context's field, an argument not understood) makes the whole selection fall back to the
 * resolvers, so what is answered never differs.
 */
interface TypeSpec {
  /** the GraphQL object type it reads (test/lookahead.e2e-spec.ts checks the fields below against the schema) */
  graphqlType: string;
  table: string;
  /** field → column, of fields GraphQL's default resolver answers from the parent's property of that name */
  columns: Record<string, string>;
  relations: Record<string, Relation>;
}

interface Relation {
  type: () => TypeSpec;
  /** the arguments this field takes, all optional */
  args?: string[];
  /** the rows of the relation for a parent aliased `parent` (its table aliased `alias`); `many` lists them */
  many?: boolean;
  where: (parent: string, alias: string, args: Record<string, unknown>) => string | null;
  /** the order of a list, as the field's resolver answers it */
  orderBy?: (alias: string) => string;
}

const REGION: TypeSpec = {
  graphqlType: 'Region',
  table: 'region',
  columns: { id: 'id', name: 'name', level: 'level', parentId: 'parent_id', code: 'code' },
  relations: {
    parent: { type: () => REGION, where: (p, a) => `${a}.id = ${p}.parent_id` },
  },
};

const SCHOOL: TypeSpec = {
  graphqlType: 'School',
  table: 'school',
  columns: { id: 'id', name: 'name', regionId: 'region_id', stage: 'stage', locale: 'locale', studentCount: 'student_count', teacherCount: 'teacher_count', campusOfId: 'campus_of_id' },
  relations: {
    region: { type: () => REGION, where: (p, a) => `${a}.id = ${p}.region_id` },
    campusOf: { type: () => SCHOOL, where: (p, a) => `${a}.id = ${p}.campus_of_id` },
    memberships: {
      type: () => MEMBERSHIP,
      many: true,
      args: ['includeFormer'],
      where: (p, a, args) => withFormer(`${a}.school_id = ${p}.id`, a, args),
      orderBy: (a) => `${a}.joined_on, ${a}.id`,
    },
  },
};

const GROUP: TypeSpec = {
  graphqlType: 'SchoolGroup',
  table: 'school_group',
  columns: {
    id: 'id',
    name: 'name',
    kind: 'kind',
    mode: 'mode',
    regionId: 'region_id',
    leadSchoolId: 'lead_school_id',
    level: 'level',
    foundedOn: 'founded_on',
    status: 'status',
    dissolvedOn: 'dissolved_on',
    crossRegion: 'cross_region',
    mentorCapacity: 'mentor_capacity',
  },
  relations: {
    leadSchool: { type: () => SCHOOL, where: (p, a) => `${a}.id = ${p}.lead_school_id` },
    region: { type: () => REGION, where: (p, a) => `${a}.id = ${p}.region_id` },
    members: {
      type: () => MEMBERSHIP,
      many: true,
      args: ['includeFormer'],
      where: (p, a, args) => withFormer(`${a}.group_id = ${p}.id`, a, args),
      orderBy: (a) => `${a}.role, ${a}.joined_on, ${a}.id`,
    },
  },
};

const MEMBERSHIP: TypeSpec = {
  graphqlType: 'GroupMembership',
  table: 'group_membership',
  columns: { id: 'id', groupId: 'group_id', schoolId: 'school_id', role: 'role', pairing: 'pairing', joinedOn: 'joined_on', leftOn: 'left_on' },
  relations: {
    school: { type: () => SCHOOL, where: (p, a) => `${a}.id = ${p}.school_id` },
    group: { type: () => GROUP, where: (p, a) => `${a}.id = ${p}.group_id` },
  },
};

/** includeFormer (default false): the current memberships only, or also those that ended. */
function withFormer(join: string, alias: string, args: Record<string, unknown>): string | null {
  const former = args.includeFormer ?? false;
  if (typeof former !== 'boolean') return null;
  return former ? join : `${join} AND ${alias}.left_on IS NULL`;
}

export const DIRECTORY_TYPES = { REGION, SCHOOL, GROUP, MEMBERSHIP } as const;
// the relations are answered from the parent when read ahead (core's answerPreloadedFields)
for (const spec of Object.values(DIRECTORY_TYPES)) preloadableFields(spec.graphqlType, Object.keys(spec.relations));

/**
 * One SQL expression building the JSON of a node of `spec` (its table aliased `alias`) with the selected `fields`;
 * `always` are columns included whatever is selected (the keys a list's cursor is made of). Null when a field cannot
 * be read ahead. For a raw selection (core's raw-answer.ts), the JSON the response holds: response keys, __typename,
 * relations under their keys, nothing else (`always` is left out).
 */
export function nodeJson(spec: TypeSpec, alias: string, fields: SelectedField[], always: string[] = []): string | null {
  const raw = isRawSelection(fields);
  return compiledFor(fields, `${spec.table} ${alias} ${always.join(',')}`, () => buildNodeJson(spec, alias, fields, raw ? [] : always, raw));
}

function buildNodeJson(spec: TypeSpec, alias: string, fields: SelectedField[], always: string[], raw: boolean): string | null {
  let depth = 0;
  const next = () => `${alias}_${++depth}`;
  /** [key, SQL value]: json_build_object's arguments, or for a raw selection the parts of the JSON text */
  /** `joins`: inside a raw list, where a to-one relation is joined (LEFT JOIN into the list's FROM) rather than read by a subquery per row */
  const build = (s: TypeSpec, a: string, selected: SelectedField[], extra: string[], joins: string[] | null = null): string | null => {
    const pairs: [string, string][] = [];
    const keys = new Set<string>();
    for (const k of extra) {
      pairs.push([k, `${a}.${s.columns[k]}`]);
      keys.add(k);
    }
    for (const f of selected) {
      if (raw && f.name === '__typename') {
        pairs.push([f.key!, `'"${f.typename}"'`]);
        continue;
      }
      const column = s.columns[f.name];
      if (column !== undefined) {
        if (f.fields || Object.keys(f.args).length || (raw && !f.exactJson)) return null;
        if (raw) pairs.push([f.key!, `coalesce(to_json(${a}.${column})::text, 'null')`]);
        else if (!keys.has(f.name)) pairs.push([f.name, `${a}.${column}`]);
        keys.add(f.name);
        continue;
      }
      const rel = s.relations[f.name];
      if (!rel || !f.fields || Object.keys(f.args).some((k) => !rel.args?.includes(k))) return null;
      const child = rel.type();
      const b = next();
      const where = rel.where(a, b, f.args);
      if (raw && joins && !rel.many && where) {
        // a to-one relation of a list's row: joined into the list's FROM (its key is the related row's id)
        joins.push(`LEFT JOIN ${child.table} ${b} ON ${where}`);
        const inner = build(child, b, f.fields, [], joins);
        if (!inner) return null;
        pairs.push([f.key!, `CASE WHEN ${b}.id IS NULL THEN 'null' ELSE ${inner} END`]);
        continue;
      }
      const listJoins: string[] | null = raw && rel.many ? [] : null;
      const inner = where && build(child, b, f.fields, [], listJoins);
      if (!inner) return null;
      const from = `FROM ${child.table} ${b}${listJoins?.length ? ` ${listJoins.join(' ')}` : ''} WHERE ${where}`;
      if (raw) {
        // a list is an ARRAY(SELECT … ORDER BY …) joined with commas: the order is the subquery's, as documented
        // for ARRAY, and no aggregate starts per parent row (string_agg(… ORDER BY …) sorts anew for each; this is
        // 15–20% less PostgreSQL time on schools → memberships → group than string_agg over a sorted subquery)
        if (rel.many) pairs.push([f.key!, `'[' || array_to_string(ARRAY(SELECT ${inner} ${from} ORDER BY ${rel.orderBy!(b)}), ',') || ']'`]);
        else pairs.push([f.key!, `coalesce((SELECT ${inner} ${from}), 'null')`]);
      } else {
        const read = rel.many ? `(SELECT coalesce(json_agg(${inner} ORDER BY ${rel.orderBy!(b)}), '[]'::json) ${from})` : `(SELECT ${inner} ${from})`;
        pairs.push([preloadKey(f.name), read]);
      }
    }
    if (raw) return jsonText(pairs);
    // json_build_object takes at most 100 arguments
    if (pairs.length > 50) return null;
    return `json_build_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`;
  };
  return build(spec, alias, fields, always);
}

/**
 * The JSON text of an object whose values are SQL expressions of JSON text: `'{"a":' || x || ',"b":' || y || '}'`.
 * PostgreSQL concatenates text faster than json_build_object (which looks up how to write each argument's type on
 * every row) and writes it compactly; to_json writes each value as json_build_object would. Keys are GraphQL names.
 */
function jsonText(pairs: [string, string][]): string {
  if (!pairs.length) return `'{}'`;
  return pairs.map(([k, v], i) => `'${i ? ',' : '{'}"${k}":' || ${v}`).join(' || ') + ` || '}'`;
}

/**
 * The node selection of a connection's fields (edges { node { … } }), or null when it asks for more than this reads
 * (or, in a raw selection, for edges or node under two keys: each would be written from the same node).
 */
export function connectionNodes(fields: SelectedField[]): SelectedField[] | null {
  let nodes: SelectedField[] | null = null;
  let edges = 0;
  for (const f of fields) {
    if (f.name === 'totalCount' || f.name === 'pageInfo' || f.name === '__typename') continue; // the connection answers them itself
    if (f.name !== 'edges' || !f.fields || ++edges > 1) return null;
    for (const e of f.fields) {
      if (e.name === 'cursor' || e.name === '__typename') continue;
      if (e.name !== 'node' || !e.fields || nodes) return null;
      nodes = e.fields;
    }
  }
  return nodes ?? [];
}

/**
 * A list whose pages may be read ahead: rows of `spec` aliased `alias` in their query, with the cursor's columns
 * (`always`) beside each row's JSON.
 */
export class LookaheadPage {
  constructor(
    private readonly spec: TypeSpec,
    private readonly alias: string,
    private readonly always: string[],
  ) {}

  /** The JSON expression of a row for a connection's selection, or null when it cannot be read ahead. */
  private json(fields: SelectedField[]): string | null {
    return compiledFor(fields, `page ${this.spec.table} ${this.alias} ${this.always.join(',')}`, () => {
      const nodes = connectionNodes(fields);
      return nodes && nodeJson(this.spec, this.alias, nodes, this.always);
    });
  }

  /** Whether a connection's selection is read ahead (for core's answersRawJson). */
  readonly compiles = (fields: SelectedField[]): boolean => this.json(fields) !== null;

  /**
   * How a page is read for `fields` (paginate's fetch): each row's JSON in one prepared statement, or, for a raw
   * selection, the whole page's edges as one JSON text (RawPage), or each row as RawJson text carrying its cursor's
   * columns when the edges' cursors are asked for; undefined (entities, as usual) when the
   * selection cannot be read ahead. `em` is the manager the list's query was made with.
   */
  reader<T extends ObjectLiteral>(em: EntityManager, fields: SelectedField[] | null | undefined): ((q: SelectQueryBuilder<T>) => Promise<T[] | RawPage<T>>) | undefined {
    const json = fields && this.json(fields);
    if (!json) return undefined;
    if (!isRawSelection(fields)) {
      return async (q) => {
        const [text, values] = queryAndParameters(q.select(json, 'n'));
        return (await compiledQuery<{ n: T }>(em, text, values)).map((r) => r.n);
      };
    }
    const { alias, always, spec } = this;
    const edge = compiledFor(fields, 'raw page edge', () => wholePageEdge(fields));
    const withPageInfo = fields.some((f) => f.name === 'pageInfo');
    return async (q) => {
      const orderBy = Object.entries(q.expressionMap.orderBys).map(([column, direction]) => (typeof direction === 'string' ? `${column} ${direction}` : null));
      const first = (q.expressionMap.limit ?? 0) - 1;
      if (edge && first >= 0 && orderBy.length && !orderBy.includes(null)) {
        // The whole page in one row: the edges' JSON in order, how many rows were found (one more than asked: a next
        // page) and, when the page info is asked for, the cursor columns of the page's last row: the one row marked
        // in the page (the first-th, or the last of all when fewer), so no aggregate needs to sort for it.
        const window = `OVER (ORDER BY ${orderBy.join(', ')})`;
        q.select(json, 'n');
        q.addSelect(`row_number() ${window}`, 'rn');
        if (withPageInfo) {
          const isLast = `(row_number() ${window} = :_pageSize OR lead(1) ${window} IS NULL)`;
          always.forEach((k, i) => q.addSelect(`CASE WHEN ${isLast} THEN ${alias}.${spec.columns[k]} END`, `k${i}`));
          q.setParameter('_pageSize', first);
        }
        const [inner, values] = queryAndParameters(q);
        const f = `$${values.length + 1}`;
        const last = withPageInfo ? always.map((_, i) => `, (array_agg(t.k${i}) FILTER (WHERE t.rn <= ${f} AND t.k${i} IS NOT NULL))[1] AS k${i}`).join('') : '';
        // No ORDER BY in string_agg (it would sort again, the costliest part of the read): a plain aggregate takes
        // the rows of its subquery in the subquery's order, which its ORDER BY and LIMIT fix (test/lookahead pages
        // through the list both ways and compares).
        const text = `SELECT coalesce('[' || string_agg(${edge}, ',') FILTER (WHERE t.rn <= ${f}) || ']', '[]') AS edges, count(*)::int AS rows${last} FROM (${inner}) t`;
        const [row] = await compiledQuery<Record<string, string | number>>(em, text, [...values, first]);
        const lastRow = withPageInfo && row.rows ? (Object.fromEntries(always.map((k, i) => [k, row[`k${i}`]])) as T) : null;
        return new RawPage<T>(new RawJson(row.edges as string), row.rows as number, lastRow);
      }
      q.select(json, 'n');
      always.forEach((k, i) => q.addSelect(`${alias}.${spec.columns[k]}`, `k${i}`));
      const [text, values] = queryAndParameters(q);
      const rows = await compiledQuery<Record<string, string>>(em, text, values);
      return rows.map((r) => {
        const node = new RawJson(r.n) as RawJson & Record<string, unknown>;
        always.forEach((k, i) => (node[k] = r[`k${i}`]));
        return node as T;
      });
    };
  }
}

/**
 * For a raw connection selection whose edges ask for their node (and __typename) only, the SQL of one edge's JSON
 * text from its node's (`t.n`): the page can then be read whole, one row instead of one per edge. Null otherwise (a
 * cursor asked for, edges not asked for).
 */
function wholePageEdge(fields: SelectedField[]): string | null {
  const edges = fields.filter((f) => f.name === 'edges');
  if (edges.length !== 1 || !edges[0].fields) return null;
  const pairs: [string, string][] = [];
  for (const e of edges[0].fields) {
    if (e.name === 'node') pairs.push([e.key!, 't.n']);
    else if (e.name === '__typename') pairs.push([e.key!, `'"${e.typename}"'`]);
    else return null;
  }
  return jsonText(pairs);
}

/**
 * One node of `spec` (aliased `alias`) by id, read ahead: its JSON (RawJson for a raw selection), or undefined when
 * the selection cannot be read ahead; null when there is no such row.
 */
export class LookaheadNode {
  constructor(
    private readonly spec: TypeSpec,
    private readonly alias: string,
  ) {}

  readonly compiles = (fields: SelectedField[]): boolean => nodeJson(this.spec, this.alias, fields) !== null;

  async read<T>(em: EntityManager, id: string, fields: SelectedField[] | null): Promise<T | RawJson | null | undefined> {
    const json = fields && nodeJson(this.spec, this.alias, fields);
    if (!json) return undefined;
    const raw = isRawSelection(fields);
    const [row] = await compiledQuery<{ n: T | string }>(em, `SELECT ${json} AS n FROM ${this.spec.table} ${this.alias} WHERE ${this.alias}.id = $1`, [id]);
    if (!row) return null;
    return raw ? new RawJson(row.n as string) : (row.n as T);
  }
}

export const SCHOOL_PAGE = new LookaheadPage(SCHOOL, 's', ['id', 'name']);
export const GROUP_PAGE = new LookaheadPage(GROUP, 'g', ['id', 'name']);
export const GROUP_NODE = new LookaheadNode(GROUP, 'g');
