import type { ReactNode } from 'react';
import type { PerformanceSheet } from '../../../../../shared/performance/performance-types';
import { formatSheetCell, sheetColumns, type SheetColumn } from '../../../../../shared/performance/sheet-columns';
import { pick, useLanguage } from '../../../i18n';

/**
 * The printed table: a plain <table> so Chromium repeats <thead> on every page and never splits
 * a row across pages (antd's table renders its header as a separate table, which does not repeat).
 */
/** Rows kept on the same page as the totals and signatures, so a signature never stands alone. */
const KEEP_WITH_FOOT = 3;

export function PrintSheetTable({ sheet, footer }: { sheet: PerformanceSheet; footer?: ReactNode }) {
  const { lang } = useLanguage();
  const columns = sheetColumns(sheet);
  const label = (c: { zh: string; en: string }) => pick(c, lang);
  const headRows = groupedHeader(columns);
  const bodyRow = (row: PerformanceSheet['rows'][number]) => (
    <tr key={row.staffId} className={`status-${row.status}`}>
      {columns.map((c) => (
        <td key={c.key} className={`cell-${c.kind}`}>
          {formatSheetCell(c.kind, c.value(row, lang === 'en' ? 'en' : 'zh'))}
        </td>
      ))}
    </tr>
  );
  return (
    <table className="print-table" data-testid="print-table">
      <thead>
        <tr>
          {headRows.top.map((cell) =>
            cell.kind === 'single' ? (
              <th key={cell.column.key} rowSpan={headRows.hasGroups ? 2 : 1} className={`cell-${cell.column.kind}`}>
                {label(cell.column)}
              </th>
            ) : (
              <th key={cell.group.zh} colSpan={cell.span}>
                {label(cell.group)}
              </th>
            ),
          )}
        </tr>
        {headRows.hasGroups && (
          <tr>
            {columns
              .filter((c) => c.group)
              .map((c) => (
                <th key={c.key} className={`cell-${c.kind}`}>
                  {label(c)}
                </th>
              ))}
          </tr>
        )}
      </thead>
      {/* The last few rows, the totals and the signature lines form one block that never breaks:
          制表 / 审核 / 店长 sign under figures they can see, never on a page of their own. */}
      <tbody>{sheet.rows.slice(0, -KEEP_WITH_FOOT).map(bodyRow)}</tbody>
      <tbody className="print-keep-with-foot">{sheet.rows.slice(-KEEP_WITH_FOOT).map(bodyRow)}</tbody>
      <tfoot className="print-foot">
        <tr className="print-total">
          {columns.map((c) => (
            <td key={c.key} className={`cell-${c.kind}`}>
              {c.total ? formatSheetCell(c.kind, c.total(sheet, lang === 'en' ? 'en' : 'zh')) : ''}
            </td>
          ))}
        </tr>
        {footer && (
          <tr className="print-sign-row">
            <td colSpan={columns.length}>{footer}</td>
          </tr>
        )}
      </tfoot>
    </table>
  );
}

type HeadCell = { kind: 'single'; column: SheetColumn } | { kind: 'group'; group: { zh: string; en: string }; span: number };

/** Columns sharing a group (提成 → 目标内/超额/合计) get one header cell spanning them. */
function groupedHeader(columns: readonly SheetColumn[]): { top: HeadCell[]; hasGroups: boolean } {
  const top: HeadCell[] = [];
  for (const column of columns) {
    const last = top.at(-1);
    if (column.group && last?.kind === 'group' && last.group === column.group) last.span++;
    else if (column.group) top.push({ kind: 'group', group: column.group, span: 1 });
    else top.push({ kind: 'single', column });
  }
  return { top, hasGroups: top.some((c) => c.kind === 'group') };
}
