import type { Lang } from './i18n';

/** 0.6346 → "63.5%": ratios are shown as percentages with one decimal. */
export const percent = (ratio: number | null | undefined, lang: Lang = 'zh-CN') =>
  ratio === null || ratio === undefined ? '—' : new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);

/** 12345 → "12,345" (both languages group thousands the same way). */
export const number = (n: number | null | undefined, lang: Lang = 'zh-CN') => (n === null || n === undefined ? '—' : new Intl.NumberFormat(lang).format(n));

/** "2024-09-01" → "2024年9月1日" (zh-CN) or "Sep 1, 2024" (en); dates are calendar days in China. */
export const day = (iso: string | null | undefined, lang: Lang = 'zh-CN') => {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
};

/** "2024-09" → "2024年9月" or "Sep 2024". */
export const month = (ym: string, lang: Lang = 'zh-CN') => {
  const [y, m] = ym.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: lang === 'en' ? 'short' : 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
};

/** Today's calendar date in China (UTC+8), as YYYY-MM-DD: the server's own date module, bundled. */
export { schoolYearOf, todayInChina } from '../../../../libs/core/src/time/china-date';
