export { LanguageProvider } from './LanguageProvider';
export { useLanguage } from './useLanguage';
export { useT } from './useT';
export { LANGS, type Lang, type MessageKey, type Translate } from './types';
