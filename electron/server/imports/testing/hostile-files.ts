import zlib from 'node:zlib';
import { stringifyCsv } from '../../../../shared/imports/csv';
import { buildXlsx, colName, type XCell } from './build-xlsx';

/**
 * The files of issue 14.9 and 16.1/16.8, rebuilt deterministically: each once froze the host
 * or took gigabytes. Tests and `npm run bench` import them and require a refusal naming the
 * limit, or a result, within the stated time — with the host answering throughout.
 */

const CLIENT_HEADER = ['客户名称', '联系人', '电话', '省', '市', '区县', '来源', '等级', '加入日期', '业务员工号'];

/** A client row that passes every check (unique name and phone per index). */
export function clientRow(i: number, ownerCode = ''): string[] {
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  return [
    `测试${i}号商贸有限公司`,
    `联系人${i % 1000}`,
    `13${String(100_000_000 + i).slice(-9)}`,
    '广东省',
    '深圳市',
    '南山区',
    '转介绍',
    String(1 + (i % 4)),
    `2024-${month}-${day}`,
    ownerCode,
  ];
}

/** 19 MB of CSV with 283k short client rows (the file issue 14.9 measured at 3.15 GB). */
export function bigClientsCsv(rows = 283_000): Buffer {
  const lines: string[][] = [['客户名称', '联系人', '电话', '市', '区县', '等级', '加入日期']];
  for (let i = 0; i < rows; i++) {
    const full = clientRow(i);
    lines.push([`商贸${i}号`, full[1]!, full[2]!, '深圳', '南山区', full[7]!, full[8]!]);
  }
  return Buffer.from(stringifyCsv(lines), 'utf8');
}

/** An .xlsx of client rows, as Excel would save it (shared strings). */
export function clientsXlsx(rows: number): Promise<Buffer> {
  const data: XCell[][] = [CLIENT_HEADER];
  for (let i = 0; i < rows; i++) {
    const r: XCell[] = clientRow(i);
    r[7] = 1 + (i % 4);
    data.push(r);
  }
  return buildXlsx({ sheets: [{ name: '客户', rows: data }] });
}

