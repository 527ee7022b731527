import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientListRow } from '../../../shared/contract/clients';
import type { ContractRow } from '../../../shared/contract/contracts';
import { cellText, parseAmountCell, parseDateCell, type CellValue } from '../../../shared/imports/cells';
import { specForHeader } from '../../../shared/imports/headers';
import type { ImportReport } from '../../../shared/imports/import-report';
import { CLIENT_COLUMNS } from '../clients/clients.columns';
import { CONTRACT_COLUMNS } from '../contracts/contracts.columns';
import { callOk, createTestOffice, owner } from '../testing/test-office';
import { staffActor } from '../testing/office-fixtures';
import { importInput } from '../testing/sheet-files';
import { chooseSheet } from './choose-sheet';
import { dataRows, ReadNotes } from './data-rows';
import { openWorkbook } from './read/open-workbook';
import {
  CLIENT_ROWS,
  CLIENTS_TITLE,
  clientsCsv,
  clientsTable,
  clientsWorkbook,
  CONTRACT_ROWS,
  contractsWorkbook,
  convertWithLibreOffice,
  producedDir,
  sheetjsWritten,
  type Converted,
} from './testing/produced-files';

/**
 * Issue 16, always on: the same office workbooks as Excel (ExcelJS), LibreOffice Calc, SheetJS
 * and Chinese-office CSV encodings write them, each read through the one import path with the
 * values Excel shows. LibreOffice runs once per format for the whole file (output kept in a temp
 * dir); the real-world corpus is tests/integration/spreadsheet-corpus.test.ts (outside git).
 */

type Columns = typeof CLIENT_COLUMNS | typeof CONTRACT_COLUMNS;

function read(bytes: Buffer, name: string, columns: Columns) {
  const score = (names: readonly string[][]): number => names.filter((n) => specForHeader(n, columns) !== null).length;
  const workbook = openWorkbook(bytes, name);
  const chosen = chooseSheet(workbook, undefined, score, name);
  const rows = [...dataRows(chosen.sheet.open(), chosen.layout, new ReadNotes())];
  // Each row as a lookup by field (or by header, for columns the import does not know).
  const byField =
    (row: (typeof rows)[number]) =>
    (key: string): CellValue => {
      const column = chosen.layout.columns.find((c) => (specForHeader(c.names, columns)?.field ?? c.header) === key);
      return column ? (row.cells[column.indexes[0]!] ?? null) : null;
    };
  return { workbook, chosen, rows: rows.map(byField) };
}

let dir = '';
let clientsXlsx: Buffer;
let contractsXlsx: Buffer;
let converted: Converted;

beforeAll(async () => {
  dir = producedDir();
  clientsXlsx = await clientsWorkbook();
  contractsXlsx = await contractsWorkbook();
  converted = await convertWithLibreOffice({ '客户名单.xlsx': clientsXlsx, '合同台账.xlsx': contractsXlsx }, dir);
}, 600_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('clients workbook: merged title, two-level header, hidden old sheet, dates four ways', { timeout: 120_000 }, () => {
  const producers: [string, string, () => Buffer][] = [
    ['ExcelJS (as Excel saves it)', 'xlsx', () => clientsXlsx],
    ['LibreOffice Calc', 'xls', () => converted.xls['客户名单.xlsx']!],
    ['LibreOffice Calc', 'ods', () => converted.ods['客户名单.xlsx']!],
    ['LibreOffice Calc', 'xlsx', () => converted.xlsx['客户名单.xlsx']!],
  ];

  it.each(producers)('%s .%s reads the visible sheet under the title, both header rows, every value', (_producer, ext, bytes) => {
    const { workbook, chosen, rows } = read(bytes(), `客户名单.${ext}`, CLIENT_COLUMNS);
    expect(workbook.format).toBe(ext);
    expect(workbook.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['旧名单', true],
      ['客户', false],
    ]);
    expect(chosen.sheet.name).toBe('客户');
    expect(chosen.layout.headerRows).toEqual([2, 3]);
    expect(chosen.layout.columns.map((c) => c.header)).not.toContain(CLIENTS_TITLE);
    expect(
      rows.map((r) => [
        cellText(r('name')),
        cellText(r('contact')),
        cellText(r('phone')),
        cellText(r('region')),
        parseDateCell(r('joinedOn')),
        cellText(r('ownerName')),
        cellText(r('notes')),
      ]),
    ).toEqual(CLIENT_ROWS.map((c) => [c.name, c.contact, c.mobile, c.region, c.joined, c.owner, c.notes]));
  });

  it('imports from LibreOffice .xls: 手机号码 under 联系方式 becomes the phone, dates and owners land', async () => {
    const office = createTestOffice({ now: () => new Date('2026-03-10T09:00:00Z') });
    try {
      await staffActor(office, 'S001', '张伟');
      const report = await callOk<ImportReport>(
        office,
        'clients.import',
        importInput('客户名单.xls', converted.xls['客户名单.xlsx']!),
        owner,
      );
      expect(report).toMatchObject({
        format: 'xls',
        sheetName: '客户',
        headerRows: [2, 3],
        totalRows: 4,
        inserted: 4,
        errorRows: 0,
      });
      expect(report.fileColumns.filter((c) => c.match === 'unknown')).toEqual([]);
      const list = await callOk<{ rows: ClientListRow[] }>(office, 'clients.list', {}, owner);
      const byName = new Map(list.rows.map((r) => [r.name, r]));
      for (const c of CLIENT_ROWS) {
        expect(byName.get(c.name), c.name).toMatchObject({ joinedOn: c.joined, ownerName: c.owner });
        expect(
          (await callOk<{ rows: ClientListRow[] }>(office, 'clients.list', { search: c.mobile }, owner)).rows.map((r) => r.name),
        ).toEqual([c.name]);
      }
    } finally {
      await office.dispose();
    }
  });
});

