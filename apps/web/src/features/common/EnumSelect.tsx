import { Select } from 'antd';
import { useLabels } from './useLabels';

/**
 * A choice of enum values, named in the user's language (labels from the server). With `all`, a first option of
 * that name stands for "any" (null): a list filter.
 */
export function EnumSelect<V extends string>({
  id,
  enumName,
  values,
  all,
  value,
  onChange,
  ariaLabel,
  width = 160,
}: {
  id?: string;
  enumName: string;
  values: readonly V[];
  all?: string;
  value?: V | null;
  onChange?(v: V | null): void;
  ariaLabel?: string;
  width?: number;
}) {
  const label = useLabels();
  const options = values.map((v) => ({ value: v as string, label: label(enumName, v) }));
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      style={{ width }}
      value={all ? (value ?? '') : value ?? undefined}
      onChange={(v: string) => onChange?.((v || null) as V | null)}
      options={all ? [{ value: '', label: all }, ...options] : options}
    />
  );
}
