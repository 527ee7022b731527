import type BetterSqlite3 from 'better-sqlite3';
import { describeRule, type BonusRuleDef } from '../../../shared/commission/bonus-rules';
import type { BonusRuleRow, PayItemRow } from '../../../shared/contract/pay-terms';
import { addMonths } from '../../../shared/dates';
import type { Role } from '../../../shared/roles';
import { writeAudit } from '../audit/audit.repository';
import { AppError, notFound } from '../core/app-error';
import type { CallContext } from '../core/context';
import { assertMayManagePersonId, assertMayPayRoles } from '../staff/staff-policy';
import {
  allRules,
  closedMonthsWithin,
  findItem,
  findRule,
  itemsIn,
  type BonusRuleRecord,
  type PayItemRecord,
} from './pay-items.repository';

/**
 * 奖金/扣款 and bonus rules. A closed month is frozen (月结): nothing may start in it, and an
 * item or rule that counted in one can only be stopped from an open month on — never changed
 * or deleted, so reopening that month would show the same figures.
 */
function frozen(month: string): AppError {
  return new AppError('conflict', {
    zh: `${month} 已月结,奖金和扣款已冻结。请改在之后未月结的月份添加;如确需修改,请店长先撤销月结。`,
    en: `${month} is closed; its bonuses and deductions are frozen. Add it to a later open month, or ask the owner to reopen ${month}.`,
  });
}

function assertStartsOpen(sqlite: BetterSqlite3.Database, from: string, to: string | null): void {
  if (to !== null && to < from)
    throw new AppError(
      'invalid_input',
      { zh: '结束月份不能早于开始月份。', en: 'The last month cannot be before the first.' },
      {
        issues: [{ path: 'toMonth', message: '结束月份过早', messageEn: 'Last month too early' }],
      },
    );
  const closed = closedMonthsWithin(sqlite, from, to);
  if (closed.length > 0) throw frozen(closed[0]!);
}

function staffLabel(sqlite: BetterSqlite3.Database): Map<number, { code: string; name: string }> {
  return new Map(
    (sqlite.prepare('SELECT id, code, name FROM staff').all() as { id: number; code: string; name: string }[]).map((s) => [
      s.id,
      s,
    ]),
  );
}

function toItemRow(sqlite: BetterSqlite3.Database, item: PayItemRecord, names = staffLabel(sqlite)): PayItemRow {
  return {
    ...item,
    code: names.get(item.staffId)?.code ?? '',
    name: names.get(item.staffId)?.name ?? '',
    locked: closedMonthsWithin(sqlite, item.fromMonth, item.toMonth).length > 0,
  };
}

export function listPayItems(ctx: CallContext, month: string): PayItemRow[] {
  const names = staffLabel(ctx.sqlite);
  return itemsIn(ctx.sqlite, month).map((i) => toItemRow(ctx.sqlite, i, names));
}

export type NewPayItem = {
  staffId: number;
  kind: 'bonus' | 'deduction';
  category: string;
  reason: string;
  amountFen: number;
  fromMonth: string;
  toMonth: string | null;
  forMonth?: string | null;
};

/** Insert inside the caller's transaction (also used when settling a dispute). */
export function insertPayItem(ctx: CallContext, item: NewPayItem): number {
  // Pay is the person's: a manager never pays themself, a manager or an owner (staff-policy).
  assertMayManagePersonId(ctx.sqlite, ctx.actor, item.staffId);
  assertStartsOpen(ctx.sqlite, item.fromMonth, item.toMonth);
  const staff = ctx.sqlite.prepare('SELECT hired_on, left_on FROM staff WHERE id = ?').get(item.staffId) as
    { hired_on: string; left_on: string | null } | undefined;
  if (!staff) throw notFound({ zh: '员工', en: 'Staff' }, item.staffId);
  if (staff.left_on !== null && staff.left_on.slice(0, 7) < item.fromMonth)
    throw new AppError('invalid_input', {
      zh: `这位员工 ${staff.left_on} 已离职,${item.fromMonth} 不能再添加奖金或扣款。`,
      en: `This person left on ${staff.left_on}; nothing can be added for ${item.fromMonth}.`,
    });
  return Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO pay_items (staff_id, kind, category, reason, amount_fen, from_month, to_month, for_month, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        item.staffId,
        item.kind,
        item.category,
        item.reason,
        item.amountFen,
        item.fromMonth,
        item.toMonth,
        item.forMonth ?? null,
        ctx.now().toISOString(),
        ctx.actor?.code ?? 'system',
      ).lastInsertRowid,
  );
}

export async function createPayItem(ctx: CallContext, item: NewPayItem): Promise<PayItemRow> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = insertPayItem(ctx, item);
    await writeAudit(trx, ctx.actor, { action: `payitems.create`, entity: 'payitem', entityId: newId, after: item }, ctx.now());
    return newId;
  });
  return toItemRow(ctx.sqlite, findItem(ctx.sqlite, id)!);
}