describe('contracts workbook: amounts as shown, a formula saved as 0 in a column we ignore', { timeout: 120_000 }, () => {
  const producers: [string, string, () => Buffer][] = [
    ['ExcelJS (as Excel saves it)', 'xlsx', () => contractsXlsx],
    ['LibreOffice Calc', 'xls', () => converted.xls['合同台账.xlsx']!],
    ['LibreOffice Calc', 'ods', () => converted.ods['合同台账.xlsx']!],
    ['LibreOffice Calc', 'xlsx', () => converted.xlsx['合同台账.xlsx']!],
  ];

  it.each(producers)('%s .%s gives the amounts rounded as displayed and the dates', (_producer, ext, bytes) => {
    const { rows } = read(bytes(), `合同台账.${ext}`, CONTRACT_COLUMNS);
    expect(
      rows.map((r) => [
        cellText(r('number')),
        cellText(r('client')),
        parseDateCell(r('signedOn')),
        cellText(r('amount')),
        parseAmountCell(r('amount')),
      ]),
    ).toEqual(CONTRACT_ROWS.map((c) => [c.number, c.client, c.signedOn, c.shown, Math.round(Number(c.shown) * 100)]));
    expect(rows.map((r) => cellText(r('差额')))).toEqual(CONTRACT_ROWS.map(() => '0'));
  });

  it('imports from LibreOffice .ods after the clients: amounts in fen, nothing refused for the 0 formula', async () => {
    const office = createTestOffice({ now: () => new Date('2026-03-10T09:00:00Z') });
    try {
      await staffActor(office, 'S001', '张伟');
      await callOk<ImportReport>(office, 'clients.import', importInput('客户名单.ods', converted.ods['客户名单.xlsx']!), owner);
      const report = await callOk<ImportReport>(
        office,
        'contracts.import',
        importInput('合同台账.ods', converted.ods['合同台账.xlsx']!),
        owner,
      );
      expect(report).toMatchObject({ format: 'ods', totalRows: 3, inserted: 3, errorRows: 0 });
      const list = await callOk<{ rows: ContractRow[] }>(office, 'contracts.list', {}, owner);
      expect(list.rows.map((r) => [r.number, r.amountFen, r.signedOn]).sort()).toEqual(
        CONTRACT_ROWS.map((c) => [c.number, Math.round(Number(c.shown) * 100), c.signedOn]).sort(),
      );
    } finally {
      await office.dispose();
    }
  });
});

describe('the same table from SheetJS writers and as CSV in Chinese-office encodings', () => {
  const expected = clientsTable().slice(1);
  const sources: [string, string, () => Buffer, string | null][] = [
    ['SheetJS BIFF8', '客户.xls', () => sheetjsWritten('xls'), null],
    ['SheetJS', '客户.xlsb', () => sheetjsWritten('xlsb'), null],
    ['SheetJS', '客户.ods', () => sheetjsWritten('ods'), null],
    ['CSV', '客户-gbk.csv', () => clientsCsv('gbk'), 'gb18030'],
    ['CSV', '客户-utf16-bom.csv', () => clientsCsv('utf-16le-bom'), 'utf-16le'],
    ['CSV', '客户-utf16.txt', () => clientsCsv('utf-16le'), 'utf-16le'],
    ['CSV', '客户-utf8-bom.csv', () => clientsCsv('utf-8-bom'), 'utf-8-bom'],
  ];
  it.each(sources)('%s %s reads every row and recognises 联系电话/建档日期/负责人', (_producer, name, bytes, encoding) => {
    const { workbook, rows } = read(bytes(), name, CLIENT_COLUMNS);
    if (encoding) expect(workbook.encoding).toBe(encoding);
    expect(
      rows.map((r) => [
        cellText(r('name')),
        cellText(r('contact')),
        cellText(r('phone')),
        cellText(r('region')),
        parseDateCell(r('joinedOn')),
        cellText(r('ownerName')),
        cellText(r('notes')),
      ]),
    ).toEqual(expected.map((e) => [e[0], e[1], e[2], e[3], e[4]!.replaceAll('/', '-'), e[5], e[6]]));
  });
});
