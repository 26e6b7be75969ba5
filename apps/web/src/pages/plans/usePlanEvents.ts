import { useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';

const EVENTS = graphql(`
  subscription PlanEvents($planId: ID!) {
    lessonPlanEvents(planId: $planId) { type version status at actorUserId }
  }
`);

/**
 * The plan's changes as they happen (graphql-ws): the newest version someone else saved, and a tick on every
 * event so the page can re-read what changed (comments, status, adoptions).
 */
export function usePlanEvents(planId: string, myUserId: string | undefined, onEvent: () => void) {
  const [newest, setNewest] = useState<number | null>(null);
  useSubscription(EVENTS, {
    variables: { planId },
    onData: ({ data }) => {
      const e = data.data?.lessonPlanEvents;
      if (!e) return;
      if (e.type === 'PLAN_UPDATED' && e.actorUserId !== myUserId) setNewest((n) => Math.max(n ?? 0, e.version));
      if (e.actorUserId !== myUserId) onEvent();
    },
  });
  return newest;
}
