/** Chart axes speak yuan, in 万 once the numbers get large, the way offices write them. */
export function yuanAxisTick(yuan: number): string {
  if (Math.abs(yuan) >= 10000) return `${Number((yuan / 10000).toFixed(1))}万`;
  return String(Math.round(yuan));
}

export function fenToYuanNumber(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

/** Colours shared by every chart so 目标 and 实际 look the same everywhere (and in print). */
export const CHART_COLORS = { sales: '#1668dc', target: '#faad14', floor: '#cf1322' } as const;
