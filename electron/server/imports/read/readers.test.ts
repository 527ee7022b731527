import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../../../shared/imports/cells';
import { specForHeader } from '../../../../shared/imports/headers';
import { CLIENT_COLUMNS } from '../../clients/clients.columns';
import { STAFF_COLUMNS } from '../../commission/staff.import';
import { chooseSheet } from '../choose-sheet';
import { dataRows, ReadNotes } from '../data-rows';
import { addUnnamedColumns } from '../header-layout';
import { buildXlsx, type XBook } from '../testing/build-xlsx';
import {
  manyMergesXlsx,
  minimalXlsx,
  wholeColumnValidationsXlsx,
  twoLevelTemplateXlsx,
  zipBombXlsx,
} from '../testing/hostile-files';
import { classifyFormat, roundAsShown, serialToDate } from './number-format';
import { openWorkbook } from './open-workbook';
import { sheetjs } from './sheetjs';

const clientScore = (names: readonly string[][]): number => names.filter((n) => specForHeader(n, CLIENT_COLUMNS) !== null).length;

/** Open a file the way an import does and give back the chosen sheet, its header and its rows as text. */
function readAll(bytes: Buffer, name: string, score = clientScore) {
  const workbook = openWorkbook(bytes, name);
  const chosen = chooseSheet(workbook, undefined, score, name);
  const notes = new ReadNotes();
  const opened = chosen.sheet.open();
  addUnnamedColumns(
    chosen.layout,
    chosen.head.rows.filter((r) => r.row > chosen.layout.lastHeaderRow),
  );
  const rows = [...dataRows(opened, chosen.layout, notes)];
  return {
    workbook,
    chosen,
    headers: chosen.layout.columns.map((c) => c.header),
    rows: rows.map((r) =>
      chosen.layout.columns.map((c) =>
        c.indexes
          .map((i) => cellText(r.cells[i] ?? null))
          .filter(Boolean)
          .join(' '),
      ),
    ),
    raw: rows,
    notes: notes.list().map((n) => n.message),
  };
}

const xlsx = (book: XBook): Promise<Buffer> => buildXlsx(book);

