import { useCallback } from 'react';
import { en } from './en';
import { translate } from './translate';
import type { Dictionary, Translate } from './types';
import { useLanguage } from './useLanguage';
import { zhCN } from './zh-CN';

const DICTIONARIES = { 'zh-CN': zhCN, en } as const satisfies Record<string, Dictionary>;

/** `const t = useT(); t('nav.staff')` — the current language's text for a key. */
export function useT(): Translate {
  const { lang } = useLanguage();
  return useCallback<Translate>((key, params) => translate(DICTIONARIES[lang], key, params), [lang]);
}
