import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { BonusRulesTable } from '../db/schema';
import type { BonusRule, BonusRuleDef } from '../../../shared/commission/bonus-rules';
import type { Role } from '../../../shared/roles';
import { prepared } from '../db/prepared';

/** 奖金/扣款 entered by a manager. */
export type PayItemRecord = {
  id: number;
  staffId: number;
  kind: 'bonus' | 'deduction';
  category: string;
  reason: string;
  amountFen: number;
  fromMonth: string;
  toMonth: string | null;
  forMonth: string | null;
  createdAt: string;
  createdBy: string;
};

const ITEM_SELECT = `SELECT id, staff_id AS staffId, kind, category, reason, amount_fen AS amountFen, from_month AS fromMonth,
  to_month AS toMonth, for_month AS forMonth, created_at AS createdAt, created_by AS createdBy FROM pay_items`;

/** Items that count in `month`: one-off items of that month and recurring ones running through it. */
export function itemsIn(sqlite: BetterSqlite3.Database, month: string): PayItemRecord[] {
  return prepared(
    sqlite,
    `${ITEM_SELECT} WHERE from_month <= ? AND (to_month IS NULL OR to_month >= ?) ORDER BY staff_id, id`,
  ).all(month, month) as PayItemRecord[];
}

export function findItem(sqlite: BetterSqlite3.Database, id: number): PayItemRecord | undefined {
  return sqlite.prepare(`${ITEM_SELECT} WHERE id = ?`).get(id) as PayItemRecord | undefined;
}

type RuleRecord = Omit<Selectable<BonusRulesTable>, 'kind'>;

export type BonusRuleRecord = BonusRule & { createdAt: string; createdBy: string };

function toRule(r: RuleRecord): BonusRuleRecord {
  return {
    id: r.id,
    name: r.name,
    amountFen: r.amount_fen,
    roles: JSON.parse(r.roles_json) as Role[],
    fromMonth: r.from_month,
    toMonth: r.to_month,
    def: JSON.parse(r.def_json) as BonusRuleDef,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export function rulesIn(sqlite: BetterSqlite3.Database, month: string): BonusRuleRecord[] {
  return (
    prepared(sqlite, 'SELECT * FROM bonus_rules WHERE from_month <= ? AND (to_month IS NULL OR to_month >= ?) ORDER BY id').all(
      month,
      month,
    ) as RuleRecord[]
  ).map(toRule);
}

export function allRules(sqlite: BetterSqlite3.Database): BonusRuleRecord[] {
  return (sqlite.prepare('SELECT * FROM bonus_rules ORDER BY id DESC').all() as RuleRecord[]).map(toRule);
}

export function findRule(sqlite: BetterSqlite3.Database, id: number): BonusRuleRecord | undefined {
  const r = sqlite.prepare('SELECT * FROM bonus_rules WHERE id = ?').get(id) as RuleRecord | undefined;
  return r ? toRule(r) : undefined;
}

/** Closed months within [from, to] (to null = open-ended): what a change there would unfreeze. */
export function closedMonthsWithin(sqlite: BetterSqlite3.Database, from: string, to: string | null): string[] {
  return sqlite
    .prepare('SELECT month FROM month_closes WHERE closed = 1 AND month >= ? AND (? IS NULL OR month <= ?) ORDER BY month')
    .pluck()
    .all(from, to, to) as string[];
}
