import type { Lang } from '../../i18n/types';

/** '2026-10' → 2026年10月 / October 2026. */
export function monthTitle(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (lang === 'en')
    return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${y}年${m}月`;
}

/** Local time as the office reads it on paper: 2026-11-23 14:05. */
export function printedAtText(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