/** A recurring item ends with `lastMonth`; the months it leaves must all be open. */
export async function stopPayItem(ctx: CallContext, id: number, lastMonth: string): Promise<PayItemRow> {
  await ctx.db.transaction().execute(async (trx) => {
    const item = findItem(ctx.sqlite, id);
    if (!item) throw notFound({ zh: '奖金或扣款', en: 'Pay item' }, id);
    assertMayManagePersonId(ctx.sqlite, ctx.actor, item.staffId);
    assertStoppable(ctx.sqlite, item.fromMonth, item.toMonth, lastMonth);
    ctx.sqlite.prepare('UPDATE pay_items SET to_month = ? WHERE id = ?').run(lastMonth, id);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'payitems.stop', entity: 'payitem', entityId: id, before: item, after: { toMonth: lastMonth } },
      ctx.now(),
    );
  });
  return toItemRow(ctx.sqlite, findItem(ctx.sqlite, id)!);
}

function assertStoppable(sqlite: BetterSqlite3.Database, from: string, to: string | null, lastMonth: string): void {
  if (lastMonth < from)
    throw new AppError('invalid_input', {
      zh: `最后一个月不能早于开始月份 ${from};如要整条作废,请删除。`,
      en: `The last month cannot be before the first (${from}); delete it instead.`,
    });
  if (to !== null && lastMonth >= to)
    throw new AppError('invalid_input', { zh: `它本来就到 ${to} 为止。`, en: `It already ends with ${to}.` });
  const dropped = closedMonthsWithin(sqlite, addMonths(lastMonth, 1), to);
  if (dropped.length > 0) throw frozen(dropped[0]!);
}

export async function deletePayItem(ctx: CallContext, id: number): Promise<{ deleted: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const item = findItem(ctx.sqlite, id);
    if (!item) throw notFound({ zh: '奖金或扣款', en: 'Pay item' }, id);
    assertMayManagePersonId(ctx.sqlite, ctx.actor, item.staffId);
    const closed = closedMonthsWithin(ctx.sqlite, item.fromMonth, item.toMonth);
    if (closed.length > 0) throw frozen(closed[0]!);
    ctx.sqlite.prepare('DELETE FROM pay_items WHERE id = ?').run(id);
    await writeAudit(trx, ctx.actor, { action: 'payitems.delete', entity: 'payitem', entityId: id, before: item }, ctx.now());
    return { deleted: 1 };
  });
}

// ── bonus rules ──────────────────────────────────────────────────────────────

function toRuleRow(sqlite: BetterSqlite3.Database, r: BonusRuleRecord): BonusRuleRow {
  return {
    ...r,
    description: describeRule(r.def, r.amountFen),
    locked: closedMonthsWithin(sqlite, r.fromMonth, r.toMonth).length > 0,
  };
}

export function listRules(ctx: CallContext): BonusRuleRow[] {
  return allRules(ctx.sqlite).map((r) => toRuleRow(ctx.sqlite, r));
}

export type NewRule = {
  name: string;
  amountFen: number;
  roles: Role[];
  fromMonth: string;
  toMonth: string | null;
  def: BonusRuleDef;
};

export async function createRule(ctx: CallContext, rule: NewRule): Promise<BonusRuleRow> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    assertMayPayRoles(ctx.actor, rule.roles);
    assertStartsOpen(ctx.sqlite, rule.fromMonth, rule.toMonth);
    const newId = Number(
      ctx.sqlite
        .prepare(
          `INSERT INTO bonus_rules (name, kind, def_json, amount_fen, roles_json, from_month, to_month, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          rule.name,
          rule.def.kind,
          JSON.stringify(rule.def),
          rule.amountFen,
          JSON.stringify([...new Set(rule.roles)]),
          rule.fromMonth,
          rule.toMonth,
          ctx.now().toISOString(),
          ctx.actor?.code ?? 'system',
        ).lastInsertRowid,
    );
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'bonusrules.create', entity: 'bonusrule', entityId: newId, after: rule },
      ctx.now(),
    );
    return newId;
  });
  return toRuleRow(ctx.sqlite, findRule(ctx.sqlite, id)!);
}

export async function stopRule(ctx: CallContext, id: number, lastMonth: string): Promise<BonusRuleRow> {
  await ctx.db.transaction().execute(async (trx) => {
    const rule = findRule(ctx.sqlite, id);
    if (!rule) throw notFound({ zh: '奖金规则', en: 'Bonus rule' }, id);
    assertMayPayRoles(ctx.actor, rule.roles);
    assertStoppable(ctx.sqlite, rule.fromMonth, rule.toMonth, lastMonth);
    ctx.sqlite.prepare('UPDATE bonus_rules SET to_month = ? WHERE id = ?').run(lastMonth, id);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'bonusrules.stop', entity: 'bonusrule', entityId: id, before: rule, after: { toMonth: lastMonth } },
      ctx.now(),
    );
  });
  return toRuleRow(ctx.sqlite, findRule(ctx.sqlite, id)!);
}

export async function deleteRule(ctx: CallContext, id: number): Promise<{ deleted: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const rule = findRule(ctx.sqlite, id);
    if (!rule) throw notFound({ zh: '奖金规则', en: 'Bonus rule' }, id);
    assertMayPayRoles(ctx.actor, rule.roles);
    const closed = closedMonthsWithin(ctx.sqlite, rule.fromMonth, rule.toMonth);
    if (closed.length > 0) throw frozen(closed[0]!);
    ctx.sqlite.prepare('DELETE FROM bonus_rules WHERE id = ?').run(id);
    await writeAudit(trx, ctx.actor, { action: 'bonusrules.delete', entity: 'bonusrule', entityId: id, before: rule }, ctx.now());
    return { deleted: 1 };
  });
}
