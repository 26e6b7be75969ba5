import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { APP_CONFIG, checkQueryLimits, formatGraphQLError, graphqlWsOptions, LiveConnections, type AppConfig } from '../../../libs/core/src';

interface GqlContext {
  req: any;
  ctx: unknown;
}

/** Depth, alias and cost limits, checked once the operation is known (variables included). */
// Typed loosely: @apollo/server's CJS and ESM type declarations differ nominally.
const queryLimitsPlugin: any = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operationName, request }: any) {
        const error = checkQueryLimits(schema, document, operationName, request.variables ?? {});
        if (error) throw error;
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

export const graphqlOptions = {
  driver: ApolloDriver,
  inject: [APP_CONFIG, LiveConnections],
  useFactory: (config: AppConfig, connections: LiveConnections): ApolloDriverConfig => ({
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    // HTTP: the context the middleware built. graphql-ws: its own (graphqlWsOptions), one per operation and event.
    context: ({ req }: { req?: any }) => ({ req, ctx: req?.ctx }),
    subscriptions: { 'graphql-ws': graphqlWsOptions(config, connections) as any },
    plugins: [
      queryLimitsPlugin,
      // No HTTP caching of GraphQL responses here; without it Apollo does not wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : [ApolloServerPluginLandingPageLocalDefault({ embed: true }), sqlStatsPlugin]),
    ],
  }),
};
