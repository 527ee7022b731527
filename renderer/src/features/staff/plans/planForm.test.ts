import { describe, expect, it } from 'vitest';
import { formToPlan, planToForm } from './planForm';

describe('plan form', () => {
  it('reads what a manager types into fen, basis points and hundredths', () => {
    const { plan, problems } = formToPlan({
      floorYuan: '10,000',
      targetYuan: '30000.5',
      ratePercent: '5%',
      multiplier: '2倍',
      leaveReason: ' ',
    });
    expect(problems).toEqual([]);
    expect(plan).toEqual({ floorFen: 1_000_000, targetFen: 3_000_050, rateBp: 500, multiplierPct: 200, leaveReason: null });
  });

  it('keeps blanks as "use the team plan" and names each bad field', () => {
    const { plan, problems } = formToPlan({
      floorYuan: '',
      targetYuan: 'abc',
      ratePercent: '120',
      multiplier: '0.5',
      leaveReason: '病假',
    });
    expect(plan.floorFen).toBeNull();
    expect(plan.leaveReason).toBe('病假');
    expect(problems.map((p) => p.field)).toEqual(['targetYuan', 'ratePercent', 'multiplier']);
  });

  it('reads the team dialog, which has no 请假 field (the 团队指标 save bug)', () => {
    const { plan, problems } = formToPlan({ floorYuan: '10000', targetYuan: '30000', ratePercent: '5', multiplier: '' });
    expect(problems).toEqual([]);
    expect(plan).toEqual({ floorFen: 1_000_000, targetFen: 3_000_000, rateBp: 500, multiplierPct: null, leaveReason: null });
  });

  it('round-trips a stored plan', () => {
    const stored = {
      staffId: 1,
      floorFen: 500_000,
      targetFen: null,
      rateBp: 750,
      multiplierPct: 150,
      leaveReason: null,
      updatedAt: '',
      updatedBy: '',
    };
    expect(formToPlan(planToForm(stored)).plan).toEqual({
      floorFen: 500_000,
      targetFen: null,
      rateBp: 750,
      multiplierPct: 150,
      leaveReason: null,
    });
  });
});
