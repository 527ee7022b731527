import { newPaymentSchema, PAYMENT_METHOD_LABELS, type PaymentMethod } from '../../../shared/contract/contracts';
import { formatFen } from '../../../shared/money';
import { IssueList, type Importer, type RowResult } from '../imports/importer';
import { fieldReaders } from '../imports/field-readers';
import { checkWithSchema, type SchemaColumns } from '../imports/schema-check';
import { PAYMENT_COLUMNS, parsePaymentMethod, type PaymentField } from './contracts.columns';
import { checkPayment } from './payments.service';
import type { ContractJoined } from './contracts.repository';

type ImportedPayment = {
  contractId: number;
  staffId: number | null;
  paidOn: string;
  amountFen: number;
  method: PaymentMethod;
  notes: string;
};
type ContractFacts = Pick<ContractJoined, 'id' | 'number' | 'amount_fen' | 'paid_fen' | 'status' | 'staff_id'>;

/** The column each payments.create input key is read from, for the schema's issues. */
const PAYMENT_SCHEMA_COLUMNS: SchemaColumns<PaymentField> = {
  contractId: 'contract',
  paidOn: 'paidOn',
  amountFen: 'amount',
  method: 'method',
  notes: 'notes',
};

const METHOD_HINT = {
  zh: Object.values(PAYMENT_METHOD_LABELS)
    .map((l) => l.zh)
    .join('、'),
  en: Object.values(PAYMENT_METHOD_LABELS)
    .map((l) => l.en)
    .join(', '),
};

/** Payments and refunds (negative amounts); the same balance rules as one payment at a time, row by row. */
export const paymentsImporter: Importer<PaymentField, ImportedPayment> = {
  kind: 'payments',
  label: { zh: '收款', en: 'payments' },
  columns: PAYMENT_COLUMNS,
  prepare(ctx) {
    const contracts = new Map(
      (
        ctx.sqlite
          .prepare('SELECT k.id, k.number, k.amount_fen, k.status, k.staff_id, k.paid_fen FROM contracts k')
          .all() as ContractFacts[]
      ).map((k) => [k.number.toLowerCase(), k]),
    );
    const paidSoFar = new Map<number, number>();
    return {
      read(cells): RowResult<ImportedPayment> {
        const issues = new IssueList(cells);
        const f = fieldReaders(cells, issues);
        const number = f.text('contract');
        const contract = number ? contracts.get(number.toLowerCase()) : undefined;
        if (number && !contract)
          issues.add(
            'contract',
            `合同 ${number} 不存在,请先登记或导入该合同`,
            `There is no contract ${number}; register or import it first`,
          );
        // The row as payments.create would receive it; its schema holds every rule (date range, not 0).
        const checked = checkWithSchema(
          newPaymentSchema,
          {
            contractId: contract?.id ?? null,
            paidOn: f.date('paidOn'),
            amountFen: f.amount('amount'),
            method: f.choice('method', parsePaymentMethod, METHOD_HINT) ?? 'transfer',
            notes: f.text('notes'),
          },
          PAYMENT_SCHEMA_COLUMNS,
          issues,
        );
        if (contract && checked) {
          const before = paidSoFar.get(contract.id) ?? contract.paid_fen;
          const problem = checkPayment({ ...contract, paid_fen: before } as ContractJoined, checked.amountFen, before);
          if (problem) issues.add('amount', problem.zh, problem.messageEn);
        }
        if (!issues.ok || !contract || !checked) return { ok: false, issues: issues.issues };
        const { paidOn, amountFen, method, notes } = checked;
        paidSoFar.set(contract.id, (paidSoFar.get(contract.id) ?? contract.paid_fen) + amountFen);
        return {
          ok: true,
          value: { contractId: contract.id, staffId: contract.staff_id, paidOn, amountFen, method, notes },
          preview: () => ({
            contract: contract.number,
            paidOn,
            amount: formatFen(amountFen),
            method: PAYMENT_METHOD_LABELS[method].zh,
          }),
        };
      },
      write(_trx, c, rows) {
        const insert = c.sqlite.prepare(
          'INSERT INTO payments (contract_id, staff_id, paid_on, amount_fen, method, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        const stamp = c.now().toISOString();
        for (const { value: p } of rows) insert.run(p.contractId, p.staffId, p.paidOn, p.amountFen, p.method, p.notes, stamp);
        return rows.length;
      },
    };
  },
};
