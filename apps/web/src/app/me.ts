import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { MeQuery } from '../gql/graphql';
import { useSession } from './auth';

export const ME = graphql(`
  query Me {
    me {
      id
      displayName
      email
      teacher { id name school { id name } }
      roles { id role scopeId }
    }
  }
`);

export type Grant = MeQuery['me']['roles'][number];

/** Roles in the order a person most likely wants to start with. */
const ORDER = ['PLATFORM_ADMIN', 'REGION_ADMIN', 'GROUP_MANAGER', 'SCHOOL_ADMIN', 'TEACHER'];

/** The signed-in user and the role they act in (the chosen grant, else the broadest one). */
export function useMe() {
  const session = useSession();
  const { data, loading, error, refetch } = useQuery(ME, { skip: !session, fetchPolicy: 'cache-first' });
  const grants = [...(data?.me.roles ?? [])].sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role));
  const active = grants.find((g) => g.id === session?.grantId) ?? grants[0] ?? null;
  return { me: data?.me ?? null, grants, active, loading, error, refetch };
}

/** Where a role's work starts. */
export function homePath(grant: Grant | null, me: MeQuery['me'] | null): string | null {
  if (!grant) return me?.teacher ? `/schools/${me.teacher.school.id}` : null;
  switch (grant.role) {
    case 'REGION_ADMIN':
      return `/regions/${grant.scopeId}`;
    case 'GROUP_MANAGER':
      return `/groups/${grant.scopeId}`;
    case 'SCHOOL_ADMIN':
      return `/schools/${grant.scopeId}`;
    case 'TEACHER':
      return me?.teacher ? `/schools/${me.teacher.school.id}` : null;
    default:
      return null;
  }
}
