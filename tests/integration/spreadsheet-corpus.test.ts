import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind } from '../../shared/contract/imports';
import { cellText } from '../../shared/imports/cells';
import { specForHeader } from '../../shared/imports/headers';
import type { ImportReport } from '../../shared/imports/import-report';
import { CLIENT_COLUMNS } from '../../electron/server/clients/clients.columns';
import { chooseSheet } from '../../electron/server/imports/choose-sheet';
import { dataRows, ReadNotes } from '../../electron/server/imports/data-rows';
import { openWorkbook } from '../../electron/server/imports/read/open-workbook';
import { readWithSheetjs } from '../../electron/server/imports/read/sheetjs';
import { callOk, createTestOffice, owner, type TestOffice } from '../../electron/server/testing/test-office';
import { createClientOk, staffActor } from '../../electron/server/testing/office-fixtures';

/**
 * Issue 16: real spreadsheets nobody here wrote (tests/fixtures/spreadsheets, sources and
 * licences in SOURCES.md), each with what it must give: how it reads (format, sheet, header
 * rows, headers, row count, the first row's values), what importing it gives (values, or the
 * column problems to solve), or the message it is refused with.
 */
/**
 * The files are NOT in git (workplace rule: nothing brought from public repositories is
 * committed). Put them in the gitignored tests/fixtures/spreadsheets/<repo>/ folders, or point
 * $SPREADSHEET_CORPUS at a folder laid out the same way; SOURCES.md (committed) says where each
 * file comes from. Without them this suite does not run and says so; the always-on coverage is
 * electron/server/imports/produced-corpus.test.ts (files made at test time by LibreOffice,
 * SheetJS and our own writers).
 */
const SOURCES_MD = path.resolve(import.meta.dirname, '../fixtures/spreadsheets/SOURCES.md');
const ROOT = process.env.SPREADSHEET_CORPUS ? path.resolve(process.env.SPREADSHEET_CORPUS) : path.dirname(SOURCES_MD);
const CORPUS_PRESENT =
  fs.existsSync(ROOT) &&
  fs
    .readdirSync(ROOT, { withFileTypes: true })
    .some((d) => d.isDirectory() && fs.readdirSync(path.join(ROOT, d.name)).length > 0);
if (!CORPUS_PRESENT)
  console.warn(
    `\n[spreadsheet-corpus] NOT RUN: no real-world spreadsheets in ${ROOT}. ` +
      'Set SPREADSHEET_CORPUS or fill tests/fixtures/spreadsheets/ as SOURCES.md lists to run it.\n',
  );

type Read = { format: string; sheet: string | null; headerRows: number[]; rows: number; headers: string[]; first: string[] };

