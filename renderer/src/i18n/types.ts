import type { zhCN } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

export type MessageKey = keyof typeof zhCN;
/** Every language provides every key; a missing or extra key in en.ts is a compile error. */
export type Dictionary = { readonly [K in MessageKey]: string };
export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;
