/**
 * Chart axes speak yuan the way the reader writes large numbers: 3万 / 1.5万 in Chinese,
 * 30k / 1.5M in English (万 means nothing to an English reader).
 */
export function yuanAxisTick(yuan: number, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const abs = Math.abs(yuan);
  if (lang === 'en') {
    if (abs >= 1_000_000) return `${Number((yuan / 1_000_000).toFixed(2))}M`;
    if (abs >= 1000) return `${Number((yuan / 1000).toFixed(1))}k`;
    return String(Math.round(yuan));
  }
  if (abs >= 10000) return `${Number((yuan / 10000).toFixed(1))}万`;
  return String(Math.round(yuan));
}

export function fenToYuanNumber(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

/** Colours shared by every chart so 目标 and 实际 look the same everywhere (and in print). */
export const CHART_COLORS = { sales: '#1668dc', target: '#faad14', floor: '#cf1322' } as const;

/**
 * Charts grow into place unless the person asked their system for less motion (Windows: 显示动画
 * off), in which case they are drawn at once — as they are on paper.
 */
export function chartsAnimate(): boolean {
  const media = (globalThis as { matchMedia?: (query: string) => { matches: boolean } }).matchMedia;
  return !media?.('(prefers-reduced-motion: reduce)').matches;
}
