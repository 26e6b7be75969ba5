import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, getNullableType, isListType, validate, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { userInputGraphQLError } from '../errors/format-error';
import type { Msg } from '../errors/messages';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Assumed list size when a list field has no `first` argument. */
  defaultListSize: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 20000, defaultListSize: 20 };

const limitError = (message: Msg, limit: string) => userInputGraphQLError(message, undefined, { limit });

/**
 * graphql-armor's depth and alias rules, answering with this API's error (BAD_USER_INPUT with extensions.limit)
 * instead of armor's own "Syntax Error: …". Fragments count where they are spread, as if written out there.
 */
function armorRules(limits: QueryLimits): ValidationRule[] {
  // armor's message is "… limit of 12 exceeded, found 15.": the measured size is only there
  const reject = (limit: string, message: (found: string) => Msg) => ({
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(limitError(message(/found (\d+)/.exec(err.message)?.[1] ?? '?'), limit))],
  });
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, ...reject('depth', (n) => ({ zh: `查询嵌套过深：深度 ${n}，最多 ${limits.maxDepth}`, en: `Query is too deep: depth ${n}, at most ${limits.maxDepth}` })) }),
    maxAliasesRule({ n: limits.maxAliases, ...reject('aliases', (n) => ({ zh: `查询使用的别名过多：${n} 个，最多 ${limits.maxAliases} 个`, en: `Query uses too many aliases: ${n}, at most ${limits.maxAliases}` })) }),
  ];
}

/**
 * 1 per field, and a list's children once per item it may return: `first` for paginated fields (as asked, else
 * the default page), the size a list field declares (extensions.listSize) or else the default size for other lists,
 * 1 for objects; `edges` is already counted by its
 * connection's `first`. Introspection fields are free, so tools keep working in development (introspection
 * itself is off in production).
 */
const fieldCost =
  (limits: QueryLimits): ComplexityEstimator =>
  ({ field, node, args, childComplexity }) => {
    if (node.name.value.startsWith('__')) return 0;
    // a `first` written in the query (literal or variable), not the schema's default for it
    const asked = node.arguments?.some((a) => a.name.value === 'first') && typeof args.first === 'number' ? args.first : undefined;
    const paginated = field.args.some((a) => a.name === 'first');
    // a list whose length the schema knows (`@Extensions({ listSize: n })`: the seven indicators, the two stages)
    const known = typeof field.extensions?.listSize === 'number' ? field.extensions.listSize : undefined;
    const size = paginated ? (asked ?? limits.defaultListSize) : isListType(getNullableType(field.type)) && field.name !== 'edges' ? (known ?? limits.defaultListSize) : 1;
    return 1 + Math.max(size, 1) * childComplexity;
  };

function cost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>, limits: QueryLimits): number {
  try {
    return getComplexity({ schema, query: document, operationName: operationName ?? undefined, variables, estimators: [fieldCost(limits)], maxQueryNodes: Infinity });
  } catch {
    return 0; // variables that do not fit the operation: execution answers that, naming the variable
  }
}

/**
 * Depth and aliases (graphql-armor) and cost (graphql-query-complexity, which sees the variables, so
 * `first: $n` counts as asked) of an operation; checked by Apollo for HTTP and by graphql-ws for subscriptions.
 * Returns the first limit broken, or null.
 */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: QueryLimits = DEFAULT_QUERY_LIMITS,
): GraphQLError | null {
  // Apollo hands the same document object for the same query text (its document store): an operation that passed
  // is remembered, its depth and aliases for the document, its cost for the variables too. Refusals are not kept (each
  // request gets its own error, in its own language).
  const passed = passedLimits.get(schema)?.get(document);
  const costKey = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
  if (passed?.limits === limits && passed.costs.has(costKey)) return null;
  if (!passed || passed.limits !== limits) {
    const [error] = validate(schema, document, armorRules(limits));
    if (error) return error;
  }
  const n = cost(schema, document, operationName, variables, limits);
  if (n > limits.maxCost) return limitError({ zh: `查询开销过大：${n}，最多 ${limits.maxCost}，请减小每页条数`, en: `Query is too expensive: cost ${n}, at most ${limits.maxCost}; ask for smaller pages` }, 'cost');
  rememberPassed(schema, document, limits, costKey);
  return null;
}

/** Operations that passed, per schema and document object: the limits they passed and the variables whose cost did. */
const passedLimits = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, { limits: QueryLimits; costs: Set<string> }>>();
function rememberPassed(schema: GraphQLSchema, document: DocumentNode, limits: QueryLimits, costKey: string) {
  let docs = passedLimits.get(schema);
  if (!docs) passedLimits.set(schema, (docs = new WeakMap()));
  let entry = docs.get(document);
  if (!entry || entry.limits !== limits) docs.set(document, (entry = { limits, costs: new Set() }));
  if (entry.costs.size >= 100) entry.costs.clear(); // variables differ per request: keep a few
  entry.costs.add(costKey);
}
