import {
  createSourceEventStream,
  execute,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { AppConfig } from '../config/app-config';
import type { RequestContext } from '../context/request-context';
import { AppError, ErrorCode } from '../errors/app-error';
import { formatGraphQLError, userInputGraphQLError } from '../errors/format-error';
import { langOf, type Lang } from '../errors/messages';
import { checkQueryLimits } from '../graphql/query-limits';
import type { LiveConnection, LiveConnections } from './live-connections';

/** graphql-ws close codes (the protocol's, plus 4429 for the per-user cap, as the protocol uses 4429 for floods). */
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_TOO_MANY = 4429;

/** What every graphql-ws operation's resolvers see: a context of its own, renewed for every delivered event. */
export interface WsGraphQLContext {
  ctx: RequestContext;
  live: LiveConnection;
}

const closeReason = (message: string) => Buffer.from(message).subarray(0, 120).toString();

const userError = (err: AppError) => new GraphQLError(err.message, { originalError: err });

/** The connection's language: connectionParams['accept-language'] (browsers cannot set WebSocket headers), else the upgrade request's header. */
const connectionLang = (c: any): Lang => c?.extra?.lang ?? langOf(c?.connectionParams?.['accept-language'] ?? c?.connectionParams?.acceptLanguage ?? c?.extra?.request?.headers?.['accept-language']);

/** A request-level error (bad variables, a limit) marked so the one mapper answers BAD_USER_INPUT as over HTTP. */
const asCode = (e: any, code: string) => {
  if (e?.extensions?.code || e?.originalError instanceof AppError || e?.path) return e;
  return new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, extensions: { ...(e.extensions ?? {}), code } });
};

const format = (errors: readonly any[], code: string, schemaHints: boolean, lang: Lang) =>
  errors.map((e) => asCode(e, code)).map((e) => formatGraphQLError(e.toJSON?.() ?? e, e, { schemaHints, lang }));

/**
 * A subscription's event stream where every event is executed with a fresh RequestContext (loaders do not
 * outlive one event) holding the connection's current principal, and only while the connection's token is
 * valid. `return` reaches the source at once, so a quiet subscription that the client ends is detached.
 */
function perEvent(source: AsyncIterable<unknown>, args: ExecutionArgs, connections: LiveConnections, release: () => void): AsyncIterableIterator<ExecutionResult> {
  const it = source[Symbol.asyncIterator]();
  const base = args.contextValue as WsGraphQLContext;
  const stop = async () => {
    release();
    await it.return?.();
    return { value: undefined, done: true } as IteratorResult<ExecutionResult>;
  };
  return {
    async next(): Promise<IteratorResult<ExecutionResult>> {
      const r = await it.next();
      if (r.done) {
        release();
        return { value: undefined, done: true };
      }
      try {
        connections.assertOpen(base.live);
      } catch (err) {
        await stop();
        return { value: { errors: [userError(err as AppError)] }, done: false };
      }
      const contextValue: WsGraphQLContext = { ...base, ctx: base.ctx.withPrincipal(base.live.principal) };
      return { value: (await execute({ ...args, rootValue: r.value, contextValue })) as ExecutionResult, done: false };
    },
    return: stop,
    async throw(err) {
      await stop();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * graphql-ws under exactly the HTTP rules: the token is checked at connect and again for every operation
 * (expiry, token version, current roles) and the connection closed (4401) once it is no longer valid; the
 * standard validation rules plus, in production, no introspection; the same depth, alias and cost limits;
 * errors through the one mapper. Only subscriptions are served over WebSocket (queries and mutations go over
 * HTTP, where body limits and the rest apply). Subscriptions are capped per connection and per user.
 */
export function graphqlWsOptions(config: AppConfig, connections: LiveConnections) {
  const rules = config.production ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  const schemaHints = !config.production; // "Did you mean …" maps the schema
  return {
    path: '/graphql',
    // { connectionParams: { authorization: 'Bearer …' } } or { token }
    onConnect: async (c: any) => {
      const params = c.connectionParams ?? {};
      const raw = params.token ?? params.authorization ?? params.Authorization;
      const token = typeof raw === 'string' ? raw.replace(/^Bearer\s+/i, '') : undefined;
      const lang = (c.extra.lang = connectionLang(c));
      try {
        const { conn } = await connections.open('graphql-ws', token, (message) => c.extra.socket.close(CLOSE_UNAUTHORIZED, closeReason(message)), lang);
        c.extra.conn = conn;
        c.extra.lang = conn.lang;
        return true;
      } catch (err) {
        if (err instanceof AppError && err.code === ErrorCode.RATE_LIMITED) c.extra.socket.close(CLOSE_TOO_MANY, closeReason(err.messageIn(lang)));
        return false; // 4403 Forbidden: no valid token
      }
    },
    onClose: (c: any) => {
      if (c.extra.conn) connections.remove(c.extra.conn);
    },
    // A syntax error is answered as an error of that operation rather than closing the socket.
    onSubscribe: (_c: unknown, _id: string, payload: { query?: unknown }) => {
      if (typeof payload?.query !== 'string') return [userInputGraphQLError({ zh: '请在 payload.query 中以字符串发送操作', en: 'Send the operation as a string in payload.query' }, 'query')];
      try {
        parse(payload.query);
      } catch (err) {
        return [asCode(err, 'GRAPHQL_PARSE_FAILED')];
      }
      return undefined;
    },
    validate: (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, rules),
    // A fresh context per operation, with the principal as it is now; an ended sign-in gets UNAUTHENTICATED from the guard.
    context: async (c: any): Promise<WsGraphQLContext> => {
      const conn: LiveConnection = c.extra.conn;
      const ctx = await connections
        .check(conn)
        .catch((err) => connections.anonymous(err instanceof AppError ? err.text : { zh: '请重新登录', en: 'Sign in again' }, conn.lang));
      return { ctx, live: conn };
    },
    execute: (): ExecutionResult => ({
      errors: [userInputGraphQLError({ zh: 'WebSocket 只提供订阅：查询和变更请发送到 POST /graphql', en: 'Over WebSocket only subscriptions are served: send queries and mutations to POST /graphql' })],
    }),
    subscribe: async (args: ExecutionArgs): Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>> => {
      const limit = checkQueryLimits(args.schema, args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>);
      if (limit) return { errors: [limit] };
      const conn = (args.contextValue as WsGraphQLContext).live;
      try {
        connections.reserveSubscription(conn);
      } catch (err) {
        return { errors: [userError(err as AppError)] };
      }
      let released = false;
      const release = () => {
        if (!released) connections.releaseSubscription(conn);
        released = true;
      };
      try {
        const source = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in (source as object))) {
          release();
          return source as ExecutionResult;
        }
        return perEvent(source as AsyncIterable<unknown>, args, connections, release);
      } catch (err) {
        release();
        throw err;
      }
    },
    // graphql-ws bypasses Apollo's formatError: apply the same mapping (codes, fields, no stack traces).
    onNext: (c: unknown, _id: string, _p: unknown, _a: unknown, result: any) =>
      result?.errors?.length ? { ...result, errors: format(result.errors, 'BAD_USER_INPUT', schemaHints, connectionLang(c)) } : result,
    onError: (c: unknown, _id: string, _p: unknown, errors: readonly any[]) => format(errors, 'GRAPHQL_VALIDATION_FAILED', schemaHints, connectionLang(c)),
  };
}
