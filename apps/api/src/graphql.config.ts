import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLFormattedError } from 'graphql';
import { answerPreloadedFields, APP_CONFIG, rawAnswerPlugin, stringifyRawResult, checkQueryLimits, DateTimeScalar, formatGraphQLError, graphqlWsOptions, LiveConnections, requestLang, setErrorLang, userInputGraphQLError, type AppConfig, type RequestContext } from '#app/core';

interface GqlContext {
  req: any;
  ctx: unknown;
}

/**
 * Checked once the operation is known (variables included): depth, alias and cost limits; and no subscriptions,
 * since Apollo only sees HTTP requests (graphql-ws runs subscriptions itself), where one is a client mistake.
 */
// Typed loosely: @apollo/server's CJS and ESM type declarations differ nominally.
const queryLimitsPlugin: any = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operationName, request, operation }: any) {
        if (operation?.operation === 'subscription')
          throw userInputGraphQLError({
            zh: 'HTTP 不提供订阅：请通过 graphql-ws WebSocket 连接 /graphql（协议 graphql-transport-ws）',
            en: 'Subscriptions are not served over HTTP: open a graphql-ws WebSocket to /graphql (protocol graphql-transport-ws)',
          });
        const error = checkQueryLimits(schema, document, operationName, request.variables ?? {});
        if (error) throw error;
      },
    };
  },
};

/** Notes the caller's language (ctx.lang, or the header when no context was built) on every error, for formatError. */
const errorLangPlugin: any = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }: { errors: readonly object[]; contextValue?: GqlContext }) {
        const lang = requestLang({ ...contextValue?.req, ctx: contextValue?.ctx as RequestContext | undefined });
        for (const e of errors) setErrorLang(e, lang);
      },
    };
  },
};

/** Outside production, responses carry extensions.sqlStatements: how many SQL statements the request ran. */
const sqlStatsPlugin: any = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }: { response: any; contextValue: GqlContext }) {
        const stats = contextValue.req?.sqlStats;
        if (stats && response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: stats.statements };
        }
      },
    };
  },
};

/** The one error mapper with this server's options: "Did you mean …" hints map the schema, so not in production. */
const errorFormatter = (config: AppConfig) => (formatted: GraphQLFormattedError, error: unknown) =>
  formatGraphQLError(formatted, error, { schemaHints: !config.production });

export const graphqlOptions = {
  driver: ApolloDriver,
  inject: [APP_CONFIG, LiveConnections],
  useFactory: (config: AppConfig, connections: LiveConnections): ApolloDriverConfig => ({
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    // look-ahead reads leave the values of nested fields on their parents (core's lookahead.ts)
    transformSchema: answerPreloadedFields,
    // a field typed Date without an explicit type gets the strict DateTime too
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    playground: false,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError: errorFormatter(config),
    // HTTP: the context the middleware built. graphql-ws: its own (graphqlWsOptions), one per operation and event.
    context: ({ req }: { req?: any }) => ({ req, ctx: req?.ctx }),
    subscriptions: { 'graphql-ws': graphqlWsOptions(config, connections) as any },
    // a look-ahead read's nodes as PostgreSQL wrote their JSON, copied into the response (core's raw-answer.ts)
    stringifyResult: stringifyRawResult,
    plugins: [
      queryLimitsPlugin,
      rawAnswerPlugin,
      errorLangPlugin,
      // No HTTP caching of GraphQL responses here; without it Apollo does not wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : [ApolloServerPluginLandingPageLocalDefault({ embed: true }), sqlStatsPlugin]),
    ],
  }),
};
