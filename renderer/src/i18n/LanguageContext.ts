import { createContext } from 'react';
import type { Lang } from './types';

export type LanguageState = { lang: Lang; setLang: (lang: Lang) => void };

export const LanguageContext = createContext<LanguageState | null>(null);
