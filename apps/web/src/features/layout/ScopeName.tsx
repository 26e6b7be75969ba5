import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';

const SCOPE_NAMES = graphql(`
  query ScopeName($region: ID!, $group: ID!, $school: ID!, $isRegion: Boolean!, $isGroup: Boolean!, $isSchool: Boolean!) {
    region(id: $region) @include(if: $isRegion) { id name }
    schoolGroup(id: $group) @include(if: $isGroup) { id name }
    school(id: $school) @include(if: $isSchool) { id name }
  }
`);

const NONE = '00000000-0000-0000-0000-000000000000';

/** The name of a role's scope (a region, a group or a school). */
export function useScopeName(role: string, scopeId: string | null | undefined): string | null {
  const id = scopeId ?? NONE;
  const { data } = useQuery(SCOPE_NAMES, {
    skip: !scopeId,
    fetchPolicy: 'cache-first',
    variables: { region: id, group: id, school: id, isRegion: role === 'REGION_ADMIN', isGroup: role === 'GROUP_MANAGER', isSchool: role === 'SCHOOL_ADMIN' },
  });
  return data?.region?.name ?? data?.schoolGroup?.name ?? data?.school?.name ?? null;
}

export function ScopeName({ role, scopeId }: { role: string; scopeId: string | null | undefined }) {
  return <>{useScopeName(role, scopeId) ?? ''}</>;
}
