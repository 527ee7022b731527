import type BetterSqlite3 from 'better-sqlite3';
import { sharesProblem, WHOLE_BP, type SharePart } from '../../../shared/commission/shares';
import type { ContractShares } from '../../../shared/contract/pay-terms';
import { addMonths } from '../../../shared/dates';
import { writeAudit } from '../audit/audit.repository';
import { assertActiveStaff } from '../clients/clients.service';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import { assertMayManagePersonId } from '../staff/staff-policy';
import { assertCanSeeContract } from '../contracts/contract-scope';
import { findContractJoined } from '../contracts/contracts.repository';
import { creditOfUnit, type SalesUnit } from './credited-sales';
import { firstOpenAtOrAfter, lastClosed } from './month-state';
import { setAt, shareSetsOf } from './share-sets.repository';

const BASES = ['payments', 'contracts'] as const;

/** The month a change of shares takes effect: the first after the last closed month (closed months keep theirs). */
export function shareChangeMonth(sqlite: BetterSqlite3.Database): string {
  const closed = lastClosed(sqlite);
  return closed ? addMonths(closed, 1) : '0000-01';
}

export function getShares(ctx: CallContext, contractId: number): ContractShares {
  const contract = assertCanSeeContract(ctx.actor, findContractJoined(ctx.sqlite, contractId), contractId);
  const sets = shareSetsOf(ctx.sqlite, [contractId]).get(contractId) ?? [];
  const names = staffNames(ctx.sqlite);
  const view = (parts: readonly SharePart[]) =>
    parts.map((p) => ({
      staffId: p.staffId,
      code: names.get(p.staffId)?.code ?? '',
      name: names.get(p.staffId)?.name ?? '',
      shareBp: p.shareBp,
    }));
  const meta = new Map(
    (
      ctx.sqlite
        .prepare(
          'SELECT id, note, created_at AS createdAt, created_by AS createdBy FROM contract_share_sets WHERE contract_id = ?',
        )
        .all(contractId) as {
        id: number;
        note: string;
        createdAt: string;
        createdBy: string;
      }[]
    ).map((m) => [m.id, m]),
  );
  const manager = ctx.actor?.role === 'owner' || ctx.actor?.role === 'manager';
  const latest = sets.at(-1);
  return {
    contractId,
    number: contract.number,
    staffId: contract.staff_id,
    staffName: contract.staff_id === null ? null : (names.get(contract.staff_id)?.name ?? null),
    amountFen: contract.amount_fen,
    current: latest ? view(latest.parts) : [],
    history: sets.map((s) => ({
      fromMonth: s.fromMonth,
      parts: view(s.parts),
      note: meta.get(s.id)?.note ?? '',
      createdAt: meta.get(s.id)?.createdAt ?? '',
      createdBy: meta.get(s.id)?.createdBy ?? '',
    })),
    adjustments: manager
      ? (
          ctx.sqlite
            .prepare(
              `SELECT staff_id AS staffId, amount_fen AS amountFen, basis, unit_month AS unitMonth, credit_month AS creditMonth,
                      created_at AS createdAt FROM share_adjustments WHERE contract_id = ? ORDER BY id`,
            )
            .all(contractId) as Omit<ContractShares['adjustments'][number], 'name'>[]
        ).map((a) => ({ ...a, name: names.get(a.staffId)?.name ?? '' }))
      : [],
    canEdit: manager,
  };
}

function staffNames(sqlite: BetterSqlite3.Database): Map<number, { code: string; name: string }> {
  return new Map(
    (sqlite.prepare('SELECT id, code, name FROM staff').all() as { id: number; code: string; name: string }[]).map((s) => [
      s.id,
      s,
    ]),
  );
}

/**
 * 分成 as a correction of the whole contract: from the first month after the last close the new
 * shares apply as they are; for sales already credited to earlier months, what each person
 * should have had is compared with what they got (their split then plus earlier adjustments)
 * and the difference lands in the first open month at or after that month — like a late
 * payment. Both credit bases are adjusted, so switching the basis later stays right.
 */
