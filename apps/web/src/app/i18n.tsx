import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, zhCN, type MessageKey } from './messages';

export type Lang = 'zh-CN' | 'en';
const STORAGE_KEY = 'sg.lang';
const catalogs: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export const storedLang = (): Lang => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN');

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The message in the current language, with {name} placeholders filled in. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const t = useCallback(
    (key: MessageKey, vars?: Record<string, string | number>) =>
      (catalogs[lang][key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`)),
    [lang],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
