import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sheetjs } from '../read/sheetjs';

/**
 * The always-on spreadsheet corpus: office-shaped workbooks written at test time by real
 * producers — ExcelJS (as Excel saves .xlsx), LibreOffice Calc (`soffice --convert-to` .xls
 * BIFF8, .ods and its own .xlsx), SheetJS's writers (.xls, .xlsb, .ods) and CSV in the encodings
 * Chinese offices send (GBK, UTF-16LE with and without BOM, UTF-8 with BOM). Nothing here comes
 * from a public repository; the real-world files live outside git (tests/fixtures/spreadsheets).
 */

/** The clients sheet as an office keeps it: a merged title, a two-level header, dates every way. */
export const CLIENTS_TITLE = '华南分公司客户名单(2026年3月)';
export const CLIENT_ROWS = [
  // name, contact, mobile, region, joined (as written: a date cell, text, number 20220101, a serial), owner, notes
  {
    name: '深圳华联超市有限公司',
    contact: '王经理',
    mobile: '13800138000',
    region: '广东省深圳市南山区',
    joined: '2024-03-05',
    owner: '张伟',
    notes: '老客户',
  },
  {
    name: '长沙金鑫贸易商行',
    contact: '李四',
    mobile: '13900000001',
    region: '湖南省长沙市岳麓区',
    joined: '2023-07-01',
    owner: '张伟',
    notes: '',
  },
  {
    name: '佛山顺德美的配件店',
    contact: '陈七',
    mobile: '13700000000',
    region: '广东省佛山市顺德区',
    joined: '2022-01-01',
    owner: '',
    notes: '展会认识',
  },
  {
    name: '东莞长安五金厂',
    contact: '赵六',
    mobile: '13500000005',
    region: '广东省东莞市',
    joined: '2023-03-15',
    owner: '张伟',
    notes: '',
  },
] as const;

/** Contracts with amounts as Excel holds them (binary floats shown to 2 places) and a formula of 0. */
export const CONTRACT_ROWS = [
  { number: 'HT-2026-001', client: '深圳华联超市有限公司', signedOn: '2026-01-15', amount: 213.23239999999998, shown: '213.23' },
  { number: 'HT-2026-002', client: '长沙金鑫贸易商行', signedOn: '2026-02-28', amount: 12800, shown: '12800' },
  { number: 'HT-2026-003', client: '佛山顺德美的配件店', signedOn: '2026-03-01', amount: 0.1 + 0.2, shown: '0.3' },
] as const;

const excelSerial = (iso: string): number => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

