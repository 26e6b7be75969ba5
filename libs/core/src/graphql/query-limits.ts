import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Assumed list size when a list field has no `first` argument. */
  defaultListSize: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 20000, defaultListSize: 20 };

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

function intArg(field: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const v: ValueNode = arg.value;
  if (v.kind === Kind.INT) return Number(v.value);
  if (v.kind === Kind.VARIABLE) {
    const value = variables[v.name.value];
    return typeof value === 'number' ? value : undefined;
  }
  return undefined;
}

/**
 * Depth, alias count and cost of one operation. Cost: 1 per field, a list's children multiplied by its
 * `first` (or the default size). Introspection fields are not counted, so tools keep working in development
 * (introspection itself is off in production). Returns the first limit broken, or null.
 */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
): GraphQLError | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION && (!operationName || def.name?.value === operationName)) operation ??= def;
  }
  if (!operation) return null;
  const typeNamed = (name: string | undefined, fallback: GraphQLNamedType | undefined) => (name ? schema.getType(name) : undefined) ?? fallback;
  // How many children a field multiplies: `first` (or the default page) for paginated fields, the default
  // size for other lists, 1 for objects. `edges` is already counted by its connection's `first`.
  const multiplier = (sel: FieldNode, parent: GraphQLNamedType | undefined) => {
    const def = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[sel.name.value] : undefined;
    if (!def) return { size: 1, type: undefined };
    const type = getNamedType(def.type);
    if (def.args.some((a) => a.name === 'first')) return { size: intArg(sel, 'first', variables) ?? limits.defaultListSize, type };
    if (isListType(getNullableType(def.type)) && sel.name.value !== 'edges') return { size: limits.defaultListSize, type };
    return { size: 1, type };
  };
  const measure = (set: SelectionSetNode | undefined, parent: GraphQLNamedType | undefined, depth: number, seen: Set<string>): Measure => {
    const m: Measure = { depth, aliases: 0, cost: 0 };
    if (!set) return m;
    for (const sel of set.selections) {
      let inner: Measure;
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        const { size, type } = multiplier(sel, parent);
        const child = measure(sel.selectionSet, type, depth + 1, seen);
        inner = { depth: child.depth, aliases: child.aliases + (sel.alias ? 1 : 0), cost: 1 + Math.max(size, 1) * child.cost };
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(sel.selectionSet, typeNamed(sel.typeCondition?.name.value, parent), depth, seen);
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || seen.has(name)) continue; // cycles are rejected by the standard rules
        inner = measure(frag.selectionSet, typeNamed(frag.typeCondition.name.value, parent), depth, new Set([...seen, name]));
      }
      m.depth = Math.max(m.depth, inner.depth);
      m.aliases += inner.aliases;
      m.cost += inner.cost;
    }
    return m;
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  const m = measure(operation.selectionSet, root ?? undefined, 0, new Set());
  const fail = (message: string, limit: string) =>
    new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', limit, http: { status: 400 } } });
  if (m.depth > limits.maxDepth) return fail(`Query is too deep: depth ${m.depth}, at most ${limits.maxDepth}`, 'depth');
  if (m.aliases > limits.maxAliases) return fail(`Query uses too many aliases: ${m.aliases}, at most ${limits.maxAliases}`, 'aliases');
  if (m.cost > limits.maxCost) return fail(`Query is too expensive: cost ${m.cost}, at most ${limits.maxCost}; ask for smaller pages`, 'cost');
  return null;
}
