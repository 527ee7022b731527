import type { receivablesContract } from '../../../shared/contract/receivables';
import type { Handlers } from '../core/handlers';
import { exportAging } from './aging.export';
import { createInvoice, deleteInvoice, listInvoices } from './invoices.service';
import {
  agingReport,
  listReceivables,
  readReceivablesSettings,
  receivablesByStaff,
  receivablesSummary,
  updateReceivablesSettings,
} from './receivables.service';
import { getSchedule, setSchedule } from './schedules.service';

export const receivablesHandlers: Handlers<typeof receivablesContract> = {
  'schedules.get': (ctx, input) => getSchedule(ctx, input.contractId, input.asOf),
  'schedules.set': (ctx, input) => setSchedule(ctx, input),
  'receivables.list': (ctx, input) => listReceivables(ctx, input),
  'receivables.aging': (ctx, input) => agingReport(ctx, input),
  'receivables.agingExport': (ctx, input) => exportAging(ctx, input.asOf, input.format),
  'receivables.summary': (ctx, input) => receivablesSummary(ctx, input.asOf),
  'receivables.byStaff': (ctx, input) => receivablesByStaff(ctx, input.month),
  'receivables.settings': (ctx) => readReceivablesSettings(ctx),
  'receivables.updateSettings': (ctx, input) => updateReceivablesSettings(ctx, input),
  'invoices.list': (ctx, input) => listInvoices(ctx, input),
  'invoices.create': (ctx, input) => createInvoice(ctx, input),
  'invoices.delete': (ctx, input) => deleteInvoice(ctx, input.id, input.reason),
};