/** The clients workbook as Excel would save it (ExcelJS), with a hidden old sheet in front. */
export async function clientsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const old = wb.addWorksheet('旧名单', { state: 'hidden' });
  old.addRow(['客户名称', '电话']);
  old.addRow(['已注销的客户', '13000000000']);
  const ws = wb.addWorksheet('客户');
  // Excel never leaves a hidden sheet active; LibreOffice shows the active sheet whatever its state.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 1, activeTab: 1, visibility: 'visible' }];
  ws.addRow([CLIENTS_TITLE]);
  ws.mergeCells('A1:G1');
  ws.addRow(['客户名称', '联系方式', null, '地区', '加入日期', '业务员', '备注']);
  ws.addRow([null, '联系人', '手机号码', null, null, null, null]);
  for (const range of ['A2:A3', 'B2:C2', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:G3']) ws.mergeCells(range);
  CLIENT_ROWS.forEach((c, i) => {
    // The same column holds each way offices write a date: a formatted date cell, text, the
    // number 20220101, and a bare serial in a General cell.
    const joined =
      i === 0
        ? new Date(`${c.joined}T00:00:00Z`)
        : i === 1
          ? c.joined.replaceAll('-', '/').replace('/0', '/')
          : i === 2
            ? Number(c.joined.replaceAll('-', ''))
            : excelSerial(c.joined);
    const row = ws.addRow([c.name, c.contact, c.mobile, c.region, joined, c.owner, c.notes]);
    if (i === 0) row.getCell(5).numFmt = 'yyyy"年"m"月"d"日"';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The contracts workbook: amounts in "#,##0.00", a date format, and a formula whose saved value is 0. */
export async function contractsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('合同台账');
  ws.addRow(['合同编号', '客户名称', '签订日期', '合同金额', '开票金额', '差额']);
  CONTRACT_ROWS.forEach((c, i) => {
    const r = i + 2;
    const row = ws.addRow([
      c.number,
      c.client,
      new Date(`${c.signedOn}T00:00:00Z`),
      c.amount,
      c.amount,
      { formula: `D${r}-E${r}`, result: 0 },
    ]);
    row.getCell(3).numFmt = 'yyyy-mm-dd';
    row.getCell(4).numFmt = '#,##0.00';
    row.getCell(5).numFmt = '#,##0.00';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Plain rows (title, header, data) for the writers that take an array of arrays. */
export function clientsTable(): string[][] {
  return [
    ['客户名称', '联系人', '联系电话', '地区', '建档日期', '负责人', '备注'],
    ...CLIENT_ROWS.map((c) => [c.name, c.contact, c.mobile, c.region, c.joined.replaceAll('-', '/'), c.owner, c.notes]),
  ];
}

export type CsvEncoding = 'gbk' | 'utf-16le-bom' | 'utf-16le' | 'utf-8-bom';

/** CSV as Excel/WPS save it in China: GBK ("CSV"), UTF-16LE tab-separated ("Unicode 文本"), UTF-8 with BOM. */
export function clientsCsv(encoding: CsvEncoding): Buffer {
  const rows = clientsTable();
  const tabs = encoding.startsWith('utf-16');
  const text =
    rows
      .map((r) => r.map((c) => (/[",\t\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(tabs ? '\t' : ','))
      .join('\r\n') + '\r\n';
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  const body = iconv.encode(text, 'utf-16le');
  return encoding === 'utf-16le-bom' ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

/** The same table written by SheetJS's own writers (BIFF8 .xls, .xlsb, .ods). */
export function sheetjsWritten(type: 'xls' | 'xlsb' | 'ods'): Buffer {
  const XLSX = sheetjs();
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(clientsTable()), '客户');
  const bookType = type === 'xls' ? 'biff8' : type;
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType }) as Uint8Array);
}

const run = promisify(execFile);

export type Converted = Record<'xls' | 'ods' | 'xlsx', Record<string, Buffer>>;

/**
 * Convert every source file with LibreOffice Calc: one soffice process per target format, each
 * converting all the files (private profiles, so parallel test runs do not share a lock).
 * The output is kept in `dir` for the whole test run.
 */
export async function convertWithLibreOffice(sources: Record<string, Buffer>, dir: string): Promise<Converted> {
  const inDir = path.join(dir, 'in');
  fs.mkdirSync(inDir, { recursive: true });
  const inputs = Object.entries(sources).map(([name, bytes]) => {
    const file = path.join(inDir, name);
    fs.writeFileSync(file, bytes);
    return file;
  });
  const out: Converted = { xls: {}, ods: {}, xlsx: {} };
  const filters = { xls: 'xls:MS Excel 97', ods: 'ods', xlsx: 'xlsx:Calc MS Excel 2007 XML' } as const;
  // One soffice per target format, all three at once (each with its own profile: a profile is locked while in use).
  await Promise.all(
    (['xls', 'ods', 'xlsx'] as const).map(async (format) => {
      const outDir = path.join(dir, format);
      const profile = `file://${path.join(dir, `profile-${format}`)}`;
      await run(
        soffice(),
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--norestore',
          '--convert-to',
          filters[format],
          '--outdir',
          outDir,
          ...inputs,
        ],
        {
          timeout: 400_000,
        },
      );
      for (const name of Object.keys(sources)) {
        const produced = path.join(outDir, `${path.parse(name).name}.${format}`);
        if (!fs.existsSync(produced)) throw new Error(`LibreOffice did not write ${produced}`);
        out[format][name] = fs.readFileSync(produced);
      }
    }),
  );
  return out;
}

/** soffice, which .ci/run installs (libreoffice-calc-nogui); a clear failure, not a skip, when missing. */
export function soffice(): string {
  for (const candidate of [process.env.SOFFICE, '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'])
    if (candidate && fs.existsSync(candidate)) return candidate;
  throw new Error('LibreOffice (soffice) is needed to produce the test spreadsheets: apt-get install libreoffice-calc-nogui');
}

export function producedDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-produced-sheets-'));
}

/**
 * An ERP-style customer template as a Chinese office gets it (.xls BIFF8, written by SheetJS):
 * a merged note on row 1, 名称* with a star, and columns this import does not know
 * (期初应收, 税率(%), 状态*) that must be listed, not dropped. Our own words and values.
 */
export const ERP_TEMPLATE_ROWS = [
  ['鹏城文具商行', '小梁', '13000000011', 'liang@example.cn', 100, 7, '深圳市福田区华强北路1号', 1],
  ['湘江印务有限公司', '小魏', '15000000012', '', 0, 3, '长沙市岳麓区', 1],
] as const;

export function erpTemplateXls(): Buffer {
  const XLSX = sheetjs();
  const note = '填写说明:1、带*的列必须填写;2、期初应收、税率填数字;3、导入时请保留本说明行';
  const header = ['名称*', '联系人', '手机号码', '电子邮箱', '期初应收', '税率(%)', '地址', '状态*'];
  const ws = XLSX.utils.aoa_to_sheet([[note], header, ...ERP_TEMPLATE_ROWS.map((r) => [...r])]);
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: header.length - 1 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '客户信息');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Uint8Array);
}
