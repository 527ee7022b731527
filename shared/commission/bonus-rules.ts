import { formatFen } from '../money';
import type { Role } from '../roles';

/**
 * 奖金 rules that compute themselves for a period, e.g. 每签一份 ≥ ¥3,000 的新合同奖 ¥100,
 * 本月回款第一名奖 ¥500, 连续三个月达标奖 ¥300. The server gathers the facts; this file turns
 * facts into pay lines, so the rules read the same on every screen and in the tests.
 */
export type BonusRuleDef =
  /** Each contract signed this month for at least `minAmountFen` (renewals excluded when `newOnly`). */
  | { kind: 'per_contract'; minAmountFen: number; newOnly: boolean }
  /** The most collected this month (payments, shares applied); everyone tied for first gets it. */
  | { kind: 'top_collector' }
  /** Target met `months` months in a row: paid in the month the run reaches 3, 6, 9 … */
  | { kind: 'streak'; months: number };

/** bonus_rules.kind in schema.ts (the schema guard checks it against the table's CHECK list). */
export type BonusRuleKind = BonusRuleDef['kind'];

export type BonusRule = {
  id: number;
  name: string;
  amountFen: number;
  /** Who the rule is for (default 业务员). */
  roles: Role[];
  fromMonth: string;
  /** Last month it applies; null = until stopped. */
  toMonth: string | null;
  def: BonusRuleDef;
};

/** One line of 奖金 or 扣款 on a person's month. */
export type PayLine = {
  source: 'item' | 'rule';
  /** The pay item's or the rule's id. */
  refId: number;
  kind: 'bonus' | 'deduction';
  /** 开单奖, 全勤奖, 迟到 … or the rule's name. */
  category: string;
  reason: string;
  reasonEn: string;
  amountFen: number;
};

export type RuleFacts = {
  staff: readonly { staffId: number; role: Role }[];
  /** Per person, contracts signed this month that qualify for a per-contract rule. */
  qualifyingContracts: (minAmountFen: number, newOnly: boolean) => ReadonlyMap<number, number>;
  /** Per person, payments collected this month (their shares). */
  collectedFen: ReadonlyMap<number, number>;
  /** Per person, months in a row ending with this one whose sales met the target. */
  targetRun: ReadonlyMap<number, number>;
};

export function ruleAppliesIn(rule: Pick<BonusRule, 'fromMonth' | 'toMonth'>, month: string): boolean {
  return rule.fromMonth <= month && (rule.toMonth === null || month <= rule.toMonth);
}

/** The lines a rule gives this month, one per person at most. */
export function evaluateRule(rule: BonusRule, facts: RuleFacts): Map<number, PayLine> {
  const eligible = facts.staff.filter((s) => rule.roles.includes(s.role)).map((s) => s.staffId);
  const lines = new Map<number, PayLine>();
  const line = (reason: string, reasonEn: string, amountFen: number): PayLine => ({
    source: 'rule',
    refId: rule.id,
    kind: 'bonus',
    category: rule.name,
    reason,
    reasonEn,
    amountFen,
  });
  const def = rule.def;
  if (def.kind === 'per_contract') {
    const counts = facts.qualifyingContracts(def.minAmountFen, def.newOnly);
    for (const id of eligible) {
      const n = counts.get(id) ?? 0;
      if (n > 0)
        lines.set(
          id,
          line(
            `${n} 份 ≥ ¥${formatFen(def.minAmountFen)} 的${def.newOnly ? '新' : ''}合同 × ¥${formatFen(rule.amountFen)}`,
            `${n} ${def.newOnly ? 'new ' : ''}contract(s) ≥ ¥${formatFen(def.minAmountFen)} × ¥${formatFen(rule.amountFen)}`,
            n * rule.amountFen,
          ),
        );
    }
  } else if (def.kind === 'top_collector') {
    const best = Math.max(0, ...eligible.map((id) => facts.collectedFen.get(id) ?? 0));
    if (best > 0)
      for (const id of eligible)
        if ((facts.collectedFen.get(id) ?? 0) === best)
          lines.set(
            id,
            line(`本月回款第一名(¥${formatFen(best)})`, `Most collected this month (¥${formatFen(best)})`, rule.amountFen),
          );
  } else {
    for (const id of eligible) {
      const run = facts.targetRun.get(id) ?? 0;
      if (run > 0 && run % def.months === 0)
        lines.set(id, line(`连续 ${run} 个月达到目标销售额`, `Target met ${run} months in a row`, rule.amountFen));
    }
  }
  return lines;
}

/** The rule in words, for lists and the audit log. */
export function describeRule(def: BonusRuleDef, amountFen: number): { zh: string; en: string } {
  const amount = `¥${formatFen(amountFen)}`;
  if (def.kind === 'per_contract')
    return {
      zh: `每签一份 ≥ ¥${formatFen(def.minAmountFen)} 的${def.newOnly ? '新' : ''}合同奖 ${amount}`,
      en: `${amount} for each ${def.newOnly ? 'new ' : ''}contract ≥ ¥${formatFen(def.minAmountFen)} signed`,
    };
  if (def.kind === 'top_collector')
    return { zh: `本月回款第一名奖 ${amount}`, en: `${amount} for the most collected this month` };
  return { zh: `连续 ${def.months} 个月达标奖 ${amount}`, en: `${amount} for meeting the target ${def.months} months in a row` };
}
