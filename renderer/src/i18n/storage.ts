import type { Lang } from './types';

const STORAGE_KEY = 'mendiantong.lang';

/** The saved language, Chinese when nothing (or something unknown) was saved. */
export function loadLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    // Storage can be disabled (privacy settings); the app still works in Chinese.
    return 'zh-CN';
  }
}

export function saveLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the switch still applies to this session.
  }
}
