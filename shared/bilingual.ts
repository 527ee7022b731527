/**
 * Text in both languages — the one shape in which the server and the shared rules hand over any
 * sentence or label someone reads: `{ zh, en }`. The screen shows one (renderer: `useLabel`), the
 * CLI and the exports both (`bothLanguages`). The renderer's own words live in its dictionaries
 * (renderer/src/i18n); error envelopes carry the same pair as `message` / `messageEn`.
 */
export type Bilingual = { zh: string; en: string };

const SEPARATOR = ' / ';

/**
 * For the few places that take a single string only — a zod schema's `error`, which the input
 * check (electron/server/core/validation.ts) reads back with `readZhEn` — and for printing both
 * (CLI, export headers): "中文 / English". Nothing else splits text.
 */
export function zhEn(zh: string, en: string): string {
  return `${zh}${SEPARATOR}${en}`;
}

/** Both languages on one line, Chinese first: the CLI's and the exports' way of showing a pair. */
export function bothLanguages(text: Bilingual): string {
  return zhEn(text.zh, text.en);
}

/** The pair back from `zhEn`'s text; text that never went through it is taken as Chinese only. */
export function readZhEn(text: string): { zh: string; en: string | null } {
  const at = text.indexOf(SEPARATOR);
  return at < 0 ? { zh: text, en: null } : { zh: text.slice(0, at), en: text.slice(at + SEPARATOR.length) };
}
