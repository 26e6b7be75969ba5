import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import type { Grant } from '../../app/me';
import { graphql } from '../../gql';

const CHOICES = graphql(`
  query GroupChoices($regionId: ID, $schoolId: ID, $search: String) {
    schoolGroups(first: 50, filter: { regionId: $regionId, schoolId: $schoolId, search: $search }) { edges { node { id name } } }
  }
`);

const ONE = graphql(`
  query GroupChoice($id: ID!) {
    schoolGroup(id: $id) { id name }
  }
`);

/** Groups of a region subtree or of a school (first 50, optionally searched by name). */
export function useSchoolGroups(filter: { regionId?: string | null; schoolId?: string | null; search?: string }, skip = false) {
  const q = useQuery(CHOICES, { skip, variables: { regionId: filter.regionId ?? null, schoolId: filter.schoolId ?? null, search: filter.search || null } });
  return { groups: (q.data?.schoolGroups.edges ?? []).map((e) => e.node), loading: q.loading };
}

/**
 * The group a page works on, kept in the address (?group=) so a link or a reload opens the same one: a group
 * manager's own group; for a bureau the groups of its region, a school admin its school's, a platform admin any
 * (searchable). The first one is chosen until the user picks another.
 */
export function useGroupChoice(active: Grant | null) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const role = active?.role;
  const own = role === 'GROUP_MANAGER' ? active?.scopeId ?? null : null;
  const asked = params.get('group');
  const one = useQuery(ONE, { variables: { id: asked ?? own ?? '' }, skip: !asked && !own });
  const list = useSchoolGroups({ regionId: role === 'REGION_ADMIN' ? active?.scopeId : null, schoolId: role === 'SCHOOL_ADMIN' ? active?.scopeId : null, search }, !!own || !active);
  const listed = own ? [] : list.groups;
  const linked = one.data?.schoolGroup;
  // the group of the address is shown by name even when the list (first 50, or a search) does not hold it
  const options = linked && !listed.some((g) => g.id === linked.id) ? [linked, ...listed] : listed;
  const groupId = asked ?? own ?? options[0]?.id ?? null;
  const picker = (
    <Select
      aria-label={t('common.group')}
      style={{ minWidth: 260 }}
      value={groupId ?? undefined}
      placeholder={t('common.group')}
      loading={one.loading || list.loading}
      showSearch={own ? undefined : { filterOption: false, onSearch: setSearch }}
      options={options.map((g) => ({ value: g.id, label: g.name }))}
      onChange={(id: string) => {
        const next = new URLSearchParams(params);
        next.set('group', id);
        setParams(next, { replace: true });
      }}
    />
  );
  return { groupId, picker, loading: (one.loading || list.loading) && !options.length };
}
