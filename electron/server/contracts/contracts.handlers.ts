import type { contractsContract } from '../../../shared/contract/contracts';
import type { Handlers } from '../core/handlers';
import { runImport } from '../imports/run-import';
import { exportContracts } from './contracts.export';
import { contractsImporter } from './contracts.import';
import { createContract, getContract, listContracts, updateContract } from './contracts.service';
import { paymentsImporter } from './payments.import';
import { createPayment, deletePayment } from './payments.service';
import { listRenewals, renewContract } from './renewals.service';

export const contractsHandlers: Handlers<typeof contractsContract> = {
  'contracts.list': (ctx, input) => listContracts(ctx, input),
  'contracts.get': (ctx, input) => getContract(ctx, input.id),
  'contracts.create': (ctx, input) => createContract(ctx, input),
  'contracts.update': (ctx, input) => updateContract(ctx, input),
  'contracts.renew': (ctx, input) => renewContract(ctx, input),
  'contracts.import': (ctx, input) => runImport(ctx, contractsImporter, input),
  'contracts.export': (ctx, input) => exportContracts(ctx, input.filters, input.format),
  'payments.create': (ctx, input) => createPayment(ctx, input),
  'payments.delete': (ctx, input) => deletePayment(ctx, input.id, input.reason),
  'payments.import': (ctx, input) => runImport(ctx, paymentsImporter, input),
  'renewals.list': (ctx, input) => listRenewals(ctx, input),
};
