import { useQuery } from '@apollo/client/react';
import { useMe } from '../../app/me';
import { graphql } from '../../gql';

const GROUPS = graphql(`
  query MyGroups($filter: SchoolGroupFilter) {
    schoolGroups(first: 100, filter: $filter) { edges { node { id name } } }
  }
`);

/** The groups the active role works with: a manager's group, a region admin's region's, a school's (an admin's or a teacher's). */
export function useMyGroups() {
  const { me, active } = useMe();
  const filter =
    active?.role === 'REGION_ADMIN'
      ? { regionId: active.scopeId }
      : active?.role === 'SCHOOL_ADMIN'
        ? { schoolId: active.scopeId }
        : active?.role === 'TEACHER' || (!active && me?.teacher)
          ? { schoolId: me?.teacher?.school.id }
          : {};
  const { data } = useQuery(GROUPS, { variables: { filter }, skip: !me });
  const groups = (data?.schoolGroups.edges ?? []).map((e) => e.node);
  return active?.role === 'GROUP_MANAGER' ? groups.filter((g) => g.id === active.scopeId) : groups;
}
