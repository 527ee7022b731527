import { clientsImporter } from '../clients/clients.import';
import { plansImporter } from '../commission/plans.import';
import { staffImporter } from '../commission/staff.import';
import { contractsImporter } from '../contracts/contracts.import';
import { paymentsImporter } from '../contracts/payments.import';
import type { Importer } from './importer';

/**
 * Every import by kind, so the import worker (which receives only the kind and the file) runs
 * the same importer the handler named. Other areas add theirs here.
 */
export const IMPORTERS: Record<string, Importer<string, unknown>> = {
  clients: clientsImporter as unknown as Importer<string, unknown>,
  contracts: contractsImporter as unknown as Importer<string, unknown>,
  payments: paymentsImporter as unknown as Importer<string, unknown>,
  staff: staffImporter as unknown as Importer<string, unknown>,
  plans: plansImporter as unknown as Importer<string, unknown>,
};
