import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientDetail } from '../../shared/contract/clients';
import type { ContractDetail } from '../../shared/contract/contracts';
import type { PerformanceSheet } from '../../shared/performance/performance-types';
import { monthBasicsOf } from '../../electron/server/commission/month-figures';
import { callOk, createTestOffice, type TestOffice } from '../../electron/server/testing/test-office';
import { staffActor } from '../../electron/server/testing/office-fixtures';

/**
 * Earlier months' basics are kept between views of the sheet (kept-basics.ts) — and never outlive
 * a write: through the app, by another connection to the same file, or inside a transaction that
 * rolls back.
 */
let office: TestOffice;
beforeEach(() => {
  office = createTestOffice({ now: () => new Date('2026-10-20T03:00:00Z') });
});
afterEach(() => office.dispose());

const plan = { floorFen: 100_000, targetFen: 1_000_000, rateBp: 500, multiplierPct: 200, leaveReason: null };

async function salesIn(month: string, staffId: number): Promise<number | undefined> {
  const basics = (await monthBasicsOf(office, [month])).get(month)!;
  return basics.rows.find((r) => r.staffId === staffId)?.salesFen;
}

async function augustTrend(): Promise<number> {
  const sheet = await callOk<PerformanceSheet>(office, 'performance.sheet', { month: '2026-10' });
  return sheet.trend.find((p) => p.month === '2026-08')!.salesFen;
}

describe('kept basics', () => {
  it('are computed again after any write: the app, another connection, a rolled-back transaction', async () => {
    const seller = (await staffActor(office, 'S001', '张伟')).staff;
    await callOk(office, 'plans.set', { month: '2026-08', staffId: null, plan });
    const client = await callOk<ClientDetail>(office, 'clients.create', { name: '缓存测试商行', ownerStaffId: seller.id });
    const contract = await callOk<ContractDetail>(office, 'contracts.create', {
      clientId: client.id,
      staffId: seller.id,
      amountFen: 900_000,
      signedOn: '2026-08-01',
      status: 'signed',
    });
    await callOk(office, 'payments.create', { contractId: contract.id, paidOn: '2026-08-10', amountFen: 100_000 });
    expect(await augustTrend()).toBe(100_000);
    expect(await augustTrend()).toBe(100_000);

    // Through the app.
    await callOk(office, 'payments.create', { contractId: contract.id, paidOn: '2026-08-11', amountFen: 20_000 });
    expect(await augustTrend()).toBe(120_000);
    expect(await salesIn('2026-08', seller.id)).toBe(120_000);

    // Another connection to the same file (a second window, the CLI, a hand edit).
    const other = new Database(path.join(office.dir, 'office.db'));
    try {
      other.prepare("UPDATE payments SET amount_fen = 50000 WHERE paid_on = '2026-08-11'").run();
    } finally {
      other.close();
    }
    expect(await salesIn('2026-08', seller.id)).toBe(150_000);
    expect(await augustTrend()).toBe(150_000);

    // Read inside a transaction that then rolls back: what was read there is not kept.
    const db = office.sqlite;
    db.exec('BEGIN');
    db.prepare("UPDATE payments SET amount_fen = 1 WHERE paid_on = '2026-08-10'").run();
    expect(await salesIn('2026-08', seller.id)).toBe(50_001);
    db.exec('ROLLBACK');
    expect(await salesIn('2026-08', seller.id)).toBe(150_000);
    expect(await augustTrend()).toBe(150_000);
  });
});