/** How each file reads: format, the sheet chosen, header rows, the first headers and the first data row's first values. */
const READS: Record<string, Read> = {
  'easyexcel/converter03.xls': {
    format: 'xls',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 1,
    headers: [
      '大数的布尔',
      '大数的数字',
      '大数的字符串',
      '大整数的布尔',
      '大整数的数字',
      '大整数的字符串',
      '布尔的布尔',
      '布尔的数字',
    ],
    first: ['true', '1', '1', 'true', '1', '1'],
  },
  'easyexcel/dataformat.xls': {
    format: 'xls',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 27,
    headers: ['date', 'dateStringCn', 'dateStringCn2', 'dateStringUs', 'number', 'numberStringCn', 'numberStringUs'],
    first: ['2020-01-01', '2020-1-1 1:01', '', '2020-1-1 1:01', '1.1111', '1.1111'],
  },
  'easyexcel/dataformat.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 27,
    headers: ['date', 'dateStringCn', 'dateStringCn2', 'dateStringUs', 'number', 'numberStringCn', 'numberStringUs'],
    first: ['2020-01-01', '2020-1-1 1:01', '', '2020-1-1 1:01', '1.1111', '1.1111'],
  },
  'easyexcel/demo.csv': {
    format: 'csv',
    sheet: null,
    headerRows: [1],
    rows: 10,
    headers: ['字符串标题', '日期标题', '数字标题'],
    first: ['字符串0', '2020-01-01 01:01:00', '1'],
  },
  'easyexcel/demo.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 10,
    headers: ['字符串标题', '日期标题', '数字标题'],
    first: ['字符串0', '2020-01-01', '1'],
  },
  'easyexcel/issue2443_date1.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 1,
    headers: ['a', 'b'],
    first: ['1.00', '1'],
  },
  'easyexcel/multiplesheets.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 1,
    headers: ['表1头'],
    first: ['表1数据'],
  },
  'easyexcel/no_bom.csv': {
    format: 'csv',
    sheet: null,
    headerRows: [1],
    rows: 10,
    headers: ['姓名', '年纪'],
    first: ['姓名0', '20'],
  },
  'easyexcel/office_bom.csv': {
    format: 'csv',
    sheet: null,
    headerRows: [1],
    rows: 10,
    headers: ['姓名', '年纪'],
    first: ['姓名0', '20'],
  },
  'easyexcel/t01.xls': {
    format: 'xls',
    sheet: '产品数据',
    headerRows: [2],
    rows: 1,
    headers: ['材质*', '等级', '标准号*', '规格*', '品名*', '表面处理*', '计量单位*', '单重'],
    first: ['Q235(碳钢)', 'HV200', 'DIN9021', 'M6', '加大平垫圈', '达克罗'],
  },
  'easyexcel/t02.xlsx': {
    format: 'xlsx',
    sheet: '测试配方1027',
    headerRows: [2],
    rows: 1,
    headers: [
      '序号',
      '原料编号',
      '厂定名称',
      '标准中文名',
      'INCI名',
      '原料含量（%）',
      '原料中成分含 量（%）',
      '配方中成分含 量（%）',
    ],
    first: ['1', '01502200', '1，2-戊二醇', '1,2-戊二醇', 'PENTYLENE GLYCOL', '100'],
  },
  'easyexcel/t07.xlsx': {
    format: 'xlsx',
    sheet: 'MVA',
    headerRows: [1],
    rows: 1,
    headers: [
      'Model Name',
      'Baseline MKO Item',
      'MKO Item',
      'MKO Item Description',
      'CSP Valid From',
      'CSP Valid To',
      'EM Quote',
      'DM Quote',
    ],
    first: ['ODXXXXXXXX', '5JXXXX', '5JXXXX', 'ASSY', '20220101', '20220131'],
  },
  'hutool/aaa.xls': {
    format: 'xls',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 4,
    headers: ['姓名', '性别', '年龄', '分数'],
    first: ['张三', '男', '11', '33.2'],
  },
  'hutool/blankAndDateTest.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 19,
    headers: ['1', '测试1', '1234.567', '2017-12-16', '1111', '2017-12-16'],
    first: ['2', '', '1235.567', '', '1112', '2017-12-17'],
  },
  'hutool/data_for_sax_test.xls': {
    format: 'xls',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 4,
    headers: ['测试日期', '测试公式'],
    first: ['2020-10-09', ''],
  },
  'hutool/merge_test.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 3,
    headers: ['姓名', '性别', '年龄', '鞋码'],
    first: ['张三', '男', '11', '41.5'],
  },
  'hutool/priceIndex.xls': {
    format: 'xls',
    sheet: 'sheet1',
    headerRows: [1],
    rows: 4,
    headers: ['指数名称', '指数值', '涨跌*', '涨跌幅', '开盘', '最高', '最低', '昨收'],
    first: ['DME', '5', '2', '0.29', '1', '1'],
  },
  'jeecg/test.xls': {
    format: 'xls',
    sheet: '请假单',
    headerRows: [3],
    rows: 4,
    headers: ['开始日期', '结束日期', '请假类型', '请假原因', '请假人', '开始年度', '开始年月', '开始季度'],
    first: ['2025-03-05', '2025-02-05', '1', '123', 'asd333', ''],
  },
  'jeecg/test.xlsx': {
    format: 'xlsx',
    sheet: '请假单',
    headerRows: [3],
    rows: 4,
    headers: ['开始日期', '结束日期', '请假类型', '请假原因', '请假人', '开始年度', '开始年月', '开始季度'],
    first: ['2025-03-05', '2025-02-05', '1', '123', 'asd333', ''],
  },
  'jeecg/用户导入模板.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 1,
    headers: ['登录账号', '登录密码', '用户名', '性别', '角色', '手机号', '邮箱', '组织机构'],
    first: ['admin', '123456', '张三', '男', '管理员', '12345678901'],
  },
  'jsherp/customer_template.xls': {
    format: 'xls',
    sheet: '信息',
    headerRows: [2],
    rows: 2,
    headers: ['名称*', '联系人', '手机号码', '联系电话', '电子邮箱', '传真', '期初应收', '纳税人识别号'],
    first: ['客户a', '小梁', '13000000000', '', '', ''],
  },
  'jsherp/goods_template.xls': {
    format: 'xls',
    sheet: '商品信息',
    headerRows: [2],
    rows: 2,
    headers: ['名称*', '规格', '型号', '颜色', '品牌', '类别', '基础重量(kg)', '保质期(天)'],
    first: ['可乐test', '250ml', 'kele', '白色', '百事', '饮料'],
  },
  'jsherp/member_template.xls': {
    format: 'xls',
    sheet: '信息',
    headerRows: [2],
    rows: 2,
    headers: ['会员卡号*', '联系人', '手机号码', '联系电话', '电子邮箱', '备注', '排序', '状态*'],
    first: ['11112222', '小曹', '13000000000', '', '', ''],
  },
  'jsherp/vendor_template.xls': {
    format: 'xls',
    sheet: '信息',
    headerRows: [2],
    rows: 2,
    headers: ['名称*', '联系人', '手机号码', '联系电话', '电子邮箱', '传真', '期初应付', '纳税人识别号'],
    first: ['供应商a', '小曹', '13000000000', '', '', ''],
  },
  'poi/1904DateWindowing.xls': {
    format: 'xls',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 0,
    headers: ['2000-01-01', '2000-01-01'],
    first: [],
  },
  'poi/InlineStrings.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 6,
    headers: ['Numbers', 'Strings', 'Inline Strings', 'Formulas'],
    first: ['12', 'A', '1st Inline String', '12'],
  },
  'poi/SimpleStrict.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 5,
    headers: ['test', '1'],
    first: ['test 2', '2'],
  },
  'poi/TwoSheetsOneHidden.xlsx': { format: 'xlsx', sheet: 'Sheet2', headerRows: [1], rows: 0, headers: ['Sheet2A1'], first: [] },
  'poi/chinese-provinces.xls': {
    format: 'xls',
    sheet: 'provinces',
    headerRows: [1],
    rows: 3,
    headers: ['Provinces in China', 'Chinese Name'],
    first: ['Anhui', '安徽省'],
  },
  'ruoyi/用户导入模板.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 0,
    headers: [
      '登录名（必填）',
      '姓名（必填）',
      '性别',
      '密码（必填）',
      '部门（必填，必须是系统已经存在）',
      '角色（必填,必须是系统已经存在（多个角色以英文的","分割）)',
      '岗位（多个岗位以英文的","分割）',
      '手机号',
    ],
    first: [],
  },
  'sheetjs/1904.biff5': {
    format: 'xls',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 4,
    headers: ['1', '1904-01-02', '1904-01-02', '1904-01-02'],
    first: ['11', '1904-01-12', '1904-01-12', '1904-01-12'],
  },
  'sheetjs/1904.ods': {
    format: 'ods',
    sheet: '1904',
    headerRows: [1],
    rows: 4,
    headers: ['1', '1904-01-02', '1904-01-02', '1904-01-02'],
    first: ['11', '1904-01-12', '1904-01-12', '1904-01-12'],
  },
  'sheetjs/1904.xlsb': {
    format: 'xlsb',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 4,
    headers: ['1', '1904-01-02', '1904-01-02', '1904-01-02'],
    first: ['11', '1904-01-12', '1904-01-12', '1904-01-12'],
  },
  'sheetjs/1904.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 4,
    headers: ['1', '1904-01-02', '1904-01-02', '1904-01-02'],
    first: ['11', '1904-01-12', '1904-01-12', '1904-01-12'],
  },
  'sheetjs/formulae_test_simple.xlsx': {
    format: 'xlsx',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 5,
    headers: ['1', '1', '1', '1'],
    first: ['2', '2', '2', '2'],
  },
  'sheetjs/merge_cells.xlsx': {
    format: 'xlsx',
    sheet: 'Merge',
    headerRows: [1],
    rows: 2,
    headers: ['A1:B2', 'C1:C2', 'Separate blocks'],
    first: ['A3:B3 ', 'C3', ''],
  },
  'sheetjs/minimal_112.numbers': {
    format: 'numbers',
    sheet: 'Sheet 1',
    headerRows: [1],
    rows: 2,
    headers: ['Sheet', 'JS'],
    first: ['123', '1.23'],
  },
  'sheetjs/sheet_visibility.xls': {
    format: 'xls',
    sheet: 'Visible',
    headerRows: [1],
    rows: 1,
    headers: ['v', 'i', 's', 'i', 'b', 'l', 'e'],
    first: ['118', '105', '115', '105', '98', '108'],
  },
  'sheetjs/sheet_visibility.xlsx': {
    format: 'xlsx',
    sheet: 'Visible',
    headerRows: [1],
    rows: 1,
    headers: ['v', 'i', 's', 'i', 'b', 'l', 'e'],
    first: ['118', '105', '115', '105', '98', '108'],
  },
  'sheetjs/sheet_visibility_strict.xlsx': {
    format: 'xlsx',
    sheet: 'Visible',
    headerRows: [1],
    rows: 1,
    headers: ['v', 'i', 's', 'i', 'b', 'l', 'e'],
    first: ['118', '105', '115', '105', '98', '108'],
  },
  'sheetjs/wps_fn.et': {
    format: 'et',
    sheet: 'Sheet1',
    headerRows: [1],
    rows: 2,
    headers: ['Name', 'Example', 'Result'],
    first: ['EVALUATE', '=EVALUATE("1+1")', '2'],
  },
  'sheetjs/wps_write.et': {
    format: 'et',
    sheet: 'Sheet1',
    headerRows: [2],
    rows: 2,
    headers: ['true', 'false', 'sheetjs'],
    first: ['foo', 'bar', '0.3'],
  },
};

