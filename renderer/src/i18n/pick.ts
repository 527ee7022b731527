import type { Bilingual } from '../../../shared/bilingual';
import type { Lang } from './types';

/**
 * The UI language's half of a pair the server or the shared rules hand over (labels, reasons,
 * problems — shared/bilingual.ts). The UI's own words come from the dictionaries (`useT`); this is
 * the one way the screen picks from a pair. `useLabel` is the same for components.
 */
export function pick(text: Bilingual, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}
