import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvFile, readXlsxRows, xlsxFile } from '../../electron/server/testing/sheet-files';
import { runOffice } from './office-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdt-clients-cli-'));
const dataDir = path.join(dir, 'data');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const office = (...args: string[]) => runOffice(dataDir, args);

function write(name: string, data: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

// Each case runs the real `office` command several times (a Node start each): room for a busy machine.
describe('office import / export / renewals', () => {
  it('imports a GBK CSV of clients, then refuses a file with bad rows listing each and writing nothing', async () => {
    expect(office('staff', 'add', '--code', 'S001', '--name', '张伟', '--hired-on', '2024-01-01', '--salary', '3000').code).toBe(
      0,
    );
    const good = write(
      '客户.csv',
      csvFile([
        ['客户名称', '联系人', '电话', '地区', '来源', '等级', '加入日期', '业务员工号'],
        ['华联超市', '王经理', '13800138000', '广东省深圳市南山区', '电话咨询', '一级', '2021/3/5', 'S001'],
        ['金鑫贸易', '李四', '13900139000', '湖南 长沙', '展会', '二级', '2019年7月1日', 'S001'],
      ]),
    );
    const ok = office('import', 'clients', good);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ kind: 'clients', totalRows: 2, inserted: 2, encoding: 'gb18030' });

    const bad = write(
      '坏.xlsx',
      await xlsxFile([
        ['客户名称', '电话', '业务员工号', '加入日期'],
        ['新客户', '13700000000', 'S001', '2026-01-01'],
        ['撞单', '138 0013 8000', '', ''],
        ['没工号', '', 'X9', '2026-13-01'],
      ]),
    );
    const refused = office('import', 'clients', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('第 3 行 电话');
    expect(refused.stderr).toContain('第 4 行 业务员工号');
    expect(refused.stderr).toContain('第 4 行 加入日期');
    expect(refused.stderr).toContain('row 4, 加入日期');
    expect(refused.stdout).toBe('');
    const exported = path.join(dir, 'out.xlsx');
    expect(office('export', 'clients', '--format', 'xlsx', '--out', exported).code).toBe(0);
    expect((await readXlsxRows(fs.readFileSync(exported))).map((r) => r[0])).toEqual(['客户名称', '金鑫贸易', '华联超市']);
  }, 120_000);

  it('imports contracts and payments, lists renewals by join date as JSON, and exports CSV', () => {
    const contracts = write(
      '合同.csv',
      csvFile(
        [
          ['合同编号', '客户名称', '业务员工号', '签约日期', '金额', '开始日期', '结束日期', '状态'],
          ['HT-1', '华联超市', 'S001', '2025-04-01', '360', '2025-04-01', '2026-03-31', '履行中'],
          ['HT-2', '金鑫贸易', 'S001', '2025-05-01', '3,600.00', '2025-05-01', '2026-04-30', '履行中'],
          ['HT-3', '金鑫贸易', 'S001', '2025-01-01', '100', '2025-01-01', '2025-12-31', '已作废'],
        ],
        'utf-8-bom',
      ),
    );
    expect(office('import', 'contracts', contracts).code).toBe(0);
    const payments = write(
      '收款.csv',
      csvFile([
        ['合同编号', '收款日期', '金额'],
        ['HT-1', '2025-04-02', '￥360'],
      ]),
    );
    expect(JSON.parse(office('import', 'payments', payments).stdout).inserted).toBe(1);
    const unknown = write(
      '未知合同.csv',
      csvFile([
        ['合同编号', '收款日期', '金额'],
        ['HT-404', '2025-04-02', '1'],
      ]),
    );
    const refused = office('import', 'payments', unknown);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('HT-404');

    const due = office('renewals', '--within', '60', '--as-of', '2026-03-15', '--json');
    expect(due.code, due.stderr).toBe(0);
    const rows = JSON.parse(due.stdout) as { number: string; clientName: string; daysLeft: number; clientJoinedOn: string }[];
    expect(rows.map((r) => [r.clientName, r.number, r.daysLeft])).toEqual([
      ['金鑫贸易', 'HT-2', 46],
      ['华联超市', 'HT-1', 16],
    ]);
    expect(office('renewals', '--within', '10', '--as-of', '2026-03-15', '--json').stdout.trim()).toBe('[]');
    const table = office('renewals', '--within', '60', '--as-of', '2026-03-15');
    expect(table.stdout).toContain('HT-2');
    expect(office('renewals', '--within', 'soon').code).toBe(2);

    const out = path.join(dir, 'contracts.csv');
    expect(office('export', 'contracts', '--format', 'csv', '--out', out).code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('HT-1,华联超市,S001,张伟');
  }, 120_000);

  it('explains usage mistakes with exit 2 and a missing file with exit 1', () => {
    expect(office('import', 'widgets', 'x.csv').code).toBe(2);
    expect(office('import', 'clients').code).toBe(2);
    expect(office('export', 'clients', '--format', 'pdf', '--out', 'x').code).toBe(2);
    const missing = office('import', 'clients', path.join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到文件');
  }, 120_000);
});