/** Files refused, and what the refusal says (it names the real cause). */
const REFUSED: Record<string, RegExp> = {
  'hutool/test.csv': /第 2 行的引号没有闭合/,
  'poi/protected_passtika.xlsx': /设有打开密码\(加密的 Excel 工作簿\)/,
  'poi/xor-encryption-abc.xls': /设有打开密码/,
  'sheetjs/password_2002_40_xor.xls': /设有打开密码/,
  'poi/clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5025401116950528.xlsx': /压缩包目录损坏/,
  'sheetjs/BlankSheetTypes.ods': /3 个工作表.*里都没有数据/,
};

type ImportCase = {
  file: string;
  kind: ImportKind;
  columnMap?: Record<string, string>;
  setup?: (office: TestOffice) => Promise<void>;
  write?: boolean;
  mode?: 'all' | 'valid';
  expect: (report: ImportReport, office: TestOffice) => Promise<void> | void;
};

type ClientRow = { id: number; name: string };
const clients = async (office: TestOffice): Promise<ClientRow[]> =>
  (await callOk<{ rows: ClientRow[] }>(office, 'clients.list', {})).rows;

/** Importing them: the Chinese templates as they are, other files with a column mapping chosen by hand. */
const IMPORTS: ImportCase[] = [
  {
    file: 'jsherp/customer_template.xls',
    kind: 'clients',
    write: true,
    async expect(report, office) {
      expect(report).toMatchObject({ format: 'xls', sheetName: '信息', headerRows: [2], totalRows: 2, inserted: 2 });
      // 手机号码 and 联系电话 both feed the phone; 名称* is the name; nothing else is dropped unsaid.
      expect(report.columns.map((c) => [c.field, c.header])).toEqual([
        ['name', '名称*'],
        ['contact', '联系人'],
        ['phone', '手机号码、联系电话'],
        ['email', '电子邮箱'],
        ['address', '地址'],
        ['notes', '备注'],
      ]);
      expect(report.ignoredHeaders).toEqual(['传真', '期初应收', '纳税人识别号', '税率(%)', '开户行', '账号', '排序', '状态*']);
      const rows = await clients(office);
      expect(rows.map((r) => r.name).sort()).toEqual(['客户a', '客户b']);
      const a = await callOk<{ contactName: string; phones: { key: string }[] }>(office, 'clients.get', {
        id: rows.find((r) => r.name === '客户a')!.id,
      });
      expect(a.contactName).toBe('小梁');
      expect(a.phones.map((p) => p.key)).toEqual(['13000000000']);
    },
  },
  {
    file: 'jsherp/vendor_template.xls',
    kind: 'clients',
    expect(report) {
      expect(report).toMatchObject({ validRows: 2, errorRows: 0 });
      expect(report.preview.map((p) => [p.values.name, p.values.phone])).toEqual([
        ['供应商a', '13000000000'],
        ['供应商b', '15000000000'],
      ]);
    },
  },
  {
    file: 'jsherp/member_template.xls',
    kind: 'clients',
    expect(report) {
      // No name column: the columns are listed for mapping instead of the rows being checked.
      expect(report.columnProblems.map((p) => p.message).join()).toMatch(/缺少必填列:客户名称/);
      expect(report.fileColumns.map((c) => c.header)).toContain('会员卡号*');
      expect(report.validRows).toBe(0);
    },
  },
  {
    file: 'jsherp/member_template.xls',
    kind: 'clients',
    columnMap: { A: 'name' },
    expect(report) {
      expect(report).toMatchObject({ mappingSource: 'chosen', validRows: 2, columnProblems: [] });
      expect(report.preview[0]!.values).toMatchObject({ name: '11112222', contact: '小曹', phone: '13000000000' });
    },
  },
  {
    file: 'jsherp/goods_template.xls',
    kind: 'clients',
    expect(report) {
      expect(report.validRows).toBe(2);
      // 32 columns, one imported as the name, one as notes; the other 30 listed, none silently gone.
      expect(report.fileColumns).toHaveLength(32);
      expect(report.ignoredHeaders).toHaveLength(30);
      expect(report.ignoredHeaders).toContain('基本条码*');
    },
  },
  {
    file: 'jeecg/用户导入模板.xlsx',
    kind: 'staff',
    expect(report) {
      expect(report.columns.map((c) => c.field)).toEqual(['code', 'role', 'phone']);
      expect(report.columnProblems.map((p) => p.message).join()).toMatch(/缺少必填列:姓名、入职日期、底薪/);
    },
  },
  {
    file: 'ruoyi/用户导入模板.xlsx',
    kind: 'staff',
    expect(report) {
      // "登录名（必填）", "角色（必填,必须是系统已经存在（…）)" are still 工号 and 角色.
      expect(report.columns.map((c) => [c.field, c.header.slice(0, 3)])).toEqual([
        ['code', '登录名'],
        ['name', '姓名（'],
        ['role', '角色（'],
        ['phone', '手机号'],
      ]);
      expect(report.columnProblems.map((p) => p.message).join()).toMatch(/缺少必填列:入职日期、底薪/);
    },
  },
  {
    file: 'hutool/aaa.xls',
    kind: 'clients',
    columnMap: { A: 'name', D: 'notes' },
    write: true,
    mode: 'valid',
    async expect(report, office) {
      // Row 4 has no name (only 性别); row 5 is empty and not a row at all.
      expect(report).toMatchObject({ totalRows: 4, errorRows: 1, inserted: 3, mappingSource: 'chosen' });
      expect(report.issues).toMatchObject([{ row: 4, column: '姓名', message: '姓名不能为空' }]);
      expect((await clients(office)).map((r) => r.name).sort()).toEqual(['张三', '李四', '王五'].sort());
    },
  },
  {
    file: 'hutool/merge_test.xlsx',
    kind: 'clients',
    columnMap: { A: 'name', C: 'contact' },
    expect(report) {
      // C2:C3 is merged: both rows get its value, and the report says so.
      expect(report.preview.slice(0, 2).map((p) => [p.values.name, p.values.contact])).toEqual([
        ['张三', '11'],
        ['李四', '11'],
      ]);
      expect(report.notes.map((n) => n.message).join()).toMatch(/第 2–3 行的 C 列是合并单元格/);
    },
  },
  {
    file: 'poi/chinese-provinces.xls',
    kind: 'clients',
    columnMap: { B: 'name', A: 'notes' },
    expect(report) {
      expect(report.preview.map((p) => p.values.name)).toEqual(['安徽省', '北京市', '重庆市']);
    },
  },
  {
    file: 'easyexcel/t07.xlsx',
    kind: 'contracts',
    columnMap: { A: 'number', D: 'client', E: 'signedOn', F: '', H: 'amount' },
    setup: async (office) => void (await createClientOk(office, { name: 'ASSY' })),
    write: true,
    async expect(report, office) {
      // 20220101 typed as a number is a date; 213.23239999999998 shown as 213.23 is 213.23 yuan.
      expect(report.preview[0]!.values).toMatchObject({ signedOn: '2022-01-01', amount: '213.23' });
      expect(report.inserted).toBe(1);
      const list = await callOk<{ rows: { number: string; amountFen: number; signedOn: string }[] }>(
        office,
        'contracts.list',
        {},
      );
      expect(list.rows.map((k) => [k.number, k.amountFen, k.signedOn])).toEqual([['ODXXXXXXXX', 21323, '2022-01-01']]);
    },
  },
  {
    file: 'easyexcel/demo.xlsx',
    kind: 'clients',
    columnMap: { A: 'name', B: 'joinedOn', C: '' },
    expect(report) {
      expect(report.validRows).toBe(10);
      expect(report.preview.slice(0, 2).map((p) => [p.values.name, p.values.joinedOn])).toEqual([
        ['字符串0', '2020-01-01'],
        ['字符串1', '2020-01-02'],
      ]);
    },
  },
  {
    file: 'easyexcel/no_bom.csv',
    kind: 'clients',
    columnMap: { A: 'name', B: '' },
    expect(report) {
      expect(report).toMatchObject({ format: 'csv', encoding: 'utf-8', validRows: 10 });
    },
  },
  {
    file: 'easyexcel/office_bom.csv',
    kind: 'clients',
    columnMap: { A: 'name', B: '' },
    expect(report) {
      expect(report).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', validRows: 10 });
    },
  },
  {
    file: 'sheetjs/wps_fn.et',
    kind: 'clients',
    expect(report) {
      expect(report).toMatchObject({ format: 'et', validRows: 2 });
      expect(report.preview.map((p) => p.values.name)).toEqual(['EVALUATE', 'FIELDVALUE']);
    },
  },
  {
    file: 'sheetjs/minimal_112.numbers',
    kind: 'clients',
    columnMap: { A: 'name', B: 'notes' },
    expect(report) {
      expect(report).toMatchObject({ format: 'numbers', sheetName: 'Sheet 1', validRows: 2 });
    },
  },
  {
    file: 'sheetjs/sheet_visibility.xlsx',
    kind: 'clients',
    columnMap: { A: 'name' },
    expect(report) {
      expect(report.sheetName).toBe('Visible');
      expect(report.sheets).toEqual([
        { name: 'Visible', hidden: false },
        { name: 'Hidden', hidden: true },
        { name: 'VeryHidden', hidden: true },
      ]);
      expect(report.sheetReason!.message).toMatch(/第一个可见的工作表"Visible";隐藏的工作表 "Hidden"、"VeryHidden" 未读取/);
    },
  },
];