/** 60,000 merged cells in about a megabyte: each row's A:B merged, a client name and a phone. */
export function manyMergesXlsx(merges = 60_000): Buffer {
  const rows: string[] = [
    '<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c><c r="C1" t="inlineStr"><is><t>电话</t></is></c></row>',
  ];
  const refs: string[] = [];
  for (let i = 0; i < merges; i++) {
    const r = i + 2;
    rows.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>合并${i}号商行</t></is></c><c r="C${r}" t="inlineStr"><is><t>13${String(100_000_000 + i).slice(-9)}</t></is></c></row>`,
    );
    refs.push(`<mergeCell ref="A${r}:B${r}"/>`);
  }
  return minimalXlsx(rows.join(''), `<mergeCells count="${merges}">${refs.join('')}</mergeCells>`);
}

/** A million rows of two small cells: ~10 MB zipped, far more once read. */
export function millionRowsXlsx(rows = 1_000_000): Buffer {
  const parts: string[] = [
    '<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c><c r="B1" t="inlineStr"><is><t>电话</t></is></c></row>',
  ];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    parts.push(`<row r="${r}"><c r="A${r}"><v>${i}</v></c><c r="B${r}"><v>${i}</v></c></row>`);
  }
  return minimalXlsx(parts.join(''));
}

/** An .xlsx of one sheet from its sheetData rows (and merges), zipped directly: fast for big tests. */
export function minimalXlsx(rowsXml: string, mergesXml = ''): Buffer {
  const entry = (name: string, text: string): ZipEntry => {
    const raw = Buffer.from(text);
    return { name, data: zlib.deflateRawSync(raw, { level: 1 }), crc: zlib.crc32(raw), size: raw.length };
  };
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData>${mergesXml}</worksheet>`;
  return writeZip([...PACKAGE_PARTS.map(([n, t]) => entry(n, t)), entry('xl/worksheets/sheet1.xml', sheet)]);
}

const PACKAGE_PARTS: readonly [string, string][] = [
  [
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ],
  [
    'xl/workbook.xml',
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ],
  [
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ],
];

/**
 * Drop-down lists on whole columns as Excel writes them (`C3:C1048576`, issue 16.1): a header, a
 * row and one list per column — exceljs expanded every validated cell (12 columns never finished).
 */
export function wholeColumnValidationsXlsx(columns = 12): Promise<Buffer> {
  const header = ['客户名称', '电话', '来源', '等级', '行业', '规模', '省', '市', '区县', '备注', '微信', 'QQ'].slice(
    0,
    Math.max(2, columns),
  );
  const rows: XCell[][] = [header, ['东方红商贸有限公司', '13800138000', '转介绍', '一级']];
  const validations = Array.from(
    { length: columns },
    (_, c) =>
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${colName(c)}3:${colName(c)}1048576"><formula1>"甲,乙,丙"</formula1></dataValidation>`,
  ).join('');
  return buildXlsx({
    sheets: [{ name: 'sheet1', rows, extraXml: `<dataValidations count="${columns}">${validations}</dataValidations>` }],
  });
}

/**
 * A zip bomb dressed as .xlsx: a worksheet part of `inflatedBytes` of identical rows, which
 * deflate squeezes about a thousand to one (1.5 MB → 1.5 GB by default). With `lieAboutSize`
 * the zip's headers claim 4 KB, as a crafted bomb would.
 */
export async function zipBombXlsx(inflatedBytes = 1536 * 1024 * 1024, options: { lieAboutSize?: boolean } = {}): Promise<Buffer> {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const tail = '</sheetData></worksheet>';
  // One row, then blanks: long runs of one byte are what deflate squeezes a thousand to one.
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  Buffer.from('<row r="2"><c r="A2"><v>1</v></c></row>').copy(chunk);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = zlib.crc32(head);
  let size = head.length;
  deflate.write(head);
  while (size + chunk.length <= inflatedBytes - tail.length) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
  }
  deflate.end(tail);
  crc = zlib.crc32(tail, crc);
  size += tail.length;
  await ended;
  const sheet = { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(parts), crc, size: options.lieAboutSize ? 4096 : size };
  const small = (name: string, text: string): ZipEntry => {
    const raw = Buffer.from(text);
    return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
  };
  return writeZip([
    small(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    small(
      '_rels/.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    small(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    small(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    sheet,
  ]);
}

type ZipEntry = { name: string; data: Buffer; crc: number; size: number };

/** A plain zip (deflate) from already-compressed entries. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * The shape of Chinese HR/CRM import templates (the one issue 16.1 measured): a note merged
 * over the first five rows, a two-level header (single-level columns merged down through both
 * rows, 底薪 and 岗位补贴 each over 调整前/调整后), and a drop-down list on `F8:F1048576`.
 * Our own words and values; no template from anywhere is copied. `dataRows` go under the header.
 */
export function twoLevelTemplateXlsx(dataRows: readonly XCell[][] = []): Promise<Buffer> {
  const note = '门店员工调整登记表 (*)为必填项\n填写说明:1、按工号对应已有员工;\n2、日期写成 2026-03-01,金额单位为元。';
  const rows: XCell[][] = [
    [note],
    [],
    [],
    [],
    [],
    [' 姓名(*) ', '工号', ' 部门 ', ' 岗位 ', '生效日期(*)', ' 调整原因(*) ', ' 底薪 ', null, ' 岗位补贴 ', null],
    [null, null, null, null, null, null, ' 调整前 ', ' 调整后 ', ' 调整前 ', ' 调整后 '],
    ...dataRows,
  ];
  return buildXlsx({
    sheets: [
      {
        name: 'sheet1',
        rows,
        merges: ['A1:J5', 'A6:A7', 'B6:B7', 'C6:C7', 'D6:D7', 'E6:E7', 'F6:F7', 'G6:H6', 'I6:J6'],
        extraXml:
          '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="F8:F1048576"><formula1>"转正,晋升,调岗,年度调整,其他"</formula1></dataValidation></dataValidations>',
      },
    ],
  });
}
