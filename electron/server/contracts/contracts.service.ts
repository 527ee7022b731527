import type { Kysely } from 'kysely';
import type {
  ContractSort,
  ContractSortKey,
  ContractDetail,
  ContractFilters,
  ContractPatch,
  ContractRow,
  NewContract,
} from '../../../shared/contract/contracts';
import { formatFen } from '../../../shared/money';
import { todayLocal } from '../../../shared/dates';
import { writeAudit } from '../audit/audit.repository';
import { AppError } from '../core/app-error';
import type { CallContext } from '../core/context';
import type { Database } from '../db/schema';
import { isScopedToOwn } from '../clients/client-scope';
import { assertActiveStaff, visibleClient } from '../clients/clients.service';
import { assertCanSeeContract, contractScopeSql } from './contract-scope';
import { assertScheduleStillFits } from '../receivables/schedules.service';
import {
  CONTRACT_SELECT,
  findContractByNumber,
  findContractJoined,
  listPayments,
  nextContractNumber,
  toContractRow,
  type ContractJoined,
} from './contracts.repository';

export function getContract(ctx: CallContext, id: number): ContractDetail {
  const row = assertCanSeeContract(ctx.actor, findContractJoined(ctx.sqlite, id), id);
  return { ...toContractRow(row, todayLocal(ctx.now())), payments: listPayments(ctx.sqlite, id) };
}

export function contractWhere(ctx: CallContext, f: ContractFilters): { sql: string; params: (string | number)[] } {
  const scope = contractScopeSql(ctx.actor);
  const parts = [scope.sql];
  const params: (string | number)[] = [...scope.params];
  const add = (cond: string, ...values: (string | number)[]): void => {
    parts.push(cond);
    params.push(...values);
  };
  if (f.search) {
    const like = `%${f.search.replace(/[%_\\]/g, '\\$&')}%`;
    add(`(k.number LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR k.product LIKE ? ESCAPE '\\')`, like, like, like);
  }
  if (f.status) add('k.status = ?', f.status);
  if (f.staffId !== undefined) add('k.staff_id = ?', f.staffId);
  if (f.clientId !== undefined) add('k.client_id = ?', f.clientId);
  if (f.signedFrom) add('k.signed_on >= ?', f.signedFrom);
  if (f.signedTo) add('k.signed_on <= ?', f.signedTo);
  if (f.unpaidOnly) add(`k.status != 'cancelled' AND k.amount_fen > k.paid_fen`);
  return { sql: parts.join(' AND '), params };
}

const CONTRACT_ORDER: Record<ContractSortKey, string> = {
  signedOn: 'COALESCE(k.signed_on, k.created_at)',
  number: 'k.number',
  client: 'c.name',
  staff: 's.name',
  amount: 'k.amount_fen',
  paid: 'k.paid_fen',
  balance: '(k.amount_fen - k.paid_fen)',
  status: 'k.status',
};

/** ORDER BY for a column sort; the id breaks ties so pages never repeat or skip a row. */
function contractOrder(sort: ContractSort): string {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as ContractSortKey;
  const dir = desc ? 'DESC' : 'ASC';
  return `${CONTRACT_ORDER[key]} ${dir}, k.id ${dir}`;
}

