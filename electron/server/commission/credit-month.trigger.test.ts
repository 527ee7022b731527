import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { addMonths } from '../../../shared/dates';
import { creditMonth } from '../../../shared/commission/credit-month';
import { migrate } from '../db/open-database';

/**
 * The credit-month rule is applied by SQL triggers (migration 20261123_0500_commission) and
 * stated in TypeScript (shared/commission/credit-month.ts). This writes generated payments and
 * contracts into a real migrated database, under generated sets of closed and reopened months,
 * and checks the month each trigger wrote against the function, case by case.
 */
const seed = Number(process.env.CREDIT_MONTH_SEED ?? Date.now() % 1_000_000);

/** mulberry32: a small seeded generator, so a failing run can be repeated with its seed. */
function generator(start: number): () => number {
  let state = start >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = '2025-10';
const SPAN = 18; // months 2025-10 … 2027-03: crosses a year end and a February

let db: BetterSqlite3.Database | undefined;
afterEach(() => db?.close());

describe('credit-month trigger and creditMonth() agree', () => {
  it(`on generated payments, refunds, contracts and re-signed contracts (seed ${seed})`, () => {
    const random = generator(seed);
    const pick = (n: number) => Math.floor(random() * n);
    const database = new BetterSqlite3(':memory:');
    db = database;
    migrate(database);
    const now = '2026-01-01T00:00:00.000Z';
    database.prepare(`INSERT INTO staff (code, name, role, hired_on, base_salary_fen, created_at, updated_at)
      VALUES ('S1', '王五', 'salesperson', '2025-01-01', 300000, ?, ?)`).run(now, now);
    database.prepare(`INSERT INTO clients (name, name_key, joined_on, created_at, updated_at)
      VALUES ('华东商贸', '华东商贸', '2025-01-01', ?, ?)`).run(now, now);
    const insertContract = database.prepare(`INSERT INTO contracts (number, client_id, staff_id, amount_fen, signed_on, created_at, updated_at)
      VALUES (?, 1, 1, 100000, ?, ?, ?)`);
    const resign = database.prepare(`UPDATE contracts SET signed_on = ? WHERE id = ?`);
    const insertPayment = database.prepare(`INSERT INTO payments (contract_id, staff_id, paid_on, amount_fen, created_at)
      VALUES (?, 1, ?, ?, ?)`);
    const readCredit = (table: 'payments' | 'contracts', id: number | bigint) =>
      (database.prepare(`SELECT credit_month AS month FROM ${table} WHERE id = ?`).get(id) as { month: string | null }).month;
    const setClose = database.prepare(`INSERT INTO month_closes (month, closed, first_closed_at) VALUES (?, ?, ?)
      ON CONFLICT (month) DO UPDATE SET closed = excluded.closed`);

    const randomDate = (): string => {
      const month = addMonths(FIRST, pick(SPAN));
      const [y, m] = month.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const day = [1, last, 1 + pick(last)][pick(3)] ?? 1;
      return `${month}-${String(day).padStart(2, '0')}`;
    };

    type Case = { what: string; date: string | null; closed: string[]; trigger: string | null; rule: string | null };
    const cases: Case[] = [];
    let contracts = 0;
    for (let round = 0; round < 40; round++) {
      // A new state of 月结: each month closed, reopened (closed = 0) or never closed.
      database.prepare('DELETE FROM month_closes').run();
      for (let i = 0; i < SPAN; i++) {
        const state = pick(3);
        if (state > 0) setClose.run(addMonths(FIRST, i), state === 1 ? 1 : 0, now);
      }
      const closedMonths = new Set(
        (database.prepare('SELECT month FROM month_closes WHERE closed = 1').all() as { month: string }[]).map((r) => r.month),
      );
      const record = (what: string, date: string | null, trigger: string | null) =>
        cases.push({ what, date, closed: [...closedMonths].sort(), trigger, rule: creditMonth(date, closedMonths) });

      for (let i = 0; i < 10; i++) {
        const signedOn = pick(5) === 0 ? null : randomDate();
        const id = insertContract.run(`HT-${round}-${i}`, signedOn, now, now).lastInsertRowid;
        contracts++;
        record(`contract ${id} inserted`, signedOn, readCredit('contracts', id));
      }
      for (let i = 0; i < 5; i++) {
        const id = 1 + pick(contracts);
        const signedOn = randomDate();
        resign.run(signedOn, id);
        record(`contract ${id} re-signed`, signedOn, readCredit('contracts', id));
      }
      for (let i = 0; i < 25; i++) {
        const paidOn = randomDate();
        const amount = (1 + pick(50_000)) * (pick(4) === 0 ? -1 : 1); // some refunds
        const id = insertPayment.run(1 + pick(contracts), paidOn, amount, now).lastInsertRowid;
        record(`payment ${id} (${amount} fen)`, paidOn, readCredit('payments', id));
      }
    }

    const disagreements = cases.filter((c) => c.trigger !== c.rule);
    expect(cases.length).toBe(40 * 40);
    // Both outcomes must occur, or the generated cases did not test the rule.
    expect(cases.filter((c) => c.date && c.rule !== c.date.slice(0, 7)).length).toBeGreaterThan(100);
    expect(cases.filter((c) => c.date && c.rule === c.date.slice(0, 7)).length).toBeGreaterThan(100);
    expect(disagreements.slice(0, 5), `seed ${seed}: the trigger and creditMonth() disagree`).toEqual([]);
  });
});
