import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/imports/import-report';
import { callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';

/** Imports hold dates to the same range as every contract method (issue 14.11): no 9999-12-31 slips in. */
let office: TestOffice;
beforeAll(() => {
  office = createTestOffice();
});
afterAll(() => office.dispose());

const file = (csv: string) => ({ fileName: 'x.csv', dataBase64: Buffer.from(csv).toString('base64'), dryRun: true });

it('refuses a contract ending 9999-12-31, naming the range; a birthday in 1960 is fine', async () => {
  await callOk(office, 'clients.create', { name: '华联超市' });
  const contracts = await callOk<ImportReport>(
    office,
    'contracts.import',
    file('合同编号,客户名称,金额,结束日期\nHT-1,华联超市,360,9999-12-31\n'),
  );
  expect(contracts.validRows).toBe(0);
  expect(contracts.issues.map((i) => i.message).join()).toContain('1990-01-01 至 2100-12-31');
  const clients = await callOk<ImportReport>(office, 'clients.import', file('客户名称,生日\n老客户,1960-05-01\n'));
  expect(clients.validRows).toBe(1);
});
