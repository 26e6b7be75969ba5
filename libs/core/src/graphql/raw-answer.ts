import { HeaderMap } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { RAW_INFO, selectionOf, type SelectedField } from './lookahead';

/**
 * Raw answers (issue: faster than the peer). A query whose one root field reads its whole selection in one SQL
 * statement (a look-ahead read, lookahead.ts) can have PostgreSQL write the JSON of the nodes too: the server then
 * neither parses that JSON nor has graphql-js walk it, and writes the text into the response as it came.
 *
 * Apollo parses, validates and checks the limits of the operation as for any other; then, before execution,
 * `responseForOperation` calls the root field's own resolver (Nest's guards, pipes and the service, exactly as
 * graphql-js would) with a resolve info marked RAW_INFO, so the service reads the raw selection (response keys,
 * __typename) and answers RawJson nodes. What lies between the root and those nodes (a connection, its edges and page
 * info) is written here from the schema's types, as graphql-js would write it. Anything else, any error, or a value
 * this writer does not expect, answers null: Apollo then executes the operation as usual, so errors and every other
 * query are answered exactly as before.
 */

/** JSON text written by PostgreSQL, to be copied into the response as it is. */
export class RawJson {
  constructor(readonly json: string) {}
}

/** Root fields (of Query) whose resolver answers RawJson for a raw selection that `compiles` accepts. */
const roots = new Map<string, (fields: SelectedField[]) => boolean>();

/**
 * Declares that the Query field `name` answers RawJson nodes for a raw selection when `compiles(fields)`: checked
 * before the resolver runs, so a selection it cannot read is executed once, by graphql-js, not tried first.
 */
export function answersRawJson(name: string, compiles: (fields: SelectedField[]) => boolean): void {
  roots.set(name, compiles);
}

/** Thrown inside the writer: the value is not what a raw answer holds (the operation is executed as usual). */
class NotRaw extends Error {}

/** A promise the writer met (totalCount), to be awaited before writing again. */
class Pending extends Error {
  constructor(readonly promise: Promise<unknown>) {
    super('pending');
  }
}

const fragmentsByDocument = new WeakMap<DocumentNode, Record<string, FragmentDefinitionNode>>();
function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  let fragments = fragmentsByDocument.get(document);
  if (!fragments) {
    fragments = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    fragmentsByDocument.set(document, fragments);
  }
  return fragments;
}

/** The data of the operation as JSON text, or null when it is not answered raw. */
async function rawData(rc: any): Promise<string | null> {
  const { operation, document, schema, contextValue } = rc;
  if (!operation || operation.operation !== 'query' || operation.directives?.length) return null;
  const [node, ...more] = operation.selectionSet.selections as FieldNode[];
  if (more.length || node.kind !== Kind.FIELD || node.directives?.length) return null;
  const compiles = roots.get(node.name.value);
  const queryType = schema.getQueryType();
  const field = queryType?.getFields()[node.name.value];
  if (!compiles || !field?.resolve) return null;
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], rc.request.variables ?? {}, { maxErrors: 1 });
  if (variables.errors) return null;
  const key = node.alias?.value ?? node.name.value;
  const info: GraphQLResolveInfo & { [RAW_INFO]: true } = {
    [RAW_INFO]: true,
    fieldName: node.name.value,
    fieldNodes: [node],
    returnType: field.type,
    parentType: queryType,
    path: { prev: undefined, key, typename: queryType.name },
    schema,
    fragments: fragmentsOf(document),
    rootValue: undefined,
    operation,
    variableValues: variables.coerced,
  };
  const fields = selectionOf(info);
  if (!fields || !compiles(fields)) return null;
  try {
    const args = getArgumentValues(field, node, variables.coerced);
    const value = await field.resolve(undefined, args, contextValue, info);
    return `{"${key}":${await writeAll(field.type, value, fields)}}`;
  } catch {
    return null; // executed as usual: an error is answered the way graphql-js answers it
  }
}

/** Writes a value, awaiting the promises met on the way (each getter keeps its promise, so writing again is cheap). */
async function writeAll(type: GraphQLOutputType, value: unknown, fields: SelectedField[]): Promise<string> {
  const settled = new Map<Promise<unknown>, unknown>();
  for (;;) {
    try {
      return write(type, value, fields, settled);
    } catch (e) {
      if (!(e instanceof Pending) || settled.has(e.promise)) throw e;
      settled.set(e.promise, await e.promise);
    }
  }
}

/**
 * A value as graphql-js would write it for `type` and the selection `fields`: RawJson as it is, leaves serialized by
 * their type, objects field by field in the selection's order. Only fields answered from the parent's property
 * (no resolver, or Nest's property resolver) are read; any other throws NotRaw.
 */
function write(type: GraphQLOutputType, value: unknown, fields: SelectedField[] | null, settled: Map<Promise<unknown>, unknown>): string {
  if (value instanceof Promise) {
    if (!settled.has(value)) throw new Pending(value);
    value = settled.get(value);
  }
  if (isNonNullType(type)) {
    if (value === null || value === undefined) throw new NotRaw(); // graphql-js answers the error
    type = type.ofType;
  }
  if (value === null || value === undefined) return 'null';
  if (value instanceof RawJson) {
    // an object, or a list of objects (a page's edges), as PostgreSQL wrote it
    if (!fields || !isObjectType(getNamedType(type))) throw new NotRaw();
    return value.json;
  }
  if (isListType(type)) {
    if (!Array.isArray(value)) throw new NotRaw();
    const itemType = type.ofType;
    return `[${value.map((item) => write(itemType, item, fields, settled)).join(',')}]`;
  }
  if (isLeafType(type)) {
    if (fields) throw new NotRaw();
    return JSON.stringify(type.serialize(value));
  }
  if (!isObjectType(type) || !fields || typeof value !== 'object') throw new NotRaw();
  const defs = type.getFields();
  const parts: string[] = [];
  for (const f of fields) {
    if (f.name === '__typename') {
      parts.push(`"${f.key}":"${type.name}"`);
      continue;
    }
    const def = defs[f.name];
    if (!def || (def.resolve && def.resolve.name !== 'rootFieldResolver') || Object.keys(f.args).length) throw new NotRaw();
    const v = (value as Record<string, unknown>)[f.name];
    if (v === undefined) throw new NotRaw(); // Nest's property resolver would answer the field's default
    parts.push(`"${f.key}":${write(def.type, v, f.fields, settled)}`);
  }
  return `{${parts.join(',')}}`;
}

/** How many operations this process answered raw (for tests and benchmarks: which path answered). */
let answered = 0;
export const rawAnswersGiven = (): number => answered;

/** The Apollo plugin answering raw (see above); with `stringifyRawResult` as the server's stringifyResult. */
// Typed loosely: @apollo/server's CJS and ESM type declarations differ nominally.
export const rawAnswerPlugin: any = {
  async requestDidStart() {
    return {
      async responseForOperation(rc: any) {
        const data = await rawData(rc);
        if (data === null) return null;
        answered++;
        return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: new RawJson(data) } } };
      },
    };
  },
};

/** Apollo's stringifyResult: a raw answer's data is copied as it is; any other result is JSON.stringify'd as Apollo does. */
export function stringifyRawResult(result: { data?: unknown; extensions?: unknown }): string {
  if (result.data instanceof RawJson) {
    const extensions = result.extensions === undefined ? '' : `,"extensions":${JSON.stringify(result.extensions)}`;
    return `{"data":${result.data.json}${extensions}}\n`;
  }
  return `${JSON.stringify(result)}\n`;
}
