import { isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type GraphQLSchema, type SelectionSetNode } from 'graphql';

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
}

/**
 * The fields selected below the resolver's field, fragments flattened. Null when the selection cannot be read ahead
 * as a tree keyed by field name: a directive (@include, @skip), a fragment on another type, a field asked for twice
 * with other arguments or other sub-selections (aliases of the same field), or an argument that is not a literal or
 * a variable.
 */
export function selectionOf(info: GraphQLResolveInfo): SelectedField[] | null {
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0] : null;
  if (!node?.selectionSet || node.directives?.length) return null;
  // The same query text comes as the same document object (Apollo's document store): its selection is read once
  // per set of variables (they may hold arguments), and the same array is answered, so what is compiled from it can
  // be kept by it too (compiledFor).
  let byVariables = selections.get(node);
  if (!byVariables) selections.set(node, (byVariables = new Map()));
  const key = JSON.stringify(info.variableValues);
  if (byVariables.has(key)) return byVariables.get(key)!;
  const fields = fieldsOf(node.selectionSet, info, info.returnType.toString().replace(/[[\]!]/g, ''));
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

function fieldsOf(set: SelectionSetNode, info: GraphQLResolveInfo, typeName: string | null): SelectedField[] | null {
  const out = new Map<string, SelectedField & { signature: string }>();
  const add = (set: SelectionSetNode): boolean => {
    for (const s of set.selections) {
      if (s.directives?.length) return false;
      if (s.kind === Kind.FIELD) {
        const name = s.name.value;
        if (name === '__typename') continue; // graphql answers it itself
        const args: Record<string, unknown> = {};
        for (const a of s.arguments ?? []) {
          const v = a.value;
          if (v.kind === Kind.VARIABLE) args[a.name.value] = info.variableValues[v.name.value];
          else if (v.kind === Kind.BOOLEAN || v.kind === Kind.STRING || v.kind === Kind.ENUM) args[a.name.value] = v.value;
          else if (v.kind === Kind.INT) args[a.name.value] = Number(v.value);
          else if (v.kind === Kind.NULL) args[a.name.value] = null;
          else return false;
        }
        const fields = s.selectionSet ? fieldsOf(s.selectionSet, info, null) : null;
        if (s.selectionSet && !fields) return false;
        const signature = JSON.stringify([args, fields]);
        const seen = out.get(name);
        if (seen && seen.signature !== signature) return false;
        out.set(name, { name, args, fields, signature });
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (s.typeCondition && typeName && s.typeCondition.name.value !== typeName) return false;
        if (!add(s.selectionSet)) return false;
      } else {
        const fragment = info.fragments[s.name.value];
        if (!fragment || (typeName && fragment.typeCondition.name.value !== typeName) || fragment.directives?.length) return false;
        if (!add(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  if (!add(set)) return null;
  return [...out.values()].map(({ name, args, fields }) => ({ name, args, fields }));
}
