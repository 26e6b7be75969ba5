import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { auth } from './auth';
import { storedLang } from './i18n';

/**
 * The GraphQL client: same origin only (`/graphql`), the session's bearer token on every request, and an
 * expired or revoked token (UNAUTHENTICATED) ends the session, which sends the user back to sign-in.
 * Subscriptions go over graphql-ws on the same origin (`/graphql`), opened on the first one and with the token
 * current at each (re)connect. Every request says the UI's language (Accept-Language), so server messages come in it.
 */
/**
 * The context of a query that a live push reads again: without deduplication, so a refetch that a push asks for
 * while an earlier read is still on its way goes out on its own instead of waiting for that older answer (which may
 * not hold what the push announced).
 */
export const LIVE_REFETCH = { queryDeduplication: false } as const;

export function createApolloClient() {
  const withToken = new SetContextLink((prev) => {
    const token = auth.token();
    return { headers: { ...prev.headers, 'accept-language': storedLang(), ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });
  const endOnUnauthenticated = new ErrorLink(({ error, operation }) => {
    if (operation.operationName === 'Login') return;
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') && auth.token()) auth.signOut('ended');
  });
  const ws = new GraphQLWsLink(
    createClient({
      url: () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      lazy: true,
      connectionParams: () => ({ authorization: `Bearer ${auth.token() ?? ''}`, 'accept-language': storedLang() }),
      retryAttempts: Infinity,
      shouldRetry: () => !!auth.token(),
    }),
  );
  const isSubscription = (op: ApolloLink.Operation) => {
    const d = getMainDefinition(op.query);
    return d.kind === 'OperationDefinition' && d.operation === 'subscription';
  };
  return new ApolloClient({
    link: ApolloLink.split(isSubscription, ws, ApolloLink.from([endOnUnauthenticated, withToken, new HttpLink({ uri: '/graphql' })])),
    cache: new InMemoryCache({
      typePolicies: {
        // Summaries are keyed by their arguments, not by an id.
        GroupActivitySummary: { keyFields: false },
        RegionActivitySummary: { keyFields: false },
        RegionCoverage: { keyFields: false },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