export function listContracts(
  ctx: CallContext,
  input: ContractFilters & { offset: number; limit: number },
): { rows: ContractRow[]; total: number; totals: { amountFen: number; paidFen: number; balanceFen: number } } {
  const where = contractWhere(ctx, input);
  // The client is joined only when a filter needs it (a search, a salesperson's scope).
  const from = /\bc\./.test(where.sql) ? 'contracts k JOIN clients c ON c.id = k.client_id' : 'contracts k';
  const agg = ctx.sqlite
    .prepare(
      `SELECT count(*) AS n, COALESCE(sum(k.amount_fen), 0) AS amount, COALESCE(sum(k.paid_fen), 0) AS paid
       FROM ${from} WHERE ${where.sql} AND k.status != 'cancelled'`,
    )
    .get(...where.params) as { n: number; amount: number; paid: number };
  const total = ctx.sqlite
    .prepare(`SELECT count(*) FROM ${from} WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
  const rows = ctx.sqlite
    .prepare(`${CONTRACT_SELECT} WHERE ${where.sql} ORDER BY ${contractOrder(input.sort ?? '-signedOn')} LIMIT ? OFFSET ?`)
    .all(...where.params, input.limit, input.offset) as ContractJoined[];
  const asOf = todayLocal(ctx.now());
  return {
    rows: rows.map((r) => toContractRow(r, asOf)),
    total,
    totals: { amountFen: agg.amount, paidFen: agg.paid, balanceFen: agg.amount - agg.paid },
  };
}

export async function createContract(ctx: CallContext, input: NewContract): Promise<ContractDetail> {
  const stamp = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const client = await visibleClient(trx, ctx.actor, input.clientId);
    const staffId = await resolveContractStaff(trx, ctx, input.staffId, client.owner_staff_id);
    const number = input.number ?? nextContractNumber(ctx.sqlite, input.signedOn ?? todayLocal(ctx.now()));
    assertNumberFree(ctx, number, null);
    if (input.renewalOfId !== null) assertRenewable(ctx, input.renewalOfId, input.clientId);
    const { id } = await trx
      .insertInto('contracts')
      .values({
        number,
        client_id: input.clientId,
        staff_id: staffId,
        product: input.product,
        amount_fen: input.amountFen,
        signed_on: input.signedOn,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        status: input.status,
        renewal_of_id: input.renewalOfId,
        notes: input.notes,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'contracts.create', entity: 'contract', entityId: id, after: { ...input, number, staffId } },
      ctx.now(),
    );
    return id;
  });
  return getContract(ctx, id);
}

export async function updateContract(ctx: CallContext, patch: ContractPatch): Promise<ContractDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const existing = assertCanSeeContract(ctx.actor, findContractJoined(ctx.sqlite, patch.id), patch.id);
    if (patch.number !== undefined) assertNumberFree(ctx, patch.number, patch.id);
    if (patch.staffId !== undefined && patch.staffId !== null && patch.staffId !== existing.staff_id)
      await assertActiveStaff(trx, patch.staffId);
    const startsOn = patch.startsOn === undefined ? existing.starts_on : patch.startsOn;
    const endsOn = patch.endsOn === undefined ? existing.ends_on : patch.endsOn;
    if (startsOn && endsOn && endsOn < startsOn) {
      throw new AppError('invalid_input', {
        zh: `服务结束日期 ${endsOn} 早于开始日期 ${startsOn}。`,
        en: `The service end ${endsOn} is before its start ${startsOn}.`,
      });
    }
    // A 回款计划 must still fit the contract: not above its amount, no instalment before signing.
    if (patch.amountFen !== undefined || patch.signedOn !== undefined)
      assertScheduleStillFits(ctx.sqlite, existing, {
        amountFen: patch.amountFen ?? existing.amount_fen,
        signedOn: patch.signedOn === undefined ? existing.signed_on : patch.signedOn,
      });
    if (patch.amountFen !== undefined && patch.amountFen < existing.paid_fen) {
      throw new AppError('conflict', {
        zh: `合同金额不能低于已收款 ${formatFen(existing.paid_fen)} 元;如需调低,请先登记退款。`,
        en: `The amount cannot be below the ${formatFen(existing.paid_fen)} yuan already received; record a refund first.`,
      });
    }
    await trx
      .updateTable('contracts')
      .set({
        ...(patch.number !== undefined && { number: patch.number }),
        ...(patch.staffId !== undefined && { staff_id: patch.staffId }),
        ...(patch.product !== undefined && { product: patch.product }),
        ...(patch.amountFen !== undefined && { amount_fen: patch.amountFen }),
        ...(patch.signedOn !== undefined && { signed_on: patch.signedOn }),
        ...(patch.startsOn !== undefined && { starts_on: patch.startsOn }),
        ...(patch.endsOn !== undefined && { ends_on: patch.endsOn }),
        ...(patch.status !== undefined && { status: patch.status }),
        ...(patch.notes !== undefined && { notes: patch.notes }),
        updated_at: ctx.now().toISOString(),
      })
      .where('id', '=', patch.id)
      .execute();
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'contracts.update', entity: 'contract', entityId: patch.id, before: toContractRow(existing), after: patch },
      ctx.now(),
    );
  });
  return getContract(ctx, patch.id);
}

/** A salesperson's contracts are their own; others name anyone current, or the client's owner by default. */
async function resolveContractStaff(
  trx: Kysely<Database>,
  ctx: CallContext,
  requested: number | null | undefined,
  clientOwner: number | null,
): Promise<number | null> {
  if (isScopedToOwn(ctx.actor)) {
    if (requested !== undefined && requested !== null && requested !== ctx.actor?.staffId) {
      throw new AppError('forbidden', {
        zh: '业务员只能登记自己的合同。',
        en: 'A salesperson can register only their own contracts.',
      });
    }
    return ctx.actor?.staffId ?? null;
  }
  const staffId = requested === undefined ? clientOwner : requested;
  if (staffId !== null) await assertActiveStaff(trx, staffId);
  return staffId;
}

export function assertNumberFree(ctx: CallContext, number: string, exceptId: number | null): void {
  const clash = findContractByNumber(ctx.sqlite, number);
  if (clash && clash.id !== exceptId) {
    throw new AppError(
      'conflict',
      {
        zh: `合同编号 ${number} 已被使用,请换一个编号。`,
        en: `Contract number ${number} is already used; choose another number.`,
      },
      { issues: [{ path: 'number', message: '已被使用', messageEn: 'already used' }] },
    );
  }
}

/** A renewal continues a contract of the same client that was not cancelled nor renewed already. */
export function assertRenewable(ctx: CallContext, previousId: number, clientId: number): ContractJoined {
  const previous = assertCanSeeContract(ctx.actor, findContractJoined(ctx.sqlite, previousId), previousId);
  if (previous.client_id !== clientId) {
    throw new AppError('invalid_input', {
      zh: `合同 ${previous.number} 属于另一个客户,不能作为续费的原合同。`,
      en: `Contract ${previous.number} belongs to another client; it cannot be the one renewed.`,
    });
  }
  if (previous.status === 'cancelled') {
    throw new AppError('conflict', {
      zh: `合同 ${previous.number} 已作废,不能续费。`,
      en: `Contract ${previous.number} is cancelled; it cannot be renewed.`,
    });
  }
  if (previous.renewed_by_id !== null) {
    throw new AppError(
      'conflict',
      {
        zh: `合同 ${previous.number} 已续费为 ${previous.renewed_by_number},不能重复续费。`,
        en: `Contract ${previous.number} was already renewed as ${previous.renewed_by_number}.`,
      },
      { renewedById: previous.renewed_by_id },
    );
  }
  return previous;
}
