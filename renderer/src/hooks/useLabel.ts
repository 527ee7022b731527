import { useCallback } from 'react';
import type { Bilingual } from '../../../shared/bilingual';
import { pick, useLanguage } from '../i18n';

/**
 * What the server and the shared rules hand over in both languages (labels, exemptions, problems —
 * shared/bilingual.ts): show the UI language's. The UI's own words come from its dictionaries.
 */
export function useLabel(): (label: Bilingual | undefined) => string {
  const { lang } = useLanguage();
  return useCallback((label) => (label ? pick(label, lang) : ''), [lang]);
}
