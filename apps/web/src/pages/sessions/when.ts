import type { Lang } from '../../app/i18n';

/** "2026年12月2日 09:00–11:00" in China time (sessions are planned on Beijing time). */
export function when(startsAt: string, endsAt: string, lang: Lang) {
  const date = new Intl.DateTimeFormat(lang, { year: 'numeric', month: lang === 'en' ? 'short' : 'long', day: 'numeric', timeZone: 'Asia/Shanghai' });
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });
  return `${date.format(new Date(startsAt))} ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}
