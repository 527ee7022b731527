import { cellText } from '../../../shared/imports/cells';
import { EXAMPLE_MARK, type ImportNote } from '../../../shared/imports/import-report';
import type { HeaderLayout } from './header-layout';
import type { MergeRange, OpenedSheet, SheetRow } from './read/types';
import { columnLetter } from './sheet';

/** Notes about the file, each kind said once with a count, so a long file is not a long list. */
export class ReadNotes {
  private readonly counts = new Map<string, { note: ImportNote; rows: number[] }>();

  add(key: string, note: ImportNote, row: number): void {
    const entry = this.counts.get(key);
    if (entry) entry.rows.push(row);
    else this.counts.set(key, { note, rows: [row] });
  }

  has(key: string): boolean {
    return this.counts.has(key);
  }

  list(): ImportNote[] {
    return [...this.counts.values()].map(({ note, rows }) => {
      const shown = rows.slice(0, 5).join('、') + (rows.length > 5 ? ` 等 ${rows.length} 行` : '');
      const shownEn = rows.slice(0, 5).join(', ') + (rows.length > 5 ? ` and ${rows.length - 5} more` : '');
      return { message: note.message.replace('{rows}', shown), messageEn: note.messageEn.replace('{rows}', shownEn) };
    });
  }
}

/**
 * The data rows under the header, as a person reads them: a cell merged down over several
 * rows gives its value to each of them (a salesperson merged over their five clients), a
 * header repeated on every printed page is left out, and both are said in the notes.
 */
export function* dataRows(opened: OpenedSheet, layout: HeaderLayout, notes: ReadNotes): Generator<SheetRow> {
  const verticalByTop = new Map<number, MergeRange[]>();
  for (const m of opened.merges) {
    if (m.top <= layout.lastHeaderRow || m.bottom === m.top) continue;
    const list = verticalByTop.get(m.top);
    if (list) list.push(m);
    else verticalByTop.set(m.top, [m]);
  }
  let active: { merge: MergeRange; value: SheetRow['cells'][number] }[] = [];
  const headerKeys = layout.columns.map((c) => c.header);
  for (const row of opened.rows()) {
    if (row.row <= layout.lastHeaderRow) continue;
    if (active.length) active = active.filter((a) => a.merge.bottom >= row.row);
    for (const a of active) {
      if (row.cells[a.merge.left] === null || row.cells[a.merge.left] === undefined || row.cells[a.merge.left] === '') {
        row.cells[a.merge.left] = a.value;
        notes.add(
          `merge-${a.merge.top}-${a.merge.left}`,
          {
            message: `第 ${a.merge.top}–${a.merge.bottom} 行的 ${columnLetter(a.merge.left)} 列是合并单元格,已把同一个值用于其中每一行`,
            messageEn: `Rows ${a.merge.top}–${a.merge.bottom} of column ${columnLetter(a.merge.left)} are merged; their one value was used for each row`,
          },
          row.row,
        );
      }
    }
    const starting = verticalByTop.get(row.row);
    if (starting) for (const merge of starting) active.push({ merge, value: row.cells[merge.left] ?? null });
    if (isExampleRow(row)) {
      notes.add(
        'example',
        {
          message: `第 {rows} 行是模板的示例行(以${EXAMPLE_MARK}开头),已跳过`,
          messageEn: `Row {rows} is the template's example (starts with ${EXAMPLE_MARK}) and was skipped`,
        },
        row.row,
      );
      continue;
    }
    if (isRepeatedHeader(row, layout, headerKeys)) {
      notes.add(
        'repeated-header',
        { message: '第 {rows} 行重复了表头,已跳过', messageEn: 'Row {rows} repeats the header and was skipped' },
        row.row,
      );
      continue;
    }
    yield row;
  }
}

function isExampleRow(row: SheetRow): boolean {
  const first = row.cells.find((c) => cellText(c) !== '');
  return typeof first === 'string' && first.trimStart().startsWith(EXAMPLE_MARK);
}

function isRepeatedHeader(row: SheetRow, layout: HeaderLayout, headers: readonly string[]): boolean {
  if (layout.columns.length < 2) return false;
  let same = 0;
  layout.columns.forEach((c, i) => {
    if (headers[i] && cellText(row.cells[c.indexes[0]!] ?? null) === headers[i]) same++;
  });
  return same >= Math.max(2, Math.ceil(layout.columns.filter((c) => c.header).length * 0.8));
}
