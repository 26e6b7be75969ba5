import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { compiledFor, compiledQuery, preloadableFields, preloadKey, type SelectedField } from '#app/core';

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
 * be read ahead.
 */
export function nodeJson(spec: TypeSpec, alias: string, fields: SelectedField[], always: string[] = []): string | null {
  return compiledFor(fields, `${spec.table} ${alias} ${always.join(',')}`, () => buildNodeJson(spec, alias, fields, always));
}

function buildNodeJson(spec: TypeSpec, alias: string, fields: SelectedField[], always: string[]): string | null {
  let depth = 0;
  const next = () => `${alias}_${++depth}`;
  const build = (s: TypeSpec, a: string, selected: SelectedField[], extra: string[]): string | null => {
    const pairs: string[] = [];
    const keys = new Set<string>();
    for (const k of extra) {
      pairs.push(`'${k}', ${a}.${s.columns[k]}`);
      keys.add(k);
    }
    for (const f of selected) {
      const column = s.columns[f.name];
      if (column !== undefined) {
        if (f.fields || Object.keys(f.args).length) return null;
        if (!keys.has(f.name)) pairs.push(`'${f.name}', ${a}.${column}`);
        keys.add(f.name);
        continue;
      }
      const rel = s.relations[f.name];
      if (!rel || !f.fields || Object.keys(f.args).some((k) => !rel.args?.includes(k))) return null;
      const child = rel.type();
      const b = next();
      const where = rel.where(a, b, f.args);
      const inner = where && build(child, b, f.fields, []);
      if (!inner) return null;
      const read = rel.many
        ? `(SELECT coalesce(json_agg(${inner} ORDER BY ${rel.orderBy!(b)}), '[]'::json) FROM ${child.table} ${b} WHERE ${where})`
        : `(SELECT ${inner} FROM ${child.table} ${b} WHERE ${where})`;
      pairs.push(`'${preloadKey(f.name)}', ${read}`);
    }
    // json_build_object takes at most 100 arguments
    if (pairs.length > 50) return null;
    return `json_build_object(${pairs.join(', ')})`;
  };
  return build(spec, alias, fields, always);
}

/** The node selection of a connection's fields (edges { node { … } }), or null when it asks for more than this reads. */
export function connectionNodes(fields: SelectedField[]): SelectedField[] | null {
  let nodes: SelectedField[] = [];
  for (const f of fields) {
    if (f.name === 'totalCount' || f.name === 'pageInfo') continue; // the connection answers them itself
    if (f.name !== 'edges' || !f.fields) return null;
    for (const e of f.fields) {
      if (e.name === 'cursor') continue;
      if (e.name !== 'node' || !e.fields) return null;
      nodes = e.fields;
    }
  }
  return nodes;
}

/**
 * How a list's page is read when its selection can be read ahead: each row's JSON, with the cursor's columns
 * (`always`), in one prepared statement; undefined (entities, as usual) otherwise. `alias` is the list's own alias
 * in its query, `em` the manager it was made with.
 */
export function lookaheadPage<T extends ObjectLiteral>(em: EntityManager, spec: TypeSpec, alias: string, fields: SelectedField[] | null | undefined, always: string[]): ((q: SelectQueryBuilder<T>) => Promise<T[]>) | undefined {
  const json = fields && compiledFor(fields, `page ${spec.table} ${alias} ${always.join(',')}`, () => {
    const nodes = connectionNodes(fields);
    return nodes && nodeJson(spec, alias, nodes, always);
  });
  if (!json) return undefined;
  return async (q) => {
    const [text, values] = q.select(json, 'n').getQueryAndParameters();
    return (await compiledQuery<{ n: T }>(em, text, values)).map((r) => r.n);
  };
}
