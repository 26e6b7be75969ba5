import { getNamedType, GraphQLBoolean, GraphQLID, GraphQLInt, GraphQLString, isEnumType, isObjectType, Kind, type FieldNode, type GraphQLNamedType, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { DateScalar } from './date.scalar';

/**
 * Look-ahead reads (issue: faster than the peer). A root resolver that knows the whole selection below it may read it
 * in one SQL statement (json_build_object / json_agg, the way PostGraphile does) and hand GraphQL plain objects. The
 * values of fields that normally have their own resolvers are left on the parent under `preloadKey(field)`; every
 * custom resolver of the schema first answers such a value (answerPreloadedFields), so neither the field's resolver
 * nor Nest's per-field pipeline runs for it. Only a selection that `selectionOf` could read completely is compiled;
 * anything else is served as before.
 */
export const preloadKey = (field: string) => `@${field}`;

/** Fields a look-ahead read may leave on their parents, by type (registered by the contexts that read ahead). */
const preloadable = new Map<string, Set<string>>();

/** Declares that look-ahead reads may leave the values of `fields` of `typeName` on their parents. */
export function preloadableFields(typeName: string, fields: readonly string[]): void {
  const set = preloadable.get(typeName) ?? new Set<string>();
  fields.forEach((f) => set.add(f));
  preloadable.set(typeName, set);
}

/**
 * Wraps the resolvers of the preloadable fields: a value a look-ahead read left on the parent is the answer. Other
 * fields keep their resolvers untouched (no cost on every scalar of every type).
 */
export function answerPreloadedFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    const names = preloadable.get(type.name);
    if (!names || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || !names.has(field.name)) continue;
      const key = preloadKey(field.name);
      field.resolve = (source, args, context, info) => (source !== null && typeof source === 'object' && key in source ? source[key] : resolve(source, args, context, info));
    }
  }
  return schema;
}

/** A field asked for, with its arguments' values and the fields asked for below it (null for a leaf). */
export interface SelectedField {
  name: string;
  args: Record<string, unknown>;
  fields: SelectedField[] | null;
  /**
   * Of a selection read for an answer written as JSON text (raw-answer.ts) only: the response key (the alias, or
   * the name); for `__typename`, the type's name; for a leaf, whether PostgreSQL's JSON of the column is the value
   * GraphQL would write (strings, ids, integers, booleans, calendar dates, enums whose values are their names).
   */
  key?: string;
  typename?: string;
  exactJson?: boolean;
}

/** Marks a resolve info made by raw-answer.ts: its selection is read with response keys and __typename. */
export const RAW_INFO = Symbol('raw answer');

/** Whether a selection (of selectionOf) is read for an answer written as JSON text. */
export const isRawSelection = (fields: SelectedField[]): boolean => rawSelections.has(fields);
const rawSelections = new WeakSet<SelectedField[]>();

/**
 * The fields selected below the resolver's field, fragments flattened. Null when the selection cannot be read ahead
 * as a tree keyed by field name: a directive (@include, @skip), a fragment on another type, a field asked for twice
 * with other arguments or other sub-selections (aliases of the same field), or an argument that is not a literal or
 * a variable. For an info of raw-answer.ts, a selection with response keys and __typename (isRawSelection).
 */
export function selectionOf(info: GraphQLResolveInfo): SelectedField[] | null {
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0] : null;
  if (!node?.selectionSet || node.directives?.length) return null;
  const raw = RAW_INFO in info;
  // The same query text comes as the same document object (Apollo's document store): its selection is read once
  // per set of variables (they may hold arguments), and the same array is answered, so what is compiled from it can
  // be kept by it too (compiledFor).
  let byVariables = selections.get(node);
  if (!byVariables) selections.set(node, (byVariables = new Map()));
  const key = `${raw ? 'raw ' : ''}${JSON.stringify(info.variableValues)}`;
  if (byVariables.has(key)) return byVariables.get(key)!;
  const fields = fieldsOf(node.selectionSet, info, getNamedType(info.returnType), raw);
  if (byVariables.size >= 50) byVariables.clear(); // variables differ per request: keep a few
  byVariables.set(key, fields);
  return fields;
}