export async function setShares(ctx: CallContext, contractId: number, parts: SharePart[], note: string): Promise<ContractShares> {
  const problem = sharesProblem(parts);
  if (problem)
    throw new AppError('invalid_input', problem, {
      issues: [{ path: 'parts', message: problem.zh, messageEn: problem.en }],
    });
  await writeShares(ctx, contractId, parts, note);
  return getShares(ctx, contractId);
}

async function writeShares(ctx: CallContext, contractId: number, parts: SharePart[], note: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const contract = assertCanSeeContract(ctx.actor, findContractJoined(ctx.sqlite, contractId), contractId);
    const before = shareSetsOf(ctx.sqlite, [contractId]).get(contractId)?.at(-1)?.parts ?? [];
    for (const staffId of creditChangesFor(before, parts, contract.staff_id))
      assertMayManagePersonId(ctx.sqlite, ctx.actor, staffId);
    for (const p of parts) if (!before.some((b) => b.staffId === p.staffId)) await assertActiveStaff(trx, p.staffId);
    const from = shareChangeMonth(ctx.sqlite);
    const at = ctx.now().toISOString();
    const by = ctx.actor?.code ?? 'system';
    replaceSetsFrom(ctx.sqlite, contractId, from, parts, note, at, by);
    const moved = writeAdjustments(ctx.sqlite, contractId, from, at, by);
    await writeAudit(
      trx,
      ctx.actor,
      {
        action: 'shares.set',
        entity: 'contract',
        entityId: contractId,
        before: { number: contract.number, parts: before },
        after: { number: contract.number, fromMonth: from, parts, note, adjustments: moved },
      },
      ctx.now(),
    );
  });
}

/**
 * Whose credit a change of shares moves: everyone whose share differs between the current split
 * (the contract's own salesperson takes it all when it is not shared) and the new one. Credit is
 * pay, so each of them must be someone the caller manages — a manager never credits themself,
 * nor moves a manager's or an owner's credit (staff-policy).
 */
function creditChangesFor(before: readonly SharePart[], after: readonly SharePart[], contractStaffId: number | null): number[] {
  const was = new Map(before.map((p) => [p.staffId, p.shareBp]));
  if (before.length === 0 && contractStaffId !== null) was.set(contractStaffId, WHOLE_BP);
  const now = new Map(after.map((p) => [p.staffId, p.shareBp]));
  if (after.length === 0 && contractStaffId !== null) now.set(contractStaffId, WHOLE_BP);
  return [...new Set([...was.keys(), ...now.keys()])].filter((id) => was.get(id) !== now.get(id));
}