describe('number formats: values as Excel shows them', () => {
  it.each([
    ['General', 'general'],
    ['0.00', 'fixed:2'],
    ['#,##0', 'fixed:0'],
    ['0.00_);[Red]\\(0.00\\)', 'fixed:2'],
    ['"¥"#,##0.00;[Red]"¥"\\-#,##0.00', 'fixed:2'],
    ['[$¥-804]#,##0.0', 'fixed:1'],
    ['0%', 'percent'],
    ['0.00%', 'percent'],
    ['yyyy"年"m"月"d"日"', 'date'],
    ['[$-804]yyyy/m/d;@', 'date'],
    ['[DBNum1][$-804]m"月"d"日"', 'date'],
    ['h:mm', 'time'],
    ['上午/下午h"时"mm"分"', 'time'],
    ['mm:ss', 'time'],
    ['0.00E+00', 'general'],
    ['# ?/?', 'general'],
    ['@', 'text'],
  ])('%s → %s', (code, kind) => {
    const f = classifyFormat(code);
    expect(f.kind === 'fixed' ? `fixed:${f.decimals}` : f.kind).toBe(kind);
  });

  it('rounds to the decimals shown, half away from zero, without float noise', () => {
    expect(roundAsShown(213.23239999999998, 2)).toBe(213.23);
    expect(roundAsShown(1.005, 2)).toBe(1.01);
    expect(roundAsShown(-2.5, 0)).toBe(-3);
    expect(roundAsShown(0.1 + 0.2, 2)).toBe(0.3);
  });

  it('reads serial days in the 1900 and the 1904 date systems', () => {
    expect(serialToDate(46086, false)!.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(serialToDate(46086 - 1462, true)!.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(serialToDate(1, true)!.toISOString().slice(0, 10)).toBe('1904-01-02');
    expect(serialToDate(46086.5, false)!.toISOString()).toBe('2026-03-05T12:00:00.000Z');
  });
});

describe('.xlsx as Excel, WPS and other writers save it', () => {
  it('takes formulas whose saved value is 0, "" or FALSE as those values; only a formula with no value is flagged', async () => {
    const file = await xlsx({
      sheets: [
        {
          name: 'S',
          rows: [
            ['客户名称', '差额', '查找', '标记', '未算'],
            [
              '甲公司',
              { f: 'E2-F2', v: 0 },
              { f: 'IFERROR(VLOOKUP(A2,X:Y,2,0),"")', v: '' },
              { f: 'A2="x"', v: false },
              { f: 'A1&"x"' },
            ],
          ],
        },
      ],
    });
    const { raw } = readAll(file, 'f.xlsx');
    expect(raw[0]!.cells.slice(0, 4)).toEqual(['甲公司', 0, null, false]);
    expect(raw[0]!.notes).toEqual([{ column: 4, kind: 'no-value', detail: '=A1&"x"' }]);
  });

  it('reads 1904 workbooks and the Chinese built-in date format (id 31) on the right day', async () => {
    const file = await xlsx({
      date1904: true,
      numFmts: [{ id: 31 }, { id: 176, code: '0.00' }],
      sheets: [
        {
          name: 'S',
          rows: [
            ['客户名称', '加入日期', '金额'],
            ['甲', { n: 46086 - 1462, s: 1 }, { n: 213.23239999999998, s: 2 }],
          ],
        },
      ],
    });
    expect(readAll(file, '1904.xlsx').rows).toEqual([['甲', '2026-03-05', '213.23']]);
  });

  it.each([
    ['x:-prefixed elements (WPS, .NET exports)', { prefix: 'x' }],
    [
      'absolute part paths, no cell or row references, no styles (online sheets)',
      { absoluteTargets: true, noRefs: true, noStyles: true },
    ],
    ['inline strings', { inlineStrings: true }],
  ] as const)('opens %s', async (_name, variant) => {
    const file = await xlsx({
      ...variant,
      sheets: [
        {
          name: '客户',
          rows: [
            ['客户名称', '电话', '等级'],
            ['东方红商贸', '13800138000', 2],
            ['金鑫贸易', '', 1],
          ],
        },
      ],
    });
    const read = readAll(file, 'v.xlsx');
    expect(read.workbook.format).toBe('xlsx');
    expect(read.headers).toEqual(['客户名称', '电话', '等级']);
    expect(read.rows).toEqual([
      ['东方红商贸', '13800138000', '2'],
      ['金鑫贸易', '', '1'],
    ]);
  });

  it('skips WPS in-cell pictures (=DISPIMG) with a note', async () => {
    const file = await xlsx({
      sheets: [
        {
          name: 'S',
          rows: [
            ['客户名称', '照片'],
            ['甲', { f: '_xlfn.DISPIMG("ID_5F1C",1)', v: '=DISPIMG("ID_5F1C",1)', t: 'str' }],
          ],
        },
      ],
    });
    const { raw } = readAll(file, 'p.xlsx');
    expect(raw[0]!.cells[1] ?? null).toBeNull();
    expect(raw[0]!.notes).toEqual([{ column: 1, kind: 'picture', detail: 'DISPIMG' }]);
  });

  it('reads the first visible sheet, or the visible one whose header matches — never a hidden first sheet', async () => {
    const file = await xlsx({
      sheets: [
        {
          name: '下拉选项',
          hidden: true,
          rows: [
            ['客户名称', '来源'],
            ['隐藏的行', '展会'],
          ],
        },
        { name: '说明', rows: [['请在"客户"表填写']] },
        {
          name: '客户',
          rows: [
            ['客户名称', '电话'],
            ['可见的行', '13800138000'],
          ],
        },
      ],
    });
    const { chosen, rows } = readAll(file, 's.xlsx');
    expect(chosen.sheet.name).toBe('客户');
    expect(rows).toEqual([['可见的行', '13800138000']]);
    expect(chosen.reason!.message).toBe('工作簿有 3 个工作表,读取了表头与导入相符的工作表"客户";隐藏的工作表 "下拉选项" 未读取');
  });

  it('reads a sheet with drop-down lists on 12 whole columns (F8:F1048576) at once', async () => {
    const t0 = performance.now();
    const { rows } = readAll(await wholeColumnValidationsXlsx(12), 'dv.xlsx');
    expect(rows[0]!.slice(0, 2)).toEqual(['东方红商贸有限公司', '13800138000']);
    // exceljs 4.4 never finished this file (killed at 120 s here); the scanner never looks at validations.
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('reads a header merged over several columns as one column whose values are joined', async () => {
    const file = await xlsx({
      sheets: [
        {
          name: 'S',
          rows: [
            ['客户名称', '联系电话', null, null],
            ['甲', '13800138000', '0755-12345678', ''],
            ['乙', '', '13900000000', ''],
          ],
          merges: ['B1:D1'],
        },
      ],
    });
    const { headers, rows, chosen } = readAll(file, 'm.xlsx');
    expect(headers).toEqual(['客户名称', '联系电话']);
    expect(chosen.layout.columns[1]!.indexes).toEqual([1, 2, 3]);
    expect(rows).toEqual([
      ['甲', '13800138000 0755-12345678'],
      ['乙', '13900000000'],
    ]);
  });

  it('reads a two-level header (template shape: group cells over sub-headers, others merged down, a note merged on top)', async () => {
    const file = await twoLevelTemplateXlsx([['张伟', 'S001', '销售部', '业务员', '2026-03-01', '转正', 3000, 3500, 1000, 1200]]);
    const { chosen, headers, rows } = readAll(
      file,
      '调整登记表.xlsx',
      (names) => names.filter((n) => specForHeader(n, STAFF_COLUMNS) !== null).length,
    );
    expect(chosen.layout.headerRows).toEqual([6, 7]);
    expect(headers).toEqual([
      '姓名(*)',
      '工号',
      '部门',
      '岗位',
      '生效日期(*)',
      '调整原因(*)',
      '底薪 · 调整前',
      '底薪 · 调整后',
      '岗位补贴 · 调整前',
      '岗位补贴 · 调整后',
    ]);
    expect(rows).toEqual([['张伟', 'S001', '销售部', '业务员', '2026-03-01', '转正', '3000', '3500', '1000', '1200']]);
  });

  it('finds the header under title and note rows, and lists data columns that have no header', async () => {
    const file = await xlsx({
      sheets: [
        {
          name: 'S',
          rows: [['2026年客户名单'], ['导出人:张伟'], ['客户名称', '电话'], ['甲', '13800138000', '不在表头下的内容']],
          merges: ['A1:C1'],
        },
      ],
    });
    const { chosen, headers, rows } = readAll(file, 't.xlsx');
    expect(chosen.layout.headerRows).toEqual([3]);
    expect(headers).toEqual(['客户名称', '电话', '']);
    expect(chosen.layout.columns[2]!.key).toBe('C');
    expect(rows).toEqual([['甲', '13800138000', '不在表头下的内容']]);
  });

  it('reads 60,000 merged cells (1.1 MB) in linear time: 4× the merges take about 4× as long, not 16×', () => {
    const time = (merges: number): number => {
      const file = manyMergesXlsx(merges);
      const t0 = performance.now();
      const { rows } = readAll(file, 'merges.xlsx');
      expect(rows).toHaveLength(merges);
      expect(rows[merges - 1]).toEqual([`合并${merges - 1}号商行`, `13${String(100_000_000 + merges - 1).slice(-9)}`]);
      return performance.now() - t0;
    };
    time(2_000);
    const small = Math.min(time(15_000), time(15_000));
    const big = time(60_000);
    expect(manyMergesXlsx(60_000).length).toBeLessThan(1.3 * 1024 * 1024);
    expect(big / small).toBeLessThan(8);
  }, 120_000);
});

describe('limits, checked before the work', () => {
  it('refuses a zip bomb from its directory, without unzipping it', async () => {
    const bomb = await zipBombXlsx(420 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const t0 = performance.now();
    expect(() => openWorkbook(bomb, 'bomb.xlsx')).toThrow(/解压后超过 400.0 MB.*超出导入上限\(解压后大小 400.0 MB\)/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('refuses a zip bomb that lies about its size, at the size it declared', async () => {
    const bomb = await zipBombXlsx(64 * 1024 * 1024, { lieAboutSize: true });
    expect(() => readAll(bomb, 'liar.xlsx')).toThrow(/解压后比文件声明的 4.0 KB 更大,像是"压缩炸弹"/);
  });

  it('refuses a part unzipping more than 200 to 1', async () => {
    const bomb = await zipBombXlsx(100 * 1024 * 1024);
    expect(() => openWorkbook(bomb, 'ratio.xlsx')).toThrow(/压缩比为 \d+:1.*超过 200:1 上限/);
  });

  it('refuses a sheet of more than 300,000 rows before reading a cell', () => {
    const file = minimalXlsx(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row>' + '<row><c><v>1</v></c></row>'.repeat(300_100),
    );
    const workbook = openWorkbook(file, 'rows.xlsx');
    expect(() => workbook.sheets[0]!.open()).toThrow(/超过 300,000 行数据.*超出导入上限\(行数 300,000\)/);
  });

  it('refuses a CSV of more than 300,000 rows', () => {
    const csv = Buffer.from(`客户名称\n${'甲\n'.repeat(300_100)}`);
    expect(() => openWorkbook(csv, 'rows.csv').sheets[0]!.open()).toThrow(/文件有 300,101 行/);
  });

  it('refuses more than 100,000 merged ranges', () => {
    const merges = Array.from({ length: 100_001 }, (_, i) => `<mergeCell ref="A${i + 2}:B${i + 2}"/>`).join('');
    const file = minimalXlsx(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>客户名称</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>',
      `<mergeCells>${merges}</mergeCells>`,
    );
    expect(() => readAll(file, 'merges.xlsx')).toThrow(/合并单元格超过 100,000 处.*合并单元格数 100,000/);
  });
});

describe('other formats and encodings', () => {
  it('knows a hidden .ods sheet (SheetJS does not read table:display) and reads the visible one', async () => {
    const XLSX = sheetjs();
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['客户名称', '电话'],
        ['旧客户', '13000000000'],
      ]),
      '旧名单',
    );
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['客户名称', '电话'],
        ['新客户', '13800138000'],
      ]),
      '客户',
    );
    const zip = await JSZip.loadAsync(XLSX.write(wb, { type: 'buffer', bookType: 'ods' }) as Buffer);
    const content = await zip.file('content.xml')!.async('string');
    // A self-closing table style first: it must not borrow the hidden style's properties.
    const styles =
      '<office:automatic-styles><style:style style:name="taS" style:family="table"/>' +
      '<style:style style:name="taH" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>';
    let n = 0;
    const edited = content
      .replace('<office:body>', `${styles}<office:body>`)
      .replace(/<table:table /g, (t) => `${t}table:style-name="${n++ === 0 ? 'taH' : 'taS'}" `);
    zip.file('content.xml', edited);
    const read = readAll(await zip.generateAsync({ type: 'nodebuffer' }), '名单.ods');
    expect(read.workbook.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['旧名单', true],
      ['客户', false],
    ]);
    expect(read.rows).toEqual([['新客户', '13800138000']]);
  });

  it('decodes CSV in UTF-16 (with and without BOM, either byte order) and GBK', () => {
    const text = '客户名称\t电话\r\n东方红\t13800138000\r\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bytes, encoding] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le'],
      [le, 'utf-16le'],
      [be, 'utf-16be'],
      [iconv.encode(text.replace(/\t/g, ','), 'gbk'), 'gb18030'],
    ] as const) {
      const read = readAll(bytes, 'u.csv');
      expect(read.workbook.encoding).toBe(encoding);
      expect(read.rows).toEqual([['东方红', '13800138000']]);
    }
  });

  it('says a password-protected .xlsx is password-protected (not an old .xls)', () => {
    const XLSX = sheetjs();
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(600, 7));
    const bytes = Buffer.from(XLSX.CFB.write(container, { type: 'buffer' }) as Uint8Array);
    expect(() => openWorkbook(bytes, '加密.xlsx')).toThrow(/文件设有打开密码\(加密的 Excel 工作簿\)/);
  });

  it('names what a file really is when it is not a spreadsheet', async () => {
    expect(() => openWorkbook(Buffer.from('这不是表格'), '假的.xlsx')).toThrow(/扩展名是 .xlsx,但内容不是 Excel 工作簿/);
    const docx = await buildXlsx({ sheets: [{ name: 'S', rows: [['a']] }] });
    const JSZip = (await import('jszip')).default;
    const word = await JSZip.loadAsync(docx);
    word.remove('xl/workbook.xml');
    word.file('word/document.xml', '<w:document/>');
    const wordBytes = await word.generateAsync({ type: 'nodebuffer' });
    expect(() => openWorkbook(wordBytes, '合同.xlsx')).toThrow(/这是 Word 文档/);
  });
});
