/** The languages the API answers in: zh-CN first (the product's language), en for English-speaking callers. */
export type Lang = 'zh' | 'en';

/** A message for people, in both languages. Error helpers take only this, so no message can be English only. */
export interface Msg {
  zh: string;
  en: string;
}

export const DEFAULT_LANG: Lang = 'zh';

/**
 * The language an `Accept-Language` header asks for: the first zh* or en* range by quality (ties in the order
 * given); zh-CN when there is none, or only other languages. `*` counts as the default.
 */
export function langOf(header: unknown): Lang {
  const value = Array.isArray(header) ? header.join(',') : typeof header === 'string' ? header : '';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of value.split(',').slice(0, 20)) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined) ?? 1);
    const lang: Lang | null = /^zh(-|$)/.test(range) || range === '*' ? 'zh' : /^en(-|$)/.test(range) ? 'en' : null;
    if (lang && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang: range === '*' ? DEFAULT_LANG : lang, q };
  }
  return best?.lang ?? DEFAULT_LANG;
}

/** The language of an HTTP request: its context's (the user's choice, else Accept-Language), or the header alone before a context exists. */
export const requestLang = (req: { ctx?: { lang?: Lang }; headers?: Record<string, unknown> } | undefined): Lang =>
  req?.ctx?.lang ?? langOf(req?.headers?.['accept-language']);

/** A user's stored preference ('zh-CN', 'en', …) as a Lang, or null when none is set. */
export const langOfLocale = (locale: string | null | undefined): Lang | null =>
  locale ? (/^en/i.test(locale) ? 'en' : /^zh/i.test(locale) ? 'zh' : null) : null;

/** Entity names for NOT_FOUND messages. */
export const ENTITY = {
  School: { zh: '学校', en: 'School' },
  'School group': { zh: '共同体', en: 'School group' },
  'School group or region': { zh: '共同体或区域', en: 'School group or region' },
  Region: { zh: '区域', en: 'Region' },
  Teacher: { zh: '教师', en: 'Teacher' },
  'Teacher exchange': { zh: '交流轮岗记录', en: 'Teacher exchange' },
  User: { zh: '账号', en: 'User' },
  'Role grant': { zh: '角色授权', en: 'Role grant' },
  Comment: { zh: '评论', en: 'Comment' },
  'Lesson plan': { zh: '教案', en: 'Lesson plan' },
  'Lesson preparation team': { zh: '集体备课组', en: 'Lesson preparation team' },
  'Mentoring pair': { zh: '师徒结对', en: 'Mentoring pair' },
  'Research session': { zh: '联合教研活动', en: 'Research session' },
  'Import progress': { zh: '导入进度', en: 'Import progress' },
  'Active membership of this school in this group': { zh: '该校在本共同体中的有效成员身份', en: 'Active membership of this school in this group' },
  'Teacher at an active member school of this group': { zh: '本共同体成员校的该教师', en: 'Teacher at an active member school of this group' },
} satisfies Record<string, Msg>;

export type EntityName = keyof typeof ENTITY;
