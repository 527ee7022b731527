export { LanguageProvider } from './LanguageProvider';
export { useLanguage } from './useLanguage';
export { useT } from './useT';
export { pick } from './pick';
export { LANGS, type Lang, type MessageKey, type Translate } from './types';
