import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { LanguageContext } from './LanguageContext';
import { loadLang, saveLang } from './storage';
import type { Lang } from './types';

/** Holds the UI language, persists it, and keeps dayjs and <html lang> in step. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(loadLang);
  const setLang = useCallback((next: Lang) => {
    saveLang(next);
    setLangState(next);
  }, []);
  // dayjs's locale is global: set it before children render so date pickers match this render.
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}
