import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n';
import { todayInChina } from '../../app/format';

export interface Period {
  from: string;
  to: string;
}

/** This calendar year up to today (China time). */
export const thisYear = (): Period => {
  const to = todayInChina();
  return { from: `${to.slice(0, 4)}-01-01`, to };
};

export function PeriodPicker({ value, onChange }: { value: Period; onChange(p: Period): void }) {
  const { t } = useI18n();
  return (
    <DatePicker.RangePicker
      aria-label={t('common.period')}
      allowClear={false}
      value={[dayjs(value.from), dayjs(value.to)]}
      onChange={(range) => {
        if (range?.[0] && range[1]) onChange({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
      }}
    />
  );
}
