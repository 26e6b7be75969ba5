import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { GroupTeachersQuery } from '../../gql/graphql';

const TEACHERS = graphql(`
  query GroupTeachers($groupId: ID!, $search: String) {
    teachers(first: 20, filter: { groupId: $groupId, search: $search }) {
      edges { node { id name schoolId subjects yearsOfExperience honours school { id name } } }
    }
  }
`);

const MEMBER_SCHOOLS = graphql(`
  query MemberSchools($groupId: ID!) {
    schoolGroup(id: $groupId) { id members { id school { id name } } }
  }
`);

export type GroupTeacher = GroupTeachersQuery['teachers']['edges'][number]['node'];

/** A teacher of the group's member schools, searched by name (a form control: the value is the teacher). */
export function GroupTeacherSelect({ id, groupId, value, onChange, onPicked, ariaLabel }: { id?: string; groupId: string; value?: GroupTeacher; onChange?(t: GroupTeacher): void; onPicked?(t: GroupTeacher): void; ariaLabel?: string }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const { data, loading } = useQuery(TEACHERS, { variables: { groupId, search: search || null } });
  const found = (data?.teachers.edges ?? []).map((e) => e.node);
  const options = value && !found.some((x) => x.id === value.id) ? [value, ...found] : found;
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      value={value?.id}
      placeholder={t('common.searchTeacher')}
      loading={loading}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={options.map((x) => ({ value: x.id, label: `${x.name} · ${x.school.name}` }))}
      onChange={(picked_: string) => {
        const picked = options.find((x) => x.id === picked_)!;
        onChange?.(picked);
        onPicked?.(picked);
      }}
    />
  );
}

/** Active member schools of the group (one, or several with `multiple`), without `exclude`. */
export function MemberSchoolSelect({ id, groupId, exclude, multiple, value, onChange }: { id?: string; groupId: string; exclude?: string; multiple?: boolean; value?: string | string[]; onChange?(v: string | string[]): void }) {
  const { t } = useI18n();
  const { data, loading } = useQuery(MEMBER_SCHOOLS, { variables: { groupId } });
  const schools = (data?.schoolGroup?.members ?? []).map((m) => m.school).filter((s) => s.id !== exclude);
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={onChange}
      loading={loading}
      placeholder={t('common.chooseSchool')}
      showSearch={{ optionFilterProp: 'label' }}
      options={schools.map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}
