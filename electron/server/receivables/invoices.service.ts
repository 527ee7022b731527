import type { InvoiceRow } from '../../../shared/contract/receivables';
import type { Selectable } from 'kysely';
import type { InvoicesTable } from '../db/schema';
import { formatFen } from '../../../shared/money';
import { writeAudit } from '../audit/audit.repository';
import { AppError, notFound } from '../core/app-error';
import type { CallContext } from '../core/context';
import { assertCanSeeContract, contractScopeSql } from '../contracts/contract-scope';
import { findContractJoined } from '../contracts/contracts.repository';
import { invoicedFen } from './schedules.service';

type InvoiceSqlRow = Selectable<InvoicesTable> & {
  contract_number: string;
  client_id: number;
  client_name: string;
  payment_ids: string | null;
};

const SELECT = `
  SELECT v.id, v.contract_id, v.number, k.number AS contract_number, k.client_id, c.name AS client_name, v.title, v.tax_no,
         v.amount_fen, v.issued_on, v.notes, v.created_at, v.created_by,
         (SELECT json_group_array(ip.payment_id) FROM invoice_payments ip WHERE ip.invoice_id = v.id) AS payment_ids
  FROM invoices v JOIN contracts k ON k.id = v.contract_id JOIN clients c ON c.id = k.client_id`;

