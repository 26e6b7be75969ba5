import { Space, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/me';
import { workRights } from '../../app/scope';
import { EnumSelect } from './EnumSelect';
import { useGroupChoice } from './GroupPicker';
import { useCursorPages } from './pages';
import { PeriodPicker, thisYear, type Period } from './PeriodPicker';

/**
 * What a manager's list of a group's records shares (/exchanges, /activities): the rights of the active role,
 * the group (in the address), the period (this year), one enum filter, keyset pages (back to the first on every
 * change), and the page's title with those filters.
 */
export function useGroupWork<V extends string>(o: { title: string; enumName: string; values: readonly V[]; all: string; filterLabel: string }) {
  const { me, active } = useMe();
  const rights = workRights(active, !!me?.teacher);
  const { groupId, picker } = useGroupChoice(active);
  const [period, setPeriod] = useState<Period>(thisYear);
  const [value, setValue] = useState<V | null>(null);
  const pages = useCursorPages();
  const header = (
    <>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        {o.title}
      </Typography.Title>
      <Space wrap>
        {picker}
        <PeriodPicker value={period} onChange={(p) => (setPeriod(p), pages.reset())} />
        <EnumSelect ariaLabel={o.filterLabel} enumName={o.enumName} values={o.values} all={o.all} value={value} onChange={(v) => (setValue(v), pages.reset())} />
      </Space>
    </>
  );
  return { rights, groupId, period, value, pages, header };
}
