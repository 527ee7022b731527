import type { Dictionary, MessageKey, MessageParams } from './types';

/** Look up a message and fill its `{name}` placeholders; unknown placeholders stay visible. */
export function translate(dict: Dictionary, key: MessageKey, params?: MessageParams): string {
  const text = dict[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
