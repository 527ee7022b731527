import { describe, expect, it } from 'vitest';
import { describeRule, evaluateRule, ruleAppliesIn, type BonusRule, type RuleFacts } from './bonus-rules';

const facts: RuleFacts = {
  staff: [
    { staffId: 1, role: 'salesperson' },
    { staffId: 2, role: 'salesperson' },
    { staffId: 3, role: 'manager' },
  ],
  qualifyingContracts: (min, newOnly) =>
    new Map(
      min <= 300_000
        ? [
            [1, newOnly ? 2 : 3],
            [3, 5],
          ]
        : [[1, 1]],
    ),
  collectedFen: new Map([
    [1, 800_000],
    [2, 800_000],
    [3, 9_000_000],
  ]),
  targetRun: new Map([
    [1, 3],
    [2, 4],
    [3, 6],
  ]),
};

const rule = (def: BonusRule['def'], amountFen: number, roles: BonusRule['roles'] = ['salesperson']): BonusRule => ({
  id: 9,
  name: '竞赛奖',
  amountFen,
  roles,
  fromMonth: '2026-10',
  toMonth: null,
  def,
});

describe('bonus rules', () => {
  it('每签一份 ≥ ¥3,000 的新合同奖 ¥100: counts per person, only the roles it is for', () => {
    const lines = evaluateRule(rule({ kind: 'per_contract', minAmountFen: 300_000, newOnly: true }, 10_000), facts);
    expect([...lines.keys()]).toEqual([1]);
    expect(lines.get(1)).toMatchObject({ amountFen: 20_000, kind: 'bonus', source: 'rule', refId: 9 });
    expect(lines.get(1)!.reason).toBe('2 份 ≥ ¥3,000.00 的新合同 × ¥100.00');
  });

  it('本月回款第一名: everyone tied for first gets it; managers only when the rule says so', () => {
    expect([...evaluateRule(rule({ kind: 'top_collector' }, 50_000), facts).keys()]).toEqual([1, 2]);
    expect([...evaluateRule(rule({ kind: 'top_collector' }, 50_000, ['salesperson', 'manager']), facts).keys()]).toEqual([3]);
    const nobody = { ...facts, collectedFen: new Map<number, number>() };
    expect(evaluateRule(rule({ kind: 'top_collector' }, 50_000), nobody).size).toBe(0);
  });

  it('连续三个月达标: paid when the run reaches 3, 6, 9 …', () => {
    const lines = evaluateRule(rule({ kind: 'streak', months: 3 }, 30_000, ['salesperson', 'manager']), facts);
    expect([...lines.keys()]).toEqual([1, 3]);
    expect(lines.get(3)!.reason).toContain('连续 6 个月');
  });

  it('applies within its months and reads in words', () => {
    expect(ruleAppliesIn({ fromMonth: '2026-10', toMonth: null }, '2027-05')).toBe(true);
    expect(ruleAppliesIn({ fromMonth: '2026-10', toMonth: '2026-12' }, '2027-01')).toBe(false);
    expect(ruleAppliesIn({ fromMonth: '2026-10', toMonth: '2026-12' }, '2026-09')).toBe(false);
    expect(describeRule({ kind: 'per_contract', minAmountFen: 300_000, newOnly: true }, 10_000).zh).toBe(
      '每签一份 ≥ ¥3,000.00 的新合同奖 ¥100.00',
    );
    expect(describeRule({ kind: 'streak', months: 3 }, 30_000).zh).toBe('连续 3 个月达标奖 ¥300.00');
  });
});