const selections = new WeakMap<FieldNode, Map<string, SelectedField[] | null>>();
const compiled = new WeakMap<SelectedField[], Map<string, unknown>>();

/** What `compile` makes of a selection, made once per selection (selectionOf answers the same array) and `key`. */
export function compiledFor<T>(fields: SelectedField[], key: string, compile: () => T): T {
  let byKey = compiled.get(fields);
  if (!byKey) compiled.set(fields, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, compile());
  return byKey.get(key) as T;
}

/** The arguments of a field as plain values: literals and variables only (null when another kind is written). */
function argumentsOf(s: FieldNode, info: GraphQLResolveInfo): Record<string, unknown> | null {
  const args: Record<string, unknown> = {};
  for (const a of s.arguments ?? []) {
    const v = a.value;
    if (v.kind === Kind.VARIABLE) args[a.name.value] = info.variableValues[v.name.value];
    else if (v.kind === Kind.BOOLEAN || v.kind === Kind.STRING || v.kind === Kind.ENUM) args[a.name.value] = v.value;
    else if (v.kind === Kind.INT) args[a.name.value] = Number(v.value);
    else if (v.kind === Kind.NULL) args[a.name.value] = null;
    else return null;
  }
  return args;
}

/** Leaf types whose JSON from PostgreSQL (json_build_object of the column) is exactly what GraphQL writes. */
function exactJsonLeaf(type: GraphQLNamedType): boolean {
  if (type === GraphQLString || type === GraphQLID || type === GraphQLInt || type === GraphQLBoolean || type.name === DateScalar.name) return true;
  return isEnumType(type) && type.getValues().every((v) => v.value === v.name);
}

/**
 * The fields of a selection set on `type`, fragments flattened, each looked up on its object type (an interface or
 * union below makes it null). Raw (for raw-answer.ts): keyed by response key, __typename included, leaves marked
 * exactJson; otherwise keyed by field name (GraphQL answers __typename itself).
 */
function fieldsOf(set: SelectionSetNode, info: GraphQLResolveInfo, type: GraphQLNamedType, raw: boolean): SelectedField[] | null {
  if (!isObjectType(type)) return null;
  const parent: GraphQLObjectType = type;
  const out = new Map<string, SelectedField & { signature: string }>();
  const add = (set: SelectionSetNode): boolean => {
    for (const s of set.selections) {
      if (s.directives?.length) return false;
      if (s.kind === Kind.FIELD) {
        const name = s.name.value;
        const key = raw ? (s.alias?.value ?? name) : name;
        let field: SelectedField;
        if (name === '__typename') {
          if (!raw) continue;
          field = { name, key, args: {}, fields: null, typename: parent.name };
        } else {
          const def = parent.getFields()[name];
          const args = def && argumentsOf(s, info);
          if (!def || !args) return false;
          const named = getNamedType(def.type);
          const fields = s.selectionSet ? fieldsOf(s.selectionSet, info, named, raw) : null;
          if (s.selectionSet && !fields) return false;
          field = raw ? { name, key, args, fields, exactJson: !fields && exactJsonLeaf(named) } : { name, args, fields };
        }
        // the same key twice must ask the same (GraphQL would merge different sub-selections: not read ahead)
        const signature = JSON.stringify([name, field.args, field.fields]);
        const seen = out.get(key);
        if (seen && seen.signature !== signature) return false;
        out.set(key, { ...field, signature });
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (s.typeCondition && s.typeCondition.name.value !== parent.name) return false;
        if (!add(s.selectionSet)) return false;
      } else {
        const fragment = info.fragments[s.name.value];
        if (!fragment || fragment.typeCondition.name.value !== parent.name || fragment.directives?.length) return false;
        if (!add(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  if (!add(set)) return null;
  const fields = [...out.values()].map(({ signature: _, ...field }) => field);
  if (raw) rawSelections.add(fields); // each level: what is compiled from a part of it is raw too
  return fields;
}
