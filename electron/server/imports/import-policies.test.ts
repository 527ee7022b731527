import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../../shared/contract/clients';
import type { ExportFile } from '../../../shared/imports/export-file';
import type { ImportReport } from '../../../shared/imports/import-report';
import type { Actor } from '../../../shared/roles';
import { clientsImporter } from '../clients/clients.import';
import { createClientOk, staffActor } from '../testing/office-fixtures';
import { csvFile, importInput, xlsxFile } from '../testing/sheet-files';
import { actorOf, callOk, createTestOffice, owner, type TestOffice } from '../testing/test-office';
import { runImport } from './run-import';

/**
 * Issue 18's duplicate policy for the clients import, 15.15's templates, and the column
 * mapping remembered per file layout (16.6).
 */
// Each import runs in a child process; on a busy machine (2 cores, many test runs) one takes well over 30 s.
describe('import policies, templates and remembered mappings', { timeout: 180_000 }, () => {
  let office: TestOffice;
  let zhang: Actor;
  let li: Actor;
  beforeEach(async () => {
    office = createTestOffice({ now: () => new Date('2026-03-10T09:00:00Z') });
    zhang = { ...(await staffActor(office, 'S001', '张伟', 'manager')).actor };
    li = (await staffActor(office, 'S002', '李娜')).actor;
  });
  afterEach(async () => {
    await office.dispose();
  });

  const clientNamed = async (name: string): Promise<ClientDetail> => {
    const id = office.sqlite.prepare('SELECT id FROM clients WHERE name = ?').pluck().get(name) as number;
    return callOk<ClientDetail>(office, 'clients.get', { id });
  };

  describe('撞单 in a clients import: refuse (default), skip, or update the caller’s own', () => {
    const file = (): Buffer =>
      csvFile([
        ['客户名称', '电话', '联系人', '行业', '备注'],
        ['张伟的老客户', '13800000001', '王经理', '餐饮', '续约意向强'],
        ['李娜的客户', '13800000002', '赵总', '零售', ''],
        ['全新客户', '13800000003', '钱总', '', ''],
      ]);
    beforeEach(async () => {
      await createClientOk(
        office,
        { name: '张伟的老客户', phones: ['13800000001'], ownerStaffId: zhang.staffId, industry: '' },
        owner,
      );
      await createClientOk(office, { name: '李娜的客户', phones: ['13800000002'], ownerStaffId: li.staffId }, owner);
    });

    it('refuses the file by default, naming whose client it is', async () => {
      const r = await office.call(zhang, 'clients.import', importInput('c.csv', file()));
      expect(r.ok).toBe(false);
      const preview = await callOk<ImportReport>(office, 'clients.import', importInput('c.csv', file(), { dryRun: true }), zhang);
      expect(preview).toMatchObject({ duplicatePolicy: 'refuse', validRows: 1, errorRows: 2 });
      expect(preview.issues.find((i) => i.row === 3)!.message).toMatch(/撞单:电话 138-0000-0002|撞单.*李娜/);
      expect(office.sqlite.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(2);
    });

    it('skips the duplicates and imports the rest', async () => {
      const report = await callOk<ImportReport>(
        office,
        'clients.import',
        { ...importInput('c.csv', file()), duplicates: 'skip' },
        zhang,
      );
      expect(report).toMatchObject({ inserted: 1, updated: 0, skipped: 2, errorRows: 0 });
      expect(office.sqlite.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(3);
      expect((await clientNamed('张伟的老客户')).contactName).toBe('');
    });

    it('updates the caller’s own client with what the file fills in; another’s stays a 撞单 error', async () => {
      const dry = await callOk<ImportReport>(
        office,
        'clients.import',
        { ...importInput('c.csv', file(), { dryRun: true }), duplicates: 'update' },
        zhang,
      );
      expect(dry.preview.map((p) => [p.row, p.action])).toEqual([
        [2, 'update'],
        [4, 'insert'],
      ]);
      expect(dry.issues.find((i) => i.row === 3)!.message).toMatch(/不是您名下的客户,不能更新/);
      const report = await callOk<ImportReport>(
        office,
        'clients.import',
        { ...importInput('c.csv', file(), { mode: 'valid' }), duplicates: 'update' },
        zhang,
      );
      expect(report).toMatchObject({ inserted: 1, updated: 1, errorRows: 1 });
      const updated = await clientNamed('张伟的老客户');
      expect(updated).toMatchObject({
        contactName: '王经理',
        industry: '餐饮',
        notes: '续约意向强',
        ownerStaffId: zhang.staffId,
      });
      const audit = office.sqlite
        .prepare(`SELECT before_json, after_json FROM audit_log WHERE action = 'clients.import.update'`)
        .get() as {
        before_json: string;
        after_json: string;
      };
      expect(JSON.parse(audit.after_json)).toMatchObject({ contact_name: '王经理', industry: '餐饮' });
      expect(JSON.parse(audit.before_json)).toMatchObject({ contact_name: '' });
      expect((await clientNamed('李娜的客户')).contactName).toBe('');
    });

    it('never tells a caller who may not see a client more than whose it is', async () => {
      // Salespeople cannot import through the gate; the service still must not leak when called
      // as one (the rule lives in the service, not in the transport).
      const ctx = { ...office, actor: li };
      const report = await runImport(ctx, clientsImporter, {
        ...importInput(
          'c.csv',
          csvFile([
            ['客户名称', '电话'],
            ['随便一个名字', '13800000001'],
          ]),
          { dryRun: true },
        ),
        mode: 'all',
        dryRun: true,
        duplicates: 'refuse',
      } as never);
      const message = report.issues.map((i) => `${i.message} ${i.messageEn}`).join(' ');
      // Whose it is (属于 张伟, issue 18 wording), never the client itself or its number.
      expect(message).toMatch(/属于 张伟/);
      expect(message).not.toMatch(/张伟的老客户/);
      expect(message).not.toMatch(/编号/);
    });

    it('is only for clients: other imports refuse a policy they do not have', async () => {
      const r = await office.call(owner, 'staff.import', {
        ...importInput('s.csv', csvFile([['工号'], ['S9']])),
        duplicates: 'skip',
      });
      expect(r.ok ? '' : r.error.message).toMatch(/不支持"skip"的重复处理方式/);
    });
  });

  describe('templates (15.15)', () => {
    it.each(['clients', 'contracts', 'payments', 'staff', 'plans'] as const)(
      '%s: headers, an example row, notes — and the import reads it as is',
      async (kind) => {
        const file = await callOk<ExportFile>(office, 'imports.template', { kind });
        expect(file.fileName).toMatch(/导入模板\.xlsx$/);
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
        expect(book.worksheets.map((w) => w.name)[1]).toBe('填写说明');
        const sheet = book.worksheets[0]!;
        expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^【示例】/);
        const notes = book.worksheets[1]!;
        expect(notes.rowCount).toBeGreaterThan(sheet.columnCount);
        // As downloaded: every column recognised, the example skipped, so nothing to import yet.
        const asIs = await office.call(owner, `${kind}.import`, {
          fileName: file.fileName,
          dataBase64: file.dataBase64,
          dryRun: true,
        });
        expect(asIs.ok ? '' : asIs.error.message).toMatch(/只有表头和模板的示例行/);
      },
    );

    it('a filled-in clients template imports with no column to map', async () => {
      const file = await callOk<ExportFile>(office, 'imports.template', { kind: 'clients' });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      sheet.addRow([
        '东方红商贸有限公司',
        '公司',
        '刘经理',
        '13812345678',
        '',
        '湖南省长沙市岳麓区',
        '',
        '零售',
        '展会',
        '三级',
        '2026-03-01',
        'S002',
        '',
      ]);
      const filled = Buffer.from(await book.xlsx.writeBuffer());
      const report = await callOk<ImportReport>(office, 'clients.import', importInput('客户导入模板.xlsx', filled));
      expect(report).toMatchObject({ inserted: 1, columnProblems: [], ignoredHeaders: [] });
      expect(report.notes.map((n) => n.message).join()).toMatch(/第 2 行是模板的示例行/);
      expect(await clientNamed('东方红商贸有限公司')).toMatchObject({
        level: 3,
        source: 'exhibition',
        ownerStaffId: li.staffId,
        city: '长沙市',
      });
    });

    it('staff and plans templates are for managers and the owner only', async () => {
      const clerk = actorOf('clerk');
      const r = await office.call(clerk, 'imports.template', { kind: 'plans' });
      expect(r.ok ? null : r.error.code).toBe('forbidden');
      expect((await office.call(clerk, 'imports.template', { kind: 'clients' })).ok).toBe(true);
    });
  });

  describe('a column mapping chosen by hand is remembered for the file layout', () => {
    const legacy = (): Promise<Buffer> =>
      xlsxFile([
        ['单位', '手机', '老系统编号', '跟进情况'],
        ['甲商行', '13811112222', 'OLD-1', '有意向'],
        ['乙商行', '13811113333', 'OLD-2', ''],
      ]);
    it('is used automatically next time, and listed as such', async () => {
      const first = await callOk<ImportReport>(
        office,
        'clients.import',
        importInput('旧系统.xlsx', await legacy(), { dryRun: true }),
        owner,
      );
      expect(first.mappingSource).toBe('auto');
      expect(first.fileColumns.map((c) => [c.key, c.header, c.field, c.match])).toEqual([
        ['A', '单位', 'name', 'auto'],
        ['B', '手机', 'phone', 'auto'],
        ['C', '老系统编号', null, 'unknown'],
        ['D', '跟进情况', null, 'unknown'],
      ]);
      const chosen = { C: '', D: 'notes' };
      const imported = await callOk<ImportReport>(
        office,
        'clients.import',
        { ...importInput('旧系统.xlsx', await legacy()), columnMap: chosen },
        owner,
      );
      expect(imported).toMatchObject({ inserted: 2, mappingSource: 'chosen' });
      expect((await clientNamed('甲商行')).notes).toBe('有意向');
      const again = await callOk<ImportReport>(
        office,
        'clients.import',
        importInput('旧系统-第二批.xlsx', await legacy(), { dryRun: true }),
        owner,
      );
      expect(again.mappingSource).toBe('remembered');
      expect(again.fileColumns.map((c) => [c.key, c.field, c.match])).toEqual([
        ['A', 'name', 'auto'],
        ['B', 'phone', 'auto'],
        ['C', null, 'ignored'],
        ['D', 'notes', 'remembered'],
      ]);
      expect(again.ignoredHeaders).toEqual(['老系统编号']);
    });

    it('a dry run with a mapping remembers nothing; a failed import neither', async () => {
      await callOk<ImportReport>(
        office,
        'clients.import',
        { ...importInput('x.xlsx', await legacy(), { dryRun: true }), columnMap: { D: 'notes' } },
        owner,
      );
      expect(office.sqlite.prepare('SELECT count(*) FROM import_layouts').pluck().get()).toBe(0);
    });
  });
});
