import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { InstalmentsTable } from '../db/schema';
import type { ContractSchedule, InstalmentRow } from '../../../shared/contract/receivables';
import { todayLocal } from '../../../shared/dates';
import { formatFen } from '../../../shared/money';
import { allocatePayments, inDueOrder, instalmentStatus, scheduleProblems } from '../../../shared/receivables/schedule';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { assertCanSeeContract } from '../contracts/contract-scope';
import { findContractJoined, type ContractJoined } from '../contracts/contracts.repository';

type InstalmentRecord = Pick<Selectable<InstalmentsTable>, 'id' | 'due_on' | 'amount_fen' | 'note'>;

function instalmentsOf(sqlite: BetterSqlite3.Database, contractId: number): InstalmentRecord[] {
  return sqlite
    .prepare('SELECT id, due_on, amount_fen, note FROM instalments WHERE contract_id = ? ORDER BY due_on, id')
    .all(contractId) as InstalmentRecord[];
}

export function invoicedFen(sqlite: BetterSqlite3.Database, contractId: number): number {
  return sqlite
    .prepare('SELECT COALESCE(sum(amount_fen), 0) FROM invoices WHERE contract_id = ?')
    .pluck()
    .get(contractId) as number;
}

/** A contract's 回款计划 with each instalment's 已收 / 部分 / 逾期 N 天, and its 已开票 / 未开票. */
export function getSchedule(ctx: CallContext, contractId: number, asOfInput?: string): ContractSchedule {
  const contract = assertCanSeeContract(ctx.actor, findContractJoined(ctx.sqlite, contractId), contractId);
  return scheduleOf(ctx, contract, asOfInput ?? todayLocal(ctx.now()));
}

function scheduleOf(ctx: CallContext, contract: ContractJoined, asOf: string): ContractSchedule {
  const records = instalmentsOf(ctx.sqlite, contract.id);
  const payments = ctx.sqlite.prepare('SELECT id, paid_on, amount_fen FROM payments WHERE contract_id = ?').all(contract.id) as {
    id: number;
    paid_on: string;
    amount_fen: number;
  }[];
  const plan = records.map((r) => ({ id: r.id, dueOn: r.due_on, amountFen: r.amount_fen }));
  const allocation = new Map(
    allocatePayments(
      plan,
      payments.map((p) => ({ id: p.id, paidOn: p.paid_on, amountFen: p.amount_fen })),
    ).map((a) => [a.instalmentId, a]),
  );
  const byId = new Map(records.map((r) => [r.id, r]));
  const instalments: InstalmentRow[] = inDueOrder(plan).map((inst, i) => {
    const a = allocation.get(inst.id)!;
    const status = instalmentStatus(inst.dueOn, inst.amountFen, a.paidFen, asOf);
    return {
      id: inst.id,
      seq: i + 1,
      dueOn: inst.dueOn,
      amountFen: inst.amountFen,
      note: byId.get(inst.id)!.note,
      paidFen: a.paidFen,
      outstandingFen: a.outstandingFen,
      settledOn: a.settledOn,
      state: status.state,
      overdueDays: contract.status === 'cancelled' ? 0 : status.overdueDays,
    };
  });
  const scheduledFen = plan.reduce((sum, p) => sum + p.amountFen, 0);
  const invoiced = invoicedFen(ctx.sqlite, contract.id);
  return {
    contractId: contract.id,
    number: contract.number,
    clientId: contract.client_id,
    clientName: contract.client_name,
    staffName: contract.staff_name ?? '',
    status: contract.status,
    signedOn: contract.signed_on,
    amountFen: contract.amount_fen,
    paidFen: contract.paid_fen,
    scheduledFen,
    // Without a schedule the whole contract is due on signing (一次付清): nothing is 未排期.
    unscheduledFen: records.length > 0 ? contract.amount_fen - scheduledFen : 0,
    invoicedFen: invoiced,
    uninvoicedFen: Math.max(0, contract.amount_fen - invoiced),
    asOf,
    instalments,
  };
}

function problemsError(problems: { path: string; zh: string; en: string }[]): AppError {
  return new AppError(
    'invalid_input',
    {
      zh: `回款计划有误:${problems.map((p) => p.zh).join(';')}。请修改后再保存。`,
      en: `The payment schedule is not right: ${problems.map((p) => p.en).join('; ')}. Correct it and save again.`,
    },
    { issues: problems.map((p) => ({ path: p.path, message: p.zh, messageEn: p.en })) },
  );
}

/**
 * Replace a contract's schedule (an empty list removes it). Refused whole — nothing written —
 * when an amount is not positive, a date is before the contract was signed, or the instalments
 * add up to more than the contract; less is allowed and shown as 未排期.
 */
export async function setSchedule(
  ctx: CallContext,
  input: { contractId: number; instalments: { dueOn: string; amountFen: number; note: string }[] },
): Promise<ContractSchedule> {
  await ctx.db.transaction().execute(async (trx) => {
    const contract = assertCanSeeContract(ctx.actor, findContractJoined(ctx.sqlite, input.contractId), input.contractId);
    if (contract.status === 'cancelled' && input.instalments.length > 0)
      throw new AppError('conflict', {
        zh: `合同 ${contract.number} 已作废,不能设置回款计划。`,
        en: `Contract ${contract.number} is cancelled; it cannot have a payment schedule.`,
      });
    const problems = scheduleProblems(
      { amountFen: contract.amount_fen, signedOn: contract.signed_on },
      input.instalments,
      formatFen,
    );
    if (problems.length > 0) throw problemsError(problems);
    const before = instalmentsOf(ctx.sqlite, contract.id);
    ctx.sqlite.prepare('DELETE FROM instalments WHERE contract_id = ?').run(contract.id);
    const insert = ctx.sqlite.prepare(
      'INSERT INTO instalments (contract_id, due_on, amount_fen, note, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const at = ctx.now().toISOString();
    for (const r of input.instalments) insert.run(contract.id, r.dueOn, r.amountFen, r.note, at);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'schedules.set', entity: 'contract', entityId: contract.id, before, after: input.instalments },
      ctx.now(),
    );
  });
  return getSchedule(ctx, input.contractId);
}

/**
 * A contract edit must not leave its schedule impossible: an amount below what the instalments
 * add up to, or a signing date after an instalment. Called by contracts.update in its transaction.
 */
export function assertScheduleStillFits(
  sqlite: BetterSqlite3.Database,
  contract: { id: number; number: string },
  next: { amountFen: number; signedOn: string | null },
): void {
  const records = instalmentsOf(sqlite, contract.id);
  if (records.length === 0) return;
  const problems = scheduleProblems(
    next,
    records.map((r) => ({ dueOn: r.due_on, amountFen: r.amount_fen })),
    formatFen,
  );
  if (problems.length === 0) return;
  throw new AppError(
    'conflict',
    {
      zh: `合同 ${contract.number} 有回款计划:${problems.map((p) => p.zh).join(';')}。请先修改回款计划。`,
      en: `Contract ${contract.number} has a payment schedule: ${problems.map((p) => p.en).join('; ')}. Change the schedule first.`,
    },
    { issues: problems.map((p) => ({ path: p.path, message: p.zh, messageEn: p.en })) },
  );
}
