import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { PerformanceRow, PerformanceSheet } from '../../../../../shared/performance/performance-types';
import { formatSheetCell, sheetColumns, type SheetColumn } from '../../../../../shared/performance/sheet-columns';
import { byNumber, byText } from '../../../components/table/sorting';
import { WIDE_TABLE } from '../../../components/table/wideTable';
import { useLanguage } from '../../../i18n';

/** Columns whose figure opens the payments/contracts behind it. */
const DRILLABLE = new Set(['sales', 'commissionWithin', 'commissionAbove', 'commission', 'attainment', 'bonus', 'deduction']);

type Props = { sheet: PerformanceSheet; onOpenPerson: (row: PerformanceRow) => void };

/** 月度业绩表 on screen: the same columns as paper and the exports, sticky header, totals row. */
export function SheetTable({ sheet, onOpenPerson }: Props) {
  const { lang } = useLanguage();
  const l = lang === 'en' ? 'en' : 'zh';
  const columns = sheetColumns(sheet);
  const cell = (c: SheetColumn) => (row: PerformanceRow) => {
    const text = formatSheetCell(c.kind, c.value(row, l));
    if (c.key === 'name' || (DRILLABLE.has(c.key) && row.pay))
      return (
        <Button type="link" className="perf-figure-link" onClick={() => onOpenPerson(row)}>
          {text}
        </Button>
      );
    return text;
  };
  // Name pinned left and 状态 pinned right, so who and how they stand stay in view while the
  // figures between them scroll; every column sorts by its own value (text in 拼音 order).
  const leaf = (c: SheetColumn) => ({
    key: c.key,
    title: c[l],
    className: `cell-${c.kind} sheet-col-${c.key}`,
    ...(c.key === 'name' ? { fixed: 'left' as const } : {}),
    ...(c.key === 'status' ? { fixed: 'right' as const } : {}),
    sorter:
      c.kind === 'text'
        ? byText<PerformanceRow>((r) => String(c.value(r, l) ?? ''))
        : byNumber<PerformanceRow>((r) => {
            const v = c.value(r, l);
            return typeof v === 'number' ? v : null;
          }),
    render: (_: unknown, row: PerformanceRow) => cell(c)(row),
  });
  const tableColumns: ColumnsType<PerformanceRow> = [];
  for (const c of columns) {
    const last = tableColumns.at(-1);
    if (c.group && last && 'children' in last && last.key === `group-${c.group.zh}`) last.children.push(leaf(c));
    else if (c.group) tableColumns.push({ key: `group-${c.group.zh}`, title: c.group[l], children: [leaf(c)] });
    else tableColumns.push(leaf(c));
  }
  return (
    <Table<PerformanceRow>
      className="perf-table wide-table"
      data-testid="sheet-table"
      size="small"
      bordered
      rowKey="staffId"
      pagination={false}
      {...WIDE_TABLE}
      showSorterTooltip={false}
      columns={tableColumns}
      dataSource={sheet.rows}
      rowClassName={(row) => `status-${row.status}`}
      summary={() => (
        <Table.Summary>
          <Table.Summary.Row className="print-total">
            {columns.map((c, i) => (
              <Table.Summary.Cell key={c.key} index={i} className={`cell-${c.kind}`}>
                {c.total ? formatSheetCell(c.kind, c.total(sheet, lang === 'en' ? 'en' : 'zh')) : ''}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
