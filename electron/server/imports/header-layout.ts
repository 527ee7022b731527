import { cellText, type CellValue } from '../../../shared/imports/cells';
import type { NamedColumn } from '../../../shared/imports/headers';
import type { MergeRange, SheetRow } from './read/types';
import { columnLetter } from './sheet';

/** How many top rows may hold titles and notes before the header. */
export const HEADER_SEARCH_ROWS = 12;

/** A column of the file: one header, over one column or several (a merged header cell). */
export type LayoutColumn = NamedColumn & {
  /** Column indexes (0 = A) whose values belong to this column. */
  indexes: number[];
};

export type HeaderLayout = {
  headerRows: number[];
  /** Data starts after this row. */
  lastHeaderRow: number;
  columns: LayoutColumn[];
  /** The header texts in order, for recognising a repeated header row among the data. */
  headerTexts: string[];
};

type Scorer = (names: readonly string[][]) => number;

/**
 * Find the header as Chinese templates write it: under titles and notes (jshERP puts a merged
 * note over the first row), one cell merged over several columns (one column of the file,
 * its values joined), or two levels — a group row with merged cells over a row of
 * sub-headers, with the single-level columns merged down through both (悟空CRM). The best
 * candidate is the one whose names the import recognises most; without any, the first row
 * with the most text.
 */
export function detectHeader(rows: readonly SheetRow[], merges: readonly MergeRange[], score: Scorer): HeaderLayout | null {
  const top = rows.slice(0, HEADER_SEARCH_ROWS);
  if (top.length === 0) return null;
  let best: { layout: HeaderLayout; score: number } | null = null;
  top.forEach((row, i) => {
    const single = buildLayout([row], merges);
    const candidates = [single];
    const next = top[i + 1];
    if (next && next.row === row.row + 1 && looksTwoLevel(row, next, merges)) candidates.push(buildLayout([row, next], merges));
    for (const layout of candidates) {
      const known = score(layout.columns.map((c) => [...c.names]));
      const texty = layout.columns.filter((c) => c.header && !/^[\d.,\-/:\s]+$/.test(c.header)).length;
      // Recognised names first; among rows recognising nothing, the one with the most text.
      const value = known * 1000 + (known > 0 ? layout.headerRows.length : texty);
      if (!best || value > best.score) best = { layout, score: value };
    }
  });
  return best ? (best as { layout: HeaderLayout }).layout : null;
}

/** A group row over a sub-header row: merges down through both, or merged groups over texts. */
function looksTwoLevel(group: SheetRow, sub: SheetRow, merges: readonly MergeRange[]): boolean {
  const groupTexts = group.cells.filter((c) => cellText(c) !== '').length;
  if (groupTexts < 2) return false;
  const down = merges.some((m) => m.top === group.row && m.bottom === sub.row);
  const across = merges.filter((m) => m.top === group.row && m.bottom === group.row && m.right > m.left);
  const subsUnder = across.some((m) => {
    for (let c = m.left; c <= m.right; c++) if (!isText(sub.cells[c] ?? null)) return false;
    return true;
  });
  return down || subsUnder;
}

function isText(value: CellValue): boolean {
  return typeof value === 'string' && value.trim() !== '' && !/^[\d.,\-/:\s]+$/.test(value.trim());
}

function buildLayout(headerRows: readonly SheetRow[], merges: readonly MergeRange[]): HeaderLayout {
  const first = headerRows[0]!;
  const last = headerRows[headerRows.length - 1]!;
  const width = Math.max(
    ...headerRows.map((r) => r.cells.length),
    ...merges.filter((m) => m.top <= last.row && m.bottom >= first.row).map((m) => m.right + 1),
  );
  const mergeAt = (row: number, col: number): MergeRange | null =>
    merges.find((m) => m.top <= row && m.bottom >= row && m.left <= col && m.right >= col) ?? null;
  const text = (row: number, col: number): string => {
    const source = headerRows.find((r) => r.row === row);
    return source
      ? cellText(source.cells[col] ?? null)
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  };
  // A merged cell's text is in its top-left cell.
  const mergedText = (m: MergeRange): string => text(m.top, m.left);
  const columns: LayoutColumn[] = [];
  for (let col = 0; col < width; col++) {
    if (headerRows.length === 1) {
      const m = mergeAt(first.row, col);
      if (m && m.left !== col) continue;
      const header = m ? mergedText(m) : text(first.row, col);
      if (header) columns.push(column(col, m ? m.right : col, header, [header]));
      continue;
    }
    const g = mergeAt(first.row, col);
    const s = mergeAt(last.row, col);
    if (g && g.bottom >= last.row) {
      // Merged down through both rows: a one-level column (悟空CRM's 姓名(*)).
      if (g.left === col && mergedText(g)) columns.push(column(col, g.right, mergedText(g), [mergedText(g)]));
      continue;
    }
    if (s && s.left !== col) continue;
    const group = g ? mergedText(g) : text(first.row, col);
    const sub = s ? mergedText(s) : text(last.row, col);
    const right = s ? s.right : col;
    if (group && sub) columns.push(column(col, right, `${group} · ${sub}`, [sub, `${group}${sub}`, group]));
    else if (sub) columns.push(column(col, right, sub, [sub]));
    else if (group) {
      // A group without any sub-header under it is one column over all it covers.
      const groupRight = g && g.left === col && !hasTextBetween(headerRows[1]!, g.left, g.right) ? g.right : col;
      columns.push(column(col, groupRight, group, [group]));
      col = groupRight;
    }
  }
  return {
    headerRows: headerRows.map((r) => r.row),
    lastHeaderRow: last.row,
    columns,
    headerTexts: columns.map((c) => c.header),
  };
}

function hasTextBetween(row: SheetRow, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) if (cellText(row.cells[c] ?? null) !== '') return true;
  return false;
}

function column(left: number, right: number, header: string, names: string[]): LayoutColumn {
  const indexes: number[] = [];
  for (let c = left; c <= right; c++) indexes.push(c);
  return { key: columnLetter(left), header, names, indexes };
}

/** Data columns without a header (values under no title): kept, named by their letter. */
export function addUnnamedColumns(layout: HeaderLayout, dataRows: readonly SheetRow[]): void {
  const covered = new Set(layout.columns.flatMap((c) => c.indexes));
  const found = new Set<number>();
  for (const row of dataRows) {
    row.cells.forEach((value, index) => {
      if (!covered.has(index) && cellText(value) !== '') found.add(index);
    });
  }
  for (const index of [...found].sort((a, b) => a - b))
    layout.columns.push({ key: columnLetter(index), header: '', names: [], indexes: [index] });
  layout.columns.sort((a, b) => a.indexes[0]! - b.indexes[0]!);
}