const clientScore = (names: readonly string[][]): number => names.filter((n) => specForHeader(n, CLIENT_COLUMNS) !== null).length;

function read(file: string) {
  const workbook = openWorkbook(fs.readFileSync(path.join(ROOT, file)), path.basename(file));
  const chosen = chooseSheet(workbook, undefined, clientScore, path.basename(file));
  const rows = [...dataRows(chosen.sheet.open(), chosen.layout, new ReadNotes())];
  return { workbook, chosen, rows };
}

function filesOnDisk(): string[] {
  return fs
    .readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(ROOT, d.name)).map((f) => `${d.name}/${f}`))
    .sort();
}

describe.runIf(CORPUS_PRESENT)(
  'spreadsheet corpus (real files, from $SPREADSHEET_CORPUS or the gitignored fixtures folder)',
  () => {
    it('has at least 30 files, each with an expectation and a line in SOURCES.md', () => {
      const files = filesOnDisk();
      expect(files.length).toBeGreaterThanOrEqual(30);
      const sources = fs.readFileSync(SOURCES_MD, 'utf8');
      for (const file of files) {
        expect(READS[file] ?? REFUSED[file], file).toBeDefined();
        expect(sources, file).toContain(`\`${file}\``);
      }
      for (const file of [...Object.keys(READS), ...Object.keys(REFUSED), ...IMPORTS.map((c) => c.file)])
        expect(files, file).toContain(file);
    });

    it.each(Object.entries(READS))('%s reads as expected', (file, want) => {
      const { workbook, chosen, rows } = read(file);
      const first = rows[0]
        ? chosen.layout.columns.map((c) => c.indexes.map((i) => cellText(rows[0]!.cells[i] ?? null)).join(' '))
        : [];
      expect({
        format: workbook.format,
        sheet: chosen.sheet.name || null,
        headerRows: chosen.layout.headerRows,
        rows: rows.length,
        headers: chosen.layout.columns.map((c) => c.header).slice(0, want.headers.length),
        first: first.slice(0, want.first.length),
      }).toEqual(want);
    });

    it.each(Object.entries(REFUSED))('%s is refused, saying why', (file, message) => {
      expect(() => read(file)).toThrow(message);
    });

    /**
     * Where SheetJS is wrong and we are right: it resets its format table before each read, so
     * Excel's zh-CN built-in time format 55 (上午/下午h"时"mm"分") falls back to m/d/yy. Column B
     * of the same row holds what Excel shows ("上午1时01分"): a time, as we read it.
     */
    const SHEETJS_WRONG: Record<string, { row: number; ours: string; sheetjs: string }[]> = {
      'easyexcel/dataformat.xlsx': [{ row: 24, ours: '01:01:01', sheetjs: '2020-01-01' }],
    };

    it('reads every .xlsx cell as SheetJS does (our OOXML scanner against the reference reader)', () => {
      const xlsx = filesOnDisk().filter((f) => f.endsWith('.xlsx') && !REFUSED[f]);
      expect(xlsx.length).toBeGreaterThanOrEqual(12);
      let cells = 0;
      for (const file of xlsx) {
        const bytes = fs.readFileSync(path.join(ROOT, file));
        const ours = openWorkbook(bytes, file);
        const reference = readWithSheetjs(bytes, file, 'xlsx');
        // (Chart sheets have no cells; both readers leave them out.)
        expect(
          ours.sheets.map((s) => [s.name, s.hidden]),
          file,
        ).toEqual(reference.sheets.map((s) => [s.name, s.hidden]));
        ours.sheets.forEach((sheet, i) => {
          const texts = (rows: Iterable<{ row: number; cells: unknown[] }>) =>
            [...rows].map((r) => [r.row, ...r.cells.map((c) => cellText((c ?? null) as never))].join('|').replace(/\|+$/, ''));
          const mine = texts(sheet.open().rows());
          const theirs = texts(reference.sheets[i]!.open().rows());
          for (const known of i === 0 ? (SHEETJS_WRONG[file] ?? []) : []) {
            const at = mine.findIndex((line) => line.startsWith(`${known.row}|`));
            expect(mine[at]!.split('|')[1], `${file} row ${known.row}`).toBe(known.ours);
            expect(theirs[at]!.split('|')[1], `${file} row ${known.row}`).toBe(known.sheetjs);
            theirs[at] = mine[at]!;
          }
          expect(mine, `${file} › ${sheet.name}`).toEqual(theirs);
          cells += mine.join('|').split('|').length;
        });
      }
      expect(cells).toBeGreaterThan(800);
    });

    describe('importing them', () => {
      const offices: TestOffice[] = [];
      afterAll(async () => {
        for (const office of offices) await office.dispose();
      });
      beforeAll(() => undefined);

      it.each(IMPORTS.map((c) => [`${c.kind} ← ${c.file}${c.columnMap ? ' (mapped by hand)' : ''}`, c] as const))(
        '%s',
        async (_name, c) => {
          const office = createTestOffice({ now: () => new Date('2026-03-10T09:00:00Z') });
          offices.push(office);
          await staffActor(office, 'S001', '张伟');
          await c.setup?.(office);
          const bytes = fs.readFileSync(path.join(ROOT, c.file));
          const report = await callOk<ImportReport>(
            office,
            `${c.kind}.import`,
            {
              fileName: path.basename(c.file),
              dataBase64: bytes.toString('base64'),
              dryRun: !c.write,
              mode: c.mode ?? 'all',
              ...(c.columnMap ? { columnMap: c.columnMap } : {}),
            },
            owner,
          );
          await c.expect(report, office);
        },
        120_000,
      );
    });
  },
);
