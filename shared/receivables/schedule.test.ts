import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen } from '../money';
import {
  agingBucket,
  allocateNet,
  allocatePayments,
  instalmentStatus,
  presetSchedule,
  scheduleProblems,
  splitEvenly,
  type Instalment,
} from './schedule';

const three: Instalment[] = [
  { id: 1, dueOn: '2026-01-10', amountFen: 100_00 },
  { id: 2, dueOn: '2026-02-10', amountFen: 100_00 },
  { id: 3, dueOn: '2026-03-10', amountFen: 100_00 },
];

describe('presets', () => {
  it('split the amount exactly, the odd fen on the earliest instalments', () => {
    expect(splitEvenly(1000_01, 2)).toEqual([500_01, 500_00]);
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 1, max: 120 }), (amount, count) => {
        const parts = splitEvenly(amount, count);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('一次付清, 两期 50/50 and 按月 with month-end dates clamped', () => {
    expect(presetSchedule('once', 360_00, '2026-11-27')).toEqual([{ dueOn: '2026-11-27', amountFen: 360_00 }]);
    expect(presetSchedule('halves', 360_01, '2026-11-27', { everyMonths: 3 })).toEqual([
      { dueOn: '2026-11-27', amountFen: 180_01 },
      { dueOn: '2027-02-27', amountFen: 180_00 },
    ]);
    const monthly = presetSchedule('monthly', 1200_00, '2026-01-31', { count: 3 });
    expect(monthly.map((m) => m.dueOn)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(monthly.every((m) => m.amountFen === 400_00)).toBe(true);
  });
});

describe('allocation, oldest instalment first', () => {
  it('a part payment fills the first instalment and spills into the next', () => {
    const a = allocatePayments(three, [
      { id: 1, paidOn: '2026-01-05', amountFen: 60_00 },
      { id: 2, paidOn: '2026-02-01', amountFen: 90_00 },
    ]);
    expect(a.map((x) => x.paidFen)).toEqual([100_00, 50_00, 0]);
    expect(a.map((x) => x.settledOn)).toEqual(['2026-02-01', null, null]);
    expect(a.map((x) => x.outstandingFen)).toEqual([0, 50_00, 100_00]);
  });

  it('a refund takes back from the newest instalment that has money', () => {
    const a = allocatePayments(three, [
      { id: 1, paidOn: '2026-01-05', amountFen: 250_00 },
      { id: 2, paidOn: '2026-03-01', amountFen: -80_00 },
    ]);
    expect(a.map((x) => x.paidFen)).toEqual([100_00, 70_00, 0]);
    expect(a[1]!.settledOn).toBeNull();
    expect(a[0]!.settledOn).toBe('2026-01-05');
  });

  it('instalments are filled in due order whatever order they were entered in', () => {
    const shuffled = [three[2]!, three[0]!, three[1]!];
    const a = allocatePayments(shuffled, [{ id: 1, paidOn: '2026-01-05', amountFen: 150_00 }]);
    expect(a.map((x) => [x.instalmentId, x.paidFen])).toEqual([
      [1, 100_00],
      [2, 50_00],
      [3, 0],
    ]);
  });

  it('payment by payment ends where spreading the net total does (what the SQL computes)', () => {
    const instalments = fc
      .array(fc.record({ day: fc.integer({ min: 0, max: 400 }), amountFen: fc.integer({ min: 1, max: 100_000 }) }), {
        minLength: 1,
        maxLength: 12,
      })
      .map((rows) =>
        rows.map((r, i) => ({
          id: i + 1,
          dueOn: `2026-${String(1 + (r.day % 12)).padStart(2, '0')}-10`,
          amountFen: r.amountFen,
        })),
      );
    fc.assert(
      fc.property(instalments, fc.array(fc.integer({ min: -50_000, max: 150_000 }), { maxLength: 20 }), (plan, amounts) => {
        // Only legal histories: a refund never takes the total below zero.
        let net = 0;
        const payments = amounts.flatMap((amount, i) => {
          if (amount === 0 || net + amount < 0) return [];
          net += amount;
          return [{ id: i + 1, paidOn: `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`, amountFen: amount }];
        });
        const byPayment = allocatePayments(plan, payments).map((a) => a.paidFen);
        const ordered = [...payments].sort((a, b) => (a.paidOn === b.paidOn ? a.id - b.id : a.paidOn < b.paidOn ? -1 : 1));
        let running = 0;
        if (ordered.some((p) => (running += p.amountFen) < 0)) return; // reordering by date made a refund come first
        expect(byPayment).toEqual(allocateNet(plan, net));
      }),
    );
  });
});

describe('status and aging', () => {
  it('已收 / 部分 / 逾期 N 天', () => {
    expect(instalmentStatus('2026-11-20', 100, 100, '2026-11-27')).toEqual({ state: 'paid', overdueDays: 0, daysToDue: -7 });
    expect(instalmentStatus('2026-11-20', 100, 40, '2026-11-27')).toEqual({ state: 'partial', overdueDays: 7, daysToDue: -7 });
    expect(instalmentStatus('2026-11-27', 100, 0, '2026-11-27')).toEqual({ state: 'unpaid', overdueDays: 0, daysToDue: 0 });
    expect(instalmentStatus('2026-12-01', 100, 0, '2026-11-27').daysToDue).toBe(4);
  });

  it('buckets on their edges: 0 and 30 | 31 and 60 | 61 and 90 | 91', () => {
    expect(agingBucket(-1)).toBe('notDue');
    expect(agingBucket(0)).toBe('d0_30');
    expect(agingBucket(30)).toBe('d0_30');
    expect(agingBucket(31)).toBe('d31_60');
    expect(agingBucket(60)).toBe('d31_60');
    expect(agingBucket(61)).toBe('d61_90');
    expect(agingBucket(90)).toBe('d61_90');
    expect(agingBucket(91)).toBe('d90plus');
  });
});

describe('schedule problems', () => {
  const yuan = (fen: number) => formatFen(fen);
  it('refuses a total above the contract, dates before signing and empty amounts; allows less', () => {
    const contract = { amountFen: 1000_00, signedOn: '2026-11-01' };
    expect(scheduleProblems(contract, [{ dueOn: '2026-11-01', amountFen: 900_00 }], yuan)).toEqual([]);
    const problems = scheduleProblems(
      contract,
      [
        { dueOn: '2026-10-31', amountFen: 600_00 },
        { dueOn: '2026-12-01', amountFen: 500_00 },
        { dueOn: '2026-12-02', amountFen: 0 },
      ],
      yuan,
    );
    expect(problems.map((p) => p.path)).toEqual(['instalments.0.dueOn', 'instalments.2.amountFen', 'instalments']);
    expect(problems[2]!.zh).toContain('超过合同金额 1,000.00 元(多 100.00 元)');
    expect(problems[2]!.en).toContain('more than the contract');
  });
});
