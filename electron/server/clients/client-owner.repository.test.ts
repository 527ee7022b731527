import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callOk, createTestOffice, type TestOffice } from '../testing/test-office';
import type { StaffRow } from '../../../shared/contract/staff';
import { countClientsOwnedBy, reassignClientsOwner } from './client-owner.repository';

describe('reassignClientsOwner', () => {
  let office: TestOffice;
  beforeEach(() => {
    office = createTestOffice();
  });
  afterEach(async () => {
    await office.dispose();
  });

  it('moves every client of a leaver with open follow-ups and running contracts, keeping history and past credit', async () => {
    const a = await callOk<StaffRow>(office, 'staff.create', {
      code: 'A1',
      name: '甲',
      role: 'salesperson',
      hiredOn: '2025-01-01',
      baseSalaryFen: 1,
    });
    const b = await callOk<StaffRow>(office, 'staff.create', {
      code: 'B1',
      name: '乙',
      role: 'salesperson',
      hiredOn: '2025-01-01',
      baseSalaryFen: 1,
    });
    const t = '2026-01-01T00:00:00.000Z';
    const client = await office.db
      .insertInto('clients')
      .values({
        name: '华联超市',
        name_key: '华联超市',
        joined_on: '2025-02-01',
        owner_staff_id: a.id,
        created_at: t,
        updated_at: t,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const contract = await office.db
      .insertInto('contracts')
      .values({
        number: 'HT-1',
        client_id: client.id,
        staff_id: a.id,
        amount_fen: 36000,
        status: 'active',
        created_at: t,
        updated_at: t,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await office.db
      .insertInto('payments')
      .values({ contract_id: contract.id, staff_id: a.id, paid_on: '2025-02-02', amount_fen: 36000, created_at: t })
      .execute();
    await office.db
      .insertInto('follow_ups')
      .values({
        client_id: client.id,
        staff_id: a.id,
        happened_on: '2025-03-01',
        way: 'phone',
        next_on: '2026-02-01',
        created_at: t,
      })
      .execute();

    const moved = await office.db
      .transaction()
      .execute((trx) =>
        reassignClientsOwner(trx, { fromStaffId: a.id, toStaffId: b.id, changedBy: 'test', reason: '离职', at: t }),
      );
    expect(moved).toBe(1);
    expect(await countClientsOwnedBy(office.db, a.id)).toBe(0);
    expect(await countClientsOwnedBy(office.db, b.id)).toBe(1);
    expect((await office.db.selectFrom('contracts').select('staff_id').executeTakeFirstOrThrow()).staff_id).toBe(b.id);
    expect((await office.db.selectFrom('follow_ups').select('staff_id').executeTakeFirstOrThrow()).staff_id).toBe(b.id);
    expect((await office.db.selectFrom('payments').select('staff_id').executeTakeFirstOrThrow()).staff_id).toBe(a.id);
    const history = await office.db.selectFrom('client_owner_history').selectAll().execute();
    expect(history).toMatchObject([{ from_staff_id: a.id, to_staff_id: b.id, reason: '离职' }]);
  });
});
