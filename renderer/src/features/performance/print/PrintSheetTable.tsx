import type { PerformanceSheet } from '../../../../../shared/performance/performance-types';
import { formatSheetCell, sheetColumns, type SheetColumn } from '../../../../../shared/performance/sheet-columns';
import { useLanguage } from '../../../i18n';

/**
 * The printed table: a plain <table> so Chromium repeats <thead> on every page and never splits
 * a row across pages (antd's table renders its header as a separate table, which does not repeat).
 */
export function PrintSheetTable({ sheet }: { sheet: PerformanceSheet }) {
  const { lang } = useLanguage();
  const columns = sheetColumns(sheet);
  const label = (c: { zh: string; en: string }) => (lang === 'en' ? c.en : c.zh);
  const headRows = groupedHeader(columns);
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
      <tbody>
        {sheet.rows.map((row) => (
          <tr key={row.staffId} className={`status-${row.status}`}>
            {columns.map((c) => (
              <td key={c.key} className={`cell-${c.kind}`}>
                {formatSheetCell(c.kind, c.value(row, lang === 'en' ? 'en' : 'zh'))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="print-total">
          {columns.map((c) => (
            <td key={c.key} className={`cell-${c.kind}`}>
              {c.total ? formatSheetCell(c.kind, c.total(sheet)) : ''}
            </td>
          ))}
        </tr>
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
