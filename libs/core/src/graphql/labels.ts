import { registerEnumType } from '@nestjs/graphql';

/** Display labels of enum values, [zh-CN, en], per enum type: served by the `labels` query, used in exports. */
export const LABELS: Record<string, Record<string, [string, string]>> = {};

/** Registers GraphQL enums with their labels (shown as value descriptions in the schema too). */
export function registerLabelledEnums(enums: Record<string, object>, labels: Record<string, Record<string, [string, string]>>) {
  for (const [name, e] of Object.entries(enums)) {
    const l = labels[name] ?? {};
    LABELS[name] = l;
    registerEnumType(e, {
      name,
      valuesMap: Object.fromEntries(Object.keys(e).map((k) => [k, { description: l[k] ? `${l[k][0]} / ${l[k][1]}` : undefined }])),
    });
  }
}

export const labelOf = (enumName: string, value: string, lang: 'zh' | 'en' = 'zh') => LABELS[enumName]?.[value]?.[lang === 'zh' ? 0 : 1] ?? value;

/** Labels of names that are not GraphQL enums (e.g. the report figures), served by `labels` the same way. */
export function registerLabels(name: string, labels: Record<string, [string, string]>) {
  LABELS[name] = labels;
}
