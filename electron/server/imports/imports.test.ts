import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientDetail, ClientListRow } from '../../../shared/contract/clients';
import type { ContractDetail, ContractRow } from '../../../shared/contract/contracts';
import type { ImportReport, RowIssue } from '../../../shared/imports/import-report';
import { callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { createClientOk, staffActor } from '../testing/office-fixtures';
import { csvFile, importInput, readXlsxRows, xlsxFile } from '../testing/sheet-files';

type Page = { rows: ClientListRow[]; total: number };

// Each import runs in a child process; on a busy machine a test with several imports needs more than 30 s.
describe('spreadsheet import', { timeout: 180_000 }, () => {
  let office: TestOffice;
  beforeEach(async () => {
    office = createTestOffice({ now: () => new Date('2026-03-10T09:00:00') });
    await staffActor(office, 'S001', '张伟');
    await staffActor(office, 'S002', '李娜');
  });
  afterEach(async () => {
    await office.dispose();
  });

  const clientCount = async (): Promise<number> => (await callOk<Page>(office, 'clients.list', {})).total;

  it('imports clients from a real .xlsx with Chinese headers, a title row, Excel dates, amounts and regions', async () => {
    const file = await xlsxFile(
      [
        ['客户名单(2026年3月)'],
        ['客户名称', '联系人', '电话', '地区', '来源', '等级', '加入日期', '业务员工号', '备注'],
        [
          '深圳华联超市有限公司',
          '王经理',
          '138 0013 8000 / 0755-12345678',
          '广东省深圳市南山区',
          '电话咨询',
          '二级',
          new Date(Date.UTC(2024, 2, 5)),
          'S001',
          '老客户',
        ],
        ['金鑫贸易', '李四', '+86 139 0000 0001', '湖南 长沙 岳麓区', '微信', '1', '2023/7/1', 's002', ''],
        ['个体户 王芳', '', '13700000000', '', '', '', 45000, '', ''],
      ],
      { merge: ['A1:I1'] },
    );
    const report = await callOk<ImportReport>(office, 'clients.import', importInput('客户.xlsx', file));
    expect(report).toMatchObject({ format: 'xlsx', totalRows: 3, validRows: 3, errorRows: 0, inserted: 3, issues: [] });
    const rows = (await callOk<Page>(office, 'clients.list', {})).rows;
    expect(rows.map((r) => [r.name, r.joinedOn, r.ownerName, r.level])).toEqual([
      ['个体户 王芳', '2023-03-15', '', 4],
      ['金鑫贸易', '2023-07-01', '李娜', 1],
      ['深圳华联超市有限公司', '2024-03-05', '张伟', 2],
    ]);
    const hualian = await callOk<ClientDetail>(office, 'clients.get', { id: rows[2]!.id });
    expect(hualian).toMatchObject({
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      source: 'phone',
      stage: 'proposal',
      notes: '老客户',
    });
    expect(hualian.phones.map((p) => p.key)).toEqual(['13800138000', '075512345678']);
    expect((await callOk<Page>(office, 'clients.list', { search: '超市' })).total).toBe(1);
  });

  it.each(['gbk', 'utf-8', 'utf-8-bom'] as const)('imports a %s CSV with English headers', async (encoding) => {
    const file = csvFile(
      [
        ['name', 'contact', 'phone', 'region', 'source', 'level', 'joined_on', 'owner_code'],
        ['东方红广告', '赵六', '13500000000', '北京市朝阳区', '展会', '三级', '2025年1月2日', 'S001'],
        ['"引号"公司, 分号;', '钱七', '', '', '', '', '', ''],
      ],
      encoding,
    );
    const report = await callOk<ImportReport>(office, 'clients.import', importInput('clients.csv', file));
    expect(report).toMatchObject({ format: 'csv', encoding: encoding === 'gbk' ? 'gb18030' : encoding, inserted: 2 });
    const rows = (await callOk<Page>(office, 'clients.list', {})).rows;
    expect(rows.map((r) => r.name)).toEqual(['东方红广告', '"引号"公司, 分号;']);
    expect(rows[0]).toMatchObject({ province: '北京市', city: '北京市', district: '朝阳区', joinedOn: '2025-01-02', level: 3 });
    expect(rows[1]!.joinedOn).toBe('2026-03-10');
  });

  it('previews every bad row with row, column and reason, then imports nothing (all-or-nothing)', async () => {
    await createClientOk(office, { name: '已有客户', phones: ['13800138000'] });
    const file = await xlsxFile([
      ['客户名称', '电话', '等级', '加入日期', '业务员工号', '来源'],
      ['好客户', '13900000000', '二级', '2025-01-01', 'S001', ''],
      ['', '13900000001', '', '', '', ''],
      ['撞单客户', '+86 138-0013-8000', '', '', '', ''],
      ['日期坏了', '', '', '2025-02-30', '', ''],
      ['工号不存在', '', '', '', 'X999', ''],
      ['电话坏了', '12345', '五级', '', '', '火星'],
      ['好客户', '', '', '', '', ''],
    ]);
    const preview = await callOk<ImportReport>(office, 'clients.import', importInput('有错误.xlsx', file, { dryRun: true }));
    expect(preview).toMatchObject({ totalRows: 7, validRows: 1, errorRows: 6, inserted: 0, dryRun: true });
    const byRow = (row: number): RowIssue[] => preview.issues.filter((i) => i.row === row);
    expect(byRow(3)).toMatchObject([{ column: '客户名称', message: '客户名称不能为空' }]);
    expect(byRow(4)[0]!.message).toMatch(/撞单.*已有客户/);
    expect(byRow(5)).toMatchObject([{ column: '加入日期', value: '2025-02-30' }]);
    expect(byRow(6)[0]!.message).toContain('X999');
    expect(byRow(7).map((i) => i.column)).toEqual(['电话', '等级', '来源']);
    expect(byRow(8)[0]!.message).toContain('第 2 行');
    expect(preview.preview).toEqual([
      { row: 2, action: 'insert', values: expect.objectContaining({ name: '好客户', level: '二级' }) },
    ]);
    const failed = await readXlsxRows(preview.failedRowsFile!.dataBase64);
    expect(failed[0]).toEqual(['原行号', '客户名称', '电话', '等级', '加入日期', '业务员工号', '来源', '错误原因']);
    expect(failed).toHaveLength(7);
    expect(failed[1]![0]).toBe('3');

    const run = await office.call(owner, 'clients.import', importInput('有错误.xlsx', file));
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.error.message).toContain('未写入任何数据');
    expect((run.error.details?.rowIssues as RowIssue[]).length).toBe(preview.issues.length);
    expect(await clientCount()).toBe(1);

    const partial = await callOk<ImportReport>(office, 'clients.import', importInput('有错误.xlsx', file, { mode: 'valid' }));
    expect(partial.inserted).toBe(1);
    expect(await clientCount()).toBe(2);
  });

  it('refuses files that are not spreadsheets, empty or too large; flags formulas without values; fills merged cells down', async () => {
    const expectError = async (name: string, data: Buffer, pattern: RegExp, code = 'invalid_input'): Promise<void> => {
      const r = await office.call(owner, 'clients.import', importInput(name, data));
      expect(r.ok, name).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(pattern);
      expect(r.error.messageEn.length).toBeGreaterThan(10);
    };
    await expectError('假的.xlsx', Buffer.from('这不是表格'), /不是 Excel 工作簿/);
    await expectError('损坏.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]), /压缩包不完整/);
    await expectError('损坏.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /已损坏/);
    await expectError('空.csv', Buffer.alloc(0), /空的/);
    await expectError('只有表头.csv', csvFile([['客户名称', '电话']]), /没有数据行/);
    await expectError(
      '缺列.csv',
      csvFile([
        ['联系人', '电话'],
        ['王', '13800000000'],
      ]),
      /缺少必填列:客户名称/,
    );
    await expectError('图片.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]), /不是文本表格/);
    const r = await office.call(owner, 'clients.import', importInput('大.csv', Buffer.alloc(50 * 1024 * 1024, 0x41)));
    expect(r.ok ? null : r.error.code).toMatch(/too_large|invalid_input/);
    expect(r.ok ? '' : r.error.message).toMatch(/MB/);

    const tricky = await xlsxFile(
      [
        ['客户名称', '电话', '业务员工号'],
        ['公式公司', { formula: 'CONCAT("138","00000009")', result: '13800000009' }, 'S001'],
        ['无结果公式', { formula: 'A1&"x"' }, ''],
        ['合并甲', '', 'S002'],
        ['合并乙', '', ''],
      ],
      { merge: ['C4:C5'] },
    );
    const preview = await callOk<ImportReport>(office, 'clients.import', importInput('公式.xlsx', tricky, { dryRun: true }));
    expect(preview.validRows).toBe(3);
    expect(preview.preview[0]!.values.phone).toBe('13800000009');
    expect(preview.issues.find((i) => i.row === 3)!.message).toMatch(/公式没有计算结果/);
    // A cell merged down over two rows gives its value to both, and the preview says so.
    expect(preview.preview.filter((p) => p.row >= 4).map((p) => p.values.ownerCode)).toEqual(['S002', 'S002']);
    expect(preview.notes.map((n) => n.message).join()).toMatch(/第 4–5 行的 C 列是合并单元格/);
    expect(await clientCount()).toBe(0);
  });

  it('imports contracts and payments, refusing unknown clients, unknown staff and overpayment, all or nothing', async () => {
    await createClientOk(office, { name: '华联超市有限公司' });
    await createClientOk(office, { name: '金鑫贸易' });
    const contracts = csvFile([
      ['合同编号', '客户名称', '业务员工号', '签约日期', '金额', '开始日期', '结束日期', '状态', '产品'],
      ['HT-001', '华联超市', 'S001', '2026/1/5', '￥3,600.00', '2026-01-05', '2027-01-04', '履行中', '年费'],
      ['HT-002', '金鑫贸易有限公司', '', '2026年2月1日', '3,000', '', '', '', ''],
    ]);
    const dry = await callOk<ImportReport>(office, 'contracts.import', importInput('合同.csv', contracts, { dryRun: true }));
    expect(dry.issues).toEqual([]);
    expect((await callOk<ImportReport>(office, 'contracts.import', importInput('合同.csv', contracts))).inserted).toBe(2);
    const bad = csvFile([
      ['合同编号', '客户名称', '业务员工号', '金额'],
      ['HT-003', '不存在的客户', '', '100'],
      ['HT-004', '华联超市', 'NOPE', '1OO'],
      ['HT-001', '金鑫贸易', '', '5'],
    ]);
    const r = await office.call(owner, 'contracts.import', importInput('坏合同.csv', bad));
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : (r.error.details?.rowIssues as RowIssue[]);
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [2, '客户名称'],
      [3, '业务员工号'],
      [3, '金额'],
      [4, '合同编号'],
    ]);
    expect(issues[0]!.message).toContain('不存在');

    const payments = await xlsxFile([
      ['合同编号', '收款日期', '金额', '收款方式'],
      ['HT-001', '2026-01-06', 1000, '微信'],
      ['ht-001', '2026-01-20', '2,600.00', '转账'],
      ['HT-002', '2026-02-01', 3000, ''],
      ['HT-002', '2026-02-03', -500, '现金'],
    ]);
    expect((await callOk<ImportReport>(office, 'payments.import', importInput('收款.xlsx', payments))).inserted).toBe(4);
    const list = await callOk<{ rows: ContractRow[] }>(office, 'contracts.list', {});
    expect(list.rows.map((k) => [k.number, k.paidFen, k.balanceFen, k.staffName])).toEqual([
      ['HT-002', 250000, 50000, ''],
      ['HT-001', 360000, 0, '张伟'],
    ]);
    const over = await xlsxFile([
      ['合同编号', '收款日期', '金额'],
      ['HT-002', '2026-03-01', 400],
      ['HT-002', '2026-03-02', 200],
      ['HT-999', '2026-03-02', 1],
    ]);
    const overRun = await callOk<ImportReport>(office, 'payments.import', importInput('超收.xlsx', over, { dryRun: true }));
    expect(overRun.issues.map((i) => [i.row, i.column])).toEqual([
      [3, '金额'],
      [4, '合同编号'],
    ]);
    const detail = await callOk<ContractDetail>(office, 'contracts.get', { id: list.rows[0]!.id });
    expect(detail.payments).toHaveLength(2);
  });

  it('exports the filtered list to .xlsx and CSV that import back', async () => {
    const { staff } = await staffActor(office, 'S003', '王五');
    await createClientOk(office, {
      name: '甲超市',
      phones: ['13800000001', '0755-1234567'],
      ownerStaffId: staff.id,
      level: 1,
      source: 'referral',
      joinedOn: '2024-01-01',
      birthday: '05-01',
    });
    await createClientOk(office, { name: '乙科技', phones: ['13800000002'], level: 3, joinedOn: '2023-01-01' });
    const xlsx = await callOk<{ fileName: string; dataBase64: string; rowCount: number }>(office, 'clients.export', {
      filters: { search: '超市' },
      format: 'xlsx',
    });
    expect(xlsx.fileName).toMatch(/^客户档案-2026-03-10\.xlsx$/);
    const rows = await readXlsxRows(xlsx.dataBase64);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 5)).toEqual(['甲超市', '公司', '', '13800000001 / 0755-1234567', '']);
    const csv = await callOk<{ dataBase64: string; rowCount: number }>(office, 'clients.export', { format: 'csv' });
    expect(csv.rowCount).toBe(2);
    const csvText = Buffer.from(csv.dataBase64, 'base64');
    expect(csvText.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csvText.toString('utf8')).toContain('客户转介绍');
    // Round trip into a fresh office: same clients, same owner, same level.
    const other = createTestOffice();
    try {
      await staffActor(other, 'S003', '王五');
      expect((await callOk<ImportReport>(other, 'clients.import', importInput('export.csv', csvText))).inserted).toBe(2);
      const back = (await callOk<Page>(other, 'clients.list', {})).rows;
      expect(back.map((r) => [r.name, r.ownerName, r.level, r.source])).toEqual([
        ['乙科技', '', 3, 'other'],
        ['甲超市', '王五', 1, 'referral'],
      ]);
    } finally {
      await other.dispose();
    }
    const contracts = await callOk<{ rowCount: number }>(office, 'contracts.export', { format: 'xlsx' });
    expect(contracts.rowCount).toBe(0);
  });
});
