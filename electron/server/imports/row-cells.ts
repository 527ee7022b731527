import { cellText, type CellValue } from '../../../shared/imports/cells';
import type { ColumnSpec } from '../../../shared/imports/headers';
import type { LayoutColumn } from './header-layout';
import type { RowCells } from './importer';
import type { SheetRow } from './read/types';

export type FieldColumns<F extends string> = Map<F, { spec: ColumnSpec<F>; columns: LayoutColumn[]; header: string }>;

/**
 * A row's cells by field. A field usually reads one cell; under a header merged over several
 * columns it reads all of them, and a `multi` field reads several columns (手机号码 and
 * 联系电话). One value keeps its type (a date stays a date); several are joined as text.
 */
export function rowCells<F extends string>(
  row: SheetRow,
  fields: FieldColumns<F>,
  fallbackHeader: (field: F) => string,
): RowCells<F> {
  const get = (field: F): CellValue => {
    const entry = fields.get(field);
    if (!entry) return null;
    if (entry.columns.length === 1 && entry.columns[0]!.indexes.length === 1)
      return row.cells[entry.columns[0]!.indexes[0]!] ?? null;
    const parts: { header: string; values: CellValue[] }[] = [];
    for (const column of entry.columns) {
      const values = column.indexes.map((i) => row.cells[i] ?? null).filter((v) => cellText(v) !== '');
      if (values.length) parts.push({ header: column.header, values });
    }
    if (parts.length === 0) return null;
    if (parts.length === 1 && parts[0]!.values.length === 1) return parts[0]!.values[0]!;
    if (entry.spec.multi === 'labelled' && parts.length > 1)
      return parts.map((p) => `${p.header}:${p.values.map(cellText).join(' ')}`).join(';');
    return parts.map((p) => p.values.map(cellText).join(entry.spec.multi === 'list' ? ' / ' : ' ')).join(' / ');
  };
  return {
    get,
    text: (field) => cellText(get(field)),
    has: (field) => fields.has(field),
    header: (field) => fields.get(field)?.header ?? fallbackHeader(field),
  };
}
