import { describe, expect, it } from 'vitest';
import type { PayFigures, PerformanceRow } from './performance-types';
import { sellsThisMonth } from './sellers';

const pay = (over: Partial<PayFigures> = {}): PayFigures => ({
  baseSalaryFen: 300_000,
  floorFen: null,
  targetFen: null,
  salesFen: 0,
  attainmentBp: null,
  commissionWithinTargetFen: 0,
  commissionAboveTargetFen: 0,
  commissionFen: 0,
  allowancesFen: 0,
  bonusFen: 0,
  deductionFen: 0,
  totalPayFen: 300_000,
  belowFloor: false,
  monthsBelowFloorInRow: 0,
  ...over,
});

const row = (role: string, p: PayFigures | null, status: PerformanceRow['status'] = 'ok'): PerformanceRow => ({
  staffId: 1,
  code: 'X1',
  name: '某人',
  role,
  status,
  exemption: null,
  pay: p,
  activity: { newClients: 0, followUps: 0, newContracts: 0, completeness: null },
});

describe('sellsThisMonth: who is a bar on 本月个人进度', () => {
  it('a salesperson, even before their first sale', () => {
    expect(sellsThisMonth(row('salesperson', pay()))).toBe(true);
  });

  it('not the owner or a clerk who neither sells nor has a target', () => {
    expect(sellsThisMonth(row('owner', pay()))).toBe(false);
    expect(sellsThisMonth(row('clerk', pay()))).toBe(false);
  });

  it('a manager with a personal target, a floor, or sales credited this month', () => {
    expect(sellsThisMonth(row('manager', pay({ targetFen: 3_000_000 })))).toBe(true);
    expect(sellsThisMonth(row('manager', pay({ floorFen: 1_000_000 })))).toBe(true);
    expect(sellsThisMonth(row('manager', pay({ salesFen: -200_000 })))).toBe(true);
  });

  it('nobody who has left, and nobody whose pay this reader may not see', () => {
    expect(sellsThisMonth(row('salesperson', pay({ salesFen: 500_000 }), 'left'))).toBe(false);
    expect(sellsThisMonth(row('salesperson', null))).toBe(false);
  });
});