function toRow(r: InvoiceSqlRow): InvoiceRow {
  return {
    id: r.id,
    contractId: r.contract_id,
    contractNumber: r.contract_number,
    clientId: r.client_id,
    clientName: r.client_name,
    title: r.title,
    taxNo: r.tax_no,
    amountFen: r.amount_fen,
    number: r.number,
    issuedOn: r.issued_on,
    notes: r.notes,
    paymentIds: (JSON.parse(r.payment_ids ?? '[]') as number[]).sort((a, b) => a - b),
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

/** 发票登记: a contract's or a client's invoices, or all within dates (a salesperson's own contracts only). */
export function listInvoices(
  ctx: CallContext,
  f: {
    contractId?: number | undefined;
    clientId?: number | undefined;
    from?: string | undefined;
    to?: string | undefined;
    search: string;
    limit: number;
  },
): { rows: InvoiceRow[]; totalFen: number } {
  const scope = contractScopeSql(ctx.actor);
  const where = [scope.sql];
  const params: (string | number)[] = [...scope.params];
  const add = (cond: string, ...values: (string | number)[]): void => {
    where.push(cond);
    params.push(...values);
  };
  if (f.contractId !== undefined) add('v.contract_id = ?', f.contractId);
  if (f.clientId !== undefined) add('k.client_id = ?', f.clientId);
  if (f.from) add('v.issued_on >= ?', f.from);
  if (f.to) add('v.issued_on <= ?', f.to);
  if (f.search) {
    const like = `%${f.search.replace(/[%_\\]/g, '\\$&')}%`;
    add(`(v.number LIKE ? ESCAPE '\\' OR v.title LIKE ? ESCAPE '\\' OR k.number LIKE ? ESCAPE '\\')`, like, like, like);
  }
  const rows = ctx.sqlite
    .prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY v.issued_on DESC, v.id DESC LIMIT ?`)
    .all(...params, f.limit) as InvoiceSqlRow[];
  const totalFen = ctx.sqlite
    .prepare(
      `SELECT COALESCE(sum(v.amount_fen), 0) FROM invoices v JOIN contracts k ON k.id = v.contract_id JOIN clients c ON c.id = k.client_id
       WHERE ${where.join(' AND ')}`,
    )
    .pluck()
    .get(...params) as number;
  return { rows: rows.map(toRow), totalFen };
}

export type NewInvoice = {
  contractId: number;
  title: string;
  taxNo: string;
  amountFen: number;
  number: string;
  issuedOn: string;
  notes: string;
  paymentIds: number[];
};

/**
 * Record an invoice (records only — no tax system). Refused whole when the contract is cancelled,
 * the invoices would add up to more than the contract, the 发票号码 is already recorded, or a
 * linked payment is not one of this contract's receipts.
 */
export async function createInvoice(ctx: CallContext, input: NewInvoice): Promise<InvoiceRow> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const contract = assertCanSeeContract(ctx.actor, findContractJoined(ctx.sqlite, input.contractId), input.contractId);
    if (contract.status === 'cancelled')
      throw new AppError('conflict', {
        zh: `合同 ${contract.number} 已作废,不能开票。`,
        en: `Contract ${contract.number} is cancelled; it cannot be invoiced.`,
      });
    const already = invoicedFen(ctx.sqlite, contract.id);
    if (already + input.amountFen > contract.amount_fen)
      throw new AppError(
        'conflict',
        {
          zh: `合同 ${contract.number} 金额 ${formatFen(contract.amount_fen)} 元,已开票 ${formatFen(already)} 元,本次 ${formatFen(input.amountFen)} 元将超出合同金额(最多还可开 ${formatFen(contract.amount_fen - already)} 元)。`,
          en: `Contract ${contract.number} is for ${formatFen(contract.amount_fen)} yuan and ${formatFen(already)} is invoiced; ${formatFen(input.amountFen)} more would exceed it (at most ${formatFen(contract.amount_fen - already)} left).`,
        },
        { issues: [{ path: 'amountFen', message: '超过未开票金额', messageEn: 'more than is left to invoice' }] },
      );
    const clash = ctx.sqlite.prepare('SELECT id FROM invoices WHERE number = ?').get(input.number) as { id: number } | undefined;
    if (clash)
      throw new AppError(
        'conflict',
        { zh: `发票号码 ${input.number} 已登记过。`, en: `Invoice number ${input.number} is already recorded.` },
        {
          issues: [{ path: 'number', message: '已登记过', messageEn: 'already recorded' }],
        },
      );
    const paymentIds = [...new Set(input.paymentIds)];
    if (paymentIds.length > 0) {
      const ours = ctx.sqlite
        .prepare(`SELECT id FROM payments WHERE contract_id = ? AND amount_fen > 0 AND id IN (SELECT value FROM json_each(?))`)
        .pluck()
        .all(contract.id, JSON.stringify(paymentIds)) as number[];
      const foreign = paymentIds.filter((p) => !ours.includes(p));
      if (foreign.length > 0)
        throw new AppError(
          'invalid_input',
          {
            zh: `收款记录 ${foreign.join(', ')} 不是合同 ${contract.number} 的收款。`,
            en: `Payments ${foreign.join(', ')} are not receipts of contract ${contract.number}.`,
          },
          { issues: [{ path: 'paymentIds', message: '不属于该合同', messageEn: 'not of this contract' }] },
        );
    }
    const newId = Number(
      ctx.sqlite
        .prepare(
          `INSERT INTO invoices (contract_id, title, tax_no, amount_fen, number, issued_on, notes, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          contract.id,
          input.title,
          input.taxNo,
          input.amountFen,
          input.number,
          input.issuedOn,
          input.notes,
          ctx.now().toISOString(),
          ctx.actor?.name ?? 'system',
        ).lastInsertRowid,
    );
    const link = ctx.sqlite.prepare('INSERT INTO invoice_payments (invoice_id, payment_id) VALUES (?, ?)');
    for (const p of paymentIds) link.run(newId, p);
    await writeAudit(trx, ctx.actor, { action: 'invoices.create', entity: 'invoice', entityId: newId, after: input }, ctx.now());
    return newId;
  });
  return toRow(ctx.sqlite.prepare(`${SELECT} WHERE v.id = ?`).get(id) as InvoiceSqlRow);
}

export async function deleteInvoice(ctx: CallContext, id: number, reason: string): Promise<{ deleted: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = ctx.sqlite.prepare(`${SELECT} WHERE v.id = ?`).get(id) as InvoiceSqlRow | undefined;
    if (!row) throw notFound({ zh: '发票记录', en: 'Invoice record' }, id);
    ctx.sqlite.prepare('DELETE FROM invoices WHERE id = ?').run(id);
    await writeAudit(
      trx,
      ctx.actor,
      { action: 'invoices.delete', entity: 'invoice', entityId: id, before: toRow(row), after: { reason } },
      ctx.now(),
    );
    return { deleted: 1 };
  });
}
