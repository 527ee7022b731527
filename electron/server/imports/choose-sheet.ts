import type { ImportNote } from '../../../shared/imports/import-report';
import { HEADER_SEARCH_ROWS, detectHeader, type HeaderLayout } from './header-layout';
import { unreadable } from './read/read-errors';
import type { MergeRange, SheetRow, Workbook, WorkbookSheet } from './read/types';

/** Rows read up front: the header search plus some data rows for the column samples. */
const HEAD_ROWS = HEADER_SEARCH_ROWS + 30;

export type ChosenSheet = {
  sheet: WorkbookSheet;
  layout: HeaderLayout;
  head: { rows: SheetRow[]; merges: MergeRange[] };
  reason: ImportNote | null;
};

/**
 * Which sheet to import: the one asked for; otherwise, among the visible sheets, the one
 * whose header names the most known columns (the first visible one on a tie) — a hidden
 * first sheet of lookup lists is never imported silently, and the report says why the
 * sheet was chosen.
 */
export function chooseSheet(
  workbook: Workbook,
  requested: string | undefined,
  score: (names: readonly string[][]) => number,
  fileName: string,
): ChosenSheet {
  const sheets = workbook.sheets;
  if (requested !== undefined && requested !== '') {
    const sheet = sheets.find((s) => s.name === requested) ?? sheets.find((s) => s.name.trim() === requested.trim());
    if (!sheet)
      throw unreadable(
        fileName,
        `没有名为"${requested}"的工作表(有:${sheets.map((s) => s.name).join('、')})`,
        `there is no sheet named "${requested}" (it has: ${sheets.map((s) => s.name).join(', ')})`,
      );
    const found = inspect(sheet, score);
    if (!found) throw unreadable(fileName, `工作表"${requested}"里没有任何数据`, `the sheet "${requested}" holds no data`);
    return {
      ...found,
      reason:
        sheets.length > 1
          ? { message: `读取了所选的工作表"${sheet.name}"`, messageEn: `Read the chosen sheet "${sheet.name}"` }
          : null,
    };
  }
  const visible = sheets.filter((s) => !s.hidden);
  const candidates = visible.length ? visible : sheets;
  let best: (Omit<ChosenSheet, 'reason'> & { known: number }) | null = null;
  for (const sheet of candidates) {
    const found = inspect(sheet, score);
    if (found && (!best || found.known > best.known)) best = found;
  }
  if (!best) {
    const names = sheets.map((s) => `"${s.name}"${s.hidden ? '(隐藏)' : ''}`).join('、');
    throw unreadable(
      fileName,
      sheets.length > 1 ? `工作簿的 ${sheets.length} 个工作表(${names})里都没有数据` : '文件里没有任何数据',
      sheets.length > 1 ? `none of the workbook's ${sheets.length} sheets holds data` : 'the file holds no data',
    );
  }
  return { sheet: best.sheet, layout: best.layout, head: best.head, reason: explain(sheets, best.sheet, candidates) };
}

function inspect(sheet: WorkbookSheet, score: (names: readonly string[][]) => number) {
  const head = sheet.head(HEAD_ROWS);
  if (head.rows.length === 0) return null;
  const lastHeadRow = head.rows[Math.min(head.rows.length, HEADER_SEARCH_ROWS + 1) - 1]!.row;
  const layout = detectHeader(
    head.rows,
    head.merges.filter((m) => m.top <= lastHeadRow),
    score,
  );
  if (!layout) return null;
  return { sheet, layout, head, known: score(layout.columns.map((c) => [...c.names])) };
}

function explain(
  sheets: readonly WorkbookSheet[],
  chosen: WorkbookSheet,
  candidates: readonly WorkbookSheet[],
): ImportNote | null {
  if (sheets.length < 2) return null;
  const hidden = sheets.filter((s) => s.hidden).map((s) => `"${s.name}"`);
  const hiddenZh = hidden.length ? `;隐藏的工作表 ${hidden.join('、')} 未读取` : '';
  const hiddenEn = hidden.length ? `; the hidden sheet(s) ${hidden.join(', ')} were not read` : '';
  if (chosen === candidates[0])
    return {
      message: `工作簿有 ${sheets.length} 个工作表,读取了第一个可见的工作表"${chosen.name}"${hiddenZh}`,
      messageEn: `The workbook has ${sheets.length} sheets; read the first visible one, "${chosen.name}"${hiddenEn}`,
    };
  return {
    message: `工作簿有 ${sheets.length} 个工作表,读取了表头与导入相符的工作表"${chosen.name}"${hiddenZh}`,
    messageEn: `The workbook has ${sheets.length} sheets; read "${chosen.name}", whose header matches the import${hiddenEn}`,
  };
}
