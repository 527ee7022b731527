import { useCallback } from 'react';
import { useLanguage } from '../i18n';

/** The shared rules carry their own { zh, en } labels (levels, sources, stages…); pick the UI language's. */
export function useLabel(): (label: { zh: string; en: string } | undefined) => string {
  const { lang } = useLanguage();
  return useCallback((label) => (label ? (lang === 'en' ? label.en : label.zh) : ''), [lang]);
}
