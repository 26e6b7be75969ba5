import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import { LIVE_REFETCH } from '../../app/apollo';
import { useI18n } from '../../app/i18n';

const LIST = graphql(`
  query MyNotifications($first: Int, $after: String, $locale: String) {
    notifications(first: $first, after: $after) {
      totalCount
      unreadCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind title(locale: $locale) body(locale: $locale) link read createdAt } }
    }
  }
`);

const ADDED = graphql(`
  subscription NotificationAdded {
    notificationAdded { id }
  }
`);

const MARK = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) { unreadCount notifications { id read } }
  }
`);

const PAGE = 20;

/**
 * The one module for the user's notifications (STYLE: one module per live stream): the newest page and the unread
 * count from the server, read again whenever `notificationAdded` says one arrived (over graphql-ws, from any
 * instance), never folded into a read already on its way; marking read updates the cache from the answer.
 */
export function useNotifications() {
  const { lang } = useI18n();
  const { data, refetch, fetchMore } = useQuery(LIST, { variables: { first: PAGE, locale: lang }, context: LIVE_REFETCH });
  useSubscription(ADDED, { onData: () => void refetch() });
  const [mark] = useMutation(MARK, {
    update(cache, { data: answer }) {
      const unread = answer?.markNotificationsRead.unreadCount;
      if (unread === undefined) return;
      cache.updateQuery({ query: LIST, variables: { first: PAGE, locale: lang } }, (prev) => (prev ? { notifications: { ...prev.notifications, unreadCount: unread } } : prev));
    },
  });
  const list = data?.notifications;
  const markRead = useCallback((ids: string[]) => (ids.length ? mark({ variables: { ids } }).then(() => undefined) : Promise.resolve()), [mark]);
  const more = useCallback(() => {
    if (!list?.pageInfo.endCursor) return;
    void fetchMore({
      variables: { after: list.pageInfo.endCursor },
      updateQuery: (prev, { fetchMoreResult }) => ({
        notifications: { ...fetchMoreResult.notifications, edges: [...prev.notifications.edges, ...fetchMoreResult.notifications.edges] },
      }),
    });
  }, [fetchMore, list?.pageInfo.endCursor]);
  return {
    items: list?.edges.map((e) => e.node) ?? [],
    unread: list?.unreadCount ?? 0,
    hasMore: list?.pageInfo.hasNextPage ?? false,
    more,
    markRead,
  };
}
