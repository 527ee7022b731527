import type { PaymentMethod, PaymentRow } from '../../../shared/contract/contracts';
import { formatFen } from '../../../shared/money';
import { isMonthClosed } from '../commission/month-state';
import { writeAudit } from '../audit/audit.repository';
import { AppError, notFound } from '../core/app-error';
import type { CallContext } from '../core/context';
import { assertCanSeeContract } from './contract-scope';
import { findContractJoined, listPayments, type ContractJoined } from './contracts.repository';

export type NewPayment = { contractId: number; paidOn: string; amountFen: number; method: PaymentMethod; notes: string };

/**
 * A payment (收款) or, negative, a refund (退款). Money received never exceeds the contract
 * amount, a refund never exceeds what was received, and a cancelled contract takes refunds
 * only. The payment is credited to the contract's salesperson at the time it is received.
 */
export function checkPayment(
  contract: ContractJoined,
  amountFen: number,
  paidBefore: number = contract.paid_fen,
): AppError | null {
  const after = paidBefore + amountFen;
  if (amountFen > 0 && contract.status === 'cancelled') {
    return new AppError('conflict', {
      zh: `合同 ${contract.number} 已作废,只能登记退款。`,
      en: `Contract ${contract.number} is cancelled; only refunds can be recorded.`,
    });
  }
  if (amountFen > 0 && after > contract.amount_fen) {
    return new AppError(
      'conflict',
      {
        zh: `合同 ${contract.number} 金额 ${formatFen(contract.amount_fen)} 元,已收 ${formatFen(paidBefore)} 元,本次 ${formatFen(amountFen)} 元将超出合同金额。请核对金额,或先修改合同金额。`,
        en: `Contract ${contract.number} is for ${formatFen(contract.amount_fen)} yuan with ${formatFen(paidBefore)} received; ${formatFen(amountFen)} more would exceed it. Check the amount or change the contract first.`,
      },
      { balanceFen: contract.amount_fen - paidBefore },
    );
  }
  if (amountFen < 0 && after < 0) {
    return new AppError(
      'conflict',
      {
        zh: `合同 ${contract.number} 只收到 ${formatFen(paidBefore)} 元,退款 ${formatFen(-amountFen)} 元超过了已收金额。`,
        en: `Contract ${contract.number} has received only ${formatFen(paidBefore)} yuan; a refund of ${formatFen(-amountFen)} yuan is more than that.`,
      },
      { paidFen: paidBefore },
    );
  }
  return null;
}

export async function createPayment(ctx: CallContext, input: NewPayment): Promise<PaymentRow> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const contract = assertCanSeeContract(ctx.actor, findContractJoined(ctx.sqlite, input.contractId), input.contractId);
    const problem = checkPayment(contract, input.amountFen);
    if (problem) throw problem;
    const { id } = await trx
      .insertInto('payments')
      .values({
        contract_id: contract.id,
        staff_id: contract.staff_id,
        paid_on: input.paidOn,
        amount_fen: input.amountFen,
        method: input.method,
        notes: input.notes,
        created_at: ctx.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(
      trx,
      ctx.actor,
      { action: input.amountFen < 0 ? 'payments.refund' : 'payments.create', entity: 'payment', entityId: id, after: input },
      ctx.now(),
    );
    return id;
  });
  return listPayments(ctx.sqlite, input.contractId).find((p) => p.id === id)!;
}

/** Remove a mistaken record (a refund is the way to return money); kept in the audit log. */
export async function deletePayment(ctx: CallContext, id: number, reason: string): Promise<{ deleted: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const payment = await trx.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!payment) throw notFound({ zh: '收款记录', en: 'Payment' }, id);
    const contract = assertCanSeeContract(ctx.actor, findContractJoined(ctx.sqlite, payment.contract_id), payment.contract_id);
    // A closed month's figures are frozen (月结): a mistake there is corrected by a refund,
    // which lands in the next open month as an adjustment.
    if (payment.credit_month && isMonthClosed(ctx.sqlite, payment.credit_month)) {
      throw new AppError('conflict', {
        zh: `这笔收款计入的 ${payment.credit_month} 已月结,不能删除。请登记一笔退款来更正。`,
        en: `This payment counts in ${payment.credit_month}, which is closed; it cannot be deleted. Record a refund to correct it.`,
      });
    }
    if (payment.amount_fen > 0 && contract.paid_fen - payment.amount_fen < 0) {
      throw new AppError('conflict', {
        zh: '删除这笔收款后,已退款将超过已收款。请先删除相应的退款。',
        en: 'Deleting this payment would leave refunds larger than what was received; delete the refund first.',
      });
    }
    await trx.deleteFrom('payments').where('id', '=', id).execute();
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'payments.delete', entity: 'payment', entityId: id, before: payment, after: { reason } },
      ctx.now(),
    );
    return { deleted: 1 };
  });
}