function replaceSetsFrom(
  sqlite: BetterSqlite3.Database,
  contractId: number,
  from: string,
  parts: readonly SharePart[],
  note: string,
  at: string,
  by: string,
): void {
  sqlite.prepare('DELETE FROM contract_share_sets WHERE contract_id = ? AND from_month >= ?').run(contractId, from);
  const setId = sqlite
    .prepare('INSERT INTO contract_share_sets (contract_id, from_month, note, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
    .run(contractId, from, note, at, by).lastInsertRowid;
  const insert = sqlite.prepare('INSERT INTO contract_share_parts (set_id, staff_id, share_bp) VALUES (?, ?, ?)');
  for (const p of parts) insert.run(setId, p.staffId, p.shareBp);
}

/**
 * For every unit of the contract (each payment; the contract itself for the contracts basis):
 * desired = its split under the newest shares; credited = its split under the set of its own
 * month plus adjustments already made; the difference is added as adjustments.
 */
function writeAdjustments(sqlite: BetterSqlite3.Database, contractId: number, from: string, at: string, by: string): number {
  const sets = shareSetsOf(sqlite, [contractId]).get(contractId) ?? [];
  const newest = sets.at(-1) ?? null;
  const insert = sqlite.prepare(
    `INSERT INTO share_adjustments (contract_id, payment_id, basis, staff_id, amount_fen, unit_month, credit_month, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let written = 0;
  for (const basis of BASES) {
    for (const unit of unitsOf(sqlite, contractId, basis)) {
      const desired = creditOfUnit(unit, newest);
      const credited = unit.creditMonth < from ? creditOfUnit(unit, setAt(sets, unit.creditMonth)) : new Map(desired);
      for (const a of adjustmentsOf(sqlite, contractId, basis, unit.paymentId))
        credited.set(a.staffId, (credited.get(a.staffId) ?? 0) + a.fen);
      const lands = firstOpenAtOrAfter(sqlite, unit.creditMonth);
      for (const staffId of new Set([...desired.keys(), ...credited.keys()])) {
        const delta = (desired.get(staffId) ?? 0) - (credited.get(staffId) ?? 0);
        if (delta === 0) continue;
        insert.run(contractId, unit.paymentId, basis, staffId, delta, unit.creditMonth, lands, at, by);
        written++;
      }
    }
  }
  return written;
}

function unitsOf(sqlite: BetterSqlite3.Database, contractId: number, basis: (typeof BASES)[number]): SalesUnit[] {
  const sql =
    basis === 'payments'
      ? `SELECT id AS paymentId, contract_id AS contractId, staff_id AS staffId, amount_fen AS amountFen, credit_month AS creditMonth
         FROM payments WHERE contract_id = ? AND credit_month IS NOT NULL`
      : `SELECT NULL AS paymentId, id AS contractId, staff_id AS staffId, amount_fen AS amountFen, credit_month AS creditMonth
         FROM contracts WHERE id = ? AND credit_month IS NOT NULL AND status NOT IN ('draft', 'cancelled')`;
  return sqlite.prepare(sql).all(contractId) as SalesUnit[];
}

function adjustmentsOf(
  sqlite: BetterSqlite3.Database,
  contractId: number,
  basis: string,
  paymentId: number | null,
): { staffId: number; fen: number }[] {
  return sqlite
    .prepare(
      `SELECT staff_id AS staffId, sum(amount_fen) AS fen FROM share_adjustments
       WHERE contract_id = ? AND basis = ? AND payment_id IS ? GROUP BY staff_id`,
    )
    .all(contractId, basis, paymentId) as { staffId: number; fen: number }[];
}

/**
 * A dismissed person's shares on the contracts handed over go to the colleague taking over, from
 * the first open month on — what they earned before stays theirs (no adjustments).
 */
export function handOverShares(
  sqlite: BetterSqlite3.Database,
  fromStaffId: number,
  toStaffId: number,
  at: string,
  by: string,
): number {
  const from = shareChangeMonth(sqlite);
  const contracts = sqlite
    .prepare(
      `SELECT DISTINCT s.contract_id FROM contract_share_sets s JOIN contract_share_parts p ON p.set_id = s.id WHERE p.staff_id = ?`,
    )
    .pluck()
    .all(fromStaffId) as number[];
  let handed = 0;
  for (const [contractId, sets] of shareSetsOf(sqlite, contracts)) {
    const latest = sets.at(-1);
    if (!latest || !latest.parts.some((p) => p.staffId === fromStaffId)) continue;
    const merged = new Map<number, number>();
    for (const p of latest.parts) {
      const to = p.staffId === fromStaffId ? toStaffId : p.staffId;
      merged.set(to, (merged.get(to) ?? 0) + p.shareBp);
    }
    // Everything merged into one person: the contract is no longer shared.
    const parts = merged.size > 1 ? [...merged].map(([staffId, shareBp]) => ({ staffId, shareBp })) : [];
    replaceSetsFrom(sqlite, contractId, from, parts, '离职交接 / handed over on leaving', at, by);
    handed++;
  }
  return handed;
}
