/**
 * Props every wide list shares (合同, 业绩表, 档案 …): columns keep their natural width and the
 * table scrolls sideways instead of squeezing a name to one character; the header and the
 * horizontal scrollbar stick to the window while the rows scroll, so the bar is always in view
 * (below the 64 px header of the shell). Key columns are pinned with `fixed` per table.
 */
export const WIDE_TABLE = {
  scroll: { x: 'max-content' as const },
  sticky: { offsetHeader: 64 },
  tableLayout: 'auto' as const,
};
