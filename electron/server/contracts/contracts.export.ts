import { CONTRACT_STATUS_LABELS, type ContractFilters } from '../../../shared/contract/contracts';
import type { ExportFile, ExportFormat } from '../../../shared/imports/export-file';
import { fenToYuanString } from '../../../shared/money';
import { todayLocal } from '../../../shared/dates';
import type { CallContext } from '../core/context';
import { exportFile, type TableColumn } from '../imports/write-table';
import { CONTRACT_COLUMNS, type ContractField } from './contracts.columns';
import { CONTRACT_SELECT, toContractRow, type ContractJoined } from './contracts.repository';
import { contractWhere } from './contracts.service';

/** The filtered contract list with paid and balance, under the headers import reads. */
export async function exportContracts(ctx: CallContext, filters: ContractFilters, format: ExportFormat): Promise<ExportFile> {
  const where = contractWhere(ctx, filters);
  const staffCodes = new Map(
    (ctx.sqlite.prepare('SELECT id, code FROM staff').all() as { id: number; code: string }[]).map((s) => [s.id, s.code]),
  );
  const asOf = todayLocal(ctx.now());
  const rows = (
    ctx.sqlite
      .prepare(`${CONTRACT_SELECT} WHERE ${where.sql} ORDER BY COALESCE(k.signed_on, k.created_at), k.id`)
      .all(...where.params) as ContractJoined[]
  ).map((r) => toContractRow(r, asOf));
  const money = new Set<ContractField>(['amount', 'paid', 'balance']);
  const columns: TableColumn[] = CONTRACT_COLUMNS.map((c) => ({
    header: c.label,
    width: c.field === 'client' ? 30 : 14,
    ...(money.has(c.field) ? { kind: 'money' as const } : {}),
  }));
  const yuan = (fen: number): string | number => (format === 'xlsx' ? fen / 100 : fenToYuanString(fen));
  const data = rows.map((r) =>
    CONTRACT_COLUMNS.map((c): string | number => {
      switch (c.field) {
        case 'number':
          return r.number;
        case 'client':
          return r.clientName;
        case 'staffCode':
          return r.staffId === null ? '' : (staffCodes.get(r.staffId) ?? '');
        case 'staffName':
          return r.staffName;
        case 'product':
          return r.product;
        case 'signedOn':
          return r.signedOn ?? '';
        case 'amount':
          return yuan(r.amountFen);
        case 'startsOn':
          return r.startsOn ?? '';
        case 'endsOn':
          return r.endsOn ?? '';
        case 'status':
          return CONTRACT_STATUS_LABELS[r.status].zh;
        case 'renewalOf':
          return r.renewalOfNumber ?? '';
        case 'paid':
          return yuan(r.paidFen);
        case 'balance':
          return yuan(r.balanceFen);
        case 'notes':
          return r.notes;
      }
    }),
  );
  return exportFile(format, `协议合同-${asOf}`, '协议合同', columns, data);
}
